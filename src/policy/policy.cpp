// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "policy/policy.hpp"

#include <algorithm>

namespace onestory::policy {
namespace {

Decision NeedsRole(std::string_view what) {
    return Decision::Deny("role_not_permitted", "your role does not allow " + std::string(what));
}

Decision AdminOnly(const Actor& actor, std::string_view what) {
    return actor.Has(Role::kAdmin) ? Decision::Allow("admin") : NeedsRole(what);
}

// Case-level access inside the owning agency: the case team, the agency's
// supervisors, and (for reads) an unexpired break-glass grant.
Decision OwnAgencyCaseAccess(const Actor& actor, const Resource& resource, const Context& context, bool read,
                             std::string_view what) {
    if (!actor.HasCaseRole()) {
        if (actor.Has(Role::kAdmin)) {
            return Decision::Deny("admin_has_no_case_access",
                                  "administrators manage accounts; they do not read survivors' records");
        }
        return NeedsRole(what);
    }
    if (actor.agency_id != resource.owning_agency_id) {
        if (read && context.break_glass) return Decision::Allow("break_glass");
        return Decision::Deny("other_agency", "this record belongs to another agency");
    }
    if (actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
    if (context.on_case_team) return Decision::Allow("case_team");
    if (read && context.break_glass) return Decision::Allow("break_glass");
    return Decision::Deny("not_on_case_team",
                          "only the case team and supervisors of the agency can " + std::string(what));
}

}  // namespace

bool Actor::Has(Role role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Actor::HasCaseRole() const {
    if (kind != Kind::kStaff) return false;
    return std::any_of(roles.begin(), roles.end(), [](Role r) {
        return r == Role::kSupervisor || r == Role::kCaseworker || r == Role::kCounsellor || r == Role::kInvestigator ||
               r == Role::kProsecutor || r == Role::kClinician;
    });
}

Decision DecideRoute(const Actor& actor, Action action) {
    if (actor.kind != Actor::Kind::kStaff) {
        return Decision::Deny("staff_only", "this is available to staff accounts only");
    }
    switch (action) {
        case Action::kListAgencies:
        case Action::kListStaff:
            return Decision::Allow("staff");
        case Action::kCreateAgency:
            return AdminOnly(actor, "managing agencies");
        case Action::kCreateStaff:
            return AdminOnly(actor, "managing staff accounts");
        case Action::kReadAudit:
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if (actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
            return NeedsRole("reading the audit log");
        case Action::kRequestErasure:
        case Action::kDecideErasure:
        case Action::kListErasures:
            if (actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
            return NeedsRole("erasing survivors' records (supervisors only)");
        case Action::kRegisterSurvivor:
        case Action::kListSurvivors:
        case Action::kReadSurvivor:
        case Action::kUpdateSurvivor:
        case Action::kMatchSurvivors:
        case Action::kCreateCase:
        case Action::kListCases:
        case Action::kReadCase:
        case Action::kUpdateCase:
        case Action::kReadCaseTeam:
        case Action::kManageCaseTeam:
            if (actor.HasCaseRole()) return Decision::Allow("case_role");
            if (actor.Has(Role::kAdmin)) {
                return Decision::Deny("admin_has_no_case_access",
                                      "administrators manage accounts; they do not read survivors' records");
            }
            return NeedsRole("working with survivors' records");
    }
    return Decision::Deny("unknown_action", "no rule allows this");
}

Decision Decide(const Actor& actor, Action action, const Resource& resource, const Context& context) {
    Decision route = DecideRoute(actor, action);
    if (!route.allowed) return route;
    switch (action) {
        case Action::kListAgencies:
        case Action::kCreateAgency:
        case Action::kCreateStaff:
        case Action::kRegisterSurvivor:
        case Action::kMatchSurvivors:
        case Action::kListSurvivors:
        case Action::kListCases:
            return route;
        case Action::kListStaff:
            if (actor.Has(Role::kAdmin) || resource.owning_agency_id.empty() ||
                resource.owning_agency_id == actor.agency_id) {
                return route;
            }
            return Decision::Deny("other_agency", "staff lists of other agencies are not shown");
        case Action::kReadAudit:
            if (actor.Has(Role::kAdmin) || resource.owning_agency_id == actor.agency_id) return route;
            return Decision::Deny("other_agency", "supervisors read the audit of their own agency only");
        case Action::kReadSurvivor:
            if (context.registered_survivor && actor.agency_id == resource.owning_agency_id) {
                return Decision::Allow("registrant");
            }
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this survivor's record");
        case Action::kUpdateSurvivor:
            if (context.registered_survivor && actor.agency_id == resource.owning_agency_id) {
                return Decision::Allow("registrant");
            }
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "change this survivor's record");
        case Action::kCreateCase:
            if (context.registered_survivor && actor.agency_id == resource.owning_agency_id) {
                return Decision::Allow("registrant");
            }
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "open a case for this survivor");
        case Action::kReadCase:
        case Action::kReadCaseTeam:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case");
        case Action::kUpdateCase:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "change this case");
        case Action::kManageCaseTeam:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "change this case team");
        case Action::kRequestErasure:
        case Action::kListErasures:
            if (resource.owning_agency_id == actor.agency_id) return route;
            return Decision::Deny("other_agency", "only supervisors of the agency that owns the record can erase it");
        case Action::kDecideErasure:
            if (resource.owning_agency_id != actor.agency_id) {
                return Decision::Deny("other_agency",
                                      "only supervisors of the agency that owns the record can erase it");
            }
            if (context.is_requester) {
                return Decision::Deny("same_supervisor",
                                      "a second supervisor must decide an erasure; you asked for this one");
            }
            return route;
    }
    return Decision::Deny("unknown_action", "no rule allows this");
}

ListScope ScopeFor(const Actor& actor, Action list_action) {
    if (!DecideRoute(actor, list_action).allowed) return ListScope::kNone;
    switch (list_action) {
        case Action::kListSurvivors:
        case Action::kListCases:
            return actor.Has(Role::kSupervisor) ? ListScope::kOwnAgency : ListScope::kOwnCases;
        case Action::kListStaff:
        case Action::kReadAudit:
            return actor.Has(Role::kAdmin) ? ListScope::kEverything : ListScope::kOwnAgency;
        case Action::kListAgencies:
            return ListScope::kEverything;
        case Action::kListErasures:
            return ListScope::kOwnAgency;
        default:
            return ListScope::kNone;
    }
}

}  // namespace onestory::policy
