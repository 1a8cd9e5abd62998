// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Safety plans, hearings and incidents: who reads and writes them, If-Match
// on updates, the prosecution consent that opens hearings to a prosecutor,
// the alerts of a plan past review and of a hearing the survivor was not
// told of, and the GBVIMS classification order.
#include <gtest/gtest.h>

#include "care_world.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class CareRecordsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        sessions_ = std::make_unique<Sessions>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Golden Plover", "Test Safety Person");
    }
    ApiClient& As(const std::string& username) { return sessions_->As(username); }
    json::object Plan(const std::string& risk, const std::string& review_by) {
        return json::object{
            {"risk_level", risk},
            {"items", json::array{json::object{{"kind", "safe_place"}, {"text", "The church hall on the hill."}},
                                  json::object{{"kind", "trusted_person"}, {"text", "Her cousin, two streets away."}},
                                  json::object{{"kind", "warning_sign"}, {"text", "A car parked outside twice."}}}},
            {"review_by", review_by}};
    }
    json::object Hearing(const std::string& at) {
        return json::object{{"court", "Test High Court, room 4"},
                            {"scheduled_at", at},
                            {"kind", "testimony"},
                            {"charges", json::array{"Trafficking in persons", "Forced labour"}},
                            {"accommodations_requested", json::array{"screen", "support_person", "interpreter"}},
                            {"accommodations_granted", json::array{"screen"}}};
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::unique_ptr<Sessions> sessions_;
    std::string survivor_, case_;
};

TEST_F(CareRecordsTest, TheSafetyPlanIsTheCaseTeamsAndOpensOnlyUnderAConsentCoveringIt) {
    const std::string path = "/api/v1/cases/" + case_ + "/safety-plan";
    auto& cw = As("caseworker");
    EXPECT_EQ(cw.Get(path).status, 404);
    const auto created = cw.Put(path, Plan("high", "2026-12-15"), std::nullopt);
    ASSERT_EQ(created.status, 201) << created.raw.body;
    EXPECT_EQ(created.Str("risk_level"), "high");
    EXPECT_EQ(created.Version(), 1);
    EXPECT_EQ(created.obj().at("items").at(1).at("text").as_string(), "Her cousin, two streets away.");
    EXPECT_EQ(cw.Put(path, Plan("medium", "2026-12-15"), std::nullopt).status, 428);
    EXPECT_EQ(cw.Put(path, Plan("medium", "2026-12-15"), 5).ErrorCode(), "stale_version");
    const auto updated = cw.Put(path, Plan("medium", "2027-01-15"), 1);
    ASSERT_EQ(updated.status, 200) << updated.raw.body;
    EXPECT_EQ(updated.Version(), 2);
    EXPECT_EQ(cw.Get(path).Str("review_by"), "2027-01-15");
    EXPECT_EQ(cw.Put(path, Plan("extreme", "2027-01-15"), 2).ErrorField(), "risk_level");
    EXPECT_EQ(cw.Put(path, Plan("low", "2026-01-15"), 2).ErrorField(), "review_by");

    // Supervisors of the agency read it; others of the agency and other agencies do not.
    EXPECT_EQ(As("supervisor").Get(path).status, 200);
    EXPECT_EQ(As("caseworker2").Get(path).status, 403);
    EXPECT_EQ(As("investigator").Get(path).status, 403);
    EXPECT_EQ(As("investigator").Put(path, Plan("low", "2027-01-15"), 2).status, 403);
    // Disclosed to the police under a consent covering safety_plan: their investigator reads it while it stands.
    const auto consent = GrantConsent(*world_, survivor_, "police", "investigation", {}, {"safety_plan"});
    const auto disclosure = cw.Post("/api/v1/cases/" + case_ + "/disclosures",
                                    json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                                 {"purpose", "investigation"},
                                                 {"passage_ids", json::array{}},
                                                 {"categories", json::array{"safety_plan"}}});
    ASSERT_EQ(disclosure.status, 201) << disclosure.raw.body;
    const auto read = As("investigator").Get(path);
    ASSERT_EQ(read.status, 200) << read.raw.body;
    EXPECT_EQ(read.obj().at("items").at(0).at("text").as_string(), "The church hall on the hill.");
    EXPECT_EQ(As("police-supervisor").Get(path).status, 200);  // also an investigator
    EXPECT_EQ(As("prosecutor").Get(path).status, 403);
    ASSERT_EQ(cw.Post("/api/v1/consents/" + consent.Str("id") + "/revoke").status, 200);
    EXPECT_EQ(As("investigator").Get(path).status, 403);

    // Past its review date the plan is an alert for the case lead and the supervisors.
    EXPECT_TRUE(AlertsOfKind(cw.Get("/api/v1/alerts"), "safety_plan_review").empty());
    sessions_->AdvanceDays(51);  // 2027-01-16
    const auto mine = AlertsOfKind(As("caseworker").Get("/api/v1/alerts"), "safety_plan_review");
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(Str(mine[0], "case_id"), case_);
    EXPECT_EQ(Str(mine[0], "due_at"), "2027-01-16T00:00:00Z");
    EXPECT_EQ(AlertsOfKind(As("supervisor").Get("/api/v1/alerts"), "safety_plan_review").size(), 1u);
    EXPECT_TRUE(As("caseworker").Get(path).obj().at("review_overdue").as_bool());
    // Reviewed: the alert is resolved.
    ASSERT_EQ(As("caseworker").Put(path, Plan("low", "2027-04-16"), 2).status, 200);
    EXPECT_TRUE(AlertsOfKind(As("supervisor").Get("/api/v1/alerts"), "safety_plan_review").empty());
}

TEST_F(CareRecordsTest, AProsecutorWithALiveProsecutionConsentCoveringLegalKeepsHearings) {
    auto& prosecutor = As("prosecutor");
    const std::string list = "/api/v1/cases/" + case_ + "/hearings";
    EXPECT_EQ(prosecutor.Post(list, Hearing("2027-02-01T09:00:00Z")).status, 403);
    EXPECT_EQ(prosecutor.Get(list).status, 403);
    // A consent to the prosecution office for another category does not open hearings.
    GrantConsent(*world_, survivor_, "prosecution", "prosecution", {"recruitment"}, {"identity"});
    EXPECT_EQ(prosecutor.Post(list, Hearing("2027-02-01T09:00:00Z")).status, 403);
    const auto consent = GrantConsent(*world_, survivor_, "prosecution", "prosecution", {}, {"legal"});
    const auto created = prosecutor.Post(list, Hearing("2027-02-01T09:00:00Z"));
    ASSERT_EQ(created.status, 201) << created.raw.body;
    EXPECT_EQ(created.Str("created_agency_id"), world_->AgencyId("prosecution"));
    EXPECT_EQ(StringsOf(created.obj().at("charges")),
              (std::vector<std::string>{"Trafficking in persons", "Forced labour"}));
    const std::string one = "/api/v1/hearings/" + created.Str("id");
    const auto granted = prosecutor.Patch(
        one,
        json::object{{"accommodations_granted", json::array{"screen", "support_person"}}, {"notes", "Judge agreed."}},
        1);
    ASSERT_EQ(granted.status, 200) << granted.raw.body;
    EXPECT_EQ(StringsOf(granted.obj().at("accommodations_granted")),
              (std::vector<std::string>{"screen", "support_person"}));
    EXPECT_EQ(prosecutor.Patch(one, json::object{{"kind", "trial"}}, std::nullopt).status, 428);
    EXPECT_EQ(prosecutor.Patch(one, json::object{{"kind", "trial"}}, 1).ErrorCode(), "stale_version");
    EXPECT_EQ(prosecutor.Get(list).obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(prosecutor.Get(one).Str("notes"), "Judge agreed.");
    // The consent opens hearings, not the case.
    EXPECT_EQ(prosecutor.Get("/api/v1/cases/" + case_).status, 403);
    EXPECT_EQ(prosecutor.Get("/api/v1/cases/" + case_ + "/commitments").status, 403);
    // The case team sees the prosecutor's hearing; other agencies do not.
    EXPECT_EQ(As("caseworker").Get(list).obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(As("investigator").Get(one).status, 403);
    // Withdrawn: closed again at once.
    ASSERT_EQ(As("caseworker").Post("/api/v1/consents/" + consent.Str("id") + "/revoke").status, 200);
    EXPECT_EQ(prosecutor.Get(list).status, 403);
    EXPECT_EQ(prosecutor.Patch(one, json::object{{"kind", "trial"}}, 2).status, 403);
    // Bad input.
    auto& cw = As("caseworker");
    json::object bad = Hearing("2027-02-01T09:00:00Z");
    bad["accommodations_requested"] = json::array{"screen", "helicopter"};
    EXPECT_EQ(cw.Post(list, bad).ErrorField(), "accommodations_requested[1]");
    bad = Hearing("2027-02-01T09:00:00Z");
    bad["survivor_notified_at"] = "2026-11-25T10:00:00Z";
    EXPECT_EQ(cw.Post(list, bad).ErrorField(), "notified_by");
    bad["notified_by"] = "st_nobody";
    EXPECT_EQ(cw.Post(list, bad).ErrorField(), "notified_by");
    bad["notified_by"] = world_->StaffId("caseworker");
    bad["survivor_notified_at"] = "2026-12-25T10:00:00Z";
    EXPECT_EQ(cw.Post(list, bad).ErrorField(), "survivor_notified_at");
}

TEST_F(CareRecordsTest, AHearingWithinFourteenDaysTheSurvivorWasNotToldOfIsAnAlert) {
    auto& cw = As("caseworker");
    const std::string list = "/api/v1/cases/" + case_ + "/hearings";
    const auto soon = cw.Post(list, Hearing("2026-12-06T09:00:00Z"));   // in ten days
    const auto later = cw.Post(list, Hearing("2026-12-16T09:00:00Z"));  // in twenty
    ASSERT_EQ(soon.status, 201) << soon.raw.body;
    EXPECT_TRUE(soon.obj().at("notice_due").as_bool());
    EXPECT_FALSE(later.obj().at("notice_due").as_bool());
    const auto alerts = AlertsOfKind(cw.Get("/api/v1/alerts"), "hearing_not_notified");
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(Str(alerts[0], "subject_id"), soon.Str("id"));
    EXPECT_EQ(Str(alerts[0], "due_at"), "2026-12-06T09:00:00Z");
    EXPECT_NE(Str(alerts[0], "message").find("Test High Court"), std::string::npos);
    EXPECT_EQ(AlertsOfKind(As("supervisor").Get("/api/v1/alerts"), "hearing_not_notified").size(), 1u);

    // The survivor is told: that alert is resolved.
    const auto told = cw.Patch(
        "/api/v1/hearings/" + soon.Str("id"),
        json::object{{"survivor_notified_at", "2026-11-26T08:30:00Z"}, {"notified_by", world_->StaffId("caseworker")}},
        1);
    ASSERT_EQ(told.status, 200) << told.raw.body;
    EXPECT_FALSE(told.obj().at("notice_due").as_bool());
    EXPECT_TRUE(AlertsOfKind(cw.Get("/api/v1/alerts"), "hearing_not_notified").empty());
    EXPECT_TRUE(AlertsOfKind(As("supervisor").Get("/api/v1/alerts"), "hearing_not_notified").empty());
    // A week on, the later hearing comes within the window.
    sessions_->AdvanceDays(7);
    const auto next = AlertsOfKind(As("caseworker").Get("/api/v1/alerts"), "hearing_not_notified");
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(Str(next[0], "subject_id"), later.Str("id"));
}

TEST_F(CareRecordsTest, IncidentsAreClassifiedInGbvimsOrder) {
    const std::vector<std::string> questions{"penetration",     "unwanted_sexual_contact", "physical_assault",
                                             "forced_marriage", "denial_of_resources",     "psychological_abuse"};
    struct Row {
        std::vector<bool> answers;
        const char* type;
    };
    // The first yes in the order above wins; none is non_gbv.
    const std::vector<Row> rows{
        {{true, true, true, true, true, true}, "rape"},
        {{false, true, true, false, false, true}, "sexual_assault"},
        {{false, false, true, true, true, true}, "physical_assault"},
        {{false, false, false, true, false, true}, "forced_marriage"},
        {{false, false, false, false, true, true}, "denial_of_resources"},
        {{false, false, false, false, false, true}, "psychological_abuse"},
        {{false, false, false, false, false, false}, "non_gbv"},
    };
    auto& cw = As("caseworker");
    for (const auto& row : rows) {
        json::object body{{"occurred_on", "2026-09-14"}, {"description", "Described in the survivor's words."}};
        for (std::size_t i = 0; i < questions.size(); ++i) body[questions[i]] = static_cast<bool>(row.answers[i]);
        const auto r = cw.Post("/api/v1/cases/" + case_ + "/incidents", body);
        ASSERT_EQ(r.status, 201) << r.raw.body;
        EXPECT_EQ(r.Str("gbv_type"), row.type);
    }
    EXPECT_EQ(cw.Get("/api/v1/cases/" + case_ + "/incidents?limit=100").obj().at("items").as_array().size(),
              rows.size());
    json::object missing{{"occurred_on", "2026-09-14"}, {"penetration", false}};
    EXPECT_EQ(cw.Post("/api/v1/cases/" + case_ + "/incidents", missing).status, 400);
    json::object future{{"occurred_on", "2027-09-14"}};
    for (const auto& q : questions) future[q] = false;
    EXPECT_EQ(cw.Post("/api/v1/cases/" + case_ + "/incidents", future).ErrorField(), "occurred_on");
    EXPECT_EQ(As("investigator").Get("/api/v1/cases/" + case_ + "/incidents").status, 403);
}

}  // namespace
}  // namespace onestory::testing
