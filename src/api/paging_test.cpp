// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/paging.hpp"

#include <gtest/gtest.h>

namespace onestory::api {
namespace {

http::Request WithQuery(std::vector<std::pair<std::string, std::string>> query) {
    http::Request r;
    r.query = std::move(query);
    return r;
}

TEST(PagingTest, CursorsRoundTrip) {
    const store::PageCursor c{1'800'000'000'123'456, "sv_abc"};
    const auto decoded = DecodeCursor(EncodeCursor(c));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->created_at, c.created_at);
    EXPECT_EQ(decoded->id, c.id);
}

TEST(PagingTest, RejectsBadLimitsAndCursors) {
    for (const char* bad : {"0", "501", "-1", "ten", "5x", ""}) {
        const auto page = PageFrom(WithQuery({{"limit", bad}}));
        EXPECT_FALSE(page.ok()) << bad;
        if (!page.ok()) {
            EXPECT_EQ(page.status().field(), "limit");
        }
    }
    for (const char* bad : {"!!!", "bm90aGluZw", "OmlkCg"}) {
        const auto page = PageFrom(WithQuery({{"cursor", bad}}));
        EXPECT_FALSE(page.ok()) << bad;
    }
    const auto ok = PageFrom(WithQuery({{"limit", "500"}}));
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->limit, 500);
    EXPECT_EQ(PageFrom(WithQuery({}))->limit, 50);
}

}  // namespace
}  // namespace onestory::api
