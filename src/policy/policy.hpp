// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
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
//
// A survivor signed in to their portal is an Actor of kind kSurvivor whose id
// is their survivor id: the policy lets them reach only their own record,
// only through the portal's actions and the few reads and changes those make
// (their consents, statement, interviews, disclosures and access log), and
// never a staff route.
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
    // Tell it once: consent, interviews, the statement, disclosures.
    kListConsents,
    kGrantConsent,
    kRevokeConsent,
    kListVenues,
    kCreateVenue,
    kListInterviews,
    kPlanInterview,
    kReadInterview,
    kUpdateInterview,
    kReadStatement,  // passages, with their text
    kAddPassage,
    kReviewPassage,
    kListDisclosures,  // what a case has disclosed
    kCreateDisclosure,
    kListReceivedDisclosures,  // what was disclosed to the actor's agency
    kReadDisclosure,
    kReadAccessLog,
    kBreakGlass,
    kListAlerts,
    // The survivor portal: staff invite; the survivor, signed in, reads and
    // acts on their own record only.
    kInvitePortal,
    kPortalRead,
    kPortalWithdrawConsent,
    kPortalReviewPassage,
    // Evidence of impact: reports, the training registry, staff wellbeing,
    // the survivor's own copy of their record.
    kListReports,
    kRunReport,
    kListTrainings,
    kManageTrainings,           // courses, sessions, participants
    kListTrainingParticipants,  // the names of who took part
    kReadStaffTrainings,        // the trainings attached to a staff record
    kOwnWellbeing,              // one's own exposures, debriefs, check-ins and nudges
    kReadCheckin,               // one check-in: its owner only, whoever else asks
    kReadWellbeingSummary,      // aggregates over at least five staff
    kExportSurvivor,            // everything held about a survivor, decrypted
    kExportHtcds,               // every case with identities (onestory export --format htcds)
    kExportAnonymised,          // the k-anonymous dataset (onestory export --format ctdc)
    // Care coordination: the service directory, referrals, commitments,
    // safety plans, hearings, case reviews, incidents, outcome assessments.
    kListProviders,
    kCreateProvider,
    kListReferrals,  // a case's referrals
    kCreateReferral,
    kReadReferral,
    kTransitionReferral,
    kListReceivedReferrals,  // referrals addressed to the actor's agency
    kListCommitments,
    kCreateCommitment,
    kUpdateCommitment,
    kReadSafetyPlan,
    kUpdateSafetyPlan,
    kListHearings,
    kCreateHearing,
    kUpdateHearing,
    kListReviews,
    kCreateReview,
    kListIncidents,
    kRecordIncident,
    kListAssessments,
    kRecordAssessment,
    kReadInstrument,
    kReadTimeline,
    kAcknowledgeAlert,
    // The data lifecycle.
    kRequestErasure,  // ask that a survivor's record be erased
    kDecideErasure,   // approve or reject such a request
    kListErasures,
};

// Which part of a referral's closed loop a transition is: the owning case
// team sends it; the agency it is addressed to answers it (accepts or
// declines) and records the service (in service, completed); either side
// closes it.
enum class ReferralStep { kSend, kAnswer, kProgress, kClose };

// The state of one consent at the moment of a request (the service compares
// valid_until with its clock; Decide never reads a clock).
enum class ConsentState { kActive, kExpired, kRevoked };

// One of the survivor's consents, as the service found it.
struct ConsentFact {
    std::string id;
    std::string recipient_agency_id;
    Purpose purpose = Purpose::kInvestigation;
    std::vector<Topic> topics;
    std::vector<RecordCategory> categories;
    ConsentState state = ConsentState::kActive;
};

// What it is done to. Empty fields mean "not about a particular record".
struct Resource {
    std::string owning_agency_id;  // the agency that owns the survivor or case
    std::string survivor_id;
    std::string case_id;
    // Disclosures: to whom, why, and what (the topics of its passages and the
    // record categories it releases).
    std::string recipient_agency_id{};
    std::optional<Purpose> purpose{};
    std::vector<Topic> topics{};
    std::vector<RecordCategory> categories{};
    // Records about a staff member (check-ins, their trainings): whose.
    std::string subject_staff_id{};
    // Referrals: the step a transition takes, and whether the referral is
    // still only proposed (not yet visible to the agency it is addressed to).
    std::optional<ReferralStep> referral_step{};
    bool unsent = false;
};

// Facts about the relation between actor and resource, gathered by the service.
struct Context {
    bool on_case_team = false;         // on this case's team (for survivor-level resources: any own-agency case)
    bool registered_survivor = false;  // the actor registered this survivor
    bool break_glass = false;          // an unexpired break-glass grant for this case
    bool is_requester = false;         // the actor made the request being decided (four-eyes rules)
    // Creating a disclosure: the survivor's consents naming the recipient agency.
    std::vector<ConsentFact> consents{};
    // Reading a disclosure: the state of the consent it was made under.
    std::optional<ConsentState> disclosure_consent{};
    // Record categories of this case disclosed to the actor's agency, under
    // consents still active, for purposes the actor's roles work on.
    std::vector<RecordCategory> disclosed_categories{};
    bool owns_record = false;        // the actor owns the record (a commitment's owner)
    bool in_alert_audience = false;  // the alert is addressed to the actor or their role in their agency
};

struct Decision {
    bool allowed = false;
    std::string reason;                    // "case_team", "supervisor", "other_agency", ...
    std::string message;                   // one sentence for people; never protected data
    std::string consent_id{};              // the consent that allowed a disclosure
    std::vector<std::string> uncovered{};  // topics and categories no live consent covers

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

// Whether the actor's roles fit a disclosure's purpose: investigation is read
// by investigators, prosecution by prosecutors, health by clinicians,
// aftercare by caseworkers and counsellors, statistics by analysts.
bool RoleFitsPurpose(const Actor& actor, Purpose purpose);
std::vector<Purpose> PurposesFor(const Actor& actor);

// The one active consent (for this recipient and purpose) that covers every
// topic and category, if any; otherwise what the closest one leaves
// uncovered (everything, when there is none).
struct Coverage {
    std::string consent_id;  // empty when none covers everything
    std::vector<std::string> uncovered;
};
Coverage CoverageOf(const std::vector<ConsentFact>& consents, std::string_view recipient_agency_id, Purpose purpose,
                    const std::vector<Topic>& topics, const std::vector<RecordCategory>& categories);

// A training a setting requires for a duty (conducting interviews, scoring
// outcome assessments).
struct TrainingRequirement {
    std::string course_id;
    std::string course_title;  // as shown in the refusal
};

// Whether the person who is to carry out `duty` ("interviewer", "assessor")
// may: when a training is required, only with a valid completion of that
// course among `valid_course_ids` (completed and not expired). Refusals name
// the missing training (reason "training_required").
Decision DecideTrainingGate(std::string_view duty, const std::optional<TrainingRequirement>& required,
                            const std::vector<std::string>& valid_course_ids);

// A referral shares record categories under one active consent for the
// provider's agency whose purpose is aftercare or, failing that, health.
// The consent found (or what stays uncovered by the closest one), and its purpose.
struct ReferralCoverage {
    Coverage coverage;
    Purpose purpose = Purpose::kAftercare;
};
ReferralCoverage ReferralCoverageOf(const std::vector<ConsentFact>& consents, std::string_view recipient_agency_id,
                                    const std::vector<RecordCategory>& categories);

}  // namespace onestory::policy

namespace onestory {
template <>
struct EnumNames<policy::Action> {
    using A = policy::Action;
    static constexpr std::array<std::pair<A, std::string_view>, 78> kTable{{
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
        {A::kListConsents, "list_consents"},
        {A::kGrantConsent, "grant_consent"},
        {A::kRevokeConsent, "revoke_consent"},
        {A::kListVenues, "list_venues"},
        {A::kCreateVenue, "create_venue"},
        {A::kListInterviews, "list_interviews"},
        {A::kPlanInterview, "plan_interview"},
        {A::kReadInterview, "read_interview"},
        {A::kUpdateInterview, "update_interview"},
        {A::kReadStatement, "read_statement"},
        {A::kAddPassage, "add_passage"},
        {A::kReviewPassage, "review_passage"},
        {A::kListDisclosures, "list_disclosures"},
        {A::kCreateDisclosure, "create_disclosure"},
        {A::kListReceivedDisclosures, "list_received_disclosures"},
        {A::kReadDisclosure, "read_disclosure"},
        {A::kReadAccessLog, "read_access_log"},
        {A::kBreakGlass, "break_glass"},
        {A::kListAlerts, "list_alerts"},
        {A::kInvitePortal, "invite_portal"},
        {A::kPortalRead, "portal_read"},
        {A::kPortalWithdrawConsent, "portal_withdraw_consent"},
        {A::kPortalReviewPassage, "portal_review_passage"},
        {A::kRequestErasure, "request_erasure"},
        {A::kDecideErasure, "decide_erasure"},
        {A::kListErasures, "list_erasures"},
        {A::kListReports, "list_reports"},
        {A::kRunReport, "run_report"},
        {A::kListTrainings, "list_trainings"},
        {A::kManageTrainings, "manage_trainings"},
        {A::kListTrainingParticipants, "list_training_participants"},
        {A::kReadStaffTrainings, "read_staff_trainings"},
        {A::kOwnWellbeing, "own_wellbeing"},
        {A::kReadCheckin, "read_checkin"},
        {A::kReadWellbeingSummary, "read_wellbeing_summary"},
        {A::kExportSurvivor, "export_survivor"},
        {A::kExportHtcds, "export_htcds"},
        {A::kExportAnonymised, "export_anonymised"},
        {A::kListProviders, "list_providers"},
        {A::kCreateProvider, "create_provider"},
        {A::kListReferrals, "list_referrals"},
        {A::kCreateReferral, "create_referral"},
        {A::kReadReferral, "read_referral"},
        {A::kTransitionReferral, "transition_referral"},
        {A::kListReceivedReferrals, "list_received_referrals"},
        {A::kListCommitments, "list_commitments"},
        {A::kCreateCommitment, "create_commitment"},
        {A::kUpdateCommitment, "update_commitment"},
        {A::kReadSafetyPlan, "read_safety_plan"},
        {A::kUpdateSafetyPlan, "update_safety_plan"},
        {A::kListHearings, "list_hearings"},
        {A::kCreateHearing, "create_hearing"},
        {A::kUpdateHearing, "update_hearing"},
        {A::kListReviews, "list_reviews"},
        {A::kCreateReview, "create_review"},
        {A::kListIncidents, "list_incidents"},
        {A::kRecordIncident, "record_incident"},
        {A::kListAssessments, "list_assessments"},
        {A::kRecordAssessment, "record_assessment"},
        {A::kReadInstrument, "read_instrument"},
        {A::kReadTimeline, "read_timeline"},
        {A::kAcknowledgeAlert, "acknowledge_alert"},
    }};
};
template <>
struct EnumNames<policy::ReferralStep> {
    using S = policy::ReferralStep;
    static constexpr std::array<std::pair<S, std::string_view>, 4> kTable{{
        {S::kSend, "send"},
        {S::kAnswer, "answer"},
        {S::kProgress, "progress"},
        {S::kClose, "close"},
    }};
};
template <>
struct EnumNames<policy::ConsentState> {
    using S = policy::ConsentState;
    static constexpr std::array<std::pair<S, std::string_view>, 3> kTable{{
        {S::kActive, "active"},
        {S::kExpired, "expired"},
        {S::kRevoked, "revoked"},
    }};
};
}  // namespace onestory
