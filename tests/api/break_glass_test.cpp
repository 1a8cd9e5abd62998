// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Breaking the glass: an emergency read of one case for 60 minutes, with a
// written reason, audited, and an alert for the owning agency's supervisors.
#include <gtest/gtest.h>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

ServerProcess::Options LongSessions() {
    ServerProcess::Options options;
    options.settings_json = R"({"idle_timeout_minutes": 600})";  // the clock jumps past the grant's hour
    return options;
}

class BreakGlassTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(LongSessions());
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Silver Otter", "Test Emergency Person");
    }
    ApiResult Break(const std::string& who, const std::string& reason) {
        return world_->As(who).Post("/api/v1/cases/" + case_ + "/break-glass", json::object{{"reason", reason}});
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_;
};

constexpr const char* kReason = "Child reported missing; need the last known contact arrangements now.";

TEST_F(BreakGlassTest, AnEmergencyReadIsGrantedForAnHour) {
    auto& police = world_->As("investigator");
    const std::string case_path = "/api/v1/cases/" + case_;
    EXPECT_EQ(police.Get(case_path).ErrorCode(), "other_agency");
    EXPECT_EQ(Break("investigator", "urgent").ErrorField(), "reason");
    const auto grant = Break("investigator", kReason);
    ASSERT_EQ(grant.status, 201) << grant.raw.body;
    EXPECT_EQ(grant.Str("granted_at"), "2026-11-26T09:00:00Z");
    EXPECT_EQ(grant.Str("expires_at"), "2026-11-26T10:00:00Z");

    // Reads open; changes stay closed.
    EXPECT_EQ(police.Get(case_path).status, 200);
    EXPECT_EQ(police.Get("/api/v1/survivors/" + survivor_).status, 200);
    EXPECT_EQ(police.Get(case_path + "/passages").status, 200);
    EXPECT_EQ(police.Get(case_path + "/interviews").status, 200);
    EXPECT_EQ(police.Patch(case_path, json::object{{"stage", "investigation"}}, 1).status, 403);
    EXPECT_EQ(police.Get("/api/v1/survivors/" + survivor_ + "/access-log").status, 403);
    // Only for this requester.
    EXPECT_EQ(world_->As("police-supervisor").Get(case_path).status, 403);

    // After the hour, the door closes again.
    ASSERT_EQ(world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", 3601}}).status, 200);
    EXPECT_EQ(police.Get(case_path).ErrorCode(), "other_agency");
}

TEST_F(BreakGlassTest, TheOwningAgencysSupervisorsAreAlerted) {
    ASSERT_EQ(Break("investigator", kReason).status, 201);
    const auto alerts = world_->As("supervisor").Get("/api/v1/alerts");
    ASSERT_EQ(alerts.status, 200) << alerts.raw.body;
    const auto& items = alerts.obj().at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    const auto& a = items[0].as_object();
    EXPECT_EQ(a.at("kind").as_string(), "break_glass");
    EXPECT_EQ(a.at("case_id").as_string(), case_);
    EXPECT_EQ(a.at("survivor_code_name").as_string(), "Silver Otter");
    EXPECT_EQ(a.at("due_at").as_string(), "2026-11-26T10:00:00Z");
    EXPECT_EQ(a.at("status").as_string(), "open");
    EXPECT_EQ(a.at("subject_staff_id").as_string(), world_->StaffId("investigator"));
    EXPECT_EQ(a.at("reason").as_string(), kReason);
    EXPECT_EQ(a.at("message").as_string(),
              "Test investigator (Test Police Unit) used emergency access to the case of Silver Otter until "
              "2026-11-26T10:00:00Z");
    // Nobody else is alerted.
    for (const char* who : {"caseworker", "caseworker2", "police-supervisor", "investigator"}) {
        EXPECT_EQ(world_->As(who).Get("/api/v1/alerts").obj().at("items").as_array().size(), 0u) << who;
    }
    // The supervisor's reading of the reason, and the break itself, are in the survivor's access log.
    const auto log = world_->As("caseworker").Get("/api/v1/survivors/" + survivor_ + "/access-log");
    EXPECT_NE(
        log.raw.body.find("Test investigator (investigator, Test Police Unit) used emergency access to your case"),
        std::string::npos);
    EXPECT_NE(log.raw.body.find("Test supervisor (supervisor, Test Aftercare NGO) read the reason given for an "
                                "emergency access to your case"),
              std::string::npos);
    EXPECT_EQ(log.raw.body.find("missing"), std::string::npos);
    // Reads under the grant are audited with the reason break_glass.
    world_->As("investigator").Get("/api/v1/cases/" + case_);
    const auto audit = world_->Admin().Get("/api/v1/audit?case_id=" + case_);
    int breaks = 0, glass_reads = 0;
    for (const auto& e : audit.obj().at("items").as_array()) {
        breaks += e.at("action") == "case.break_glass";
        glass_reads += e.at("action") == "case.read" && e.at("reason") == "break_glass";
    }
    EXPECT_EQ(breaks, 1);
    EXPECT_EQ(glass_reads, 1);
}

TEST_F(BreakGlassTest, OnlyThoseWithoutAccessBreakTheGlass) {
    EXPECT_EQ(Break("caseworker", kReason).ErrorCode(), "already_has_access");
    EXPECT_EQ(Break("supervisor", kReason).ErrorCode(), "already_has_access");
    EXPECT_EQ(world_->Admin().Post("/api/v1/cases/" + case_ + "/break-glass", json::object{{"reason", kReason}}).status,
              403);
    EXPECT_EQ(Break("analyst", kReason).status, 403);
    // Own agency, off the team: allowed, and it opens that case only.
    ASSERT_EQ(Break("caseworker2", kReason).status, 201);
    EXPECT_EQ(world_->As("caseworker2").Get("/api/v1/cases/" + case_).status, 200);
    EXPECT_EQ(
        world_->As("caseworker2").Post("/api/v1/cases/nope/break-glass", json::object{{"reason", kReason}}).status,
        404);
}

}  // namespace
}  // namespace onestory::testing
