// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/erasure/erasure_service.hpp"

#include <set>

#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "store/survivor_data_registry.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

std::string Name(ErasureStatus s) {
    return std::string(NameOf(s));
}

Erasure ErasureFrom(const store::ErasureRow& r) {
    Erasure e;
    e.id = r.id;
    e.survivor_id = r.survivor_id;
    e.agency_id = r.agency_id;
    e.reason = ParseEnum<ErasureReason>(r.reason).value_or(ErasureReason::kSurvivorRequest);
    e.status = ParseEnum<ErasureStatus>(r.status).value_or(ErasureStatus::kAwaitingApproval);
    e.requested_by = r.requested_by;
    e.requested_at = FromMicros(r.requested_at);
    if (r.decided_at != 0) {
        e.decided_by = r.decided_by;
        e.decided_at = FromMicros(r.decided_at);
    }
    if (r.completed_at != 0) e.completed_at = FromMicros(r.completed_at);
    e.version = r.version;
    return e;
}

audit::AuditEvent ErasureEvent(audit::AuditEvent who, std::string action, const store::ErasureRow& row) {
    who.action = std::move(action);
    who.outcome = "success";
    who.resource_kind = "erasure";
    who.resource_id = row.id;
    who.survivor_id = row.survivor_id;
    return who;
}

audit::AuditEvent SystemActor() {
    audit::AuditEvent e;
    e.actor_kind = "system";
    return e;
}

std::string RowsDetail(const std::vector<std::pair<std::string, std::int64_t>>& deleted) {
    std::string out;
    for (const auto& [table, n] : deleted) out += (out.empty() ? "" : ",") + table + ":" + std::to_string(n);
    return out.empty() ? "none" : out;
}

Status NotAwaiting(const store::ErasureRow& row) {
    return Status::Conflict("not_awaiting_approval",
                            "this erasure is " + row.status + ", no longer awaiting a decision");
}

}  // namespace

Result<Erasure> ErasureService::Request(const Actor& actor, std::string_view survivor_id, ErasureReason reason) {
    std::optional<SurvivorAccess> access;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, survivor_id));
        return Status::Ok();
    }));
    const auto decision = policy::Decide(actor, Action::kRequestErasure, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "erasure.request", "survivor", std::string(survivor_id),
                      std::string(survivor_id));
    }
    if (reason == ErasureReason::kRetentionExpired) {
        return Status::Invalid("reason", "retention_expired is for retention purges, not for requests");
    }
    store::ErasureRow row;
    row.id = crypto::NewIdString("er");
    row.survivor_id = std::string(survivor_id);
    row.agency_id = access->survivor.agency_id;
    row.reason = std::string(NameOf(reason));
    row.status = Name(ErasureStatus::kAwaitingApproval);
    row.requested_by = actor.id;
    row.requested_at = ToMicros(ctx_.clock.Now());
    audit::AuditEvent event = ErasureEvent(EventBy(actor, "", ""), "erasure.request", row);
    event.reason = decision.reason;
    event.detail = "reason=" + row.reason;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertErasure(tx, row));
        return ctx_.audit.Append(tx, event);
    });
    if (written.reason() == "duplicate") {
        return Status::Conflict("erasure_pending", "an erasure of this survivor is already awaiting approval");
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return ErasureFrom(row);
}

Result<Erasure> ErasureService::Approve(const Actor& actor, std::string_view erasure_id) {
    return Decide(actor, erasure_id, true);
}

Result<Erasure> ErasureService::Reject(const Actor& actor, std::string_view erasure_id) {
    return Decide(actor, erasure_id, false);
}

Result<Erasure> ErasureService::Decide(const Actor& actor, std::string_view erasure_id, bool approve) {
    std::optional<store::ErasureRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetErasure(tx, erasure_id));
        return Status::Ok();
    }));
    if (!row) return Status::NotFound("no such erasure");
    const char* action = approve ? "erasure.approve" : "erasure.reject";
    policy::Context context;
    // Four eyes for erasing; withdrawing one's own request needs only two.
    context.is_requester = approve && row->requested_by == actor.id;
    const auto decision =
        policy::Decide(actor, Action::kDecideErasure, {row->agency_id, row->survivor_id, ""}, context);
    if (!decision.allowed) return Refuse(ctx_, actor, decision, action, "erasure", row->id, row->survivor_id);
    if (row->status != Name(ErasureStatus::kAwaitingApproval)) return NotAwaiting(*row);

    store::ErasureRow decided = *row;
    decided.status = Name(approve ? ErasureStatus::kApproved : ErasureStatus::kRejected);
    decided.decided_by = actor.id;
    decided.decided_at = ToMicros(ctx_.clock.Now());
    decided.version = row->version + 1;
    audit::AuditEvent event = ErasureEvent(EventBy(actor, "", ""), action, decided);
    event.reason = decision.reason;
    event.detail = "reason=" + decided.reason;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(std::int64_t n, store::UpdateErasure(tx, decided));
        if (n != 1) return StaleVersion("this erasure");
        return ctx_.audit.Append(tx, event);
    }));
    if (!approve) return ErasureFrom(decided);
    ONESTORY_RETURN_IF_ERROR(Complete(decided, EventBy(actor, "", ""), "approved"));
    decided.status = Name(ErasureStatus::kCompleted);
    decided.completed_at = ToMicros(ctx_.clock.Now());
    decided.version += 1;
    return ErasureFrom(decided);
}

Status ErasureService::Complete(const store::ErasureRow& approved, const audit::AuditEvent& who,
                                std::string_view detail, bool in_ledger) {
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    if (!in_ledger) ONESTORY_RETURN_IF_ERROR(ledger_.Append({approved.id, approved.survivor_id, approved.reason, now}));
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto current, store::GetErasure(tx, approved.id));
        if (!current) return Status::Internal("an approved erasure disappeared");
        if (current->status == Name(ErasureStatus::kCompleted)) return Status::Ok();
        if (current->status != Name(ErasureStatus::kApproved)) return NotAwaiting(*current);
        ONESTORY_ASSIGN_OR_RETURN(auto deleted, store::DeleteSurvivorData(tx, approved.survivor_id));
        store::ErasureRow completed = *current;
        completed.status = Name(ErasureStatus::kCompleted);
        completed.completed_at = now;
        completed.version = current->version + 1;
        ONESTORY_ASSIGN_OR_RETURN(std::int64_t n, store::UpdateErasure(tx, completed));
        if (n != 1) return StaleVersion("this erasure");
        audit::AuditEvent event = ErasureEvent(who, "survivor.erase", completed);
        event.resource_kind = "survivor";
        event.resource_id = completed.survivor_id;
        event.detail = "erasure=" + completed.id + "; reason=" + completed.reason + "; " + std::string(detail) +
                       "; rows=" + RowsDetail(deleted);
        return ctx_.audit.Append(tx, event);
    }));
    return ctx_.store.DiscardDeletedData();
}

Result<Erasure> ErasureService::Get(const Actor& actor, std::string_view erasure_id) {
    std::optional<store::ErasureRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetErasure(tx, erasure_id));
        return Status::Ok();
    }));
    if (!row) return Status::NotFound("no such erasure");
    const auto decision = policy::Decide(actor, Action::kListErasures, {row->agency_id, row->survivor_id, ""}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "erasure.read", "erasure", row->id, row->survivor_id);
    return ErasureFrom(*row);
}

Result<store::Page<Erasure>> ErasureService::List(const Actor& actor, const store::PageRequest& page,
                                                  std::optional<ErasureStatus> status) {
    if (policy::ScopeFor(actor, Action::kListErasures) == policy::ListScope::kNone) {
        return Refuse(ctx_, actor, policy::DecideRoute(actor, Action::kListErasures), "erasure.list", "erasure", "");
    }
    store::ErasureFilter filter{actor.agency_id, std::nullopt};
    if (status) filter.status = Name(*status);
    store::Page<Erasure> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListErasures(tx, filter, page));
        for (const auto& r : rows.items) out.items.push_back(ErasureFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<Erasure> ErasureService::EraseAsSystem(std::string_view survivor_id, ErasureReason reason,
                                              std::string_view detail) {
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    store::ErasureRow row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        row = store::ErasureRow{};  // assigned afresh should the store run this again
        ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, survivor_id));
        if (!survivor) return Status::NotFound("no such survivor");
        // A request already open for this survivor is taken over.
        std::optional<store::ErasureRow> open;
        for (const auto status : {ErasureStatus::kAwaitingApproval, ErasureStatus::kApproved}) {
            ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListErasuresInStatus(tx, Name(status)));
            for (auto& r : rows) {
                if (r.survivor_id == survivor_id) open = std::move(r);
            }
        }
        if (open) {
            row = *open;
            if (row.status == Name(ErasureStatus::kApproved)) return Status::Ok();
            row.status = Name(ErasureStatus::kApproved);
            row.decided_by = "";
            row.decided_at = now;
            row.version += 1;
            ONESTORY_ASSIGN_OR_RETURN(std::int64_t n, store::UpdateErasure(tx, row));
            if (n != 1) return StaleVersion("this erasure");
        } else {
            row.id = crypto::NewIdString("er");
            row.survivor_id = std::string(survivor_id);
            row.agency_id = survivor->agency_id;
            row.reason = std::string(NameOf(reason));
            row.status = Name(ErasureStatus::kApproved);
            row.requested_at = row.decided_at = now;
            ONESTORY_RETURN_IF_ERROR(store::InsertErasure(tx, row));
        }
        audit::AuditEvent event = ErasureEvent(SystemActor(), "erasure.approve", row);
        event.actor_agency_id = row.agency_id;
        event.detail = "reason=" + std::string(NameOf(reason)) + "; " + std::string(detail);
        return ctx_.audit.Append(tx, event);
    }));
    audit::AuditEvent system = SystemActor();
    system.actor_agency_id = row.agency_id;
    ONESTORY_RETURN_IF_ERROR(Complete(row, system, detail));
    std::optional<store::ErasureRow> done;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(done, store::GetErasure(tx, row.id));
        return Status::Ok();
    }));
    if (!done) return Status::Internal("a completed erasure disappeared");
    return ErasureFrom(*done);
}

Result<ErasureService::ReconcileReport> ErasureService::Reconcile() {
    ReconcileReport report;
    ONESTORY_ASSIGN_OR_RETURN(auto entries, ledger_.ReadAll());
    std::set<std::string> in_ledger;
    for (const auto& e : entries) in_ledger.insert(e.erasure_id);

    // 1. Approved erasures a crash interrupted.
    std::vector<store::ErasureRow> approved;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(approved, store::ListErasuresInStatus(tx, Name(ErasureStatus::kApproved)));
        return Status::Ok();
    }));
    for (const auto& row : approved) {
        audit::AuditEvent system = SystemActor();
        system.actor_agency_id = row.agency_id;
        ONESTORY_RETURN_IF_ERROR(Complete(row, system, "finished after an interruption", in_ledger.contains(row.id)));
        in_ledger.insert(row.id);
        ++report.finished;
    }

    // 2. Survivors the ledger lists whose data is here again.
    for (const auto& entry : entries) {
        bool present = false;
        bool erasure_known = false;
        std::string agency_id;
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, entry.survivor_id));
            present = survivor.has_value();
            if (survivor) agency_id = survivor->agency_id;
            ONESTORY_ASSIGN_OR_RETURN(auto known, store::GetErasure(tx, entry.erasure_id));
            erasure_known = known.has_value();
            return Status::Ok();
        }));
        if (!present) continue;
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto deleted, store::DeleteSurvivorData(tx, entry.survivor_id));
            store::ErasureRow row;
            if (erasure_known) {
                ONESTORY_ASSIGN_OR_RETURN(auto known, store::GetErasure(tx, entry.erasure_id));
                row = *known;
                row.status = Name(ErasureStatus::kCompleted);
                row.completed_at = entry.erased_at;
                row.version += 1;
                ONESTORY_RETURN_IF_ERROR(store::UpdateErasure(tx, row).status());
            } else {
                // The backup predates the request: the tombstone comes from the ledger.
                row.id = entry.erasure_id;
                row.survivor_id = entry.survivor_id;
                row.agency_id = agency_id;
                row.reason = entry.reason;
                row.status = Name(ErasureStatus::kCompleted);
                row.requested_at = row.decided_at = row.completed_at = entry.erased_at;
                ONESTORY_RETURN_IF_ERROR(store::InsertErasure(tx, row));
            }
            audit::AuditEvent event = ErasureEvent(SystemActor(), "survivor.erase", row);
            event.actor_agency_id = agency_id;
            event.resource_kind = "survivor";
            event.resource_id = row.survivor_id;
            event.detail = "erasure=" + row.id + "; reason=" + row.reason + "; re-applied from the erasure ledger " +
                           "(erased at " + FormatInstant(FromMicros(entry.erased_at)) +
                           "); rows=" + RowsDetail(deleted);
            return ctx_.audit.Append(tx, event);
        }));
        ++report.reapplied;
    }
    if (report.reapplied > 0) ONESTORY_RETURN_IF_ERROR(ctx_.store.DiscardDeletedData());

    // 3. Completed erasures the ledger lacks (a crash between the two, or a
    //    ledger copy older than the database).
    std::vector<store::ErasureRow> completed;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(completed, store::ListErasuresInStatus(tx, Name(ErasureStatus::kCompleted)));
        return Status::Ok();
    }));
    for (const auto& row : completed) {
        if (in_ledger.contains(row.id)) continue;
        ONESTORY_RETURN_IF_ERROR(ledger_.Append({row.id, row.survivor_id, row.reason, row.completed_at}));
        ++report.added_to_ledger;
    }
    return report;
}

}  // namespace onestory::domain
