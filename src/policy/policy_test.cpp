// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "policy/policy.hpp"

#include <gtest/gtest.h>

#include <set>

namespace onestory::policy {
namespace {

// The people of the matrix: one agency "ngo" owns the record; "police" is another agency.
Actor Staff(std::string id, std::string agency, std::vector<Role> roles) {
    Actor a;
    a.id = std::move(id);
    a.agency_id = std::move(agency);
    a.roles = std::move(roles);
    return a;
}

enum class Relation { kTeam, kOwnAgencyNotTeam, kRegistrant, kOtherAgency, kBreakGlass };

Context ContextFor(Relation r) {
    Context c;
    c.on_case_team = r == Relation::kTeam;
    c.registered_survivor = r == Relation::kRegistrant;
    c.break_glass = r == Relation::kBreakGlass;
    return c;
}

struct Row {
    const char* who;
    std::vector<Role> roles;
    bool other_agency;
    Relation relation;
    Action action;
    bool allowed;
    const char* reason;
};

TEST(PolicyTest, FoundationMatrix) {
    using R = Role;
    using A = Action;
    const Row rows[] = {
        // The case team reads its case and survivor.
        {"caseworker on team", {R::kCaseworker}, false, Relation::kTeam, A::kReadCase, true, "case_team"},
        {"caseworker on team", {R::kCaseworker}, false, Relation::kTeam, A::kReadSurvivor, true, "case_team"},
        {"caseworker on team", {R::kCaseworker}, false, Relation::kTeam, A::kUpdateCase, true, "case_team"},
        {"caseworker on team", {R::kCaseworker}, false, Relation::kTeam, A::kManageCaseTeam, true, "case_team"},
        // Own agency but not on the team: nothing of the record.
        {"caseworker off team",
         {R::kCaseworker},
         false,
         Relation::kOwnAgencyNotTeam,
         A::kReadCase,
         false,
         "not_on_case_team"},
        {"caseworker off team",
         {R::kCaseworker},
         false,
         Relation::kOwnAgencyNotTeam,
         A::kReadSurvivor,
         false,
         "not_on_case_team"},
        {"counsellor off team",
         {R::kCounsellor},
         false,
         Relation::kOwnAgencyNotTeam,
         A::kUpdateCase,
         false,
         "not_on_case_team"},
        // The registrant reads the survivor they registered.
        {"registrant", {R::kCaseworker}, false, Relation::kRegistrant, A::kReadSurvivor, true, "registrant"},
        {"registrant", {R::kCaseworker}, false, Relation::kRegistrant, A::kCreateCase, true, "registrant"},
        // A supervisor reads every case of their own agency.
        {"supervisor", {R::kSupervisor}, false, Relation::kOwnAgencyNotTeam, A::kReadCase, true, "supervisor"},
        {"supervisor", {R::kSupervisor}, false, Relation::kOwnAgencyNotTeam, A::kReadSurvivor, true, "supervisor"},
        {"supervisor", {R::kSupervisor}, false, Relation::kOwnAgencyNotTeam, A::kUpdateCase, true, "supervisor"},
        // ...but not of another agency.
        {"other supervisor", {R::kSupervisor}, true, Relation::kOtherAgency, A::kReadCase, false, "other_agency"},
        // Staff of another agency read nothing of a case, even "on the team".
        {"investigator", {R::kInvestigator}, true, Relation::kOtherAgency, A::kReadCase, false, "other_agency"},
        {"investigator", {R::kInvestigator}, true, Relation::kOtherAgency, A::kReadSurvivor, false, "other_agency"},
        {"investigator", {R::kInvestigator}, true, Relation::kTeam, A::kReadSurvivor, false, "other_agency"},
        {"prosecutor", {R::kProsecutor}, true, Relation::kOtherAgency, A::kReadCaseTeam, false, "other_agency"},
        // Break glass allows reads only.
        {"break glass", {R::kCaseworker}, false, Relation::kBreakGlass, A::kReadCase, true, "break_glass"},
        {"break glass", {R::kCaseworker}, false, Relation::kBreakGlass, A::kUpdateCase, false, "not_on_case_team"},
        // Admins manage accounts only.
        {"admin", {R::kAdmin}, false, Relation::kOwnAgencyNotTeam, A::kCreateStaff, true, "admin"},
        {"admin", {R::kAdmin}, false, Relation::kOwnAgencyNotTeam, A::kCreateAgency, true, "admin"},
        {"admin", {R::kAdmin}, false, Relation::kTeam, A::kReadSurvivor, false, "admin_has_no_case_access"},
        {"admin", {R::kAdmin}, false, Relation::kOwnAgencyNotTeam, A::kReadCase, false, "admin_has_no_case_access"},
        {"admin",
         {R::kAdmin},
         false,
         Relation::kOwnAgencyNotTeam,
         A::kRegisterSurvivor,
         false,
         "admin_has_no_case_access"},
        {"caseworker", {R::kCaseworker}, false, Relation::kTeam, A::kCreateStaff, false, "role_not_permitted"},
        {"supervisor", {R::kSupervisor}, false, Relation::kTeam, A::kCreateAgency, false, "role_not_permitted"},
        // Roles without case work.
        {"analyst", {R::kAnalyst}, false, Relation::kTeam, A::kReadSurvivor, false, "role_not_permitted"},
        {"trainer", {R::kTrainer}, false, Relation::kTeam, A::kListCases, false, "role_not_permitted"},
        // Everyone with a case role may register and look for duplicates.
        {"clinician", {R::kClinician}, false, Relation::kOwnAgencyNotTeam, A::kRegisterSurvivor, true, "case_role"},
        {"investigator", {R::kInvestigator}, true, Relation::kOtherAgency, A::kMatchSurvivors, true, "case_role"},
        // Audit: admins, and supervisors of their own agency.
        {"admin", {R::kAdmin}, true, Relation::kOtherAgency, A::kReadAudit, true, "admin"},
        {"supervisor", {R::kSupervisor}, false, Relation::kOwnAgencyNotTeam, A::kReadAudit, true, "supervisor"},
        {"other supervisor", {R::kSupervisor}, true, Relation::kOtherAgency, A::kReadAudit, false, "other_agency"},
        {"caseworker", {R::kCaseworker}, false, Relation::kTeam, A::kReadAudit, false, "role_not_permitted"},
    };
    const Resource record{"ag_ngo", "sv_1", "cs_1"};
    for (const auto& row : rows) {
        const Actor actor = Staff("st_x", row.other_agency ? "ag_police" : "ag_ngo", row.roles);
        const Decision d = Decide(actor, row.action, record, ContextFor(row.relation));
        EXPECT_EQ(d.allowed, row.allowed) << row.who << " / " << NameOf(row.action);
        EXPECT_EQ(d.reason, row.reason) << row.who << " / " << NameOf(row.action);
        if (!d.allowed) {
            EXPECT_FALSE(d.message.empty()) << row.who;
        }
    }
}

TEST(PolicyTest, ErasureNeedsTwoSupervisorsOfTheOwningAgency) {
    using R = Role;
    using A = Action;
    struct ErasureRow {
        const char* who;
        std::vector<Role> roles;
        bool other_agency;
        bool is_requester;
        Action action;
        bool allowed;
        const char* reason;
    };
    const ErasureRow rows[] = {
        {"supervisor", {R::kSupervisor}, false, false, A::kRequestErasure, true, "supervisor"},
        {"supervisor", {R::kSupervisor}, false, false, A::kListErasures, true, "supervisor"},
        {"second supervisor", {R::kSupervisor}, false, false, A::kDecideErasure, true, "supervisor"},
        {"the requester", {R::kSupervisor}, false, true, A::kDecideErasure, false, "same_supervisor"},
        {"other agency's supervisor", {R::kSupervisor}, true, false, A::kRequestErasure, false, "other_agency"},
        {"other agency's supervisor", {R::kSupervisor}, true, false, A::kDecideErasure, false, "other_agency"},
        {"caseworker", {R::kCaseworker}, false, false, A::kRequestErasure, false, "role_not_permitted"},
        {"counsellor", {R::kCounsellor}, false, false, A::kDecideErasure, false, "role_not_permitted"},
        {"admin", {R::kAdmin}, false, false, A::kRequestErasure, false, "role_not_permitted"},
        {"admin", {R::kAdmin}, false, false, A::kDecideErasure, false, "role_not_permitted"},
    };
    const Resource record{"ag_ngo", "sv_1", ""};
    for (const auto& row : rows) {
        const Actor actor = Staff("st_x", row.other_agency ? "ag_police" : "ag_ngo", row.roles);
        Context context;
        context.is_requester = row.is_requester;
        const Decision d = Decide(actor, row.action, record, context);
        EXPECT_EQ(d.allowed, row.allowed) << row.who << " / " << NameOf(row.action);
        EXPECT_EQ(d.reason, row.reason) << row.who << " / " << NameOf(row.action);
    }
}

TEST(PolicyTest, SurvivorPrincipalsReachOnlyThePortal) {
    Actor survivor;
    survivor.kind = Actor::Kind::kSurvivor;
    survivor.id = "sv_1";
    const std::set<Action> portal{Action::kPortalRead, Action::kPortalWithdrawConsent, Action::kPortalReviewPassage};
    for (const auto& [action, name] : EnumNames<Action>::kTable) {
        const Decision d = DecideRoute(survivor, action);
        EXPECT_EQ(d.allowed, portal.count(action) == 1) << name;
        EXPECT_EQ(d.reason, d.allowed ? "own_record" : "staff_only") << name;
    }
    // Staff never reach the portal's routes.
    for (const auto& [role, role_name] : EnumNames<Role>::kTable) {
        for (const Action action : portal) {
            EXPECT_EQ(DecideRoute(Staff("st", "ag_ngo", {role}), action).reason, "survivor_only") << role_name;
        }
    }
}

TEST(PolicyTest, EveryActionIsDecidedForEveryRole) {
    // Default deny: no action falls through to "unknown_action".
    for (const auto& [role, role_name] : EnumNames<Role>::kTable) {
        const Actor actor = Staff("st", "ag_ngo", {role});
        for (const auto& [action, action_name] : EnumNames<Action>::kTable) {
            const Decision d = Decide(actor, action, Resource{"ag_ngo", "sv", "cs"}, Context{});
            EXPECT_NE(d.reason, "unknown_action") << role_name << " / " << action_name;
            EXPECT_FALSE(d.reason.empty()) << role_name << " / " << action_name;
        }
    }
}

TEST(PolicyTest, ListScopes) {
    EXPECT_EQ(ScopeFor(Staff("s", "a", {Role::kSupervisor}), Action::kListCases), ListScope::kOwnAgency);
    EXPECT_EQ(ScopeFor(Staff("s", "a", {Role::kCaseworker}), Action::kListCases), ListScope::kOwnCases);
    EXPECT_EQ(ScopeFor(Staff("s", "a", {Role::kAdmin}), Action::kListCases), ListScope::kNone);
    EXPECT_EQ(ScopeFor(Staff("s", "a", {Role::kAdmin}), Action::kListStaff), ListScope::kEverything);
    EXPECT_EQ(ScopeFor(Staff("s", "a", {Role::kCaseworker}), Action::kListStaff), ListScope::kOwnAgency);
}

}  // namespace
}  // namespace onestory::policy
