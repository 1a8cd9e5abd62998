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

// The survivor's own agency: the registrant, the case team (of any of the
// survivor's cases) and, unless `team_only`, the agency's supervisors.
Decision OwnAgencySurvivorWork(const Actor& actor, const Resource& resource, const Context& context, bool team_only,
                               std::string_view what) {
    if (!actor.HasCaseRole()) {
        if (actor.Has(Role::kAdmin)) {
            return Decision::Deny("admin_has_no_case_access",
                                  "administrators manage accounts; they do not read survivors' records");
        }
        return NeedsRole(what);
    }
    if (actor.agency_id != resource.owning_agency_id) {
        return Decision::Deny("other_agency", "only the survivor's own agency can " + std::string(what));
    }
    if (context.on_case_team) return Decision::Allow("case_team");
    if (context.registered_survivor) return Decision::Allow("registrant");
    if (!team_only && actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
    return Decision::Deny("not_on_case_team", std::string("only the survivor's case team can ") + std::string(what));
}

Decision DisclosureRead(const Actor& actor, const Resource& resource, const Context& context) {
    if (actor.agency_id == resource.owning_agency_id) {
        // The disclosing agency reviews what it shared as it reads its own case.
        return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this disclosure");
    }
    if (actor.agency_id != resource.recipient_agency_id) {
        return Decision::Deny("not_recipient", "this disclosure was made to another agency");
    }
    if (!resource.purpose || !RoleFitsPurpose(actor, *resource.purpose)) {
        return Decision::Deny("purpose_not_for_role",
                              "this was disclosed for " +
                                  std::string(NameOf(resource.purpose.value_or(Purpose::kStatistics))) +
                                  ", which your role does not work on");
    }
    if (!context.disclosure_consent) return Decision::Deny("no_consent", "no consent stands behind this disclosure");
    switch (*context.disclosure_consent) {
        case ConsentState::kActive:
            return Decision::Allow("consent");
        case ConsentState::kRevoked:
            return Decision::Deny("consent_revoked",
                                  "the survivor withdrew the consent this disclosure was made under");
        case ConsentState::kExpired:
            return Decision::Deny("consent_expired", "the consent this disclosure was made under has expired");
    }
    return Decision::Deny("no_consent", "no consent stands behind this disclosure");
}

Decision DisclosureCreate(const Actor& actor, const Resource& resource, const Context& context) {
    Decision access = OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "disclose from this case");
    if (!access.allowed) return access;
    if (resource.recipient_agency_id == resource.owning_agency_id) {
        return Decision::Deny("own_agency", "the case's own agency works under its case team, not by disclosure");
    }
    if (!resource.purpose) return Decision::Deny("no_consent", "a disclosure needs a purpose");
    Coverage coverage = CoverageOf(context.consents, resource.recipient_agency_id, *resource.purpose, resource.topics,
                                   resource.categories);
    if (coverage.consent_id.empty()) {
        Decision d = Decision::Deny("no_consent",
                                    "no single active consent of the survivor covers everything asked for, for this "
                                    "agency and purpose");
        d.uncovered = std::move(coverage.uncovered);
        return d;
    }
    Decision d = Decision::Allow("consent");
    d.consent_id = std::move(coverage.consent_id);
    return d;
}

bool IsPortalAction(Action action) {
    return action == Action::kPortalRead || action == Action::kPortalWithdrawConsent ||
           action == Action::kPortalReviewPassage;
}

// What a survivor's portal session may do on their own record: the portal's
// own actions, and the services' reads and changes behind them.
bool SurvivorMay(Action action) {
    switch (action) {
        case Action::kPortalRead:
        case Action::kPortalWithdrawConsent:
        case Action::kPortalReviewPassage:
        case Action::kListConsents:
        case Action::kRevokeConsent:
        case Action::kListInterviews:
        case Action::kReadStatement:
        case Action::kReviewPassage:
        case Action::kListDisclosures:
        case Action::kReadAccessLog:
        case Action::kListCommitments:
        case Action::kListHearings:
            return true;
        default:
            return false;
    }
}

Decision StaffOnly() {
    return Decision::Deny("staff_only", "this is available to staff accounts only");
}

// A survivor acts on their own record, and on nothing else.
Decision DecideForSurvivor(const Actor& actor, Action action, const Resource& resource) {
    if (!SurvivorMay(action)) return StaffOnly();
    if (actor.id.empty() || resource.survivor_id != actor.id) {
        return Decision::Deny("not_own_record", "this belongs to someone else's record");
    }
    return Decision::Allow("own_record");
}

// The agency a referral is addressed to, when it is another agency than the
// case's and the actor works there.
bool Receives(const Actor& actor, const Resource& resource) {
    return !resource.recipient_agency_id.empty() && resource.recipient_agency_id != resource.owning_agency_id &&
           actor.agency_id == resource.recipient_agency_id;
}

bool ReferralIsInternal(const Resource& resource) {
    return resource.recipient_agency_id.empty() || resource.recipient_agency_id == resource.owning_agency_id;
}

// Creating or sending a referral: the owning case team (and supervisors);
// sharing survivor categories with another agency needs one active consent
// for that agency covering them all (aftercare, else health).
Decision ReferralShare(const Actor& actor, const Resource& resource, const Context& context) {
    Decision access = OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "refer this survivor");
    if (!access.allowed) return access;
    if (ReferralIsInternal(resource) || resource.categories.empty()) return access;
    ReferralCoverage found = ReferralCoverageOf(context.consents, resource.recipient_agency_id, resource.categories);
    if (found.coverage.consent_id.empty()) {
        Decision d = Decision::Deny("no_consent",
                                    "no single active consent of the survivor (for aftercare or health) lets these "
                                    "parts of their record be shared with the provider's agency");
        d.uncovered = std::move(found.coverage.uncovered);
        return d;
    }
    Decision d = Decision::Allow("consent");
    d.consent_id = std::move(found.coverage.consent_id);
    return d;
}

Decision ReferralRead(const Actor& actor, const Resource& resource, const Context& context) {
    if (Receives(actor, resource)) {
        if (resource.unsent) return Decision::Deny("not_sent", "this referral has not been sent to your agency");
        return Decision::Allow("receiving_agency");
    }
    return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this referral");
}

Decision ReferralTransition(const Actor& actor, const Resource& resource, const Context& context) {
    if (!resource.referral_step) return Decision::Deny("unknown_step", "this is not a step of a referral");
    switch (*resource.referral_step) {
        case ReferralStep::kSend:
            return ReferralShare(actor, resource, context);
        case ReferralStep::kAnswer:
        case ReferralStep::kProgress:
            // A provider outside onestory answers by phone; the case team records it.
            if (ReferralIsInternal(resource)) {
                return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "record the provider's answer");
            }
            if (Receives(actor, resource)) {
                if (resource.unsent) return Decision::Deny("not_sent", "this referral has not been sent yet");
                return Decision::Allow("receiving_agency");
            }
            if (actor.agency_id == resource.owning_agency_id) {
                return Decision::Deny("receiving_agency_answers",
                                      "the agency the referral is addressed to answers it and records the service");
            }
            return Decision::Deny("other_agency", "this referral is addressed to another agency");
        case ReferralStep::kClose:
            if (Receives(actor, resource) && !resource.unsent) return Decision::Allow("receiving_agency");
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "close this referral");
    }
    return Decision::Deny("unknown_step", "this is not a step of a referral");
}

// A prosecutor of another agency holding an active prosecution consent of
// the survivor that covers the legal part of the record.
bool ProsecutesUnderConsent(const Actor& actor, const Resource& resource, const Context& context) {
    if (!actor.Has(Role::kProsecutor) || actor.agency_id == resource.owning_agency_id) return false;
    return !CoverageOf(context.consents, actor.agency_id, Purpose::kProsecution, {}, {RecordCategory::kLegal})
                .consent_id.empty();
}

Decision HearingAccess(const Actor& actor, const Resource& resource, const Context& context, bool read,
                       std::string_view what) {
    if (ProsecutesUnderConsent(actor, resource, context)) return Decision::Allow("consent");
    return OwnAgencyCaseAccess(actor, resource, context, read, what);
}

Decision SafetyPlanRead(const Actor& actor, const Resource& resource, const Context& context) {
    const auto& disclosed = context.disclosed_categories;
    if (actor.agency_id != resource.owning_agency_id &&
        std::find(disclosed.begin(), disclosed.end(), RecordCategory::kSafetyPlan) != disclosed.end()) {
        return Decision::Allow("consent");
    }
    return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this safety plan");
}

}  // namespace

ReferralCoverage ReferralCoverageOf(const std::vector<ConsentFact>& consents, std::string_view recipient_agency_id,
                                    const std::vector<RecordCategory>& categories) {
    ReferralCoverage aftercare{CoverageOf(consents, recipient_agency_id, Purpose::kAftercare, {}, categories),
                               Purpose::kAftercare};
    if (!aftercare.coverage.consent_id.empty()) return aftercare;
    ReferralCoverage health{CoverageOf(consents, recipient_agency_id, Purpose::kHealth, {}, categories),
                            Purpose::kHealth};
    if (!health.coverage.consent_id.empty()) return health;
    return health.coverage.uncovered.size() < aftercare.coverage.uncovered.size() ? health : aftercare;
}

bool RoleFitsPurpose(const Actor& actor, Purpose purpose) {
    if (actor.kind != Actor::Kind::kStaff) return false;
    switch (purpose) {
        case Purpose::kInvestigation:
            return actor.Has(Role::kInvestigator);
        case Purpose::kProsecution:
            return actor.Has(Role::kProsecutor);
        case Purpose::kHealth:
            return actor.Has(Role::kClinician);
        case Purpose::kAftercare:
            return actor.Has(Role::kCaseworker) || actor.Has(Role::kCounsellor);
        case Purpose::kStatistics:
            return actor.Has(Role::kAnalyst);
    }
    return false;
}

std::vector<Purpose> PurposesFor(const Actor& actor) {
    std::vector<Purpose> out;
    for (const auto& [purpose, name] : EnumNames<Purpose>::kTable) {
        if (RoleFitsPurpose(actor, purpose)) out.push_back(purpose);
    }
    return out;
}

Coverage CoverageOf(const std::vector<ConsentFact>& consents, std::string_view recipient_agency_id, Purpose purpose,
                    const std::vector<Topic>& topics, const std::vector<RecordCategory>& categories) {
    Coverage best;
    bool any = false;
    for (const auto& c : consents) {
        if (c.state != ConsentState::kActive || c.recipient_agency_id != recipient_agency_id || c.purpose != purpose) {
            continue;
        }
        std::vector<std::string> uncovered;
        for (const Topic t : topics) {
            if (std::find(c.topics.begin(), c.topics.end(), t) == c.topics.end()) {
                uncovered.emplace_back(NameOf(t));
            }
        }
        for (const RecordCategory k : categories) {
            if (std::find(c.categories.begin(), c.categories.end(), k) == c.categories.end()) {
                uncovered.emplace_back(NameOf(k));
            }
        }
        if (uncovered.empty()) return {c.id, {}};
        if (!any || uncovered.size() < best.uncovered.size()) best.uncovered = std::move(uncovered);
        any = true;
    }
    if (!any) {
        for (const Topic t : topics) best.uncovered.emplace_back(NameOf(t));
        for (const RecordCategory k : categories) best.uncovered.emplace_back(NameOf(k));
    }
    // A name listed once is enough, in a stable order.
    std::sort(best.uncovered.begin(), best.uncovered.end());
    best.uncovered.erase(std::unique(best.uncovered.begin(), best.uncovered.end()), best.uncovered.end());
    return best;
}

Decision DecideTrainingGate(std::string_view duty, const std::optional<TrainingRequirement>& required,
                            const std::vector<std::string>& valid_course_ids) {
    if (!required) return Decision::Allow("no_training_required");
    if (std::find(valid_course_ids.begin(), valid_course_ids.end(), required->course_id) != valid_course_ids.end()) {
        return Decision::Allow("trained");
    }
    return Decision::Deny("training_required", "the " + std::string(duty) +
                                                   " needs a valid completion of the training \"" +
                                                   required->course_title + "\" (" + required->course_id + ")");
}

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
        // A survivor reaches the portal's routes only; each decides on their own record.
        return IsPortalAction(action) ? Decision::Allow("own_record") : StaffOnly();
    }
    switch (action) {
        case Action::kPortalRead:
        case Action::kPortalWithdrawConsent:
        case Action::kPortalReviewPassage:
            return Decision::Deny("survivor_only", "this is the survivor's own portal; staff work in the workspace");
        case Action::kListAgencies:
        case Action::kListStaff:
        case Action::kListVenues:
        case Action::kListAlerts:
        case Action::kListProviders:
        case Action::kReadInstrument:
        case Action::kAcknowledgeAlert:
            return Decision::Allow("staff");
        case Action::kCreateProvider:
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if (actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
            return NeedsRole("registering providers in the service directory");
        case Action::kCreateVenue:
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if (actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
            return NeedsRole("registering venues");
        case Action::kListReceivedDisclosures:
        case Action::kReadDisclosure:
            if (actor.HasCaseRole()) return Decision::Allow("case_role");
            if (actor.Has(Role::kAnalyst)) return Decision::Allow("analyst");
            if (actor.Has(Role::kAdmin)) {
                return Decision::Deny("admin_has_no_case_access",
                                      "administrators manage accounts; they do not read survivors' records");
            }
            return NeedsRole("reading disclosures");
        case Action::kListTrainings:
        case Action::kReadStaffTrainings:
        case Action::kOwnWellbeing:
        case Action::kReadCheckin:
            return Decision::Allow("staff");
        case Action::kListReports:
        case Action::kRunReport:
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if (actor.Has(Role::kAnalyst)) return Decision::Allow("analyst");
            if (actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
            return NeedsRole("running reports");
        case Action::kManageTrainings:
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if (actor.Has(Role::kTrainer)) return Decision::Allow("trainer");
            return NeedsRole("managing the training registry");
        case Action::kListTrainingParticipants:
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if (actor.Has(Role::kTrainer)) return Decision::Allow("trainer");
            if (actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
            return NeedsRole("reading who took part in trainings");
        case Action::kReadWellbeingSummary:
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if (actor.Has(Role::kSupervisor)) return Decision::Allow("supervisor");
            return NeedsRole("reading staff wellbeing aggregates");
        case Action::kExportHtcds:
            // The one decrypting bulk read: an administrator authorises it, and
            // each survivor's access log shows it.
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            return Decision::Deny("role_not_permitted", "only an administrator authorises an export of identities");
        case Action::kExportAnonymised:
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if (actor.Has(Role::kAnalyst)) return Decision::Allow("analyst");
            return NeedsRole("exporting the anonymised dataset");
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
        case Action::kListConsents:
        case Action::kGrantConsent:
        case Action::kRevokeConsent:
        case Action::kListInterviews:
        case Action::kPlanInterview:
        case Action::kReadInterview:
        case Action::kUpdateInterview:
        case Action::kReadStatement:
        case Action::kAddPassage:
        case Action::kReviewPassage:
        case Action::kListDisclosures:
        case Action::kCreateDisclosure:
        case Action::kReadAccessLog:
        case Action::kBreakGlass:
        case Action::kInvitePortal:
        case Action::kExportSurvivor:
        case Action::kListReferrals:
        case Action::kCreateReferral:
        case Action::kReadReferral:
        case Action::kTransitionReferral:
        case Action::kListReceivedReferrals:
        case Action::kListCommitments:
        case Action::kCreateCommitment:
        case Action::kUpdateCommitment:
        case Action::kReadSafetyPlan:
        case Action::kUpdateSafetyPlan:
        case Action::kListHearings:
        case Action::kCreateHearing:
        case Action::kUpdateHearing:
        case Action::kListReviews:
        case Action::kCreateReview:
        case Action::kListIncidents:
        case Action::kRecordIncident:
        case Action::kListAssessments:
        case Action::kRecordAssessment:
        case Action::kReadTimeline:
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
    if (actor.kind == Actor::Kind::kSurvivor) return DecideForSurvivor(actor, action, resource);
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
        case Action::kListVenues:
        case Action::kListAlerts:
        case Action::kListReceivedDisclosures:
            return route;
        case Action::kCreateVenue:
            if (actor.Has(Role::kAdmin) || resource.owning_agency_id == actor.agency_id) return route;
            return Decision::Deny("other_agency", "supervisors register venues of their own agency only");
        case Action::kListConsents:
            if (context.registered_survivor && actor.agency_id == resource.owning_agency_id) {
                return Decision::Allow("registrant");
            }
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this survivor's consents");
        case Action::kGrantConsent:
            return OwnAgencySurvivorWork(actor, resource, context, /*team_only=*/true, "record a consent");
        case Action::kRevokeConsent:
            // Withdrawal must never wait for the right person: supervisors may record it too.
            return OwnAgencySurvivorWork(actor, resource, context, /*team_only=*/false, "record a withdrawal");
        case Action::kReadAccessLog:
            return OwnAgencySurvivorWork(actor, resource, context, /*team_only=*/false,
                                         "read this survivor's access log");
        case Action::kListInterviews:
        case Action::kReadInterview:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case's interviews");
        case Action::kPlanInterview:
        case Action::kUpdateInterview:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "plan or record interviews");
        case Action::kReadStatement:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read the survivor's statement");
        case Action::kAddPassage:
        case Action::kReviewPassage:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "record the survivor's statement");
        case Action::kListDisclosures:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case's disclosures");
        case Action::kCreateDisclosure:
            return DisclosureCreate(actor, resource, context);
        case Action::kReadDisclosure:
            return DisclosureRead(actor, resource, context);
        case Action::kListReports:
        case Action::kRunReport:
            // Reports hold no identifiers; an agency's supervisors see its own
            // figures, analysts and administrators those of any agency.
            if (actor.Has(Role::kAdmin) || actor.Has(Role::kAnalyst)) return route;
            if (resource.owning_agency_id.empty() || resource.owning_agency_id == actor.agency_id) return route;
            return Decision::Deny("other_agency", "supervisors run reports on their own agency only");
        case Action::kListTrainings:
        case Action::kOwnWellbeing:
        case Action::kExportHtcds:
        case Action::kExportAnonymised:
            return route;
        case Action::kManageTrainings:
            if (actor.Has(Role::kAdmin) || resource.owning_agency_id == actor.agency_id) return route;
            return Decision::Deny("other_agency", "trainers manage the courses of their own agency only");
        case Action::kListTrainingParticipants:
            if (actor.Has(Role::kAdmin) || resource.owning_agency_id == actor.agency_id) return route;
            return Decision::Deny("other_agency", "who took part is shown to the agency that ran the course");
        case Action::kReadStaffTrainings:
            if (!resource.subject_staff_id.empty() && resource.subject_staff_id == actor.id) {
                return Decision::Allow("self");
            }
            if (actor.Has(Role::kAdmin)) return Decision::Allow("admin");
            if ((actor.Has(Role::kSupervisor) || actor.Has(Role::kTrainer)) &&
                resource.owning_agency_id == actor.agency_id) {
                return Decision::Allow(actor.Has(Role::kSupervisor) ? "supervisor" : "trainer");
            }
            return Decision::Deny("not_own_record",
                                  "a staff member's trainings are shown to them, their agency's supervisors and "
                                  "trainers, and administrators");
        case Action::kReadCheckin:
            // No role opens another person's check-in: not a supervisor, not
            // an administrator, not break glass.
            if (!resource.subject_staff_id.empty() && resource.subject_staff_id == actor.id) {
                return Decision::Allow("own_checkin");
            }
            return Decision::Deny("private_checkin",
                                  "a check-in is private to the person who took it; supervisors see aggregates only");
        case Action::kReadWellbeingSummary:
            if (actor.Has(Role::kAdmin) || resource.owning_agency_id == actor.agency_id) return route;
            return Decision::Deny("other_agency", "supervisors see the wellbeing aggregates of their own agency only");
        case Action::kExportSurvivor:
            return OwnAgencySurvivorWork(actor, resource, context, /*team_only=*/true,
                                         "export everything held about this survivor");
        case Action::kBreakGlass:
            if (actor.agency_id == resource.owning_agency_id &&
                (context.on_case_team || actor.Has(Role::kSupervisor))) {
                return Decision::Deny("already_has_access", "you can already read this case");
            }
            return Decision::Allow("emergency");
        case Action::kInvitePortal:
            return OwnAgencySurvivorWork(actor, resource, context, /*team_only=*/true,
                                         "invite the survivor to their portal");
        case Action::kPortalRead:
        case Action::kPortalWithdrawConsent:
        case Action::kPortalReviewPassage:
            return route;  // never reached: DecideRoute refuses staff
        case Action::kListProviders:
        case Action::kReadInstrument:
        case Action::kListReceivedReferrals:
            return route;
        case Action::kCreateProvider:
            if (actor.Has(Role::kAdmin) || resource.owning_agency_id.empty() ||
                resource.owning_agency_id == actor.agency_id) {
                return route;
            }
            return Decision::Deny("other_agency", "supervisors register their own agency's services or outside ones");
        case Action::kListReferrals:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case's referrals");
        case Action::kCreateReferral:
            return ReferralShare(actor, resource, context);
        case Action::kReadReferral:
            return ReferralRead(actor, resource, context);
        case Action::kTransitionReferral:
            return ReferralTransition(actor, resource, context);
        case Action::kListCommitments:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case's commitments");
        case Action::kCreateCommitment:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "record a commitment");
        case Action::kUpdateCommitment:
            // The owner of a team commitment may work in another agency; they report on their own promise.
            if (context.owns_record && actor.kind == Actor::Kind::kStaff) return Decision::Allow("owner");
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "update this commitment");
        case Action::kReadSafetyPlan:
            return SafetyPlanRead(actor, resource, context);
        case Action::kUpdateSafetyPlan:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "change this safety plan");
        case Action::kListHearings:
            return HearingAccess(actor, resource, context, /*read=*/true, "read this case's hearings");
        case Action::kCreateHearing:
        case Action::kUpdateHearing:
            return HearingAccess(actor, resource, context, /*read=*/false, "record hearings");
        case Action::kListReviews:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case's reviews");
        case Action::kCreateReview:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "record a case review");
        case Action::kListIncidents:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case's incidents");
        case Action::kRecordIncident:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "record an incident");
        case Action::kListAssessments:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case's assessments");
        case Action::kRecordAssessment:
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/false, "record an assessment");
        case Action::kReadTimeline:
            if (ProsecutesUnderConsent(actor, resource, context)) return Decision::Allow("consent");
            return OwnAgencyCaseAccess(actor, resource, context, /*read=*/true, "read this case's timeline");
        case Action::kAcknowledgeAlert:
            if (context.in_alert_audience) return Decision::Allow("audience");
            return Decision::Deny("not_audience", "this alert is addressed to someone else");
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
        case Action::kListVenues:
            return ListScope::kEverything;
        case Action::kListReceivedDisclosures:
        case Action::kListErasures:
        case Action::kListReceivedReferrals:
            return ListScope::kOwnAgency;
        case Action::kListProviders:
            return ListScope::kEverything;
        default:
            return ListScope::kNone;
    }
}

}  // namespace onestory::policy
