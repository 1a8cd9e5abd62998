// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/service_context.hpp"

namespace onestory::domain {

audit::AuditEvent EventBy(const policy::Actor& actor, std::string action, std::string outcome) {
    audit::AuditEvent e;
    e.actor_kind = actor.kind == policy::Actor::Kind::kStaff ? "staff" : "survivor";
    e.actor_id = actor.id;
    e.actor_agency_id = actor.agency_id;
    e.action = std::move(action);
    e.outcome = std::move(outcome);
    return e;
}

Status Refuse(const ServiceContext& ctx, const policy::Actor& actor, const policy::Decision& decision,
              std::string action, std::string resource_kind, std::string resource_id, std::string survivor_id,
              std::string case_id) {
    audit::AuditEvent e = EventBy(actor, std::move(action), "denied");
    e.resource_kind = std::move(resource_kind);
    e.resource_id = std::move(resource_id);
    e.survivor_id = std::move(survivor_id);
    e.case_id = std::move(case_id);
    e.reason = decision.reason;
    const Status audited = ctx.store.Write([&](store::Transaction& tx) { return ctx.audit.Append(tx, e); });
    if (!audited.ok()) return audited;
    return Status::Forbidden(decision.reason, decision.message);
}

Status StaleVersion(std::string_view what) {
    return Status::Conflict("stale_version",
                            std::string(what) + " was changed by someone else; reload it and review their change");
}

}  // namespace onestory::domain
