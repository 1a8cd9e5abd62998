// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/status.hpp"

#include <gtest/gtest.h>

#include "common/result.hpp"

namespace onestory {
namespace {

Result<int> Half(int n) {
    if (n % 2 != 0) return Status::Invalid("n", "must be even");
    return n / 2;
}

Result<int> Quarter(int n) {
    ONESTORY_ASSIGN_OR_RETURN(const int half, Half(n));
    return Half(half);
}

TEST(StatusTest, ResultCarriesValueOrStatus) {
    EXPECT_EQ(*Quarter(8), 2);
    const auto r = Quarter(6);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().field(), "n");
    EXPECT_EQ(r.status().ToString(), "invalid (field n): must be even");
}

TEST(StatusTest, DetailsAndRetryAfter) {
    Status s = Status::Conflict("topics_already_covered", "covered");
    s.WithDetail("covered", {"recruitment"}).WithRetryAfter(30);
    ASSERT_EQ(s.details().size(), 1u);
    EXPECT_EQ(s.details()[0].second[0], "recruitment");
    EXPECT_EQ(s.retry_after_seconds(), 30);
}

}  // namespace
}  // namespace onestory
