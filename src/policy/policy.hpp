// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policy/vocabulary.hpp"

// The one place onestory decides who may do what. Default deny: an action is
// allowed only by a rule below that names it.
//
// Decide is a pure function: no I/O, no clock, no globals. The service that
// calls it gathers the facts first (is the actor on the case team, which
// consents are live) and passes them in as the Resource and the Context; the
// Decision carries a machine-readable reason that the API returns in 403
// bodies and the audit records.
namespace onestory::policy {

// Who is asking.
struct Actor {
    enum class Kind { kStaff, kSurvivor };
    Kind kind = Kind::kStaff;
    std::string id;         // staff id, or survivor id for a portal session
    std::string agency_id;  // staff: their agency; survivor: empty
    AgencyKind agency_kind = AgencyKind::kOther;
    std::vector<Role> roles;

    bool Has(Role role) const;
    // Any role that works with survivors' cases (not admin, trainer or analyst alone).
    bool HasCaseRole() const;
};

// What they want to do. Each HTTP route declares one of these.
enum class Action {
    kListAgencies,
    kCreateAgency,
    kListStaff,
    kCreateStaff,
    kRegisterSurvivor,
    kListSurvivors,
    kReadSurvivor,  // protected identity fields included
    kUpdateSurvivor,
    kMatchSurvivors,
    kCreateCase,
    kListCases,
    kReadCase,
    kUpdateCase,
    kReadCaseTeam,
    kManageCaseTeam,
    kReadAudit,
    kRequestErasure,  // ask that a survivor's record be erased
    kDecideErasure,   // approve or reject such a request
    kListErasures,
};

// What it is done to. Empty fields mean "not about a particular record".
struct Resource {
    std::string owning_agency_id;  // the agency that owns the survivor or case
    std::string survivor_id;
    std::string case_id;
};

// Facts about the relation between actor and resource, gathered by the service.
struct Context {
    bool on_case_team = false;         // on this case's team (for survivor-level resources: any own-agency case)
    bool registered_survivor = false;  // the actor registered this survivor
    bool break_glass = false;          // an unexpired break-glass grant for this case
    bool is_requester = false;         // the actor made the request being decided (four-eyes rules)
};

struct Decision {
    bool allowed = false;
    std::string reason;   // "case_team", "supervisor", "other_agency", ...
    std::string message;  // one sentence for people; never protected data

    static Decision Allow(std::string reason) { return {true, std::move(reason), {}}; }
    static Decision Deny(std::string reason, std::string message) {
        return {false, std::move(reason), std::move(message)};
    }
};

Decision Decide(const Actor& actor, Action action, const Resource& resource, const Context& context);

// The coarse check made before a route's handler runs: could this actor be
// allowed this action on some record? (Role-level only; Decide still rules on
// the record itself.)
Decision DecideRoute(const Actor& actor, Action action);

// How far a list may reach for this actor.
enum class ListScope { kNone, kOwnAgency, kOwnCases, kEverything };
ListScope ScopeFor(const Actor& actor, Action list_action);

}  // namespace onestory::policy

namespace onestory {
template <>
struct EnumNames<policy::Action> {
    using A = policy::Action;
    static constexpr std::array<std::pair<A, std::string_view>, 19> kTable{{
        {A::kListAgencies, "list_agencies"},
        {A::kCreateAgency, "create_agency"},
        {A::kListStaff, "list_staff"},
        {A::kCreateStaff, "create_staff"},
        {A::kRegisterSurvivor, "register_survivor"},
        {A::kListSurvivors, "list_survivors"},
        {A::kReadSurvivor, "read_survivor"},
        {A::kUpdateSurvivor, "update_survivor"},
        {A::kMatchSurvivors, "match_survivors"},
        {A::kCreateCase, "create_case"},
        {A::kListCases, "list_cases"},
        {A::kReadCase, "read_case"},
        {A::kUpdateCase, "update_case"},
        {A::kReadCaseTeam, "read_case_team"},
        {A::kManageCaseTeam, "manage_case_team"},
        {A::kReadAudit, "read_audit"},
        {A::kRequestErasure, "request_erasure"},
        {A::kDecideErasure, "decide_erasure"},
        {A::kListErasures, "list_erasures"},
    }};
};
}  // namespace onestory
