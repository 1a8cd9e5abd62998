// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Staff wellbeing over real HTTP: exposure and the private nudge, check-ins
// that only their owner ever reads, and aggregates over at least five staff.
#include <gtest/gtest.h>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

json::object Answers(int value) {
    return json::object{{"energy", value},
                        {"switch_off", value},
                        {"stayed_with_me", value},
                        {"supported", value},
                        {"difference", value}};
}

class WellbeingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
    }
    ApiResult Expose(const std::string& who, const std::string& on, int minutes) {
        return world_->As(who).Post("/api/v1/me/exposures",
                                    json::object{{"on", on}, {"minutes", minutes}, {"kind", "interview"}});
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
};

TEST_F(WellbeingTest, AHeavyWeekWithoutDebriefNudgesOnlyTheStaffMember) {
    const auto first = Expose("caseworker", "2026-11-24", 400);
    ASSERT_EQ(first.status, 201) << first.raw.body;
    EXPECT_TRUE(first.obj().at("nudge").is_null());
    EXPECT_EQ(first.obj().at("week"), json::value("2026-11-23"));
    const auto second = Expose("caseworker", "2026-11-25", 300);  // 700 minutes: past the default 600
    ASSERT_EQ(second.status, 201);
    ASSERT_TRUE(second.obj().at("nudge").is_object()) << second.raw.body;
    EXPECT_EQ(second.obj().at("week_minutes"), json::value(700));
    const auto mine = world_->As("caseworker").Get("/api/v1/me/nudges");
    ASSERT_EQ(mine.status, 200);
    ASSERT_EQ(mine.obj().at("items").as_array().size(), 1u);
    // Not an alert to anyone: the supervisors see nothing of it.
    for (const char* who : {"supervisor", "caseworker2"}) {
        EXPECT_TRUE(world_->As(who).Get("/api/v1/me/nudges").obj().at("items").as_array().empty()) << who;
        EXPECT_EQ(world_->As(who).Get("/api/v1/alerts").raw.body.find("nudge"), std::string::npos) << who;
    }
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/alerts").raw.body.find("nudge"), std::string::npos);
    const auto exposures = world_->As("caseworker").Get("/api/v1/me/exposures");
    EXPECT_EQ(exposures.obj().at("items").as_array().size(), 2u);
    EXPECT_TRUE(world_->As("supervisor").Get("/api/v1/me/exposures").obj().at("items").as_array().empty());
    // A debrief that week resolves it.
    const auto debrief = world_->As("caseworker").Post("/api/v1/me/debriefs", json::object{{"on", "2026-11-26"}});
    ASSERT_EQ(debrief.status, 201) << debrief.raw.body;
    EXPECT_EQ(debrief.obj().at("nudges_resolved"), json::value(1));
    EXPECT_TRUE(world_->As("caseworker").Get("/api/v1/me/nudges").obj().at("items").as_array().empty());
    // A debrief in the week keeps further heavy exposure from nudging again.
    EXPECT_TRUE(Expose("caseworker", "2026-11-26", 120).obj().at("nudge").is_null());
    EXPECT_EQ(Expose("caseworker", "2026-11-27", 60).ErrorField(), "on");  // the future
    EXPECT_EQ(world_->As("caseworker")
                  .Post("/api/v1/me/exposures", json::object{{"on", "2026-11-26"}, {"minutes", 30}, {"kind", "x"}})
                  .ErrorField(),
              "kind");
}

TEST_F(WellbeingTest, ASupervisorNeverReadsAnIndividualCheckIn) {
    auto& cw = world_->As("caseworker");
    const auto instrument = cw.Get("/api/v1/me/checkins/instrument");
    ASSERT_EQ(instrument.status, 200);
    EXPECT_EQ(instrument.obj().at("items").as_array().size(), 5u);
    EXPECT_EQ(instrument.obj().at("scale").at("labels").as_array().size(), 5u);
    const auto low = cw.Post("/api/v1/me/checkins",
                             json::object{{"answers", Answers(2)}, {"note", "Hard week: the hearing-private-words."}});
    ASSERT_EQ(low.status, 201) << low.raw.body;
    EXPECT_EQ(low.obj().at("score"), json::value(35.0));
    ASSERT_EQ(world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", 7 * 24 * 3600}}).status, 200);
    world_->LogInAgain();  // a week on, the sessions have expired
    auto& again = world_->As("caseworker");
    ASSERT_EQ(again.Post("/api/v1/me/checkins", json::object{{"answers", Answers(4)}}).status, 201);
    const auto history = again.Get("/api/v1/me/checkins");
    ASSERT_EQ(history.status, 200) << history.raw.body;
    ASSERT_EQ(history.obj().at("items").as_array().size(), 2u);
    EXPECT_EQ(history.obj().at("items").at(1).at("note"), json::value("Hard week: the hearing-private-words."));
    EXPECT_EQ(history.obj().at("trend").at("direction"), json::value("better"));
    EXPECT_EQ(history.obj().at("trend").at("change"), json::value(30.0));
    EXPECT_EQ(again.Get("/api/v1/checkins/" + low.Str("id")).status, 200);

    // Everyone else is refused, whatever their role, and sees none of it in their own lists.
    for (const char* who : {"supervisor", "caseworker2", "counsellor", "analyst", "police-supervisor"}) {
        const auto refused = world_->As(who).Get("/api/v1/checkins/" + low.Str("id"));
        EXPECT_EQ(refused.status, 403) << who;
        EXPECT_EQ(refused.ErrorCode(), "private_checkin") << who;
        EXPECT_EQ(refused.raw.body.find("private-words"), std::string::npos) << who;
        const auto theirs = world_->As(who).Get("/api/v1/me/checkins");
        EXPECT_TRUE(theirs.obj().at("items").as_array().empty()) << who;
    }
    EXPECT_EQ(world_->Admin().Get("/api/v1/checkins/" + low.Str("id")).ErrorCode(), "private_checkin");
    // The audit log a supervisor reads holds no check-in of the caseworker, only refused attempts.
    const auto audit = world_->As("supervisor").Get("/api/v1/audit?limit=500");
    ASSERT_EQ(audit.status, 200);
    for (const auto& e : audit.obj().at("items").as_array()) {
        const std::string action(e.at("action").as_string());
        if (action.find("wellbeing") == std::string::npos) continue;
        EXPECT_EQ(e.at("outcome"), json::value("denied")) << action;
    }
    // Not in the database as plaintext, nor the answers' item names.
    server_->Stop();
    const std::string dump = server_->DumpStore();
    EXPECT_EQ(dump.find("hearing-private-words"), std::string::npos);
    EXPECT_EQ(dump.find("stayed_with_me"), std::string::npos);
}

TEST_F(WellbeingTest, CheckInsAnswerTheInstrumentInUse) {
    auto& cw = world_->As("caseworker");
    auto missing = Answers(3);
    missing.erase("difference");
    EXPECT_EQ(cw.Post("/api/v1/me/checkins", json::object{{"answers", missing}}).ErrorField(), "answers.difference");
    auto outside = Answers(3);
    outside["energy"] = 9;
    EXPECT_EQ(cw.Post("/api/v1/me/checkins", json::object{{"answers", outside}}).ErrorField(), "answers.energy");
    auto unknown = Answers(3);
    unknown["mood"] = 3;
    EXPECT_EQ(cw.Post("/api/v1/me/checkins", json::object{{"answers", unknown}}).ErrorField(), "answers.mood");
    auto text = Answers(3);
    text["energy"] = "high";
    EXPECT_EQ(cw.Post("/api/v1/me/checkins", json::object{{"answers", text}}).ErrorField(), "answers.energy");
}

TEST_F(WellbeingTest, SupervisorsSeeOnlyAggregatesOverFiveStaff) {
    // The NGO has six active staff; five of them log exposure, two check in.
    for (const char* who : {"supervisor", "caseworker", "caseworker2", "counsellor", "analyst"}) {
        ASSERT_EQ(Expose(who, "2026-11-24", 90).status, 201) << who;
    }
    ASSERT_EQ(world_->As("caseworker").Post("/api/v1/me/checkins", json::object{{"answers", Answers(3)}}).status, 201);
    ASSERT_EQ(world_->As("trainer").Post("/api/v1/me/checkins", json::object{{"answers", Answers(3)}}).status, 201);
    const auto summary = world_->As("supervisor").Get("/api/v1/wellbeing/summary?from=2026-11-23&to=2026-11-26");
    ASSERT_EQ(summary.status, 200) << summary.raw.body;
    EXPECT_EQ(summary.obj().at("active_staff"), json::value(6));
    const auto& week = summary.obj().at("weeks").at(0);
    EXPECT_EQ(week.at("week"), json::value("2026-11-23"));
    EXPECT_EQ(week.at("exposure_hours"), json::value(7.5));
    EXPECT_EQ(week.at("staff_with_exposure"), json::value(5));
    EXPECT_EQ(week.at("share_checked_in"), json::value(0.333));
    // Nothing in it names or counts one person.
    for (const char* who : {"caseworker", "trainer"}) {
        EXPECT_EQ(summary.raw.body.find(world_->StaffId(who)), std::string::npos);
    }
    // Four staff logging exposure is too few to show their hours.
    ASSERT_EQ(Expose("caseworker", "2026-11-17", 60).status, 201);
    const auto earlier = world_->As("supervisor").Get("/api/v1/wellbeing/summary?from=2026-11-16&to=2026-11-22");
    EXPECT_TRUE(earlier.obj().at("weeks").at(0).at("exposure_hours").is_null());
    // A small agency shows nothing; another agency's aggregates are not for a supervisor.
    const auto police = world_->As("police-supervisor").Get("/api/v1/wellbeing/summary");
    ASSERT_EQ(police.status, 200);
    EXPECT_TRUE(police.obj().at("active_staff").is_null());
    EXPECT_EQ(police.obj().at("weeks").as_array().size(), 12u);
    for (const auto& w : police.obj().at("weeks").as_array()) EXPECT_TRUE(w.at("share_checked_in").is_null());
    EXPECT_EQ(world_->As("police-supervisor")
                  .Get("/api/v1/wellbeing/summary?agency_id=" + world_->AgencyId("ngo"))
                  .ErrorCode(),
              "other_agency");
    EXPECT_EQ(world_->Admin().Get("/api/v1/wellbeing/summary?agency_id=" + world_->AgencyId("ngo")).status, 200);
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/wellbeing/summary").ErrorCode(), "role_not_permitted");
}

}  // namespace
}  // namespace onestory::testing
