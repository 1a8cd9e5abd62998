// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Retention: serve's daily purge (driven by the test clock) and onestory purge.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

const std::string kContact = "+254-700-RETAIN-99";

// Registers a survivor with contact details and opens a case; returns {survivor, case}.
std::pair<std::string, std::string> SurvivorWithContact(ApiClient& client, const std::string& code_name) {
    const auto s = client.Post("/api/v1/survivors", json::object{{"code_name", code_name},
                                                                 {"legal_name", code_name + " Legalname"},
                                                                 {"contact", kContact},
                                                                 {"address", "7 Retention Row"}});
    EXPECT_EQ(s.status, 201) << s.raw.body;
    const auto c = client.Post("/api/v1/cases", json::object{{"survivor_id", s.Str("id")}, {"stage", "aftercare"}});
    EXPECT_EQ(c.status, 201) << c.raw.body;
    return {s.Str("id"), c.Str("id")};
}

void CloseCase(ApiClient& client, const std::string& kase) {
    const auto current = client.Get("/api/v1/cases/" + kase);
    const auto closed = client.Patch("/api/v1/cases/" + kase, json::object{{"status", "closed"}, {"stage", "closed"}},
                                     current.Version());
    ASSERT_EQ(closed.status, 200) << closed.raw.body;
}

TEST(RetentionTest, ServePurgesContactDetailsOnceTheirPeriodAfterClosureHasPassed) {
    ServerProcess::Options options;
    options.settings_json = R"({"retention": {"contact": {"years": 1}}})";
    ServerProcess server(options);
    World world(server);
    auto& cw = world.As("caseworker");
    const auto [closed, closed_case] = SurvivorWithContact(cw, "Amber Willow");
    CloseCase(cw, closed_case);
    const auto [open, open_case] = SurvivorWithContact(cw, "Brave Otter");

    // Months pass (sessions expire meanwhile, so each step logs in afresh).
    const auto advance = [&](int days) {
        ApiClient admin(server);
        ASSERT_EQ(admin.Login("admin", "admin-password-123").status, 200);
        ASSERT_EQ(admin.Post("/api/v1/test/clock", json::object{{"advance_seconds", days * 86400}}).status, 200);
        ASSERT_EQ(cw.Login("caseworker", World::kPassword).status, 200);
    };
    // Half a year on, nothing happens.
    advance(183);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    EXPECT_EQ(cw.Get("/api/v1/survivors/" + closed).Str("contact"), kContact);

    // A year and a day after closure, the daily run deletes the contact details.
    advance(183);
    bool purged = false;
    for (int i = 0; i < 100 && !purged; ++i) {
        const auto r = cw.Get("/api/v1/survivors/" + closed);
        ASSERT_EQ(r.status, 200);
        purged = r.obj().at("contact").is_null() && r.obj().at("address").is_null();
        if (!purged) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ASSERT_TRUE(purged) << "the daily purge did not run: " << server.Log();
    const auto kept = cw.Get("/api/v1/survivors/" + closed);
    EXPECT_EQ(kept.Str("legal_name"), "Amber Willow Legalname");  // the rest of the record stays
    EXPECT_EQ(cw.Get("/api/v1/survivors/" + open).Str("contact"), kContact);

    ApiClient admin(server);
    ASSERT_EQ(admin.Login("admin", "admin-password-123").status, 200);
    const auto audit = admin.Get("/api/v1/audit?limit=500&survivor_id=" + closed);
    bool found = false;
    for (const auto& e : audit.obj().at("items").as_array()) {
        if (e.at("action").as_string() != "retention.purge") continue;
        found = true;
        EXPECT_EQ(e.at("actor_kind").as_string(), "system");
        EXPECT_NE(std::string(e.at("detail").as_string()).find("category=contact"), std::string::npos);
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(audit.raw.body.find(kContact), std::string::npos);
    ASSERT_EQ(server.Stop(), 0);
    EXPECT_EQ(RunOnestory({"audit", "verify", "--data", server.data_dir().string()}).exit_code, 0);
}

TEST(RetentionTest, ThePurgeCommandReportsCountsOnlyAndADryRunChangesNothing) {
    ServerProcess::Options options;
    // Cases closed years ago, by the test clock; purge runs on the real clock.
    options.test_clock = "2020-01-01T09:00:00Z";
    options.settings_json =
        R"({"retention": {"contact": {"days": 30}, "statement": {"days": 30}, "record": {"years": 100}}})";
    ServerProcess server(options);
    World world(server);
    auto& cw = world.As("caseworker");
    const auto [survivor, kase] = SurvivorWithContact(cw, "Calm Heron");
    // A statement of two passages on the case.
    const auto interview =
        cw.Post("/api/v1/cases/" + kase + "/interviews", json::object{{"purpose", "aftercare"},
                                                                      {"topics", json::array{"recruitment", "needs"}},
                                                                      {"scheduled_at", "2020-01-02T10:00:00Z"},
                                                                      {"interviewer_id", world.StaffId("caseworker")},
                                                                      {"accommodations", json::object{}}});
    ASSERT_EQ(interview.status, 201) << interview.raw.body;
    for (const char* topic : {"recruitment", "needs"}) {
        const auto passage =
            cw.Post("/api/v1/cases/" + kase + "/passages", json::object{{"interview_id", interview.Str("id")},
                                                                        {"topic", topic},
                                                                        {"text", "Invented words of the statement."},
                                                                        {"sensitivity", "standard"}});
        ASSERT_EQ(passage.status, 201) << passage.raw.body;
    }
    CloseCase(cw, kase);
    SurvivorWithContact(cw, "Early Lark");  // open case: kept
    ASSERT_EQ(server.Stop(), 0);
    const std::string data = server.data_dir().string();

    const auto dry = RunOnestory({"purge", "--data", data, "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("dry run"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("contact"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("         1          2"), std::string::npos) << dry.out;  // 1 survivor, 2 values
    EXPECT_EQ(dry.out.find(kContact), std::string::npos);

    const auto real = RunOnestory({"purge", "--data", data});
    ASSERT_EQ(real.exit_code, 0) << real.err;
    EXPECT_EQ(real.out.find("dry run"), std::string::npos);
    EXPECT_NE(real.out.find("         1          2"), std::string::npos) << real.out;
    EXPECT_NE(real.out.find("statement"), std::string::npos) << real.out;
    // The record category (100 years) erases nobody.
    EXPECT_NE(real.out.find("record"), std::string::npos);
    const auto again = RunOnestory({"purge", "--data", data});
    EXPECT_NE(again.out.find("         0          0"), std::string::npos) << again.out;
    EXPECT_EQ(RunOnestory({"audit", "verify", "--data", data}).exit_code, 0);

    server.Restart();
    ApiClient client(server);
    ASSERT_EQ(client.Login("caseworker", World::kPassword).status, 200);
    const auto read = client.Get("/api/v1/survivors/" + survivor);
    ASSERT_EQ(read.status, 200);
    EXPECT_TRUE(read.obj().at("contact").is_null());
    // The statement of the closed case is gone; the case itself stays.
    const auto passages = client.Get("/api/v1/cases/" + kase + "/passages");
    ASSERT_EQ(passages.status, 200) << passages.raw.body;
    EXPECT_TRUE(passages.obj().at("items").as_array().empty()) << passages.raw.body;
    EXPECT_EQ(client.Get("/api/v1/cases/" + kase).status, 200);
}

}  // namespace
}  // namespace onestory::testing
