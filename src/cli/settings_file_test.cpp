// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/settings_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.hpp"

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

TEST(SettingsFileTest, ThePortalExitGoesToANeutralSiteOfTheOperatorsChoice) {
    EXPECT_EQ(ParseSettings("{}")->portal_exit_url, "https://www.bbc.co.uk/weather");
    const auto s = ParseSettings(R"({"portal_exit_url": "https://weather.example.org/today"})");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->portal_exit_url, "https://weather.example.org/today");
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
        {R"({"store": "sqlite:///var/lib/onestory.db"})", "store"},
        {R"({"store": 5})", "store"},
        {R"({"store_pool_size": 0})", "store_pool_size"},
        {R"({"portal_exit_url": "javascript:history.back"})", "portal_exit_url"},
        {R"({"portal_exit_url": "ftp://example.org/weather"})", "portal_exit_url"},
        {R"({"portal_exit_url": "https://example.org/a page"})", "portal_exit_url"},
        {R"({"portal_exit_url": 7})", "portal_exit_url"},
        {R"({"suppression_threshold": 1})", "suppression_threshold"},
        {R"({"suppression_threshold": "5"})", "suppression_threshold"},
        {R"({"exposure_nudge_minutes": 10})", "exposure_nudge_minutes"},
        {R"({"require_training": "tr_1"})", "require_training"},
        {R"({"require_training": {"interviewers": "tr_1"}})", "require_training.interviewers"},
        {R"({"require_training": {"interviewer": 5}})", "require_training.interviewer"},
        {R"({"require_training.interviewer": "tr_1"})", "require_training.interviewer"},
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

TEST(SettingsFileTest, ReadsTheImpactSettings) {
    const auto defaults = ParseSettings("{}");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->suppression_threshold, 5);
    EXPECT_EQ(defaults->exposure_nudge_minutes, 600);
    EXPECT_FALSE(defaults->require_training_interviewer.has_value());
    EXPECT_EQ(defaults->checkin_instrument.items.size(), 5u);
    EXPECT_TRUE(domain::ValidateInstrument(defaults->checkin_instrument).ok());
    const auto s = ParseSettings(
        R"({"suppression_threshold": 10, "exposure_nudge_minutes": 480,
            "require_training": {"interviewer": "tr_forensic", "assessor": null}})");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->suppression_threshold, 10);
    EXPECT_EQ(s->exposure_nudge_minutes, 480);
    EXPECT_EQ(s->require_training_interviewer, std::optional<std::string>("tr_forensic"));
    EXPECT_FALSE(s->require_training_assessor.has_value());
}

TEST(SettingsFileTest, ReadsACheckinInstrumentAndRefusesMalformedOnes) {
    const auto in = ParseCheckinInstrument(R"({
        "id": "licensed_scale", "version": "2024-1", "title": "A licensed scale",
        "attribution": "Reproduced with permission.",
        "scale": {"min": 0, "max": 4, "labels": ["Never", "Rarely", "Sometimes", "Often", "Very often"]},
        "items": [{"id": "q1", "text": "Item one, as published."},
                  {"id": "q2", "text": "Item two, as published.", "reverse": true}]})");
    ASSERT_TRUE(in.ok()) << in.status().ToString();
    EXPECT_EQ(in->id, "licensed_scale");
    EXPECT_EQ(in->scale_min, 0);
    ASSERT_EQ(in->items.size(), 2u);
    EXPECT_TRUE(in->items[1].reverse);
    struct Case {
        const char* text;
        const char* field;
    };
    const Case cases[] = {
        {R"({"id": "x", "version": "1", "title": "T", "scale": {"min": 1, "max": 5}, "items": [], "extra": 1})",
         "extra"},
        {R"({"id": "x", "version": "1", "title": "T", "scale": {"min": 1, "max": 5}, "items": []})", "items"},
        {R"({"id": "x", "version": "1", "title": "T", "scale": {"min": 5, "max": 5},
             "items": [{"id": "a", "text": "A"}]})",
         "scale"},
        {R"({"id": "x", "version": "1", "title": "T", "scale": {"min": 1, "max": 5},
             "items": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]})",
         "items[1].id"},
        {R"({"id": "x", "version": "1", "title": "T", "scale": {"min": 1, "max": 5},
             "items": [{"id": "a", "text": "A", "weight": 2}]})",
         "items[0].weight"},
        {R"({"id": "x", "version": "1", "title": "T", "scale": {"min": 1, "max": 3, "labels": ["a", "b"]},
             "items": [{"id": "a", "text": "A"}]})",
         "scale.labels"},
        {R"({"version": "1", "title": "T", "scale": {"min": 1, "max": 5}, "items": [{"id": "a", "text": "A"}]})", "id"},
    };
    for (const auto& c : cases) {
        const auto parsed = ParseCheckinInstrument(c.text);
        ASSERT_FALSE(parsed.ok()) << c.text;
        EXPECT_EQ(parsed.status().field(), c.field) << c.text;
    }
    testing::TempDir dir;
    const auto missing = LoadCheckinInstrument(dir.path() / "checkin_instrument.json");
    ASSERT_TRUE(missing.ok());
    EXPECT_EQ(missing->id, "onestory-weekly-check");
}

TEST(SettingsFileTest, ReadsTheStoreAndItsPoolSize) {
    const auto s =
        ParseSettings(R"({"store": "postgresql://onestory@db.example.org:5432/records", "store_pool_size": 24})");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->store, "postgresql://onestory@db.example.org:5432/records");
    EXPECT_EQ(s->store_pool_size, 24);
    const auto defaults = ParseSettings("{}");
    EXPECT_TRUE(defaults->store.empty());  // SQLite in the data directory
}

mode_t ModeOf(const std::filesystem::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0);
    return st.st_mode & 0777;
}

TEST(SettingsFileTest, APasswordInTheStoreNeedsAPrivateFile) {
    testing::TempDir dir;
    const auto path = dir.path() / "settings.json";
    std::ofstream(path) << R"({"store": "postgresql://onestory:pw@127.0.0.1/records"})";
    ::chmod(path.c_str(), 0644);
    const auto readable = LoadSettingsFile(path);
    ASSERT_FALSE(readable.ok());
    EXPECT_NE(readable.status().message().find("chmod 600"), std::string::npos);
    EXPECT_EQ(readable.status().message().find(":pw@"), std::string::npos);
    ::chmod(path.c_str(), 0600);
    EXPECT_TRUE(LoadSettingsFile(path).ok());
    // Without a password (PGPASSWORD or ~/.pgpass supply it) the mode is the operator's choice.
    std::ofstream(path) << R"({"store": "postgresql://onestory@127.0.0.1/records"})";
    ::chmod(path.c_str(), 0644);
    EXPECT_TRUE(LoadSettingsFile(path).ok());
}

TEST(SettingsFileTest, WritingTheStoreKeepsEveryOtherSettingAndMakesTheFilePrivate) {
    testing::TempDir dir;
    const auto path = dir.path() / "settings.json";
    ASSERT_TRUE(WriteStoreSetting(path, "postgresql://a@h/db").ok());
    EXPECT_EQ(ModeOf(path), 0600u);
    EXPECT_EQ(LoadSettingsFile(path)->store, "postgresql://a@h/db");
    std::ofstream(path) << R"({"lockout_threshold": 4, "store": "postgresql://a@h/old"})";
    ::chmod(path.c_str(), 0644);
    ASSERT_TRUE(WriteStoreSetting(path, "postgresql://a:secret@h/new").ok());
    EXPECT_EQ(ModeOf(path), 0600u);
    auto s = LoadSettingsFile(path);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->store, "postgresql://a:secret@h/new");
    EXPECT_EQ(s->lockout_threshold, 4);
    ASSERT_TRUE(WriteStoreSetting(path, std::nullopt).ok());
    s = LoadSettingsFile(path);
    EXPECT_TRUE(s->store.empty());
    EXPECT_EQ(s->lockout_threshold, 4);
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
}

}  // namespace
}  // namespace onestory::cli
