// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Planning and recording interviews: purpose and topics, venue, interviewer,
// accommodations against the survivor's preferences, what happened, and the
// interview counts. (The tell-once refusal itself is in statement_test.cpp,
// where passages exist to be covered.)
#include <gtest/gtest.h>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class InterviewsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Calm Kestrel", "Test Interview Person");
    }
    json::object Plan(std::vector<std::string> topics) {
        json::array t;
        for (const auto& topic : topics) t.emplace_back(topic);
        return json::object{{"purpose", "aftercare"},
                            {"topics", t},
                            {"scheduled_at", "2026-11-27T10:00:00Z"},
                            {"interviewer_id", world_->StaffId("caseworker")},
                            {"accommodations", {{"support_person", true}, {"children", "cared_for"}}}};
    }
    std::string InterviewsPath() const { return "/api/v1/cases/" + case_ + "/interviews"; }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_;
};

TEST_F(InterviewsTest, APlanShowsTheSurvivorsPreferencesAndWhatIsNotMet) {
    auto& cw = world_->As("caseworker");
    ASSERT_EQ(cw.Patch("/api/v1/survivors/" + survivor_,
                       json::object{{"preferences",
                                     {{"interviewer_gender", "female"},
                                      {"interpreter_language", "sw"},
                                      {"support_person", "her aunt"},
                                      {"children", "cared_for"},
                                      {"breaks", "every 45 minutes"}}}},
                       1)
                  .status,
              200);
    const auto venue = world_->Admin().Post(
        "/api/v1/venues", json::object{{"name", "Garden room"},
                                       {"agency_id", world_->AgencyId("ngo")},
                                       {"features", json::array{"private_waiting_room", "child_friendly"}}});
    auto plan = Plan({"background", "recruitment"});
    plan["venue_id"] = venue.Str("id");
    const auto r = cw.Post(InterviewsPath(), plan);
    ASSERT_EQ(r.status, 201) << r.raw.body;
    EXPECT_TRUE(r.Str("id").starts_with("iv_"));
    EXPECT_EQ(r.Str("purpose"), "aftercare");
    EXPECT_EQ(r.Str("interviewer_name"), "Test caseworker");
    EXPECT_EQ(r.obj().at("venue").at("name").as_string(), "Garden room");
    EXPECT_EQ(r.obj().at("venue").at("features").as_array().size(), 2u);
    EXPECT_EQ(r.obj().at("preferences").at("support_person").as_string(), "her aunt");
    EXPECT_TRUE(r.obj().at("reask_topics").as_array().empty());
    // Support person and children are arranged; interviewer gender, interpreter and breaks are not.
    std::vector<std::string> unmet;
    for (const auto& u : r.obj().at("unmet_preferences").as_array()) unmet.emplace_back(u.as_string());
    EXPECT_EQ(unmet, (std::vector<std::string>{"interviewer_gender", "interpreter_language", "breaks"}));
    EXPECT_EQ(r.obj().at("survivor_interview_count").as_int64(), 1);
    EXPECT_EQ(*r.raw.Header("location"), "/api/v1/interviews/" + r.Str("id"));
}

TEST_F(InterviewsTest, PlansNeedAnInterviewerOfTheAgencyAndKnownVenue) {
    auto& cw = world_->As("caseworker");
    auto police = Plan({"background"});
    police["interviewer_id"] = world_->StaffId("investigator");
    EXPECT_EQ(cw.Post(InterviewsPath(), police).ErrorField(), "interviewer_id");
    auto nobody = Plan({"background"});
    nobody["interviewer_id"] = "st_nobody";
    EXPECT_EQ(cw.Post(InterviewsPath(), nobody).ErrorCode(), "unknown_reference");
    auto nowhere = Plan({"background"});
    nowhere["venue_id"] = "vn_nowhere";
    EXPECT_EQ(cw.Post(InterviewsPath(), nowhere).ErrorField(), "venue_id");
    EXPECT_EQ(cw.Post(InterviewsPath(), Plan({})).ErrorField(), "topics");
    EXPECT_EQ(cw.Post(InterviewsPath(), Plan({"weather"})).ErrorField(), "topics[0]");
    auto no_acc = Plan({"background"});
    no_acc.erase("accommodations");
    EXPECT_EQ(cw.Post(InterviewsPath(), no_acc).ErrorField(), "accommodations");
    // Outsiders plan nothing.
    EXPECT_EQ(world_->As("caseworker2").Post(InterviewsPath(), Plan({"background"})).ErrorCode(), "not_on_case_team");
    EXPECT_EQ(world_->As("investigator").Post(InterviewsPath(), Plan({"background"})).ErrorCode(), "other_agency");
    EXPECT_EQ(world_->As("investigator").Get(InterviewsPath()).status, 403);
}

TEST_F(InterviewsTest, WhatHappenedIsRecordedInOrderWithIfMatch) {
    auto& cw = world_->As("caseworker");
    const auto planned = cw.Post(InterviewsPath(), Plan({"needs"}));
    ASSERT_EQ(planned.status, 201);
    const std::string path = "/api/v1/interviews/" + planned.Str("id");
    // The survivor acknowledges topics only once they were shared.
    EXPECT_EQ(cw.Patch(path, json::object{{"survivor_acknowledged", true}}, 1).ErrorField(), "survivor_acknowledged");
    EXPECT_EQ(cw.Patch(path, json::object{{"ended_at", "2026-11-27T11:00:00Z"}}, 1).ErrorField(), "ended_at");
    const auto shared =
        cw.Patch(path, json::object{{"topics_shared_at", "2026-11-26T09:00:00Z"}, {"survivor_acknowledged", true}}, 1);
    ASSERT_EQ(shared.status, 200) << shared.raw.body;
    EXPECT_EQ(shared.Version(), 2);
    EXPECT_EQ(cw.Patch(path, json::object{{"started_at", "2026-11-27T10:00:00Z"}}, 1).ErrorCode(), "stale_version");
    EXPECT_EQ(cw.Patch(path, json::object{{"started_at", "2026-11-27T10:00:00Z"}}, std::nullopt).status, 428);
    const auto held = cw.Patch(path,
                               json::object{{"started_at", "2026-11-27T10:00:00Z"},
                                            {"ended_at", "2026-11-27T10:50:00Z"},
                                            {"debriefed_at", "2026-11-27T11:10:00Z"},
                                            {"debrief_notes", "calm; asked for a follow-up call"},
                                            {"recording_sha256", std::string(64, 'a')}},
                               2);
    ASSERT_EQ(held.status, 200) << held.raw.body;
    EXPECT_EQ(held.Str("debrief_notes"), "calm; asked for a follow-up call");
    EXPECT_EQ(held.Str("recording_sha256"), std::string(64, 'a'));
    // Chain of custody: the recording's fingerprint is set once.
    EXPECT_EQ(cw.Patch(path, json::object{{"recording_sha256", std::string(64, 'b')}}, 3).ErrorCode(),
              "recording_already_set");
    EXPECT_EQ(cw.Patch(path, json::object{{"recording_sha256", "not-a-hash"}}, 3).status, 400);
    EXPECT_EQ(cw.Patch(path, json::object{{"ended_at", "2026-11-27T09:00:00Z"}}, 3).ErrorField(), "ended_at");
    const auto read = cw.Get(path);
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.Str("ended_at"), "2026-11-27T10:50:00Z");
    EXPECT_TRUE(read.obj().at("survivor_acknowledged").as_bool());
    EXPECT_EQ(world_->As("investigator").Get(path).status, 403);
    EXPECT_EQ(world_->As("supervisor").Get(path).status, 200);
}

TEST_F(InterviewsTest, InterviewCountsAreShownOnTheSurvivorAndTheCase) {
    auto& cw = world_->As("caseworker");
    EXPECT_EQ(cw.Get("/api/v1/survivors/" + survivor_).obj().at("interview_count").as_int64(), 0);
    ASSERT_EQ(cw.Post(InterviewsPath(), Plan({"background"})).status, 201);
    // A second later, so that "newest first" has one answer (the test clock stands still otherwise).
    ASSERT_EQ(world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", 1}}).status, 200);
    ASSERT_EQ(cw.Post(InterviewsPath(), Plan({"needs"})).status, 201);
    // A second case of the same survivor: the survivor's count spans both, the case's does not.
    const auto second = cw.Post("/api/v1/cases", json::object{{"survivor_id", survivor_}});
    ASSERT_EQ(second.status, 201);
    ASSERT_EQ(cw.Post("/api/v1/cases/" + second.Str("id") + "/interviews", Plan({"transport"})).status, 201);
    EXPECT_EQ(cw.Get("/api/v1/survivors/" + survivor_).obj().at("interview_count").as_int64(), 3);
    EXPECT_EQ(cw.Get("/api/v1/cases/" + case_).obj().at("interview_count").as_int64(), 2);
    EXPECT_EQ(cw.Get("/api/v1/cases/" + second.Str("id")).obj().at("interview_count").as_int64(), 1);
    const auto list = cw.Get(InterviewsPath());
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.obj().at("items").as_array().size(), 2u);
    EXPECT_EQ(list.obj().at("items").as_array()[0].at("topics").as_array()[0].as_string(), "needs");
    EXPECT_EQ(list.obj().at("items").as_array()[0].at("survivor_interview_count").as_int64(), 3);
}

TEST_F(InterviewsTest, WithNothingOnRecordEveryTopicIsNew) {
    auto& cw = world_->As("caseworker");
    const auto planned = cw.Post(InterviewsPath(), Plan({"recruitment", "exploitation"}));
    ASSERT_EQ(planned.status, 201);
    const auto coverage = cw.Get("/api/v1/interviews/" + planned.Str("id") + "/coverage");
    ASSERT_EQ(coverage.status, 200) << coverage.raw.body;
    EXPECT_TRUE(coverage.obj().at("covered").as_array().empty());
    EXPECT_EQ(coverage.obj().at("new").as_array().size(), 2u);
    const auto all = cw.Get("/api/v1/cases/" + case_ + "/coverage");
    EXPECT_EQ(all.obj().at("new").as_array().size(), 10u);
}

}  // namespace
}  // namespace onestory::testing
