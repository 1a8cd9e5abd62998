// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Commitments and case reviews: promises with owners and due dates, the
// account of how the survivor was told of a change, the share kept on time
// in the case summary, team commitments from review decisions, and the
// alerts an overdue promise raises (moved with the test clock, not sleeps).
#include <gtest/gtest.h>

#include "care_world.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class CommitmentsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        sessions_ = std::make_unique<Sessions>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Steady Lynx", "Test Promise Person");
    }
    ApiClient& As(const std::string& username) { return sessions_->As(username); }
    ApiResult Promise(const std::string& what, const std::string& due, const std::string& owner = "caseworker") {
        return As("caseworker")
            .Post("/api/v1/cases/" + case_ + "/commitments",
                  json::object{{"what", what}, {"owner_id", world_->StaffId(owner)}, {"due", due}});
    }
    ApiResult Patch(const std::string& who, const ApiResult& commitment, json::object body) {
        return As(who).Patch("/api/v1/commitments/" + commitment.Str("id"), body, commitment.Version());
    }
    json::object Summary() {
        const auto kase = As("caseworker").Get("/api/v1/cases/" + case_);
        EXPECT_EQ(kase.status, 200) << kase.raw.body;
        return kase.obj().at("commitments").as_object();
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::unique_ptr<Sessions> sessions_;
    std::string survivor_, case_;
};

TEST_F(CommitmentsTest, APromiseChangedOrMissedSaysHowTheSurvivorWasTold) {
    const auto promise = Promise("Go with her to the passport office.", "2026-12-03");
    ASSERT_EQ(promise.status, 201) << promise.raw.body;
    EXPECT_EQ(promise.Str("status"), "open");
    EXPECT_TRUE(promise.obj().at("to_survivor").as_bool());
    EXPECT_EQ(promise.Str("owner_name"), "Test caseworker");
    auto& cw = world_->As("caseworker");
    const std::string path = "/api/v1/commitments/" + promise.Str("id");
    EXPECT_EQ(cw.Patch(path, json::object{{"status", "kept"}}, std::nullopt).status, 428);
    EXPECT_EQ(cw.Patch(path, json::object{{"status", "kept"}}, 7).ErrorCode(), "stale_version");
    const auto untold = Patch("caseworker", promise, {{"status", "changed"}, {"note", "The office moved the date."}});
    EXPECT_EQ(untold.status, 400);
    EXPECT_EQ(untold.ErrorField(), "survivor_told");
    const auto changed = Patch("caseworker", promise,
                               {{"status", "changed"},
                                {"note", "The office moved the date."},
                                {"survivor_told", "Told her by phone the same day; she chose the new date."}});
    ASSERT_EQ(changed.status, 200) << changed.raw.body;
    EXPECT_EQ(changed.Str("status"), "changed");
    EXPECT_EQ(changed.Str("survivor_told"), "Told her by phone the same day; she chose the new date.");
    EXPECT_EQ(changed.Version(), 2);
    EXPECT_FALSE(changed.Str("resolved_at").empty());

    // Only the owning case team records promises; owners must work for the case's agency.
    EXPECT_EQ(
        world_->As("caseworker2")
            .Post("/api/v1/cases/" + case_ + "/commitments",
                  json::object{{"what", "x"}, {"owner_id", world_->StaffId("caseworker2")}, {"due", "2026-12-01"}})
            .status,
        403);
    EXPECT_EQ(Promise("Ask the police for an update.", "2026-12-01", "investigator").ErrorField(), "owner_id");
    EXPECT_EQ(Promise("Something", "2026-11-01").ErrorField(), "due");
    const auto list = cw.Get("/api/v1/cases/" + case_ + "/commitments");
    ASSERT_EQ(list.obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(list.obj().at("items").at(0).at("what").as_string(), "Go with her to the passport office.");
}

TEST_F(CommitmentsTest, TheCaseSummaryShowsTheShareOfPromisesKeptOnTime) {
    auto summary = Summary();
    EXPECT_EQ(summary.at("total").as_int64(), 0);
    EXPECT_TRUE(summary.at("kept_on_time_share").is_null());

    const auto on_time = Promise("Bring the school forms.", "2026-11-28");
    const auto late = Promise("Book the dentist.", "2026-11-27");
    const auto missed = Promise("Call her mother.", "2026-11-29");
    const auto open = Promise("Find a Swahili counsellor.", "2026-12-20");
    ASSERT_EQ(Patch("caseworker", on_time, {{"status", "kept"}}).status, 200);
    sessions_->AdvanceDays(2);  // 2026-11-28: the dentist was due yesterday
    const auto kept_late = Patch("caseworker", late, {{"status", "kept"}, {"note", "Booked a day late."}});
    ASSERT_EQ(kept_late.status, 200);
    EXPECT_FALSE(kept_late.obj().at("kept_on_time").as_bool());
    ASSERT_EQ(Patch("caseworker", missed, {{"status", "missed"}, {"survivor_told", "Apologised in person."}}).status,
              200);

    summary = Summary();
    EXPECT_EQ(summary.at("total").as_int64(), 4);
    EXPECT_EQ(summary.at("kept").as_int64(), 2);
    EXPECT_EQ(summary.at("kept_on_time").as_int64(), 1);
    EXPECT_EQ(summary.at("missed").as_int64(), 1);
    EXPECT_EQ(summary.at("open").as_int64(), 1);
    EXPECT_EQ(summary.at("due").as_int64(), 3);  // the open one is not due yet
    EXPECT_NEAR(summary.at("kept_on_time_share").as_double(), 1.0 / 3.0, 1e-9);
    (void)open;
}

TEST_F(CommitmentsTest, AnOverduePromiseAlertsItsOwnerAndTheSupervisors) {
    const auto promise = Promise("Bring the bus pass.", "2026-11-27");
    ASSERT_EQ(promise.status, 201);
    EXPECT_TRUE(AlertsOfKind(As("caseworker").Get("/api/v1/alerts"), "commitment_overdue").empty());
    sessions_->AdvanceDays(1);  // due today: not yet overdue
    EXPECT_TRUE(AlertsOfKind(As("caseworker").Get("/api/v1/alerts"), "commitment_overdue").empty());
    sessions_->AdvanceDays(1);
    auto& cw = As("caseworker");
    auto& supervisor = As("supervisor");

    const auto mine = AlertsOfKind(cw.Get("/api/v1/alerts"), "commitment_overdue");
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(Str(mine[0], "case_id"), case_);
    EXPECT_EQ(Str(mine[0], "subject_id"), promise.Str("id"));
    EXPECT_EQ(Str(mine[0], "due_at"), "2026-11-28T00:00:00Z");
    EXPECT_EQ(Str(mine[0], "survivor_code_name"), "Steady Lynx");
    EXPECT_NE(Str(mine[0], "message").find("was due on 2026-11-27"), std::string::npos) << Str(mine[0], "message");
    EXPECT_EQ(Str(mine[0], "message").find("bus pass"), std::string::npos);  // never the promise itself
    const auto theirs = AlertsOfKind(supervisor.Get("/api/v1/alerts"), "commitment_overdue");
    ASSERT_EQ(theirs.size(), 1u);
    EXPECT_EQ(theirs[0].at("audience").at("role").as_string(), "supervisor");
    EXPECT_TRUE(AlertsOfKind(As("caseworker2").Get("/api/v1/alerts"), "commitment_overdue").empty());
    EXPECT_TRUE(AlertsOfKind(As("police-supervisor").Get("/api/v1/alerts"), "commitment_overdue").empty());
    // Reading again raises nothing twice.
    EXPECT_EQ(AlertsOfKind(cw.Get("/api/v1/alerts"), "commitment_overdue").size(), 1u);

    // Acknowledged by the owner: gone from their list for good; the supervisors' stays.
    const std::string ack = "/api/v1/alerts/" + Str(mine[0], "id") + "/acknowledge";
    EXPECT_EQ(supervisor.Post(ack).status, 403);  // addressed to the owner alone
    const auto acknowledged = cw.Post(ack);
    ASSERT_EQ(acknowledged.status, 200) << acknowledged.raw.body;
    EXPECT_EQ(acknowledged.Str("status"), "acknowledged");
    EXPECT_EQ(acknowledged.Str("acknowledged_by"), world_->StaffId("caseworker"));
    EXPECT_EQ(cw.Post(ack).ErrorCode(), "alert_not_open");
    EXPECT_EQ(cw.Post("/api/v1/alerts/al_nowhere/acknowledge").status, 404);
    sessions_->AdvanceDays(1);
    EXPECT_TRUE(AlertsOfKind(As("caseworker").Get("/api/v1/alerts"), "commitment_overdue").empty());
    EXPECT_EQ(AlertsOfKind(As("supervisor").Get("/api/v1/alerts"), "commitment_overdue").size(), 1u);

    // Kept at last: the condition has ended, so the supervisors' alert is resolved.
    ASSERT_EQ(Patch("caseworker", promise, {{"status", "kept"}}).status, 200);
    EXPECT_TRUE(AlertsOfKind(As("supervisor").Get("/api/v1/alerts"), "commitment_overdue").empty());
}

TEST_F(CommitmentsTest, ReviewDecisionsWithAnOwnerAndDateBecomeTeamCommitments) {
    auto& cw = world_->As("caseworker");
    const json::object review{
        {"held_at", "2026-11-25T14:00:00Z"},
        {"attendees",
         json::array{world_->StaffId("caseworker"), world_->StaffId("investigator"), world_->StaffId("clinician")}},
        {"agencies", json::array{world_->AgencyId("ngo"), world_->AgencyId("police"), world_->AgencyId("health")}},
        {"decisions", json::array{json::object{{"text", "Ask the court about a video link."},
                                               {"owner_id", world_->StaffId("investigator")},
                                               {"due", "2026-12-05"}},
                                  json::object{{"text", "Arrange a dental appointment."},
                                               {"owner_id", world_->StaffId("caseworker")},
                                               {"due", "2026-12-10"}},
                                  json::object{{"text", "Keep the family informed of progress."}}}}};
    const auto created = cw.Post("/api/v1/cases/" + case_ + "/reviews", review);
    ASSERT_EQ(created.status, 201) << created.raw.body;
    const auto& decisions = created.obj().at("decisions").as_array();
    ASSERT_EQ(decisions.size(), 3u);
    EXPECT_TRUE(decisions[0].at("commitment_id").is_string());
    EXPECT_TRUE(decisions[2].at("commitment_id").is_null());

    const auto list = cw.Get("/api/v1/cases/" + case_ + "/commitments");
    ASSERT_EQ(list.obj().at("items").as_array().size(), 2u);
    json::object police_task;
    for (const auto& c : list.obj().at("items").as_array()) {
        EXPECT_FALSE(c.at("to_survivor").as_bool());
        EXPECT_EQ(c.at("review_id").as_string(), created.Str("id"));
        if (c.at("owner_id").as_string() == world_->StaffId("investigator")) police_task = c.as_object();
    }
    ASSERT_FALSE(police_task.empty());
    // Team commitments are not promises to the survivor: the summary leaves them out.
    EXPECT_EQ(Summary().at("total").as_int64(), 0);
    // The owner reports on their own commitment though they work for another agency.
    auto& police = world_->As("investigator");
    const auto done = police.Patch("/api/v1/commitments/" + Str(police_task, "id"),
                                   json::object{{"status", "kept"}, {"note", "The court agreed."}},
                                   police_task.at("version").as_int64());
    EXPECT_EQ(done.status, 200) << done.raw.body;
    EXPECT_EQ(police.Get("/api/v1/cases/" + case_ + "/commitments").status, 403);
    // And a missed team commitment needs no account to the survivor.
    const std::string other =
        "/api/v1/commitments/" +
        std::string(list.obj().at("items").at(0).at("owner_id").as_string() == world_->StaffId("caseworker")
                        ? list.obj().at("items").at(0).at("id").as_string()
                        : list.obj().at("items").at(1).at("id").as_string());
    EXPECT_EQ(cw.Patch(other, json::object{{"status", "missed"}}, 1).status, 200);

    // A decision with an owner needs a date too, and attendees must exist.
    json::object half = review;
    half["decisions"] = json::array{json::object{{"text", "Call"}, {"owner_id", world_->StaffId("caseworker")}}};
    EXPECT_EQ(cw.Post("/api/v1/cases/" + case_ + "/reviews", half).ErrorField(), "decisions[0].due");
    json::object ghost = review;
    ghost["attendees"] = json::array{"st_nobody"};
    EXPECT_EQ(cw.Post("/api/v1/cases/" + case_ + "/reviews", ghost).ErrorField(), "attendees[0]");
    json::object future = review;
    future["held_at"] = "2026-12-25T10:00:00Z";
    EXPECT_EQ(cw.Post("/api/v1/cases/" + case_ + "/reviews", future).ErrorField(), "held_at");
    EXPECT_EQ(world_->As("caseworker2").Post("/api/v1/cases/" + case_ + "/reviews", review).status, 403);
    const auto reviews = cw.Get("/api/v1/cases/" + case_ + "/reviews");
    ASSERT_EQ(reviews.obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(reviews.obj().at("items").at(0).at("decisions").at(1).at("text").as_string(),
              "Arrange a dental appointment.");
}

}  // namespace
}  // namespace onestory::testing
