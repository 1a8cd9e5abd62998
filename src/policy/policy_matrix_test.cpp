// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The policy as a matrix: every action × every role × every relation between
// the actor and a survivor's case, each cell stated explicitly below.
#include <gtest/gtest.h>

#include <map>

#include "policy/policy.hpp"

namespace onestory::policy {
namespace {

// The relations of an actor to one case of the NGO "ag_ngo", whose survivor
// has consented to share the recruitment part of her statement with the
// police ("ag_police") for investigation, and for which a disclosure exists.
enum Relation { kTeam, kOwnAgency, kSupervisor, kOtherLive, kOtherRevoked, kOtherNone, kRelations };
constexpr const char* kRelationNames[] = {
    "own-agency case team",       "own agency, not on the team",    "supervisor",
    "other agency, live consent", "other agency, after revocation", "other agency, no consent"};

// Cells, one per relation in the order above:
//   Y allowed, N refused, I allowed only to a role that works on the
//   consent's purpose (investigation: an investigator).
// `case_roles` is for supervisors, caseworkers, counsellors, investigators,
// prosecutors and clinicians; the supervisor column is a supervisor of the
// owning agency who is not on the team. The other strings are for the
// roles without case work, in every relation but the supervisor one.
// `survivor` is a survivor signed in to their portal: the case's own
// survivor, then another survivor.
struct Row {
    Action action;
    const char* case_roles;
    const char* admin;
    const char* analyst;
    const char* trainer;
    const char* survivor;
};

// clang-format off
const Row kMatrix[] = {
    //                                  T O S L R X    T O L R X   (admin, analyst, trainer: no S column)   survivor: own, other
    {Action::kListAgencies,            "YYYYYY",      "YYYYY",    "YYYYY",    "YYYYY", "NN"},
    {Action::kCreateAgency,            "NNNNNN",      "YYYYY",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListStaff,               "YYYNNN",      "YYYYY",    "YYNNN",    "YYNNN", "NN"},
    {Action::kCreateStaff,             "NNNNNN",      "YYYYY",    "NNNNN",    "NNNNN", "NN"},
    {Action::kRegisterSurvivor,        "YYYYYY",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListSurvivors,           "YYYYYY",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadSurvivor,            "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kUpdateSurvivor,          "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kMatchSurvivors,          "YYYYYY",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kCreateCase,              "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListCases,               "YYYYYY",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadCase,                "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kUpdateCase,              "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadCaseTeam,            "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kManageCaseTeam,          "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadAudit,               "NNYNNN",      "YYYYY",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListConsents,            "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kGrantConsent,            "YNNNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kRevokeConsent,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kListVenues,              "YYYYYY",      "YYYYY",    "YYYYY",    "YYYYY", "NN"},
    {Action::kCreateVenue,             "NNYNNN",      "YYYYY",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListInterviews,          "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kPlanInterview,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadInterview,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kUpdateInterview,         "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadStatement,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kAddPassage,              "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReviewPassage,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kListDisclosures,         "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kCreateDisclosure,        "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListReceivedDisclosures, "YYYYYY",      "NNNNN",    "YYYYY",    "NNNNN", "NN"},
    {Action::kReadDisclosure,          "YNYINN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadAccessLog,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kBreakGlass,              "NYNYYY",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListAlerts,              "YYYYYY",      "YYYYY",    "YYYYY",    "YYYYY", "NN"},
    {Action::kInvitePortal,            "YNNNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kPortalRead,              "NNNNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kPortalWithdrawConsent,   "NNNNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kPortalReviewPassage,     "NNNNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kListProviders,           "YYYYYY",      "YYYYY",    "YYYYY",    "YYYYY", "NN"},
    {Action::kCreateProvider,          "NNYNNN",      "YYYYY",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListReferrals,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kCreateReferral,          "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    //                                  T O S L R X    T O L R X   (admin, analyst, trainer: no S column)
    {Action::kListReports,             "NNYNNN",      "YYYYY",    "YYYYY",    "NNNNN", "NN"},
    {Action::kRunReport,               "NNYNNN",      "YYYYY",    "YYYYY",    "NNNNN", "NN"},
    {Action::kListTrainings,           "YYYYYY",      "YYYYY",    "YYYYY",    "YYYYY", "NN"},
    {Action::kManageTrainings,         "NNNNNN",      "YYYYY",    "NNNNN",    "YYNNN", "NN"},
    {Action::kListTrainingParticipants,"NNYNNN",      "YYYYY",    "NNNNN",    "YYNNN", "NN"},
    {Action::kReadStaffTrainings,      "NNYNNN",      "YYYYY",    "NNNNN",    "YYNNN", "NN"},
    {Action::kOwnWellbeing,            "YYYYYY",      "YYYYY",    "YYYYY",    "YYYYY", "NN"},
    // Someone else's check-in: nobody, in any role or relation, ever.
    {Action::kReadCheckin,             "NNNNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadWellbeingSummary,    "NNYNNN",      "YYYYY",    "NNNNN",    "NNNNN", "NN"},
    {Action::kExportSurvivor,          "YNNNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kExportHtcds,             "NNNNNN",      "YYYYY",    "NNNNN",    "NNNNN", "NN"},
    {Action::kExportAnonymised,        "NNNNNN",      "YYYYY",    "YYYYY",    "NNNNN", "NN"},
    // The referral of TheCase is addressed to the police (both police relations).
    {Action::kReadReferral,            "YNYYYN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    // ... and the step asked for is its answer, which is the police's to give.
    {Action::kTransitionReferral,      "NNNYYN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListReceivedReferrals,   "YYYYYY",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListCommitments,         "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kCreateCommitment,        "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kUpdateCommitment,        "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadSafetyPlan,          "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kUpdateSafetyPlan,        "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListHearings,            "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "YN"},
    {Action::kCreateHearing,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kUpdateHearing,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListReviews,             "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kCreateReview,            "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListIncidents,           "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kRecordIncident,          "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListAssessments,         "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kRecordAssessment,        "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kReadInstrument,          "YYYYYY",      "YYYYY",    "YYYYY",    "YYYYY", "NN"},
    {Action::kReadTimeline,            "YNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    // No alert is addressed to anyone here (see AnAlertIsAcknowledgedByItsAudience).
    {Action::kAcknowledgeAlert,        "NNNNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kRequestErasure,          "NNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kDecideErasure,           "NNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
    {Action::kListErasures,            "NNYNNN",      "NNNNN",    "NNNNN",    "NNNNN", "NN"},
};
// clang-format on

const Resource& TheCase() {
    static const Resource r = [] {
        Resource res{"ag_ngo", "sv_1", "cs_1"};
        res.recipient_agency_id = "ag_police";
        res.purpose = Purpose::kInvestigation;
        res.topics = {Topic::kRecruitment};
        // Staff records (check-ins, trainings) in the matrix are another person's.
        res.subject_staff_id = "st_subject";
        res.referral_step = ReferralStep::kAnswer;
        return res;
    }();
    return r;
}

ConsentFact PoliceConsent(ConsentState state) {
    return {"cn_1", "ag_police", Purpose::kInvestigation, {Topic::kRecruitment}, {}, state};
}

std::pair<std::string, Context> Where(int relation) {
    Context c;
    switch (relation) {
        case kTeam:
            c.on_case_team = true;
            [[fallthrough]];
        case kOwnAgency:
        case kSupervisor:
            c.consents = {PoliceConsent(ConsentState::kActive)};
            c.disclosure_consent = ConsentState::kActive;
            return {"ag_ngo", c};
        case kOtherLive:
            c.consents = {PoliceConsent(ConsentState::kActive)};
            c.disclosure_consent = ConsentState::kActive;
            return {"ag_police", c};
        case kOtherRevoked:
            c.consents = {PoliceConsent(ConsentState::kRevoked)};
            c.disclosure_consent = ConsentState::kRevoked;
            return {"ag_police", c};
        default:
            return {"ag_health", c};
    }
}

bool IsCaseRole(Role r) {
    return r != Role::kAdmin && r != Role::kAnalyst && r != Role::kTrainer;
}

// The expected cell for one role in one relation.
bool Expected(const Row& row, Role role, int relation) {
    auto cell = [&](const char* cells, int column) {
        const char c = cells[column];
        return c == 'Y' || (c == 'I' && role == Role::kInvestigator);
    };
    if (relation == kSupervisor) return cell(row.case_roles, kSupervisor);
    if (IsCaseRole(role)) {
        // A supervisor of the owning agency is the supervisor column wherever they stand in it.
        if (role == Role::kSupervisor && relation == kOwnAgency) return cell(row.case_roles, kSupervisor);
        if (role == Role::kSupervisor && relation == kTeam) {
            return cell(row.case_roles, kTeam) || cell(row.case_roles, kSupervisor);
        }
        return cell(row.case_roles, relation);
    }
    const int column = relation < kSupervisor ? relation : relation - 1;
    const char* cells = role == Role::kAdmin ? row.admin : role == Role::kAnalyst ? row.analyst : row.trainer;
    return cell(cells, column);
}

TEST(PolicyMatrixTest, EveryActionRoleAndRelation) {
    std::map<Action, int> rows_per_action;
    int cells = 0;
    for (const Row& row : kMatrix) {
        ++rows_per_action[row.action];
        for (int relation = 0; relation < kRelations; ++relation) {
            for (const auto& [role, role_name] : EnumNames<Role>::kTable) {
                if (relation == kSupervisor && role != Role::kSupervisor) continue;
                auto [agency, context] = Where(relation);
                Actor actor;
                actor.id = "st_x";
                actor.agency_id = agency;
                actor.roles = {role};
                const Decision d = Decide(actor, row.action, TheCase(), context);
                EXPECT_EQ(d.allowed, Expected(row, role, relation)) << NameOf(row.action) << " / " << role_name << " / "
                                                                    << kRelationNames[relation] << ": " << d.reason;
                EXPECT_FALSE(d.reason.empty());
                if (!d.allowed) {
                    EXPECT_FALSE(d.message.empty()) << NameOf(row.action);
                }
                ++cells;
            }
        }
    }
    // Every action has exactly one row.
    for (const auto& [action, name] : EnumNames<Action>::kTable) {
        EXPECT_EQ(rows_per_action[action], 1) << name << " is missing from the matrix";
    }
    EXPECT_EQ(cells, static_cast<int>(std::size(kMatrix)) * (5 * 9 + 1));
}

TEST(PolicyMatrixTest, ASurvivorReachesTheirOwnRecordOnly) {
    for (const Row& row : kMatrix) {
        for (int who = 0; who < 2; ++who) {
            Actor survivor;
            survivor.kind = Actor::Kind::kSurvivor;
            survivor.id = who == 0 ? "sv_1" : "sv_2";
            // The facts a staff member's relation would bring change nothing for a survivor.
            for (int relation = 0; relation < kRelations; ++relation) {
                const Decision d = Decide(survivor, row.action, TheCase(), Where(relation).second);
                EXPECT_EQ(d.allowed, row.survivor[who] == 'Y')
                    << NameOf(row.action) << " / " << (who == 0 ? "own survivor" : "another survivor") << ": "
                    << d.reason;
                EXPECT_EQ(d.reason, d.allowed                ? "own_record"
                                    : row.survivor[0] == 'Y' ? "not_own_record"
                                                             : "staff_only")
                    << NameOf(row.action);
                if (!d.allowed) {
                    EXPECT_FALSE(d.message.empty());
                }
            }
        }
    }
    // Without a survivor id, nothing is theirs.
    Actor nobody;
    nobody.kind = Actor::Kind::kSurvivor;
    Resource unnamed = TheCase();
    unnamed.survivor_id.clear();
    EXPECT_FALSE(Decide(nobody, Action::kPortalRead, unnamed, {}).allowed);
}

TEST(PolicyMatrixTest, RefusalsSayWhy) {
    auto decide = [](Action action, std::string agency, std::vector<Role> roles, int relation) {
        auto [unused, context] = Where(relation);
        Actor actor;
        actor.id = "st_x";
        actor.agency_id = std::move(agency);
        actor.roles = std::move(roles);
        return Decide(actor, action, TheCase(), context);
    };
    EXPECT_EQ(decide(Action::kReadDisclosure, "ag_police", {Role::kInvestigator}, kOtherRevoked).reason,
              "consent_revoked");
    EXPECT_EQ(decide(Action::kReadDisclosure, "ag_police", {Role::kProsecutor}, kOtherLive).reason,
              "purpose_not_for_role");
    EXPECT_EQ(decide(Action::kReadDisclosure, "ag_health", {Role::kClinician}, kOtherNone).reason, "not_recipient");
    EXPECT_EQ(decide(Action::kReadDisclosure, "ag_police", {Role::kInvestigator}, kOtherLive).reason, "consent");
    EXPECT_EQ(decide(Action::kGrantConsent, "ag_ngo", {Role::kSupervisor}, kSupervisor).reason, "not_on_case_team");
    EXPECT_EQ(decide(Action::kRevokeConsent, "ag_ngo", {Role::kSupervisor}, kSupervisor).reason, "supervisor");
    EXPECT_EQ(decide(Action::kBreakGlass, "ag_ngo", {Role::kCaseworker}, kTeam).reason, "already_has_access");
    EXPECT_EQ(decide(Action::kReadStatement, "ag_police", {Role::kInvestigator}, kOtherLive).reason, "other_agency");
    // Break glass opens reads, never changes, and never another agency's disclosure list to outsiders.
    Context glass;
    glass.break_glass = true;
    Actor police{Actor::Kind::kStaff, "st_p", "ag_police", AgencyKind::kPolice, {Role::kInvestigator}};
    EXPECT_TRUE(Decide(police, Action::kReadStatement, TheCase(), glass).allowed);
    EXPECT_TRUE(Decide(police, Action::kListInterviews, TheCase(), glass).allowed);
    EXPECT_FALSE(Decide(police, Action::kAddPassage, TheCase(), glass).allowed);
    EXPECT_FALSE(Decide(police, Action::kReadAccessLog, TheCase(), glass).allowed);
    EXPECT_FALSE(Decide(police, Action::kGrantConsent, TheCase(), glass).allowed);
}

TEST(PolicyMatrixTest, ADisclosureNeedsOneActiveConsentCoveringEverything) {
    const Actor team{Actor::Kind::kStaff, "st_c", "ag_ngo", AgencyKind::kNgo, {Role::kCaseworker}};
    Context c;
    c.on_case_team = true;
    Resource r = TheCase();
    r.topics = {Topic::kRecruitment, Topic::kExploitation};
    r.categories = {RecordCategory::kIdentity};
    struct Case {
        const char* what;
        std::vector<ConsentFact> consents;
        bool allowed;
        std::vector<std::string> uncovered;
    };
    const std::vector<Case> cases{
        {"none", {}, false, {"exploitation", "identity", "recruitment"}},
        {"one covers all",
         {{"cn_a",
           "ag_police",
           Purpose::kInvestigation,
           {Topic::kRecruitment, Topic::kExploitation},
           {RecordCategory::kIdentity},
           ConsentState::kActive}},
         true,
         {}},
        {"two together cover all, none alone",
         {{"cn_a",
           "ag_police",
           Purpose::kInvestigation,
           {Topic::kRecruitment},
           {RecordCategory::kIdentity},
           ConsentState::kActive},
          {"cn_b", "ag_police", Purpose::kInvestigation, {Topic::kExploitation}, {}, ConsentState::kActive}},
         false,
         {"exploitation"}},
        {"covers all but expired",
         {{"cn_a",
           "ag_police",
           Purpose::kInvestigation,
           {Topic::kRecruitment, Topic::kExploitation},
           {RecordCategory::kIdentity},
           ConsentState::kExpired}},
         false,
         {"exploitation", "identity", "recruitment"}},
        {"covers all for another purpose",
         {{"cn_a",
           "ag_police",
           Purpose::kProsecution,
           {Topic::kRecruitment, Topic::kExploitation},
           {RecordCategory::kIdentity},
           ConsentState::kActive}},
         false,
         {"exploitation", "identity", "recruitment"}},
        {"covers all for another agency",
         {{"cn_a",
           "ag_court",
           Purpose::kInvestigation,
           {Topic::kRecruitment, Topic::kExploitation},
           {RecordCategory::kIdentity},
           ConsentState::kActive}},
         false,
         {"exploitation", "identity", "recruitment"}},
    };
    for (const auto& k : cases) {
        c.consents = k.consents;
        const Decision d = Decide(team, Action::kCreateDisclosure, r, c);
        EXPECT_EQ(d.allowed, k.allowed) << k.what;
        EXPECT_EQ(d.uncovered, k.uncovered) << k.what;
        if (d.allowed) {
            EXPECT_EQ(d.consent_id, "cn_a") << k.what;
        } else {
            EXPECT_EQ(d.reason, "no_consent") << k.what;
        }
    }
}

TEST(PolicyMatrixTest, OnlyItsOwnerReadsACheckIn) {
    // The check-in of a caseworker of ag_ngo, asked for by everyone around them.
    Resource checkin{"ag_ngo", "", ""};
    checkin.subject_staff_id = "st_owner";
    const std::vector<std::pair<Actor, bool>> askers{
        {{Actor::Kind::kStaff, "st_owner", "ag_ngo", AgencyKind::kNgo, {Role::kCaseworker}}, true},
        {{Actor::Kind::kStaff, "st_sup", "ag_ngo", AgencyKind::kNgo, {Role::kSupervisor}}, false},
        {{Actor::Kind::kStaff, "st_sup2", "ag_ngo", AgencyKind::kNgo, {Role::kSupervisor, Role::kCounsellor}}, false},
        {{Actor::Kind::kStaff, "st_admin", "ag_ngo", AgencyKind::kNgo, {Role::kAdmin}}, false},
        {{Actor::Kind::kStaff, "st_an", "ag_ngo", AgencyKind::kNgo, {Role::kAnalyst}}, false},
        {{Actor::Kind::kStaff, "st_other", "ag_police", AgencyKind::kPolice, {Role::kSupervisor}}, false},
    };
    Context glass;
    glass.break_glass = true;
    glass.on_case_team = true;
    for (const auto& [actor, allowed] : askers) {
        for (const Context& context : {Context{}, glass}) {
            const Decision d = Decide(actor, Action::kReadCheckin, checkin, context);
            EXPECT_EQ(d.allowed, allowed) << actor.id;
            if (!allowed) {
                EXPECT_EQ(d.reason, "private_checkin") << actor.id;
            }
        }
    }
    // Supervisors have the aggregates of their own agency, never of another.
    const Actor supervisor{Actor::Kind::kStaff, "st_sup", "ag_ngo", AgencyKind::kNgo, {Role::kSupervisor}};
    EXPECT_TRUE(Decide(supervisor, Action::kReadWellbeingSummary, {"ag_ngo", "", ""}, {}).allowed);
    EXPECT_EQ(Decide(supervisor, Action::kReadWellbeingSummary, {"ag_police", "", ""}, {}).reason, "other_agency");
}

TEST(PolicyMatrixTest, ATrainingGateNamesTheMissingTraining) {
    const TrainingRequirement forensic{"tr_forensic", "Forensic interviewing"};
    EXPECT_TRUE(DecideTrainingGate("interviewer", std::nullopt, {}).allowed);
    EXPECT_TRUE(DecideTrainingGate("interviewer", forensic, {"tr_other", "tr_forensic"}).allowed);
    const Decision refused = DecideTrainingGate("interviewer", forensic, {"tr_other"});
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.reason, "training_required");
    EXPECT_NE(refused.message.find("Forensic interviewing"), std::string::npos) << refused.message;
    EXPECT_NE(refused.message.find("tr_forensic"), std::string::npos) << refused.message;
    EXPECT_NE(refused.message.find("interviewer"), std::string::npos) << refused.message;
}

TEST(PolicyMatrixTest, SupervisorsReportOnTheirOwnAgencyOnly) {
    const Actor supervisor{Actor::Kind::kStaff, "st_sup", "ag_ngo", AgencyKind::kNgo, {Role::kSupervisor}};
    const Actor analyst{Actor::Kind::kStaff, "st_an", "ag_ngo", AgencyKind::kNgo, {Role::kAnalyst}};
    EXPECT_TRUE(Decide(supervisor, Action::kRunReport, {"ag_ngo", "", ""}, {}).allowed);
    EXPECT_EQ(Decide(supervisor, Action::kRunReport, {"ag_police", "", ""}, {}).reason, "other_agency");
    EXPECT_TRUE(Decide(analyst, Action::kRunReport, {"ag_police", "", ""}, {}).allowed);
    EXPECT_TRUE(Decide(analyst, Action::kRunReport, {}, {}).allowed);
    const Actor caseworker{Actor::Kind::kStaff, "st_cw", "ag_ngo", AgencyKind::kNgo, {Role::kCaseworker}};
    EXPECT_EQ(DecideRoute(caseworker, Action::kRunReport).reason, "role_not_permitted");
}

TEST(PolicyMatrixTest, RolesFitPurposes) {
    auto actor = [](std::vector<Role> roles) {
        return Actor{Actor::Kind::kStaff, "st", "ag", AgencyKind::kOther, std::move(roles)};
    };
    EXPECT_EQ(PurposesFor(actor({Role::kInvestigator})), std::vector<Purpose>{Purpose::kInvestigation});
    EXPECT_EQ(PurposesFor(actor({Role::kCounsellor})), std::vector<Purpose>{Purpose::kAftercare});
    EXPECT_EQ(PurposesFor(actor({Role::kSupervisor, Role::kProsecutor})), std::vector<Purpose>{Purpose::kProsecution});
    EXPECT_EQ(PurposesFor(actor({Role::kAnalyst})), std::vector<Purpose>{Purpose::kStatistics});
    EXPECT_TRUE(PurposesFor(actor({Role::kSupervisor})).empty());
    EXPECT_TRUE(PurposesFor(actor({Role::kAdmin})).empty());
    Actor survivor = actor({});
    survivor.kind = Actor::Kind::kSurvivor;
    EXPECT_FALSE(RoleFitsPurpose(survivor, Purpose::kAftercare));
}

Actor Staff(std::string agency, std::vector<Role> roles) {
    return Actor{Actor::Kind::kStaff, "st_x", std::move(agency), AgencyKind::kOther, std::move(roles)};
}

// Who moves a referral of an NGO's case addressed to the police, step by step,
// and one addressed to a provider outside onestory (which the case team
// answers for).
TEST(PolicyMatrixTest, EachSideMovesItsOwnStepsOfAReferral) {
    Context team;
    team.on_case_team = true;
    struct Step {
        ReferralStep step;
        bool unsent;
        const char* cells;  // NGO case team, NGO supervisor, police investigator, clinic clinician
    };
    const Step steps[] = {
        {ReferralStep::kSend, true, "YYNN"},   {ReferralStep::kAnswer, false, "NNYN"},
        {ReferralStep::kAnswer, true, "NNNN"}, {ReferralStep::kProgress, false, "NNYN"},
        {ReferralStep::kClose, false, "YYYN"}, {ReferralStep::kClose, true, "YYNN"},
    };
    const std::vector<std::pair<Actor, Context>> people{
        {Staff("ag_ngo", {Role::kCaseworker}), team},
        {Staff("ag_ngo", {Role::kSupervisor}), {}},
        {Staff("ag_police", {Role::kInvestigator}), {}},
        {Staff("ag_health", {Role::kClinician}), {}},
    };
    for (const auto& s : steps) {
        for (const bool external : {false, true}) {
            Resource r{"ag_ngo", "sv_1", "cs_1"};
            r.recipient_agency_id = external ? "" : "ag_police";
            r.referral_step = s.step;
            r.unsent = s.unsent;
            for (std::size_t i = 0; i < people.size(); ++i) {
                const bool expected = external ? i < 2 : s.cells[i] == 'Y';
                const Decision d = Decide(people[i].first, Action::kTransitionReferral, r, people[i].second);
                EXPECT_EQ(d.allowed, expected) << NameOf(s.step) << (s.unsent ? " unsent" : "")
                                               << (external ? " external" : "") << " person " << i << ": " << d.reason;
            }
        }
    }
    Resource r{"ag_ngo", "sv_1", "cs_1"};
    r.recipient_agency_id = "ag_police";
    r.referral_step = ReferralStep::kAnswer;
    EXPECT_EQ(Decide(Staff("ag_ngo", {Role::kCaseworker}), Action::kTransitionReferral, r, team).reason,
              "receiving_agency_answers");
    r.unsent = true;
    EXPECT_EQ(Decide(Staff("ag_police", {Role::kInvestigator}), Action::kReadReferral, r, {}).reason, "not_sent");
}

TEST(PolicyMatrixTest, AReferralSharingCategoriesNeedsOneConsentForAftercareOrHealth) {
    Context c;
    c.on_case_team = true;
    const Actor team = Staff("ag_ngo", {Role::kCaseworker});
    Resource r{"ag_ngo", "sv_1", "cs_1"};
    r.recipient_agency_id = "ag_shelter";
    r.categories = {RecordCategory::kIdentity, RecordCategory::kContact};
    const auto consent = [](const char* id, Purpose p, std::vector<RecordCategory> k, ConsentState s) {
        return ConsentFact{id, "ag_shelter", p, {}, std::move(k), s};
    };
    struct Case {
        const char* what;
        std::vector<ConsentFact> consents;
        bool allowed;
        const char* consent_id;
        std::vector<std::string> uncovered;
    };
    const std::vector<Case> cases{
        {"none", {}, false, "", {"contact", "identity"}},
        {"aftercare covers all",
         {consent("cn_a", Purpose::kAftercare, {RecordCategory::kIdentity, RecordCategory::kContact},
                  ConsentState::kActive)},
         true,
         "cn_a",
         {}},
        {"health covers all",
         {consent("cn_h", Purpose::kHealth, {RecordCategory::kIdentity, RecordCategory::kContact},
                  ConsentState::kActive)},
         true,
         "cn_h",
         {}},
        {"investigation covers all",
         {consent("cn_i", Purpose::kInvestigation, {RecordCategory::kIdentity, RecordCategory::kContact},
                  ConsentState::kActive)},
         false,
         "",
         {"contact", "identity"}},
        {"aftercare covers part",
         {consent("cn_a", Purpose::kAftercare, {RecordCategory::kIdentity}, ConsentState::kActive)},
         false,
         "",
         {"contact"}},
        {"revoked",
         {consent("cn_a", Purpose::kAftercare, {RecordCategory::kIdentity, RecordCategory::kContact},
                  ConsentState::kRevoked)},
         false,
         "",
         {"contact", "identity"}},
    };
    for (const auto& k : cases) {
        c.consents = k.consents;
        for (const Action action : {Action::kCreateReferral, Action::kTransitionReferral}) {
            r.referral_step = ReferralStep::kSend;
            const Decision d = Decide(team, action, r, c);
            EXPECT_EQ(d.allowed, k.allowed) << k.what;
            EXPECT_EQ(d.consent_id, k.consent_id) << k.what;
            EXPECT_EQ(d.uncovered, k.uncovered) << k.what;
            if (!d.allowed) {
                EXPECT_EQ(d.reason, "no_consent") << k.what;
            }
        }
    }
    // Nothing shared, or shared inside the agency, or with a provider outside onestory: no consent asked.
    c.consents.clear();
    Resource plain = r;
    plain.categories.clear();
    EXPECT_TRUE(Decide(team, Action::kCreateReferral, plain, c).allowed);
    Resource own = r;
    own.recipient_agency_id = "ag_ngo";
    EXPECT_TRUE(Decide(team, Action::kCreateReferral, own, c).allowed);
    Resource outside = r;
    outside.recipient_agency_id = "";
    EXPECT_TRUE(Decide(team, Action::kCreateReferral, outside, c).allowed);
}

TEST(PolicyMatrixTest, AProsecutorWithALiveProsecutionConsentCoveringLegalManagesHearings) {
    const Resource r{"ag_ngo", "sv_1", "cs_1"};
    const auto consent = [](const char* agency, Purpose p, RecordCategory k, ConsentState s) {
        return ConsentFact{"cn_p", agency, p, {}, {k}, s};
    };
    struct Case {
        const char* what;
        Actor actor;
        ConsentFact consent;
        bool allowed;
    };
    const std::vector<Case> cases{
        {"live prosecution consent covering legal", Staff("ag_pros", {Role::kProsecutor}),
         consent("ag_pros", Purpose::kProsecution, RecordCategory::kLegal, ConsentState::kActive), true},
        {"revoked", Staff("ag_pros", {Role::kProsecutor}),
         consent("ag_pros", Purpose::kProsecution, RecordCategory::kLegal, ConsentState::kRevoked), false},
        {"expired", Staff("ag_pros", {Role::kProsecutor}),
         consent("ag_pros", Purpose::kProsecution, RecordCategory::kLegal, ConsentState::kExpired), false},
        {"covers another category", Staff("ag_pros", {Role::kProsecutor}),
         consent("ag_pros", Purpose::kProsecution, RecordCategory::kIdentity, ConsentState::kActive), false},
        {"for another purpose", Staff("ag_pros", {Role::kProsecutor}),
         consent("ag_pros", Purpose::kInvestigation, RecordCategory::kLegal, ConsentState::kActive), false},
        {"for another agency", Staff("ag_pros", {Role::kProsecutor}),
         consent("ag_other", Purpose::kProsecution, RecordCategory::kLegal, ConsentState::kActive), false},
        {"not a prosecutor", Staff("ag_pros", {Role::kInvestigator}),
         consent("ag_pros", Purpose::kProsecution, RecordCategory::kLegal, ConsentState::kActive), false},
    };
    for (const auto& k : cases) {
        Context c;
        c.consents = {k.consent};
        for (const Action a :
             {Action::kListHearings, Action::kCreateHearing, Action::kUpdateHearing, Action::kReadTimeline}) {
            EXPECT_EQ(Decide(k.actor, a, r, c).allowed, k.allowed) << k.what << " / " << NameOf(a);
        }
        // The consent opens hearings only, never the rest of the case.
        EXPECT_FALSE(Decide(k.actor, Action::kReadCase, r, c).allowed) << k.what;
        EXPECT_FALSE(Decide(k.actor, Action::kListCommitments, r, c).allowed) << k.what;
    }
}

TEST(PolicyMatrixTest, ASafetyPlanOpensToAnAgencyItWasDisclosedTo) {
    const Resource r{"ag_ngo", "sv_1", "cs_1"};
    const Actor shelter = Staff("ag_shelter", {Role::kCaseworker});
    Context c;
    EXPECT_EQ(Decide(shelter, Action::kReadSafetyPlan, r, c).reason, "other_agency");
    c.disclosed_categories = {RecordCategory::kIdentity};
    EXPECT_FALSE(Decide(shelter, Action::kReadSafetyPlan, r, c).allowed);
    c.disclosed_categories = {RecordCategory::kSafetyPlan};
    EXPECT_EQ(Decide(shelter, Action::kReadSafetyPlan, r, c).reason, "consent");
    EXPECT_FALSE(Decide(shelter, Action::kUpdateSafetyPlan, r, c).allowed);
    // Within the agency, the disclosure changes nothing: the case team decides.
    EXPECT_FALSE(Decide(Staff("ag_ngo", {Role::kCaseworker}), Action::kReadSafetyPlan, r, c).allowed);
    Context glass;
    glass.break_glass = true;
    EXPECT_EQ(Decide(shelter, Action::kReadSafetyPlan, r, glass).reason, "break_glass");
}

TEST(PolicyMatrixTest, OwnersAndAudiencesActOnTheirOwnRecords) {
    const Resource r{"ag_ngo", "sv_1", "cs_1"};
    const Actor police = Staff("ag_police", {Role::kInvestigator});
    Context c;
    EXPECT_FALSE(Decide(police, Action::kUpdateCommitment, r, c).allowed);
    c.owns_record = true;
    EXPECT_EQ(Decide(police, Action::kUpdateCommitment, r, c).reason, "owner");
    EXPECT_FALSE(Decide(police, Action::kCreateCommitment, r, c).allowed);
    Context alert;
    EXPECT_EQ(Decide(police, Action::kAcknowledgeAlert, r, alert).reason, "not_audience");
    alert.in_alert_audience = true;
    EXPECT_TRUE(Decide(police, Action::kAcknowledgeAlert, r, alert).allowed);
    Actor survivor = police;
    survivor.kind = Actor::Kind::kSurvivor;
    EXPECT_FALSE(Decide(survivor, Action::kAcknowledgeAlert, r, alert).allowed);
    // Providers: supervisors register their own agency's services and outside ones.
    EXPECT_TRUE(Decide(Staff("ag_ngo", {Role::kSupervisor}), Action::kCreateProvider, {"", "", ""}, {}).allowed);
    EXPECT_FALSE(Decide(Staff("ag_ngo", {Role::kSupervisor}), Action::kCreateProvider, {"ag_x", "", ""}, {}).allowed);
    EXPECT_TRUE(Decide(Staff("ag_ngo", {Role::kAdmin}), Action::kCreateProvider, {"ag_x", "", ""}, {}).allowed);
    EXPECT_FALSE(Decide(Staff("ag_ngo", {Role::kCaseworker}), Action::kCreateProvider, {"", "", ""}, {}).allowed);
}

}  // namespace
}  // namespace onestory::policy
