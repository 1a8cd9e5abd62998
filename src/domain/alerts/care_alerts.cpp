// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/alerts/care_alerts.hpp"

#include <algorithm>
#include <set>

#include "crypto/random.hpp"
#include "domain/alerts/alert_types.hpp"
#include "domain/assessments/assessment_types.hpp"
#include "domain/care_records.hpp"
#include "domain/hearings/hearing_types.hpp"
#include "domain/referrals/referral_types.hpp"
#include "store/assessment_rows.hpp"
#include "store/case_rows.hpp"
#include "store/commitment_rows.hpp"
#include "store/hearing_rows.hpp"
#include "store/referral_rows.hpp"
#include "store/safety_plan_rows.hpp"

namespace onestory::domain {
namespace {

// One condition: raises an alert for the responsible person and one for the
// supervisors of the case's agency.
struct Condition {
    std::string_view kind;
    std::string agency_id;
    std::string case_id;
    std::string survivor_id;
    std::string subject_id;
    std::string responsible;  // a staff id
    Instant due;
    std::string about;  // the record and the date the condition is about
};

void Raise(std::vector<store::AlertRow>& out, const Condition& c, Instant now) {
    store::AlertRow base;
    base.kind = std::string(c.kind);
    base.agency_id = c.agency_id;
    base.case_id = c.case_id;
    base.survivor_id = c.survivor_id;
    base.subject_id = c.subject_id;
    base.due_at = ToMicros(c.due);
    base.created_at = ToMicros(now);
    const std::string key = std::string(c.kind) + ":" + c.about;

    store::AlertRow personal = base;
    personal.id = crypto::NewIdString("al");
    personal.audience_staff_id = c.responsible;
    personal.subject_staff_id = c.responsible;
    personal.dedupe_key = key + ":staff:" + c.responsible;
    out.push_back(std::move(personal));

    store::AlertRow supervisors = base;
    supervisors.id = crypto::NewIdString("al");
    supervisors.audience_role = std::string(NameOf(policy::Role::kSupervisor));
    supervisors.subject_staff_id = c.responsible;
    supervisors.dedupe_key = key + ":supervisors";
    out.push_back(std::move(supervisors));
}

Result<std::optional<store::CaseRow>> CaseOf(store::Transaction& tx, const std::string& id) {
    return store::GetCase(tx, id);
}

}  // namespace

std::vector<std::string> CareAlertKinds() {
    return {std::string(kAlertCommitmentOverdue),    std::string(kAlertReferralUnanswered),
            std::string(kAlertReferralNotCompleted), std::string(kAlertSafetyPlanReview),
            std::string(kAlertHearingNotNotified),   std::string(kAlertAssessmentOverdue)};
}

Result<std::vector<store::AlertRow>> CareConditions(store::Transaction& tx, const policy::Actor& viewer, Instant now) {
    std::vector<store::AlertRow> out;
    const Date today = DateOf(now);
    const std::string today_text = FormatDate(today);

    ONESTORY_ASSIGN_OR_RETURN(auto commitments,
                              store::ListOverdueCommitments(tx, viewer.agency_id, viewer.id, today_text));
    for (const auto& c : commitments) {
        ONESTORY_ASSIGN_OR_RETURN(const Date due, StoredDate(c.due));
        Raise(out,
              {kAlertCommitmentOverdue, c.agency_id, c.case_id, c.survivor_id, c.id, c.owner_id, EndOfDay(due),
               c.id + ":" + c.due},
              now);
    }

    const std::vector<std::string> waiting{std::string(NameOf(ReferralStatus::kSent)),
                                           std::string(NameOf(ReferralStatus::kAccepted)),
                                           std::string(NameOf(ReferralStatus::kInService))};
    ONESTORY_ASSIGN_OR_RETURN(auto referrals, store::ListReferralsOfAgencyIn(tx, viewer.agency_id, waiting));
    for (const auto& r : referrals) {
        if (r.status == NameOf(ReferralStatus::kSent) && r.follow_up_by < today_text) {
            ONESTORY_ASSIGN_OR_RETURN(const Date due, StoredDate(r.follow_up_by));
            Raise(out,
                  {kAlertReferralUnanswered, r.agency_id, r.case_id, r.survivor_id, r.id, r.created_by, EndOfDay(due),
                   r.id + ":" + r.follow_up_by},
                  now);
        } else if (r.status != NameOf(ReferralStatus::kSent) && r.complete_by && *r.complete_by < today_text) {
            ONESTORY_ASSIGN_OR_RETURN(const Date due, StoredDate(*r.complete_by));
            Raise(out,
                  {kAlertReferralNotCompleted, r.agency_id, r.case_id, r.survivor_id, r.id, r.created_by, EndOfDay(due),
                   r.id + ":" + *r.complete_by},
                  now);
        }
    }

    ONESTORY_ASSIGN_OR_RETURN(auto plans, store::ListSafetyPlansDueForReview(tx, viewer.agency_id, today_text));
    for (const auto& p : plans) {
        ONESTORY_ASSIGN_OR_RETURN(auto kase, CaseOf(tx, p.case_id));
        if (!kase) continue;
        ONESTORY_ASSIGN_OR_RETURN(const Date due, StoredDate(p.review_by));
        Raise(out,
              {kAlertSafetyPlanReview, p.agency_id, p.case_id, p.survivor_id, p.case_id, kase->opened_by, EndOfDay(due),
               p.case_id + ":" + p.review_by},
              now);
    }

    const auto window = std::chrono::duration_cast<std::chrono::microseconds>(kHearingNoticeWindow);
    ONESTORY_ASSIGN_OR_RETURN(auto hearings,
                              store::ListUnnotifiedHearings(tx, viewer.agency_id, ToMicros(now + window)));
    for (const auto& h : hearings) {
        ONESTORY_ASSIGN_OR_RETURN(auto kase, CaseOf(tx, h.case_id));
        if (!kase) continue;
        Raise(out,
              {kAlertHearingNotNotified, h.agency_id, h.case_id, h.survivor_id, h.id, kase->opened_by,
               FromMicros(h.scheduled_at), h.id + ":" + std::to_string(h.scheduled_at)},
              now);
    }

    ONESTORY_ASSIGN_OR_RETURN(auto schedules, store::ListAssessmentSchedules(tx, viewer.agency_id));
    for (const auto& s : schedules) {
        std::optional<Date> first;
        if (s.first_on) first = ParseDate(*s.first_on);
        const AssessmentDue next =
            NextAssessmentDue(DateOf(FromMicros(s.case_created_at)), first, static_cast<int>(s.count));
        if (!(next.due < today)) continue;
        Raise(out,
              {kAlertAssessmentOverdue, viewer.agency_id, s.case_id, s.survivor_id, s.case_id, s.opened_by,
               EndOfDay(next.due), s.case_id + ":" + FormatDate(next.due)},
              now);
    }
    return out;
}

Status SweepCareAlerts(const ServiceContext& ctx, const policy::Actor& viewer) {
    if (viewer.kind != policy::Actor::Kind::kStaff) return Status::Ok();
    const Instant now = ctx.clock.Now();
    std::vector<store::AlertRow> fresh;
    std::vector<std::string> ended;
    ONESTORY_RETURN_IF_ERROR(ctx.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto conditions, CareConditions(tx, viewer, now));
        std::set<std::string> keys;
        for (auto& alert : conditions) {
            keys.insert(*alert.dedupe_key);
            ONESTORY_ASSIGN_OR_RETURN(const bool raised, store::AlertRaised(tx, *alert.dedupe_key));
            if (!raised) fresh.push_back(std::move(alert));
        }
        ONESTORY_ASSIGN_OR_RETURN(auto open,
                                  store::ListOpenAlertsOfKinds(tx, viewer.agency_id, viewer.id, CareAlertKinds()));
        for (const auto& alert : open) {
            // Only what this sweep looked at: the agency's cases, and the viewer's own commitments.
            const bool in_scope = alert.agency_id == viewer.agency_id ||
                                  (alert.kind == kAlertCommitmentOverdue && alert.audience_staff_id == viewer.id);
            if (in_scope && alert.dedupe_key && !keys.count(*alert.dedupe_key)) ended.push_back(alert.id);
        }
        return Status::Ok();
    }));
    if (fresh.empty() && ended.empty()) return Status::Ok();
    return ctx.store.Write([&](store::Transaction& tx) -> Status {
        for (const auto& alert : fresh) ONESTORY_RETURN_IF_ERROR(store::InsertAlertOnce(tx, alert).status());
        for (const auto& id : ended) ONESTORY_RETURN_IF_ERROR(store::ResolveAlert(tx, id, ToMicros(now)).status());
        return Status::Ok();
    });
}

}  // namespace onestory::domain
