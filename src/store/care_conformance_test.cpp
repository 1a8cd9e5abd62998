// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The Store conformance suite, continued: the rows of care coordination
// (providers, referrals and their transitions, commitments, safety plans,
// hearings, reviews, incidents, assessments) and the recurring alerts'
// statements, on every backend.
#include <gtest/gtest.h>

#include "store/account_rows.hpp"
#include "store/alert_rows.hpp"
#include "store/assessment_rows.hpp"
#include "store/case_rows.hpp"
#include "store/commitment_rows.hpp"
#include "store/hearing_rows.hpp"
#include "store/incident_rows.hpp"
#include "store/provider_rows.hpp"
#include "store/referral_rows.hpp"
#include "store/review_rows.hpp"
#include "store/safety_plan_rows.hpp"
#include "store/store_backends_for_test.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::store {
namespace {

class CareConformanceTest : public ::testing::TestWithParam<BackendForTest> {
  protected:
    void SetUp() override {
        ONESTORY_SKIP_UNLESS_AVAILABLE(GetParam());
        auto opened = GetParam().open();
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        store_ = std::move(opened).value();
        // Two agencies, a caseworker of each, one survivor with two cases (the second closed).
        ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, {"ag_a", "Agency A", "ngo", "KE", 1, 1, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, {"ag_b", "Agency B", "health", "KE", 2, 2, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(tx, {"st_1", "ag_a", "user_1", "Staff One",
                                                                  "$argon2id$fake", "caseworker", true, 1, 1, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(
                            tx, {"st_2", "ag_b", "user_2", "Staff Two", "$argon2id$fake", "clinician", true, 1, 1, 1}));
                        SurvivorRow s;
                        s.id = "sv_1";
                        s.agency_id = "ag_a";
                        s.registered_by = "st_1";
                        s.code_name = "Heron";
                        s.data_key = "wrapped";
                        s.legal_name = std::string("\x01sealed\x00", 8);
                        s.created_at = s.updated_at = 3;
                        ONESTORY_RETURN_IF_ERROR(InsertSurvivor(tx, s));
                        ONESTORY_RETURN_IF_ERROR(
                            InsertCase(tx, {"cs_1", "sv_1", "ag_a", "st_1", "intake", "active", "", 4, 4, 1}));
                        return InsertCase(tx, {"cs_2", "sv_1", "ag_a", "st_1", "closed", "closed", "", 5, 5, 1});
                    }).ok());
    }

    Status W(const TransactionFn& fn) { return store_->Write(fn); }
    Status R(const TransactionFn& fn) { return store_->Read(fn); }

    ReferralRow Referral(const std::string& id, const std::string& status, std::int64_t created_at) {
        ReferralRow r;
        r.id = id;
        r.case_id = "cs_1";
        r.survivor_id = "sv_1";
        r.agency_id = "ag_a";
        r.provider_id = "pv_1";
        r.recipient_agency_id = "ag_b";
        r.service_type = "medical";
        r.reason = std::string("\x02sealed-reason\x00", 15);
        r.share_categories = "identity,contact";
        r.follow_up_by = "2026-12-01";
        r.status = status;
        r.created_by = "st_1";
        r.created_at = r.updated_at = created_at;
        return r;
    }

    CommitmentRow Commitment(const std::string& id, const std::string& owner, const std::string& due,
                             const std::string& status) {
        CommitmentRow c;
        c.id = id;
        c.case_id = "cs_1";
        c.survivor_id = "sv_1";
        c.agency_id = "ag_a";
        c.what = std::string("\x03sealed-what\x00", 13);
        c.owner_id = owner;
        c.due = due;
        c.status = status;
        c.created_by = "st_1";
        c.created_at = c.updated_at = 10;
        return c;
    }

    std::unique_ptr<Store> store_;
};

TEST_P(CareConformanceTest, ProvidersAreFoundByServiceLanguageAndAge) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ProviderRow a{"pv_1",
                                  "Clinic",
                                  "ag_b",
                                  "medical,mental_health",
                                  "sw,en",
                                  std::nullopt,
                                  std::nullopt,
                                  "",
                                  std::nullopt,
                                  std::nullopt,
                                  "+254 700",
                                  "st_1",
                                  1,
                                  1,
                                  1};
                    ProviderRow b{"pv_2", "Youth centre", std::nullopt, "education", "fr", 12, 17, "female,male",
                                  30,     "Kisumu",       std::nullopt, "st_1",      2,    2,  1};
                    ONESTORY_RETURN_IF_ERROR(InsertProvider(tx, a));
                    return InsertProvider(tx, b);
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    auto names = [&](ProviderFilter f) -> std::vector<std::string> {
                        auto page = ListProviders(tx, f, {});
                        std::vector<std::string> out;
                        for (const auto& p : page->items) out.push_back(p.id);
                        return out;
                    };
                    EXPECT_EQ(names({}), (std::vector<std::string>{"pv_2", "pv_1"}));
                    EXPECT_EQ(names({"mental_health", std::nullopt, std::nullopt}), std::vector<std::string>{"pv_1"});
                    // A service type that merely contains another's name does not match it.
                    EXPECT_TRUE(names({"health", std::nullopt, std::nullopt}).empty());
                    EXPECT_EQ(names({std::nullopt, "en", std::nullopt}), std::vector<std::string>{"pv_1"});
                    EXPECT_EQ(names({std::nullopt, std::nullopt, 15}), (std::vector<std::string>{"pv_2", "pv_1"}));
                    EXPECT_EQ(names({std::nullopt, std::nullopt, 18}), std::vector<std::string>{"pv_1"});
                    ONESTORY_ASSIGN_OR_RETURN(auto b, GetProvider(tx, "pv_2"));
                    EXPECT_EQ(b->age_min, 12);
                    EXPECT_FALSE(b->agency_id.has_value());
                    EXPECT_EQ(b->location_area, "Kisumu");
                    return Status::Ok();
                }).ok());
}

TEST_P(CareConformanceTest, ReferralsMoveOptimisticallyAndKeepTheirTransitionsInOrder) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(
                        InsertProvider(tx, {"pv_1", "Clinic", "ag_b", "medical", "en", std::nullopt, std::nullopt, "",
                                            std::nullopt, std::nullopt, std::nullopt, "st_1", 1, 1, 1}));
                    ONESTORY_RETURN_IF_ERROR(InsertReferral(tx, Referral("rf_1", "proposed", 20)));
                    ONESTORY_RETURN_IF_ERROR(InsertReferral(tx, Referral("rf_2", "sent", 21)));
                    for (int seq = 1; seq <= 3; ++seq) {
                        ReferralTransitionRow t{"rt_" + std::to_string(10 - seq),
                                                "rf_2",
                                                seq,
                                                "cs_1",
                                                "sv_1",
                                                seq == 1 ? std::nullopt : std::optional<std::string>("x"),
                                                "s" + std::to_string(seq),
                                                std::string("\x04note\x00", 6),
                                                "st_1",
                                                "ag_a",
                                                30};
                        ONESTORY_RETURN_IF_ERROR(InsertReferralTransition(tx, t));
                    }
                    return Status::Ok();
                }).ok());
    // A move stated from a stale version changes nothing.
    ReferralRow moved = Referral("rf_2", "accepted", 21);
    moved.complete_by = "2026-12-31";
    moved.consent_id = std::nullopt;
    moved.decline_reason = std::string("\x05sealed\x00", 8);
    moved.version = 2;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto changed, UpdateReferral(tx, moved));
                    EXPECT_EQ(changed, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto again, UpdateReferral(tx, moved));
                    EXPECT_EQ(again, 0);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto got, GetReferral(tx, "rf_2"));
                    EXPECT_EQ(got->status, "accepted");
                    EXPECT_EQ(got->complete_by, "2026-12-31");
                    EXPECT_EQ(got->decline_reason, std::string("\x05sealed\x00", 8));
                    EXPECT_EQ(got->reason, std::string("\x02sealed-reason\x00", 15));
                    ONESTORY_ASSIGN_OR_RETURN(auto transitions, ListReferralTransitions(tx, "rf_2"));
                    EXPECT_EQ(transitions.size(), 3u);
                    for (std::size_t i = 0; i < transitions.size(); ++i) {
                        EXPECT_EQ(transitions[i].seq, static_cast<std::int64_t>(i + 1));
                    }
                    EXPECT_FALSE(transitions[0].from_status.has_value());
                    // The receiving agency's list leaves out what is only proposed.
                    ONESTORY_ASSIGN_OR_RETURN(auto inbox, ListReferralsToAgency(tx, "ag_b", {}));
                    EXPECT_EQ(inbox.items.size(), 1u);
                    EXPECT_EQ(inbox.items[0].id, "rf_2");
                    ONESTORY_ASSIGN_OR_RETURN(auto of_case, ListReferralsOfCase(tx, "cs_1", {1, std::nullopt}));
                    EXPECT_EQ(of_case.items.size(), 1u);
                    EXPECT_TRUE(of_case.next.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto waiting, ListReferralsOfAgencyIn(tx, "ag_a", {"sent", "accepted"}));
                    EXPECT_EQ(waiting.size(), 1u);
                    return Status::Ok();
                }).ok());
    // The same step twice (one seq) is refused by the store.
    const Status twice = W([&](Transaction& tx) {
        return InsertReferralTransition(
            tx, {"rt_x", "rf_2", 2, "cs_1", "sv_1", std::nullopt, "sent", std::nullopt, "st_1", "ag_a", 31});
    });
    EXPECT_EQ(twice.reason(), "duplicate");
}

TEST_P(CareConformanceTest, OverdueCommitmentsAreThoseOfTheAgencyAndThoseOwnedAnywhere) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertCommitment(tx, Commitment("cm_1", "st_1", "2026-11-20", "open")));
                    ONESTORY_RETURN_IF_ERROR(InsertCommitment(tx, Commitment("cm_2", "st_2", "2026-11-21", "open")));
                    ONESTORY_RETURN_IF_ERROR(InsertCommitment(tx, Commitment("cm_3", "st_1", "2026-11-26", "open")));
                    ONESTORY_RETURN_IF_ERROR(InsertCommitment(tx, Commitment("cm_4", "st_1", "2026-11-19", "kept")));
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto agency, ListOverdueCommitments(tx, "ag_a", "", "2026-11-26"));
                    EXPECT_EQ(agency.size(), 2u);  // cm_1, cm_2: due before today and open
                    ONESTORY_ASSIGN_OR_RETURN(auto owned, ListOverdueCommitments(tx, "ag_b", "st_2", "2026-11-26"));
                    EXPECT_EQ(owned.size(), 1u);
                    if (owned.size() != 1u) return Status::Internal("unexpected rows");
                    EXPECT_EQ(owned[0].id, "cm_2");
                    ONESTORY_ASSIGN_OR_RETURN(auto all, AllCommitmentsOfCase(tx, "cs_1"));
                    EXPECT_EQ(all.size(), 4u);
                    return Status::Ok();
                }).ok());
    CommitmentRow kept = Commitment("cm_1", "st_1", "2026-11-20", "kept");
    kept.resolved_at = 99;
    kept.survivor_told = std::string("\x06told\x00", 6);
    kept.version = 2;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto n, UpdateCommitment(tx, kept));
                    EXPECT_EQ(n, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto stale, UpdateCommitment(tx, kept));
                    EXPECT_EQ(stale, 0);
                    ONESTORY_ASSIGN_OR_RETURN(auto got, GetCommitment(tx, "cm_1"));
                    EXPECT_EQ(got->resolved_at, 99);
                    EXPECT_EQ(got->survivor_told, std::string("\x06told\x00", 6));
                    return Status::Ok();
                }).ok());
}

TEST_P(CareConformanceTest, PlansHearingsReviewsIncidentsAndAssessmentsRoundTrip) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(
                        InsertSafetyPlan(tx, {"cs_1", "sv_1", "ag_a", "high", std::string("\x07items\x00", 7),
                                              "2026-11-25", "st_1", 1, "st_1", 1, 1}));
                    HearingRow h;
                    h.id = "hr_1";
                    h.case_id = "cs_1";
                    h.survivor_id = "sv_1";
                    h.agency_id = "ag_a";
                    h.court = "Court";
                    h.scheduled_at = 1000;
                    h.kind = "trial";
                    h.charges = "One\nTwo";
                    h.accommodations_requested = "screen,video_link";
                    h.accommodations_granted = "screen";
                    h.created_by = "st_1";
                    h.created_agency_id = "ag_a";
                    h.created_at = h.updated_at = 1;
                    ONESTORY_RETURN_IF_ERROR(InsertHearing(tx, h));
                    h.id = "hr_2";
                    h.scheduled_at = 5000;
                    ONESTORY_RETURN_IF_ERROR(InsertHearing(tx, h));
                    h.id = "hr_3";
                    h.scheduled_at = 900;
                    h.survivor_notified_at = 800;
                    h.notified_by = "st_1";
                    ONESTORY_RETURN_IF_ERROR(InsertHearing(tx, h));
                    ONESTORY_RETURN_IF_ERROR(
                        InsertReview(tx, {"rv_1", "cs_1", "sv_1", "ag_a", 50, "st_1,st_2", "ag_a,ag_b", "st_1", 51}));
                    ONESTORY_RETURN_IF_ERROR(InsertCommitment(tx, Commitment("cm_9", "st_2", "2026-12-01", "open")));
                    ONESTORY_RETURN_IF_ERROR(InsertReviewDecision(
                        tx, {"rv_1", 1, std::string("\x08two\x00", 5), std::nullopt, std::nullopt, std::nullopt}));
                    ONESTORY_RETURN_IF_ERROR(InsertReviewDecision(
                        tx, {"rv_1", 0, std::string("\x08one\x00", 5), "st_2", "2026-12-01", "cm_9"}));
                    IncidentRow i;
                    i.id = "in_1";
                    i.case_id = "cs_1";
                    i.survivor_id = "sv_1";
                    i.agency_id = "ag_a";
                    i.occurred_on = "2026-08-01";
                    i.physical_assault = true;
                    i.gbv_type = "physical_assault";
                    i.created_by = "st_1";
                    i.created_at = 60;
                    ONESTORY_RETURN_IF_ERROR(InsertIncident(tx, i));
                    ONESTORY_RETURN_IF_ERROR(InsertAssessment(
                        tx, {"as_2", "cs_1", "sv_1", "ag_a", "2026-06-01", "x 1", std::nullopt, "st_1", 71}));
                    ONESTORY_RETURN_IF_ERROR(InsertAssessment(tx, {"as_1", "cs_1", "sv_1", "ag_a", "2025-12-01", "x 1",
                                                                   std::string("\x09n\x00", 3), "st_1", 70}));
                    ONESTORY_RETURN_IF_ERROR(InsertAssessmentScore(tx, {"as_1", "safety", "b", 2}));
                    return InsertAssessmentScore(tx, {"as_1", "safety", "a", 4});
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto plans, ListSafetyPlansDueForReview(tx, "ag_a", "2026-11-26"));
                    EXPECT_EQ(plans.size(), 1u);
                    ONESTORY_ASSIGN_OR_RETURN(auto none, ListSafetyPlansDueForReview(tx, "ag_a", "2026-11-25"));
                    EXPECT_TRUE(none.empty());
                    ONESTORY_ASSIGN_OR_RETURN(auto unnotified, ListUnnotifiedHearings(tx, "ag_a", 2000));
                    EXPECT_EQ(unnotified.size(), 1u);  // hr_2 is later, hr_3 the survivor was told of
                    if (unnotified.size() != 1u) return Status::Internal("unexpected rows");
                    EXPECT_EQ(unnotified[0].id, "hr_1");
                    ONESTORY_ASSIGN_OR_RETURN(auto hearings, AllHearingsOfCase(tx, "cs_1"));
                    EXPECT_EQ(hearings.front().id, "hr_3");  // by date
                    EXPECT_EQ(hearings.front().charges, "One\nTwo");
                    ONESTORY_ASSIGN_OR_RETURN(auto decisions, ListReviewDecisions(tx, "rv_1"));
                    EXPECT_EQ(decisions.size(), 2u);
                    if (decisions.size() != 2u) return Status::Internal("unexpected rows");
                    EXPECT_EQ(decisions[0].commitment_id, "cm_9");
                    EXPECT_EQ(decisions[1].text, std::string("\x08two\x00", 5));
                    ONESTORY_ASSIGN_OR_RETURN(auto incidents, ListIncidentsOfCase(tx, "cs_1", {}));
                    EXPECT_TRUE(incidents.items.at(0).physical_assault);
                    EXPECT_FALSE(incidents.items.at(0).penetration);
                    ONESTORY_ASSIGN_OR_RETURN(auto assessed, AllAssessmentsOfCase(tx, "cs_1"));
                    EXPECT_EQ(assessed.size(), 2u);
                    if (assessed.size() != 2u) return Status::Internal("unexpected rows");
                    EXPECT_EQ(assessed[0].id, "as_1");  // by the date assessed
                    ONESTORY_ASSIGN_OR_RETURN(auto scores, ListAssessmentScores(tx, "as_1"));
                    EXPECT_EQ(scores.size(), 2u);
                    if (scores.size() != 2u) return Status::Internal("unexpected rows");
                    EXPECT_EQ(scores[0].sub_domain, "a");
                    ONESTORY_ASSIGN_OR_RETURN(auto schedules, ListAssessmentSchedules(tx, "ag_a"));
                    EXPECT_EQ(schedules.size(), 1u);  // the closed case is due nothing
                    if (schedules.size() != 1u) return Status::Internal("unexpected rows");
                    EXPECT_EQ(schedules[0].count, 2);
                    EXPECT_EQ(schedules[0].first_on, "2025-12-01");
                    return Status::Ok();
                }).ok());
    SafetyPlanRow plan{"cs_1", "sv_1", "ag_a", "low", std::string("\x07new\x00", 5), "2027-01-01", "st_1",
                       1,      "st_1", 2,      2};
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto n, UpdateSafetyPlan(tx, plan));
                    EXPECT_EQ(n, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto stale, UpdateSafetyPlan(tx, plan));
                    EXPECT_EQ(stale, 0);
                    return Status::Ok();
                }).ok());
}

// A recurring check raises an alert once: the second insert is settled in
// the statement, and the transaction carries on (on PostgreSQL a failed
// statement would end it).
TEST_P(CareConformanceTest, AnAlertIsRaisedOnceAndTheTransactionGoesOn) {
    AlertRow a;
    a.id = "al_1";
    a.kind = "commitment_overdue";
    a.agency_id = "ag_a";
    a.audience_staff_id = "st_1";
    a.case_id = "cs_1";
    a.survivor_id = "sv_1";
    a.subject_id = "cm_1";
    a.due_at = 100;
    a.dedupe_key = "commitment_overdue:cm_1:2026-11-20:staff:st_1";
    a.created_at = 200;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto first, InsertAlertOnce(tx, a));
                    EXPECT_EQ(first, 1);
                    AlertRow again = a;
                    again.id = "al_2";
                    ONESTORY_ASSIGN_OR_RETURN(auto second, InsertAlertOnce(tx, again));
                    EXPECT_EQ(second, 0);
                    AlertRow other = a;
                    other.id = "al_3";
                    other.kind = "safety_plan_review";
                    other.audience_staff_id.reset();
                    other.audience_role = "supervisor";
                    other.dedupe_key = "safety_plan_review:cs_1:2026-11-25:supervisors";
                    ONESTORY_ASSIGN_OR_RETURN(auto third, InsertAlertOnce(tx, other));
                    EXPECT_EQ(third, 1);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(
        W([&](Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto raised, AlertRaised(tx, *a.dedupe_key));
            EXPECT_TRUE(raised);
            ONESTORY_ASSIGN_OR_RETURN(auto open, ListOpenAlertsOfKinds(tx, "ag_b", "st_1", {"commitment_overdue"}));
            EXPECT_EQ(open.size(), 1u);  // addressed to st_1, though about another agency's case
            ONESTORY_ASSIGN_OR_RETURN(
                auto none, ListOpenAlertsOfKinds(tx, "ag_b", "st_2", {"commitment_overdue", "safety_plan_review"}));
            EXPECT_TRUE(none.empty());
            ONESTORY_ASSIGN_OR_RETURN(auto acked, AcknowledgeAlert(tx, "al_1", "st_1", 300));
            EXPECT_EQ(acked, 1);
            ONESTORY_ASSIGN_OR_RETURN(auto twice, AcknowledgeAlert(tx, "al_1", "st_1", 301));
            EXPECT_EQ(twice, 0);
            ONESTORY_ASSIGN_OR_RETURN(auto resolved, ResolveAlert(tx, "al_3", 302));
            EXPECT_EQ(resolved, 1);
            ONESTORY_ASSIGN_OR_RETURN(auto not_open, ResolveAlert(tx, "al_1", 303));
            EXPECT_EQ(not_open, 0);  // an acknowledgement stays
            return Status::Ok();
        }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto one, GetAlert(tx, "al_1"));
                    EXPECT_EQ(one->status, "acknowledged");
                    EXPECT_EQ(one->acknowledged_by, "st_1");
                    EXPECT_EQ(one->version, 2);
                    ONESTORY_ASSIGN_OR_RETURN(auto three, GetAlert(tx, "al_3"));
                    EXPECT_EQ(three->status, "resolved");
                    EXPECT_EQ(three->resolved_at, 302);
                    ONESTORY_ASSIGN_OR_RETURN(auto open, ListOpenAlertsOfKinds(tx, "ag_a", "", {"safety_plan_review"}));
                    EXPECT_TRUE(open.empty());
                    return Status::Ok();
                }).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, CareConformanceTest, ::testing::ValuesIn(BackendsForTest()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace onestory::store
