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
        // A fuzzer's find (tests/fuzz/fuzz_settings): every refusal names a field.
        {R"({"": {"cot": {"months": 0}}})", "settings"},
    };
    for (const auto& c : cases) {
        const auto s = ParseSettings(c.text);
        ASSERT_FALSE(s.ok()) << c.text;
        EXPECT_EQ(s.status().field(), c.field) << c.text;
    }
}

TEST(SettingsFileTest, ReadsTheRolesThatMustEnrolASecondFactor) {
    const auto s = ParseSettings(R"({"totp_required_roles": ["admin", "supervisor"]})");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->totp_required_roles, (std::vector<policy::Role>{policy::Role::kAdmin, policy::Role::kSupervisor}));
    for (const char* bad : {R"({"totp_required_roles": ["superviser"]})", R"({"totp_required_roles": "admin"})",
                            R"({"totp_required_roles": [1]})"}) {
        const auto refused = ParseSettings(bad);
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_EQ(refused.status().field(), "totp_required_roles");
    }
}

TEST(SettingsFileTest, ReadsRetentionPeriodsPerCategory) {
    const auto s = ParseSettings(R"({"retention": {"contact": {"years": 1}, "record": {"days": 3650}}})");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_EQ(s->retention.size(), 2u);
    EXPECT_EQ(s->retention.at("contact").years, 1);
    EXPECT_EQ(s->retention.at("record").days, 3650);
    EXPECT_TRUE(ParseSettings("{}")->retention.empty());
}

TEST(SettingsFileTest, RefusesUnknownCategoriesUnitsAndAmounts) {
    struct Case {
        const char* text;
        const char* field;
    };
    const Case cases[] = {
        {R"({"retention": {"contacts": {"years": 1}}})", "retention.contacts"},
        {R"({"retention": {"contact": {"months": 6}}})", "retention.contact.months"},
        {R"({"retention": {"contact": {"years": 0}}})", "retention.contact.years"},
        {R"({"retention": {"contact": {"years": 1, "days": 2}}})", "retention.contact"},
        {R"({"retention": {"contact": 365}})", "retention.contact"},
        {R"({"retention": ["contact"]})", "retention"},
    };
    for (const auto& c : cases) {
        const auto s = ParseSettings(c.text);
        ASSERT_FALSE(s.ok()) << c.text;
        EXPECT_EQ(s.status().field(), c.field) << c.text;
    }
    const auto unknown = ParseSettings(R"({"retention": {"contacts": {"years": 1}}})");
    EXPECT_NE(unknown.status().message().find("contact"), std::string::npos);
}

}  // namespace
}  // namespace onestory::cli
