// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The rules of care coordination that need no store: the GBVIMS order, the
// referral state machine, assessment scores, means, restoration and
// schedule, the instrument's checks, the safety plan's sealed encoding and
// the commitments' summary.
#include <gtest/gtest.h>

#include "domain/assessments/assessment_types.hpp"
#include "domain/care_records.hpp"
#include "domain/commitments/commitment_service.hpp"
#include "domain/incidents/incident_types.hpp"
#include "domain/referrals/referral_types.hpp"
#include "domain/safety/safety_plan_types.hpp"

namespace onestory::domain {
namespace {

Date D(const char* text) {
    return *ParseDate(text);
}

TEST(CareRulesTest, IncidentsAreClassifiedByTheFirstYesInGbvimsOrder) {
    struct Row {
        IncidentAnswers answers;
        GbvType type;
    };
    const std::vector<Row> rows{
        {{true, false, false, false, false, false}, GbvType::kRape},
        {{true, true, true, true, true, true}, GbvType::kRape},
        {{false, true, false, false, false, false}, GbvType::kSexualAssault},
        {{false, true, true, true, true, true}, GbvType::kSexualAssault},
        {{false, false, true, false, false, false}, GbvType::kPhysicalAssault},
        {{false, false, true, true, false, true}, GbvType::kPhysicalAssault},
        {{false, false, false, true, false, false}, GbvType::kForcedMarriage},
        {{false, false, false, true, true, true}, GbvType::kForcedMarriage},
        {{false, false, false, false, true, false}, GbvType::kDenialOfResources},
        {{false, false, false, false, true, true}, GbvType::kDenialOfResources},
        {{false, false, false, false, false, true}, GbvType::kPsychologicalAbuse},
        {{false, false, false, false, false, false}, GbvType::kNonGbv},
    };
    for (const auto& r : rows) {
        EXPECT_EQ(ClassifyIncident(r.answers), r.type) << NameOf(r.type);
    }
    // Every one of the 64 combinations: the type is that of its first yes, in order.
    const GbvType order[] = {GbvType::kRape,           GbvType::kSexualAssault,     GbvType::kPhysicalAssault,
                             GbvType::kForcedMarriage, GbvType::kDenialOfResources, GbvType::kPsychologicalAbuse};
    for (int bits = 0; bits < 64; ++bits) {
        const auto yes = [&](int i) { return (bits >> i & 1) != 0; };
        const IncidentAnswers a{yes(0), yes(1), yes(2), yes(3), yes(4), yes(5)};
        GbvType expected = GbvType::kNonGbv;
        for (int i = 5; i >= 0; --i) {
            if (yes(i)) expected = order[i];
        }
        EXPECT_EQ(ClassifyIncident(a), expected) << bits;
    }
}

TEST(CareRulesTest, AReferralMovesOnlyAlongTheClosedLoop) {
    using S = ReferralStatus;
    // from -> the states it may move to.
    const std::vector<std::pair<S, std::vector<S>>> legal{
        {S::kProposed, {S::kSent, S::kClosed}},
        {S::kSent, {S::kAccepted, S::kDeclined, S::kClosed}},
        {S::kAccepted, {S::kInService, S::kClosed}},
        {S::kDeclined, {S::kClosed}},
        {S::kInService, {S::kCompleted, S::kClosed}},
        {S::kCompleted, {}},
        {S::kClosed, {}},
    };
    for (const auto& [from, to_list] : legal) {
        for (const auto& [to, name] : EnumNames<S>::kTable) {
            const bool expected = std::find(to_list.begin(), to_list.end(), to) != to_list.end();
            EXPECT_EQ(IsLegalTransition(from, to), expected) << NameOf(from) << " -> " << name;
        }
    }
    EXPECT_EQ(StepTo(S::kSent), policy::ReferralStep::kSend);
    EXPECT_EQ(StepTo(S::kAccepted), policy::ReferralStep::kAnswer);
    EXPECT_EQ(StepTo(S::kDeclined), policy::ReferralStep::kAnswer);
    EXPECT_EQ(StepTo(S::kInService), policy::ReferralStep::kProgress);
    EXPECT_EQ(StepTo(S::kCompleted), policy::ReferralStep::kProgress);
    EXPECT_EQ(StepTo(S::kClosed), policy::ReferralStep::kClose);
}

TEST(CareRulesTest, DomainScoresAreMeansAndRestorationFollowsTheRule) {
    const AssessmentScores scores{{"safety", {{"a", 4}, {"b", 2}, {"c", 2}}},
                                  {"legal_protection", {{"a", 3}, {"b", 4}}},
                                  {"mental_wellbeing", {{"a", 3}}}};
    const auto means = DomainMeans(scores);
    ASSERT_EQ(means.size(), 3u);
    EXPECT_EQ(means[0].domain, "safety");  // in the order of the domains
    EXPECT_NEAR(means[0].score, 8.0 / 3.0, 1e-12);
    EXPECT_NEAR(means[1].score, 3.5, 1e-12);
    EXPECT_NEAR(means[2].score, 3.0, 1e-12);
    // The default rule asks every domain: three missing ones fail it.
    EXPECT_FALSE(MeetsRestoration({}, means));
    EXPECT_FALSE(MeetsRestoration({3.0, {"safety", "legal_protection"}}, means));
    EXPECT_TRUE(MeetsRestoration({2.5, {"safety", "legal_protection"}}, means));
    EXPECT_TRUE(MeetsRestoration({3.0, {"mental_wellbeing"}}, means));  // 3.0 is enough
    std::vector<DomainScore> all;
    for (const auto d : kAssessmentDomains) all.push_back({std::string(d), 3.0});
    EXPECT_TRUE(MeetsRestoration({}, all));
    all[4].score = 2.99;
    EXPECT_FALSE(MeetsRestoration({}, all));
}

TEST(CareRulesTest, ScoresMustFitTheInstrumentExactly) {
    const auto instrument = DefaultInstrument();
    AssessmentScores full;
    for (const auto& d : instrument.domains) {
        for (const auto& s : d.sub_domains) full[d.key][s.key] = 3;
    }
    EXPECT_TRUE(CheckScores(instrument, full).ok());
    struct Case {
        const char* what;
        std::function<void(AssessmentScores&)> change;
        const char* field;
    };
    const std::vector<Case> cases{
        {"unknown domain", [](auto& s) { s["joy"]["x"] = 3; }, "scores.joy"},
        {"unknown sub-domain", [](auto& s) { s["safety"]["pets"] = 3; }, "scores.safety.pets"},
        {"missing domain", [](auto& s) { s.erase("social_support"); }, "scores.social_support"},
        {"missing sub-domain", [](auto& s) { s["physical_wellbeing"].erase("daily_needs"); },
         "scores.physical_wellbeing.daily_needs"},
        {"too low", [](auto& s) { s["safety"]["safe_housing"] = 0; }, "scores.safety.safe_housing"},
        {"too high", [](auto& s) { s["safety"]["safe_housing"] = 5; }, "scores.safety.safe_housing"},
    };
    for (const auto& c : cases) {
        AssessmentScores s = full;
        c.change(s);
        const Status st = CheckScores(instrument, s);
        EXPECT_FALSE(st.ok()) << c.what;
        EXPECT_EQ(st.field(), c.field) << c.what;
    }
}

TEST(CareRulesTest, AssessmentsAreDueAtIntakeAfterSixMonthsThenYearly) {
    const Date opened = D("2026-01-10");
    EXPECT_EQ(NextAssessmentDue(opened, std::nullopt, 0).due, D("2026-02-09"));
    EXPECT_EQ(NextAssessmentDue(opened, std::nullopt, 0).kind, AssessmentKind::kIntake);
    const Date intake = D("2026-01-20");
    EXPECT_EQ(NextAssessmentDue(opened, intake, 1).due, D("2026-07-20"));
    EXPECT_EQ(NextAssessmentDue(opened, intake, 1).kind, AssessmentKind::kSixMonths);
    EXPECT_EQ(NextAssessmentDue(opened, intake, 2).due, D("2027-07-20"));
    EXPECT_EQ(NextAssessmentDue(opened, intake, 3).due, D("2028-07-20"));
    EXPECT_EQ(NextAssessmentDue(opened, intake, 3).kind, AssessmentKind::kYearly);
    // Month ends: six months after 31 August is the last day of February.
    EXPECT_EQ(NextAssessmentDue(opened, D("2026-08-31"), 1).due, D("2027-02-28"));
    EXPECT_EQ(NextAssessmentDue(opened, D("2027-08-31"), 1).due, D("2028-02-29"));
    EXPECT_EQ(AddMonths(D("2026-12-15"), 2), D("2027-02-15"));
    EXPECT_EQ(AddDays(D("2026-12-31"), 1), D("2027-01-01"));
    EXPECT_EQ(FormatInstant(EndOfDay(D("2026-11-27"))), "2026-11-28T00:00:00Z");
    EXPECT_EQ(KindOfAssessment(0), AssessmentKind::kIntake);
    EXPECT_EQ(KindOfAssessment(7), AssessmentKind::kYearly);
}

TEST(CareRulesTest, TheInstrumentIsCheckedStrictly) {
    const auto good = DefaultInstrument();
    EXPECT_TRUE(ValidateInstrument(good).ok());
    for (const auto& d : good.domains) {
        EXPECT_GE(d.sub_domains.size(), 2u);
        EXPECT_LE(d.sub_domains.size(), 4u);
    }
    struct Case {
        const char* what;
        std::function<void(AssessmentInstrument&)> change;
        const char* field;
    };
    const std::vector<Case> cases{
        {"empty name", [](auto& i) { i.name = " "; }, "name"},
        {"unknown domain", [](auto& i) { i.domains[1].key = "legal"; }, "domains[1].key"},
        {"a domain twice", [](auto& i) { i.domains[1].key = "safety"; }, "domains[1].key"},
        {"a domain missing", [](auto& i) { i.domains.pop_back(); }, "domains"},
        {"no sub-domains", [](auto& i) { i.domains[0].sub_domains.clear(); }, "domains[0].sub_domains"},
        {"a bad key", [](auto& i) { i.domains[2].sub_domains[1].key = "Self Worth"; }, "domains[2].sub_domains[1].key"},
        {"a key twice", [](auto& i) { i.domains[2].sub_domains[1].key = i.domains[2].sub_domains[0].key; },
         "domains[2].sub_domains[1].key"},
        {"an empty label", [](auto& i) { i.domains[3].sub_domains[0].label = ""; }, "domains[3].sub_domains[0].label"},
        {"nine sub-domains",
         [](auto& i) {
             i.domains[0].sub_domains.resize(9, {"x", "y"});
         },
         "domains[0].sub_domains"},
    };
    for (const auto& c : cases) {
        AssessmentInstrument i = good;
        c.change(i);
        const Status st = ValidateInstrument(i);
        EXPECT_EQ(st.field(), c.field) << c.what << ": " << st.ToString();
    }
    EXPECT_TRUE(ValidateRestorationRule({3.0, {}}).ok());
    EXPECT_EQ(ValidateRestorationRule({4.5, {}}).field(), "restoration.min_domain_score");
    EXPECT_EQ(ValidateRestorationRule({3.0, {"safety", "luck"}}).field(), "restoration.domains[1]");
    EXPECT_EQ(ValidateRestorationRule({3.0, {"safety", "safety"}}).field(), "restoration.domains[1]");
}

TEST(CareRulesTest, SafetyItemsSurviveTheirSealedEncodingWhateverTheyHold) {
    const std::vector<SafetyItem> items{{SafetyItemKind::kSafePlace, "The hall: 3rd door, ask for Amina"},
                                        {SafetyItemKind::kTrustedPerson, "Line one\nline two: 12:30"},
                                        {SafetyItemKind::kOther, ""}};
    const auto decoded = DecodeSafetyItems(EncodeSafetyItems(items));
    ASSERT_TRUE(decoded.has_value());
    ASSERT_EQ(decoded->size(), 3u);
    for (std::size_t i = 0; i < items.size(); ++i) {
        EXPECT_EQ((*decoded)[i].kind, items[i].kind);
        EXPECT_EQ((*decoded)[i].text, items[i].text);
    }
    EXPECT_TRUE(DecodeSafetyItems("")->empty());
    EXPECT_FALSE(DecodeSafetyItems("safe_place:99:short").has_value());
    EXPECT_FALSE(DecodeSafetyItems("nowhere:2:ab").has_value());
    EXPECT_FALSE(DecodeSafetyItems("safe_place:x:ab").has_value());
}

TEST(CareRulesTest, TheSummaryCountsPromisesToTheSurvivorAndTheShareKeptOnTime) {
    const auto row = [](const char* due, const char* status, std::optional<const char*> resolved, bool to_survivor) {
        store::CommitmentRow r;
        r.due = due;
        r.status = status;
        if (resolved) r.resolved_at = ToMicros(*ParseInstant(*resolved));
        r.to_survivor = to_survivor;
        return r;
    };
    const std::vector<store::CommitmentRow> rows{
        row("2026-11-20", "kept", "2026-11-20T23:00:00Z", true),  // on time, late in the day
        row("2026-11-20", "kept", "2026-11-21T00:30:00Z", true),  // late
        row("2026-11-20", "missed", "2026-11-22T10:00:00Z", true),
        row("2026-11-25", "open", std::nullopt, true),   // overdue on the 26th
        row("2026-12-25", "open", std::nullopt, true),   // not due yet
        row("2026-11-01", "open", std::nullopt, false),  // a team commitment: not counted
    };
    const auto s = SummarizeCommitments(rows, D("2026-11-26"));
    EXPECT_EQ(s.total, 5);
    EXPECT_EQ(s.kept, 2);
    EXPECT_EQ(s.kept_on_time, 1);
    EXPECT_EQ(s.missed, 1);
    EXPECT_EQ(s.open, 2);
    EXPECT_EQ(s.overdue, 1);
    EXPECT_EQ(s.due, 4);
    ASSERT_TRUE(s.kept_on_time_share.has_value());
    EXPECT_NEAR(*s.kept_on_time_share, 0.25, 1e-12);
    EXPECT_FALSE(SummarizeCommitments({}, D("2026-11-26")).kept_on_time_share.has_value());
}

}  // namespace
}  // namespace onestory::domain
