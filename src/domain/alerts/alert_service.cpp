// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/alerts/alert_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/sealer.hpp"
#include "store/account_rows.hpp"
#include "store/alert_rows.hpp"
#include "store/break_glass_rows.hpp"

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
};

std::string MessageOf(const AlertFacts& f) {
    if (f.row.kind == kAlertBreakGlass) {
        std::string who = f.staff_name.empty() ? std::string("Someone") : f.staff_name;
        if (!f.staff_agency.empty()) who += " (" + f.staff_agency + ")";
        return who + " used emergency access to the case of " + f.code_name + " until " +
               (f.row.due_at ? FormatInstant(FromMicros(*f.row.due_at)) : std::string("now"));
    }
    return "An alert of kind " + f.row.kind + " about the case of " + f.code_name;
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
    store::AlertAudience audience{actor.agency_id, actor.id, NamesOf(actor.roles)};
    std::vector<AlertFacts> facts;
    std::optional<store::PageCursor> next;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListOpenAlerts(tx, audience, page));
        next = rows.next;
        for (auto& row : rows.items) {
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
            f.row = std::move(row);
            facts.push_back(std::move(f));
        }
        return Status::Ok();
    }));

    store::Page<Alert> out;
    out.next = next;
    std::vector<audit::AuditEvent> reason_reads;
    for (const auto& f : facts) {
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
        a.version = f.row.version;
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

}  // namespace onestory::domain
