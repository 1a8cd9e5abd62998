// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/audit_query.hpp"

namespace onestory::domain {

Result<AuditPage> AuditQueryService::List(const policy::Actor& actor, const AuditQuery& query) {
    const auto scope = policy::ScopeFor(actor, policy::Action::kReadAudit);
    if (scope == policy::ListScope::kNone) {
        return Refuse(ctx_, actor, policy::DecideRoute(actor, policy::Action::kReadAudit), "audit.read", "audit", "");
    }
    store::AuditFilter filter;
    filter.survivor_id = query.survivor_id;
    filter.case_id = query.case_id;
    filter.before_seq = query.before_seq;
    filter.limit = query.limit + 1;
    if (scope != policy::ListScope::kEverything) filter.actor_agency_id = actor.agency_id;
    AuditPage page;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(page.events, ctx_.audit.Read(tx, filter));
        return Status::Ok();
    }));
    if (static_cast<int>(page.events.size()) > query.limit) {
        page.events.resize(static_cast<std::size_t>(query.limit));
        page.next_before_seq = page.events.back().seq;
    }
    return page;
}

}  // namespace onestory::domain
