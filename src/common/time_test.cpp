// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/time.hpp"

#include <gtest/gtest.h>

namespace onestory {
namespace {

TEST(TimeTest, ParsesAndFormatsDates) {
    const auto d = ParseDate("1999-02-28");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(FormatDate(*d), "1999-02-28");
}

TEST(TimeTest, RejectsMalformedAndImpossibleDates) {
    for (const char* bad : {"1999-02-29", "2023-13-01", "2023-00-10", "2023-1-01", "20230101", "2023-01-01T00:00:00Z",
                            "", "abcd-ef-gh", "2023-04-31", "0000-01-01", " 2023-01-01"}) {
        EXPECT_FALSE(ParseDate(bad).has_value()) << bad;
    }
    EXPECT_TRUE(ParseDate("2024-02-29").has_value());
}

TEST(TimeTest, InstantRoundTripsInUtc) {
    const auto t = ParseInstant("2026-11-26T14:22:39Z");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(FormatInstant(*t), "2026-11-26T14:22:39Z");
    const auto f = ParseInstant("2026-11-26T14:22:39.5Z");
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(FormatInstant(*f), "2026-11-26T14:22:39.500000Z");
    EXPECT_EQ(FromMicros(ToMicros(*f)), *f);
}

TEST(TimeTest, InstantOffsetsConvertToUtc) {
    const auto t = ParseInstant("2026-11-26T16:00:00+02:00");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(FormatInstant(*t), "2026-11-26T14:00:00Z");
    const auto u = ParseInstant("2026-11-26T23:30:00-01:00");
    ASSERT_TRUE(u.has_value());
    EXPECT_EQ(FormatInstant(*u), "2026-11-27T00:30:00Z");
}

TEST(TimeTest, RejectsMalformedInstants) {
    for (const char* bad : {"2026-11-26", "2026-11-26T24:00:00Z", "2026-11-26T14:22:39", "2026-11-26T14:22:39.Z",
                            "2026-11-26T14:22:39Zjunk", "2026-11-26 14:22:39Z", "2026-11-26T14:22:39+0200"}) {
        EXPECT_FALSE(ParseInstant(bad).has_value()) << bad;
    }
}

}  // namespace
}  // namespace onestory
