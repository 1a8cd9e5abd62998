// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace onestory {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

TEST(RateLimiterTest, RefusesAKeyThatHadItsFillUntilTheWindowMovesOn) {
    ManualClock clock(FromMicros(1'795'000'000'000'000));
    RateLimiter limiter(clock, 3, minutes(10));
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(limiter.Check("10.0.0.1").allowed) << i;
        limiter.Count("10.0.0.1");
        clock.Advance(minutes(1));
    }
    auto refused = limiter.Check("10.0.0.1");
    EXPECT_FALSE(refused.allowed);
    EXPECT_TRUE(refused.first_refusal);
    EXPECT_EQ(refused.retry_after_seconds, 7 * 60 + 1);  // the first event leaves the window in 7 minutes
    EXPECT_FALSE(limiter.Check("10.0.0.1").first_refusal);
    // Other keys are not touched.
    EXPECT_TRUE(limiter.Check("10.0.0.2").allowed);
    clock.Advance(minutes(7));
    EXPECT_TRUE(limiter.Check("10.0.0.1").allowed);
    limiter.Count("10.0.0.1");
    EXPECT_FALSE(limiter.Check("10.0.0.1").allowed);
    EXPECT_FALSE(limiter.Check("10.0.0.1").first_refusal);
}

TEST(RateLimiterTest, MemoryStaysBoundedUnderAFloodOfKeys) {
    ManualClock clock(FromMicros(1'795'000'000'000'000));
    RateLimiter limiter(clock, 2, seconds(60), 100);
    for (int i = 0; i < 10000; ++i) limiter.Count("key" + std::to_string(i));
    // The newest keys are still counted; nothing grew without bound (no crash, no hang).
    limiter.Count("key9999");
    EXPECT_FALSE(limiter.Check("key9999").allowed);
}

}  // namespace
}  // namespace onestory
