// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The Store conformance suite, continued: the rows of "evidence of impact"
// (trafficking events, the training registry, staff wellbeing, the report
// aggregates and the export walks), on every backend.
#include <gtest/gtest.h>

#include <map>

#include "store/account_rows.hpp"
#include "store/case_rows.hpp"
#include "store/consent_rows.hpp"
#include "store/interview_rows.hpp"
#include "store/report_rows.hpp"
#include "store/store_backends_for_test.hpp"
#include "store/survivor_rows.hpp"
#include "store/trafficking_event_rows.hpp"
#include "store/training_rows.hpp"
#include "store/wellbeing_rows.hpp"

namespace onestory::store {
namespace {

class ImpactConformanceTest : public ::testing::TestWithParam<BackendForTest> {
  protected:
    void SetUp() override {
        ONESTORY_SKIP_UNLESS_AVAILABLE(GetParam());
        auto opened = GetParam().open();
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        store_ = std::move(opened).value();
        ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, {"ag_a", "Agency A", "ngo", "KE", 1, 1, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, {"ag_b", "Agency B", "police", "UG", 2, 2, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(tx, {"st_1", "ag_a", "user_1", "Staff One",
                                                                  "$argon2id$fake", "caseworker", true, 1, 1, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(
                            tx, {"st_2", "ag_a", "user_2", "Staff Two", "$argon2id$fake", "trainer", true, 1, 1, 1}));
                        return InsertStaff(tx, {"st_3", "ag_b", "user_3", "Staff Three", "$argon2id$fake",
                                                "investigator", false, 1, 1, 1});
                    }).ok());
    }

    Status W(const TransactionFn& fn) { return store_->Write(fn); }
    Status R(const TransactionFn& fn) { return store_->Read(fn); }

    // A survivor of ag_a with one case opened at `at`.
    void SurvivorWithCase(const std::string& sv, const std::string& cs, std::int64_t at, const std::string& nationality,
                          const std::string& types, const std::string& stage = "intake") {
        ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                        SurvivorRow s;
                        s.id = sv;
                        s.agency_id = "ag_a";
                        s.registered_by = "st_1";
                        s.code_name = "Code " + sv;
                        s.data_key = "wrapped";
                        s.legal_name = std::string("\x01sealed\x00", 8);
                        s.nationality = nationality.empty() ? std::nullopt : std::optional<std::string>(nationality);
                        s.created_at = s.updated_at = at;
                        ONESTORY_RETURN_IF_ERROR(InsertSurvivor(tx, s));
                        return InsertCase(tx, {cs, sv, "ag_a", "st_1", stage, "active", types, at, at, 1});
                    }).ok());
    }

    std::unique_ptr<Store> store_;
};

TEST_P(ImpactConformanceTest, TraffickingEventsByCaseSurvivorAndRange) {
    SurvivorWithCase("sv_1", "cs_1", 10, "KE", "forced_labour");
    SurvivorWithCase("sv_2", "cs_2", 11, "UG", "sexual_exploitation");
    SurvivorWithCase("sv_3", "cs_3", 12, "TZ", "forced_begging");
    auto event = [](std::string id, std::string cs, std::string sv, std::int64_t at) {
        TraffickingEventRow e;
        e.id = std::move(id);
        e.case_id = std::move(cs);
        e.survivor_id = std::move(sv);
        e.agency_id = "ag_a";
        e.kind = "exploitation";
        e.country = "AE";
        e.place = std::string("\x09sealed-place\x00", 14);
        e.began_on = "2025-03-01";
        e.exploitation_types = "forced_labour";
        e.means_of_control = "debt_bondage,withholds_documents";
        e.recorded_by = "st_1";
        e.created_at = at;
        return e;
    };
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertTraffickingEvent(tx, event("te_2", "cs_1", "sv_1", 30)));
                    ONESTORY_RETURN_IF_ERROR(InsertTraffickingEvent(tx, event("te_1", "cs_1", "sv_1", 20)));
                    ONESTORY_RETURN_IF_ERROR(InsertTraffickingEvent(tx, event("te_3", "cs_2", "sv_2", 25)));
                    return InsertTraffickingEvent(tx, event("te_4", "cs_3", "sv_3", 25));
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto of_case, ListTraffickingEventsOfCase(tx, "cs_1"));
                    EXPECT_EQ(of_case.size(), 2u);
                    EXPECT_EQ(of_case.at(0).id, "te_1");  // oldest first
                    EXPECT_EQ(of_case.at(0).place, std::string("\x09sealed-place\x00", 14));
                    EXPECT_EQ(of_case.at(0).means_of_control, "debt_bondage,withholds_documents");
                    EXPECT_FALSE(of_case.at(0).ended_on.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto range, ListTraffickingEventsOfSurvivorRange(tx, "sv_1", "sv_2"));
                    EXPECT_EQ(range.size(), 3u);
                    if (range.size() != 3u) return Status::Internal("unexpected count");
                    EXPECT_EQ(range.at(0).survivor_id, "sv_1");
                    EXPECT_EQ(range.at(2).survivor_id, "sv_2");
                    ONESTORY_ASSIGN_OR_RETURN(auto of_survivor, ListTraffickingEventsOfSurvivor(tx, "sv_3"));
                    EXPECT_EQ(of_survivor.size(), 1u);
                    // The export walk: survivors after an id, their cases and consents by range.
                    ONESTORY_ASSIGN_OR_RETURN(auto first, ListSurvivorsAfter(tx, "", "", 2));
                    EXPECT_EQ(first.size(), 2u);
                    if (first.size() != 2u) return Status::Internal("unexpected count");
                    EXPECT_EQ(first.at(1).id, "sv_2");
                    ONESTORY_ASSIGN_OR_RETURN(auto rest, ListSurvivorsAfter(tx, "sv_2", "ag_a", 2));
                    EXPECT_EQ(rest.size(), 1u);
                    if (rest.size() != 1u) return Status::Internal("unexpected count");
                    EXPECT_EQ(rest.at(0).id, "sv_3");
                    ONESTORY_ASSIGN_OR_RETURN(auto none, ListSurvivorsAfter(tx, "", "ag_b", 2));
                    EXPECT_TRUE(none.empty());
                    ONESTORY_ASSIGN_OR_RETURN(auto count, CountSurvivors(tx, ""));
                    EXPECT_EQ(count, 3);
                    ONESTORY_ASSIGN_OR_RETURN(auto cases, ListCasesOfSurvivorRange(tx, "sv_2", "sv_3"));
                    EXPECT_EQ(cases.size(), 2u);
                    if (cases.size() != 2u) return Status::Internal("unexpected count");
                    EXPECT_EQ(cases.at(0).id, "cs_2");
                    return Status::Ok();
                }).ok());
}

TEST_P(ImpactConformanceTest, TrainingRegistryAndValidCompletions) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertCourse(tx, {"tr_1", "ag_a", "Interviewing", "Modules 1-3", 720,
                                                               "interviewing,trauma", 24, "st_2", 5, 5, 1}));
                    ONESTORY_RETURN_IF_ERROR(InsertCourse(
                        tx, {"tr_2", "ag_a", "Assessing", "One day", 480, "", std::nullopt, "st_2", 6, 6, 1}));
                    ONESTORY_RETURN_IF_ERROR(InsertTrainingSession(
                        tx, {"ts_1", "tr_1", "ag_a", "2026-03-02", "Nairobi", "KE", "Lio", "st_2", "st_2", 7, 1}));
                    return InsertTrainingSession(tx, {"ts_2", "tr_2", "ag_a", "2025-06-10", "Kampala", "UG", "Guest",
                                                      std::nullopt, "st_2", 8, 1});
                }).ok());
    auto participant = [](std::string id, std::string session, std::string course, std::string held,
                          std::optional<std::string> staff, bool completed, std::optional<std::string> expires) {
        ParticipantRow p;
        p.id = std::move(id);
        p.session_id = std::move(session);
        p.course_id = std::move(course);
        p.held_on = std::move(held);
        p.name = "Person " + p.id;
        p.profession = "police";
        p.agency_name = "Somewhere";
        p.country = "KE";
        p.staff_id = std::move(staff);
        p.completed = completed;
        if (completed) p.completed_on = p.held_on;
        p.certificate_id = completed ? std::optional<std::string>("CERT-" + p.id) : std::nullopt;
        p.expires_on = std::move(expires);
        p.created_by = "st_2";
        p.created_at = 9;
        p.updated_at = 9;
        return p;
    };
    EXPECT_EQ(W([&](Transaction& tx) -> Status {
                  ONESTORY_RETURN_IF_ERROR(InsertParticipant(
                      tx, participant("tp_1", "ts_1", "tr_1", "2026-03-02", "st_1", true, "2026-12-01")));
                  ONESTORY_RETURN_IF_ERROR(InsertParticipant(
                      tx, participant("tp_2", "ts_2", "tr_2", "2025-06-10", "st_1", true, "2025-12-31")));
                  ONESTORY_RETURN_IF_ERROR(InsertParticipant(
                      tx, participant("tp_3", "ts_1", "tr_1", "2026-03-02", std::nullopt, false, std::nullopt)));
                  // Certificates are unique.
                  ParticipantRow twin =
                      participant("tp_4", "ts_1", "tr_1", "2026-03-02", std::nullopt, true, std::nullopt);
                  twin.certificate_id = "CERT-tp_1";
                  return InsertParticipant(tx, twin);
              }).code(),
              StatusCode::kConflict);
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertParticipant(
                        tx, participant("tp_1", "ts_1", "tr_1", "2026-03-02", "st_1", true, "2026-12-01")));
                    ONESTORY_RETURN_IF_ERROR(InsertParticipant(
                        tx, participant("tp_2", "ts_2", "tr_2", "2025-06-10", "st_1", true, "2025-12-31")));
                    return InsertParticipant(
                        tx, participant("tp_3", "ts_1", "tr_1", "2026-03-02", std::nullopt, false, std::nullopt));
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto valid, ListValidCourseIdsOfStaff(tx, "st_1", "2026-06-01"));
                    EXPECT_EQ(valid, std::vector<std::string>{"tr_1"});  // tr_2 expired at the end of 2025
                    ONESTORY_ASSIGN_OR_RETURN(auto later, ListValidCourseIdsOfStaff(tx, "st_1", "2026-12-01"));
                    EXPECT_TRUE(later.empty());  // the expiry day itself no longer counts
                    ONESTORY_ASSIGN_OR_RETURN(auto mine, ListTrainingsOfStaff(tx, "st_1"));
                    EXPECT_EQ(mine.size(), 2u);
                    if (mine.size() != 2u) return Status::Internal("unexpected count");
                    EXPECT_EQ(mine.at(0).course_title, "Interviewing");
                    ONESTORY_ASSIGN_OR_RETURN(auto courses, ListCourses(tx, {}));
                    EXPECT_EQ(courses.items.size(), 2u);
                    if (courses.items.size() != 2u) return Status::Internal("unexpected count");
                    EXPECT_EQ(courses.items.at(0).id, "tr_2");
                    EXPECT_FALSE(courses.items.at(0).valid_months.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto sessions, ListSessionsOfCourse(tx, "tr_1", {}));
                    EXPECT_EQ(sessions.items.size(), 1u);
                    ONESTORY_ASSIGN_OR_RETURN(auto people, ListParticipantsOfSession(tx, "ts_1", {1, std::nullopt}));
                    EXPECT_EQ(people.items.size(), 1u);
                    EXPECT_TRUE(people.next.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto counts, CountParticipants(tx, "ag_a", "2025-01-01", "2026-12-31"));
                    std::map<std::vector<std::string>, std::int64_t> by;
                    for (const auto& g : counts) by[g.keys] = g.count;
                    EXPECT_EQ(by.size(), 2u);
                    EXPECT_EQ((by[{"police", "KE", "2026"}]), 2);
                    EXPECT_EQ((by[{"police", "KE", "2025"}]), 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto in_2026, CountParticipants(tx, "", "2026-01-01", "2026-12-31"));
                    EXPECT_EQ(in_2026.size(), 1u);
                    if (in_2026.size() != 1u) return Status::Internal("unexpected count");
                    EXPECT_EQ(in_2026.at(0).count, 2);
                    ONESTORY_ASSIGN_OR_RETURN(auto of_b, CountParticipants(tx, "ag_b", "2025-01-01", "2026-12-31"));
                    EXPECT_TRUE(of_b.empty());
                    return Status::Ok();
                }).ok());
    // A completion recorded later, optimistically.
    ParticipantRow update = participant("tp_3", "ts_1", "tr_1", "2026-03-02", std::nullopt, true, "2027-03-02");
    update.version = 2;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto changed, UpdateParticipant(tx, update));
                    EXPECT_EQ(changed, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto stale, UpdateParticipant(tx, update));
                    EXPECT_EQ(stale, 0);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto p, GetParticipant(tx, "tp_3"));
                    EXPECT_TRUE(p->completed);
                    EXPECT_EQ(p->certificate_id, std::optional<std::string>("CERT-tp_3"));
                    EXPECT_EQ(p->version, 2);
                    return Status::Ok();
                }).ok());
}

TEST_P(ImpactConformanceTest, WellbeingRecordsNudgesAndWeeklyAggregates) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(
                        InsertExposure(tx, {"ex_1", "st_1", "ag_a", "2026-11-23", "2026-11-23", 90, "interview", 1}));
                    ONESTORY_RETURN_IF_ERROR(
                        InsertExposure(tx, {"ex_2", "st_1", "ag_a", "2026-11-25", "2026-11-23", 60, "hearing", 2}));
                    ONESTORY_RETURN_IF_ERROR(InsertExposure(
                        tx, {"ex_3", "st_2", "ag_a", "2026-11-24", "2026-11-23", 30, "evidence_review", 3}));
                    ONESTORY_RETURN_IF_ERROR(
                        InsertExposure(tx, {"ex_4", "st_1", "ag_a", "2026-11-30", "2026-11-30", 15, "other", 4}));
                    ONESTORY_RETURN_IF_ERROR(InsertCheckin(tx, {"ci_1", "st_1", "ag_a", "2026-11-23", "onestory", "1",
                                                                std::string("\x0a\x00sealed", 8), 5}));
                    ONESTORY_RETURN_IF_ERROR(InsertCheckin(
                        tx, {"ci_2", "st_1", "ag_a", "2026-11-30", "onestory", "1", std::string("\x0bsealed"), 6}));
                    return InsertDebrief(tx, {"db_1", "st_2", "ag_a", "2026-11-24", "2026-11-23", 7});
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto minutes, SumExposureMinutes(tx, "st_1", "2026-11-23"));
                    EXPECT_EQ(minutes, 150);
                    ONESTORY_ASSIGN_OR_RETURN(auto none, SumExposureMinutes(tx, "st_3", "2026-11-23"));
                    EXPECT_EQ(none, 0);
                    ONESTORY_ASSIGN_OR_RETURN(auto mine, ListExposuresOfStaff(tx, "st_1", {2, std::nullopt}));
                    EXPECT_EQ(mine.items.size(), 2u);
                    if (mine.items.size() != 2u) return Status::Internal("unexpected count");
                    EXPECT_EQ(mine.items.at(0).id, "ex_4");
                    ONESTORY_ASSIGN_OR_RETURN(auto st2, HasDebriefInWeek(tx, "st_2", "2026-11-23", 0, 1));
                    EXPECT_TRUE(st2);
                    ONESTORY_ASSIGN_OR_RETURN(auto st1, HasDebriefInWeek(tx, "st_1", "2026-11-23", 0, 1000));
                    EXPECT_FALSE(st1);
                    ONESTORY_ASSIGN_OR_RETURN(auto checkins, ListCheckinsOfStaff(tx, "st_1", 10));
                    EXPECT_EQ(checkins.size(), 2u);
                    if (checkins.size() != 2u) return Status::Internal("unexpected count");
                    EXPECT_EQ(checkins.at(0).id, "ci_1");  // oldest first
                    EXPECT_EQ(checkins.at(0).answers, std::string("\x0a\x00sealed", 8));
                    ONESTORY_ASSIGN_OR_RETURN(auto newest, ListCheckinsOfStaff(tx, "st_1", 1));
                    EXPECT_EQ(newest.size(), 1u);
                    if (newest.size() != 1u) return Status::Internal("unexpected count");
                    EXPECT_EQ(newest.at(0).id, "ci_2");
                    ONESTORY_ASSIGN_OR_RETURN(auto weeks, WeeklyWellbeing(tx, "ag_a", "2026-11-01", "2026-11-30"));
                    EXPECT_EQ(weeks.size(), 2u);
                    EXPECT_EQ(weeks.at(0).week, "2026-11-23");
                    EXPECT_EQ(weeks.at(0).staff_with_exposure, 2);
                    EXPECT_EQ(weeks.at(0).exposure_minutes, 180);
                    EXPECT_EQ(weeks.at(0).staff_checked_in, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto active, CountActiveStaff(tx, "ag_a"));
                    EXPECT_EQ(active, 2);
                    ONESTORY_ASSIGN_OR_RETURN(auto inactive, CountActiveStaff(tx, "ag_b"));
                    EXPECT_EQ(inactive, 0);
                    return Status::Ok();
                }).ok());
    // An interview's debrief counts as a debrief of its interviewer in that week.
    SurvivorWithCase("sv_1", "cs_1", 10, "KE", "forced_labour");
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    InterviewRow i;
                    i.id = "iv_1";
                    i.case_id = "cs_1";
                    i.survivor_id = "sv_1";
                    i.agency_id = "ag_a";
                    i.purpose = "aftercare";
                    i.topics = "needs";
                    i.interviewer_id = "st_1";
                    i.acc_children = "none";
                    i.debriefed_at = 500;
                    i.created_by = "st_1";
                    return InsertInterview(tx, i);
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto in_week, HasDebriefInWeek(tx, "st_1", "2026-11-23", 0, 1000));
                    EXPECT_TRUE(in_week);
                    ONESTORY_ASSIGN_OR_RETURN(auto outside, HasDebriefInWeek(tx, "st_1", "2026-11-23", 501, 1000));
                    EXPECT_FALSE(outside);
                    return Status::Ok();
                }).ok());
    // A nudge is raised once per person and week, and a debrief resolves it.
    NudgeRow nudge{"nd_1", "st_1", "2026-11-23", 150, 120, "open", 8, std::nullopt, 1};
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto raised, InsertNudgeOnce(tx, nudge));
                    EXPECT_TRUE(raised);
                    NudgeRow again = nudge;
                    again.id = "nd_2";
                    ONESTORY_ASSIGN_OR_RETURN(auto twice, InsertNudgeOnce(tx, again));
                    EXPECT_FALSE(twice);
                    // The transaction is still usable after the refused duplicate.
                    ONESTORY_ASSIGN_OR_RETURN(auto open, ListOpenNudges(tx, "st_1"));
                    EXPECT_EQ(open.size(), 1u);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto resolved, ResolveNudgesOfWeek(tx, "st_1", "2026-11-23", 9));
                    EXPECT_EQ(resolved, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto closed_again, CloseNudge(tx, "nd_1", "dismissed", 10));
                    EXPECT_EQ(closed_again, 0);
                    ONESTORY_ASSIGN_OR_RETURN(auto n, GetNudge(tx, "nd_1"));
                    EXPECT_EQ(n->status, "resolved");
                    EXPECT_EQ(n->closed_at, std::optional<std::int64_t>(9));
                    EXPECT_EQ(n->version, 2);
                    ONESTORY_ASSIGN_OR_RETURN(auto open, ListOpenNudges(tx, "st_1"));
                    EXPECT_TRUE(open.empty());
                    return Status::Ok();
                }).ok());
}

TEST_P(ImpactConformanceTest, ReportAggregatesCountOnlyTheScope) {
    SurvivorWithCase("sv_1", "cs_1", 100, "KE", "forced_labour", "intake");
    SurvivorWithCase("sv_2", "cs_2", 200, "KE", "forced_labour,sexual_exploitation", "intake");
    SurvivorWithCase("sv_3", "cs_3", 300, "", "forced_begging", "aftercare");
    SurvivorWithCase("sv_4", "cs_4", 900, "UG", "forced_labour", "intake");  // outside the period
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    for (const auto& [id, sv, cs, reask] :
                         std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
                             {"iv_1", "sv_1", "cs_1", ""},
                             {"iv_2", "sv_1", "cs_1", "recruitment"},
                             {"iv_3", "sv_2", "cs_2", ""}}) {
                        InterviewRow i;
                        i.id = id;
                        i.case_id = cs;
                        i.survivor_id = sv;
                        i.agency_id = "ag_a";
                        i.purpose = "aftercare";
                        i.topics = "recruitment";
                        i.reask_topics = reask;
                        i.interviewer_id = "st_1";
                        i.acc_children = "none";
                        i.created_by = "st_1";
                        i.created_at = 400;
                        ONESTORY_RETURN_IF_ERROR(InsertInterview(tx, i));
                    }
                    return Status::Ok();
                }).ok());
    const ReportScope scope{"ag_a", 0, 500};
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    std::map<std::vector<std::string>, std::int64_t> got;
                    ONESTORY_ASSIGN_OR_RETURN(auto stages, CountCasesByStageAndStatus(tx, scope));
                    for (const auto& g : stages) got[g.keys] = g.count;
                    EXPECT_EQ((got[{"intake", "active"}]), 2);
                    EXPECT_EQ((got[{"aftercare", "active"}]), 1);
                    got.clear();
                    ONESTORY_ASSIGN_OR_RETURN(auto types, CountCasesByExploitationAndNationality(tx, scope));
                    for (const auto& g : types) got[g.keys] = g.count;
                    EXPECT_EQ((got[{"forced_labour", "KE"}]), 1);
                    EXPECT_EQ((got[{"forced_labour,sexual_exploitation", "KE"}]), 1);
                    EXPECT_EQ((got[{"forced_begging", ""}]), 1);
                    EXPECT_EQ(got.count({"forced_labour", "UG"}), 0u);
                    got.clear();
                    ONESTORY_ASSIGN_OR_RETURN(auto per_survivor, CountSurvivorsByInterviews(tx, scope));
                    for (const auto& g : per_survivor) got[g.keys] = g.count;
                    EXPECT_EQ((got[{"1"}]), 1);
                    EXPECT_EQ((got[{"2"}]), 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto reasks, CountReasks(tx, scope));
                    EXPECT_EQ(reasks.interviews, 3);
                    EXPECT_EQ(reasks.reasked, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto other_agency, CountCasesByStageAndStatus(tx, {"ag_b", 0, 500}));
                    EXPECT_TRUE(other_agency.empty());
                    ONESTORY_ASSIGN_OR_RETURN(auto everyone, CountCasesByStageAndStatus(tx, {"", 0, 1000}));
                    std::int64_t total = 0;
                    for (const auto& g : everyone) total += g.count;
                    EXPECT_EQ(total, 4);
                    return Status::Ok();
                }).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ImpactConformanceTest, ::testing::ValuesIn(BackendsForTest()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace onestory::store
