// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/alerts/alert_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/alerts/care_alerts.hpp"
#include "domain/assessments/assessment_types.hpp"
#include "domain/hearings/hearing_types.hpp"
#include "domain/providers/provider_types.hpp"
#include "domain/sealer.hpp"
#include "store/account_rows.hpp"
#include "store/alert_rows.hpp"
#include "store/break_glass_rows.hpp"
#include "store/commitment_rows.hpp"
#include "store/hearing_rows.hpp"
#include "store/provider_rows.hpp"
#include "store/referral_rows.hpp"

namespace onestory::domain {
namespace {

constexpr std::size_t kMinReasonCodePoints = 20;
constexpr std::size_t kMaxReasonBytes = 2000;

std::size_t CodePoints(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::optional<Instant> InstantOrNull(const std::optional<std::int64_t>& micros) {
    if (!micros) return std::nullopt;
    return FromMicros(*micros);
}

// What an alert shows, read in one transaction.
struct AlertFacts {
    store::AlertRow row;
    std::string code_name;
    std::string staff_name;
    std::string staff_agency;
    std::optional<store::BreakGlassRow> grant;
    std::optional<store::SurvivorRow> survivor;
    // Care coordination: what the alert is about, in plain (never protected) words.
    std::string subject;
};

// The day a date-based condition was about (its due_at is the end of that day).
std::string DueDay(const store::AlertRow& row) {
    if (!row.due_at) return "an earlier date";
    return FormatDate(DateOf(FromMicros(*row.due_at - 1)));
}

std::string MessageOf(const AlertFacts& f) {
    const std::string& who = f.code_name;
    const std::string& kind = f.row.kind;
    if (kind == kAlertBreakGlass) {
        std::string by = f.staff_name.empty() ? std::string("Someone") : f.staff_name;
        if (!f.staff_agency.empty()) by += " (" + f.staff_agency + ")";
        return by + " used emergency access to the case of " + who + " until " +
               (f.row.due_at ? FormatInstant(FromMicros(*f.row.due_at)) : std::string("now"));
    }
    if (kind == kAlertCommitmentOverdue) {
        return (f.subject.empty() ? "A promise to " + who : f.subject + " for " + who) + " was due on " +
               DueDay(f.row) + " and is still open (" + f.staff_name + ")";
    }
    if (kind == kAlertReferralUnanswered) {
        return "The referral of " + who + " " + f.subject + " has had no answer; the follow-up was due on " +
               DueDay(f.row);
    }
    if (kind == kAlertReferralNotCompleted) {
        return "The referral of " + who + " " + f.subject + " was accepted but the service was not completed by " +
               DueDay(f.row);
    }
    if (kind == kAlertSafetyPlanReview) return "The safety plan of " + who + " was due for review on " + DueDay(f.row);
    if (kind == kAlertHearingNotNotified) {
        return who + " has not been told of " + f.subject + " on " +
               (f.row.due_at ? FormatInstant(FromMicros(*f.row.due_at)) : std::string("a coming day"));
    }
    if (kind == kAlertAssessmentOverdue) {
        return "An outcome assessment of " + who + " was due on " + DueDay(f.row);
    }
    return "An alert of kind " + kind + " about the case of " + who;
}

// Plain words about the record a care-coordination alert is about.
Result<std::string> SubjectOf(store::Transaction& tx, const store::AlertRow& row) {
    if (!row.subject_id) return std::string();
    if (row.kind == kAlertCommitmentOverdue) {
        ONESTORY_ASSIGN_OR_RETURN(auto c, store::GetCommitment(tx, *row.subject_id));
        return std::string(c && !c->to_survivor ? "team" : "promise");
    }
    if (row.kind == kAlertReferralUnanswered || row.kind == kAlertReferralNotCompleted) {
        ONESTORY_ASSIGN_OR_RETURN(auto r, store::GetReferral(tx, *row.subject_id));
        if (!r) return std::string();
        ONESTORY_ASSIGN_OR_RETURN(auto p, store::GetProvider(tx, r->provider_id));
        std::string service = r->service_type;
        for (auto& c : service) {
            if (c == '_') c = ' ';
        }
        return "to " + (p ? p->name : std::string("a provider")) + " (" + service + ")";
    }
    if (row.kind == kAlertHearingNotNotified) {
        ONESTORY_ASSIGN_OR_RETURN(auto h, store::GetHearing(tx, *row.subject_id));
        if (!h) return std::string("a hearing");
        std::string kind = h->kind;
        for (auto& c : kind) {
            if (c == '_') c = ' ';
        }
        return "the " + kind + " hearing at " + h->court;
    }
    return std::string();
}

Alert AlertFrom(const AlertFacts& f) {
    Alert a;
    a.id = f.row.id;
    a.kind = f.row.kind;
    a.agency_id = f.row.agency_id;
    a.audience_role = f.row.audience_role;
    a.audience_staff_id = f.row.audience_staff_id;
    a.case_id = f.row.case_id;
    a.survivor_id = f.row.survivor_id;
    a.survivor_code_name = f.code_name;
    a.subject_id = f.row.subject_id;
    a.subject_staff_id = f.row.subject_staff_id;
    a.subject_staff_name = f.staff_name;
    a.due_at = InstantOrNull(f.row.due_at);
    a.status = f.row.status;
    a.created_at = FromMicros(f.row.created_at);
    a.message = MessageOf(f);
    a.acknowledged_at = InstantOrNull(f.row.acknowledged_at);
    a.acknowledged_by = f.row.acknowledged_by;
    a.version = f.row.version;
    return a;
}

Result<AlertFacts> LoadAlertFacts(store::Transaction& tx, store::AlertRow row) {
    AlertFacts f;
    if (row.survivor_id) {
        ONESTORY_ASSIGN_OR_RETURN(f.survivor, store::GetSurvivor(tx, *row.survivor_id));
        if (f.survivor) f.code_name = f.survivor->code_name;
    }
    if (row.subject_staff_id) {
        ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, *row.subject_staff_id));
        if (staff) {
            f.staff_name = staff->display_name;
            ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, staff->agency_id));
            if (agency) f.staff_agency = agency->name;
        }
    }
    if (row.kind == kAlertBreakGlass && row.subject_id) {
        ONESTORY_ASSIGN_OR_RETURN(f.grant, store::GetBreakGlass(tx, *row.subject_id));
    }
    ONESTORY_ASSIGN_OR_RETURN(f.subject, SubjectOf(tx, row));
    f.row = std::move(row);
    return f;
}

bool InAudience(const policy::Actor& actor, const store::AlertRow& row) {
    if (row.audience_staff_id) return *row.audience_staff_id == actor.id;
    if (!row.audience_role || row.agency_id != actor.agency_id) return false;
    const auto role = ParseEnum<policy::Role>(*row.audience_role);
    return role && actor.Has(*role);
}

}  // namespace

Result<BreakGlassGrant> AlertService::BreakGlass(const policy::Actor& actor, std::string_view case_id,
                                                 std::string_view reason) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        return Status::Ok();
    }));
    const auto& kase = access->kase;
    const auto decision = policy::Decide(actor, policy::Action::kBreakGlass, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "case.break_glass", "case", kase.id, kase.survivor_id, kase.id);
    }
    if (CodePoints(reason) < kMinReasonCodePoints || reason.size() > kMaxReasonBytes) {
        return Status::Invalid("reason", "explain the emergency in at least 20 characters");
    }
    if (!survivor) return Status::NotFound("no such survivor");
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));

    store::BreakGlassRow grant;
    grant.id = crypto::NewIdString("bg");
    grant.case_id = kase.id;
    grant.survivor_id = kase.survivor_id;
    grant.agency_id = kase.agency_id;
    grant.staff_id = actor.id;
    grant.reason = sealer.Seal("break_glass.reason", reason, grant.id);
    grant.granted_at = ToMicros(now);
    grant.expires_at = ToMicros(now + std::chrono::duration_cast<std::chrono::microseconds>(kBreakGlassDuration));

    store::AlertRow alert;
    alert.id = crypto::NewIdString("al");
    alert.kind = std::string(kAlertBreakGlass);
    alert.agency_id = kase.agency_id;
    alert.audience_role = std::string(NameOf(policy::Role::kSupervisor));
    alert.case_id = kase.id;
    alert.survivor_id = kase.survivor_id;
    alert.subject_id = grant.id;
    alert.subject_staff_id = actor.id;
    alert.due_at = grant.expires_at;
    alert.dedupe_key = "break_glass:" + grant.id;
    alert.created_at = grant.granted_at;

    audit::AuditEvent event = EventBy(actor, "case.break_glass", "success");
    event.resource_kind = "case";
    event.resource_id = kase.id;
    event.survivor_id = kase.survivor_id;
    event.case_id = kase.id;
    event.fields = {"reason"};
    event.reason = decision.reason;
    event.detail =
        "grant=" + grant.id + " expires=" + FormatInstant(FromMicros(grant.expires_at)) + " alert=" + alert.id;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertBreakGlass(tx, grant));
        ONESTORY_RETURN_IF_ERROR(store::InsertAlert(tx, alert));
        return ctx_.audit.Append(tx, event);
    }));
    return BreakGlassGrant{grant.id, kase.id, actor.id, now, FromMicros(grant.expires_at), alert.id};
}

Result<store::Page<Alert>> AlertService::List(const policy::Actor& actor, const store::PageRequest& page) {
    const auto route = policy::DecideRoute(actor, policy::Action::kListAlerts);
    if (!route.allowed) return Refuse(ctx_, actor, route, "alert.list", "alert", "");
    // The first page raises and resolves the care-coordination alerts as of now.
    if (!page.after) ONESTORY_RETURN_IF_ERROR(SweepCareAlerts(ctx_, actor));
    store::AlertAudience audience{actor.agency_id, actor.id, NamesOf(actor.roles)};
    std::vector<AlertFacts> facts;
    std::optional<store::PageCursor> next;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListOpenAlerts(tx, audience, page));
        next = rows.next;
        for (auto& row : rows.items) {
            ONESTORY_ASSIGN_OR_RETURN(auto f, LoadAlertFacts(tx, std::move(row)));
            facts.push_back(std::move(f));
        }
        return Status::Ok();
    }));

    store::Page<Alert> out;
    out.next = next;
    std::vector<audit::AuditEvent> reason_reads;
    for (const auto& f : facts) {
        Alert a = AlertFrom(f);
        if (f.grant && f.survivor) {
            // The supervisors judge the emergency by its reason; they read it, audited.
            ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                                      SurvivorSealer::Open(ctx_.keyring, f.survivor->id, f.survivor->data_key));
            ONESTORY_ASSIGN_OR_RETURN(a.reason, sealer.Unseal("break_glass.reason", f.grant->reason, f.grant->id));
            audit::AuditEvent e = EventBy(actor, "break_glass.read", "success");
            e.resource_kind = "break_glass";
            e.resource_id = f.grant->id;
            e.survivor_id = f.grant->survivor_id;
            e.case_id = f.grant->case_id;
            e.fields = {"reason"};
            e.reason = "alert_audience";
            e.detail = "alert=" + f.row.id;
            reason_reads.push_back(std::move(e));
        }
        out.items.push_back(std::move(a));
    }
    if (!reason_reads.empty()) {
        const auto audited_read = [&](store::Transaction& tx) -> Status {
            for (const auto& e : reason_reads) ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, e));
            return Status::Ok();
        };
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Write(audited_read, store::Durability::kDeferred));
    }
    return out;
}

Result<Alert> AlertService::Acknowledge(const policy::Actor& actor, std::string_view id) {
    const Instant now = ctx_.clock.Now();
    std::optional<Alert> acknowledged;
    std::optional<policy::Decision> refused;
    std::optional<store::AlertRow> found;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        refused.reset();
        ONESTORY_ASSIGN_OR_RETURN(found, store::GetAlert(tx, id));
        if (!found) return Status::NotFound("no such alert");
        policy::Context context;
        context.in_alert_audience = InAudience(actor, *found);
        const policy::Resource resource{found->agency_id, found->survivor_id.value_or(std::string()),
                                        found->case_id.value_or(std::string())};
        const auto decision = policy::Decide(actor, policy::Action::kAcknowledgeAlert, resource, context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        if (found->status != "open") {
            return Status::Conflict("alert_not_open", "this alert was already " + found->status);
        }
        ONESTORY_ASSIGN_OR_RETURN(auto changed, store::AcknowledgeAlert(tx, found->id, actor.id, ToMicros(now)));
        if (changed != 1) return Status::Conflict("alert_not_open", "this alert was changed meanwhile");
        audit::AuditEvent event = EventBy(actor, "alert.acknowledge", "success");
        event.resource_kind = "alert";
        event.resource_id = found->id;
        event.survivor_id = found->survivor_id.value_or(std::string());
        event.case_id = found->case_id.value_or(std::string());
        event.reason = decision.reason;
        event.detail = "kind=" + found->kind;
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(auto row, store::GetAlert(tx, found->id));
        if (!row) return Status::NotFound("no such alert");
        ONESTORY_ASSIGN_OR_RETURN(auto facts, LoadAlertFacts(tx, std::move(*row)));
        acknowledged = AlertFrom(facts);
        return Status::Ok();
    });
    if (refused) {
        return Refuse(ctx_, actor, *refused, "alert.acknowledge", "alert", found->id,
                      found->survivor_id.value_or(std::string()), found->case_id.value_or(std::string()));
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return *acknowledged;
}

}  // namespace onestory::domain
