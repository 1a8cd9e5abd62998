// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/settings_file.hpp"

#include <gtest/gtest.h>

namespace onestory::cli {
namespace {

TEST(SettingsFileTest, DefaultsWhenEmpty) {
    const auto s = ParseSettings("{}");
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->idle_timeout, std::chrono::minutes(30));
    EXPECT_EQ(s->lockout_threshold, 5);
}

TEST(SettingsFileTest, ReadsKnownKeys) {
    const auto s = ParseSettings(R"({"idle_timeout_minutes": 10, "lockout_threshold": 3, "lockout_minutes": 60})");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->idle_timeout, std::chrono::minutes(10));
    EXPECT_EQ(s->lockout_threshold, 3);
    EXPECT_EQ(s->lockout_duration, std::chrono::minutes(60));
}

TEST(SettingsFileTest, RefusesTyposWrongTypesAndUnsafeValues) {
    struct Case {
        const char* text;
        const char* field;
    };
    const Case cases[] = {
        {R"({"idle_timeout_minute": 10})", "idle_timeout_minute"},
        {R"({"idle_timeout_minutes": "10"})", "idle_timeout_minutes"},
        {R"({"idle_timeout_minutes": 0})", "idle_timeout_minutes"},
        {R"({"min_password_length": 8})", "min_password_length"},
        {R"([1, 2])", "settings"},
        {R"({"idle_timeout_minutes": )", "settings"},
    };
    for (const auto& c : cases) {
        const auto s = ParseSettings(c.text);
        ASSERT_FALSE(s.ok()) << c.text;
        EXPECT_EQ(s.status().field(), c.field) << c.text;
    }
}

}  // namespace
}  // namespace onestory::cli
