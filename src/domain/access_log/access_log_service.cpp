// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/access_log/access_log_service.hpp"

#include <map>

#include "common/strings.hpp"
#include "domain/access_facts.hpp"
#include "store/account_rows.hpp"

namespace onestory::domain {

Result<AccessLogPage> AccessLogService::Read(const policy::Actor& actor, std::string_view survivor_id,
                                             std::optional<std::int64_t> before_seq, int limit) {
    const Instant now = ctx_.clock.Now();
    std::optional<SurvivorAccess> access;
    std::vector<audit::StoredAuditEvent> events;
    std::map<std::string, AccessLogActor> actors;
    std::map<std::string, std::string> agency_names;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, survivor_id, now));
        const auto decision = policy::Decide(actor, policy::Action::kReadAccessLog, access->resource, access->context);
        if (!decision.allowed) return Status::Ok();
        store::AuditFilter filter;
        filter.survivor_id = std::string(survivor_id);
        filter.before_seq = before_seq;
        filter.limit = limit + 1;
        ONESTORY_ASSIGN_OR_RETURN(events, ctx_.audit.Read(tx, filter));
        auto agency_name = [&](const std::string& id) -> Result<std::string> {
            if (id.empty()) return std::string();
            if (auto found = agency_names.find(id); found != agency_names.end()) return found->second;
            ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, id));
            return agency_names[id] = agency ? agency->name : std::string();
        };
        for (const auto& stored : events) {
            const auto& e = stored.event;
            if (e.actor_kind == "staff" && !actors.count(e.actor_id)) {
                AccessLogActor who{e.actor_kind, e.actor_id, "", e.actor_agency_id, "", {}};
                ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, e.actor_id));
                if (staff) {
                    who.display_name = staff->display_name;
                    who.roles = SplitList(staff->roles);
                }
                ONESTORY_ASSIGN_OR_RETURN(who.agency_name, agency_name(e.actor_agency_id));
                actors[e.actor_id] = std::move(who);
            }
            const auto recipient = WhatOf(e).recipient_agency_id;
            ONESTORY_RETURN_IF_ERROR(agency_name(recipient).status());
        }
        return Status::Ok();
    }));
    const auto decision = policy::Decide(actor, policy::Action::kReadAccessLog, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "access_log.read", "survivor", std::string(survivor_id),
                      std::string(survivor_id));
    }

    AccessLogPage page;
    if (static_cast<int>(events.size()) > limit) {
        events.resize(static_cast<std::size_t>(limit));
        page.next_before_seq = events.back().seq;
    }
    for (const auto& stored : events) {
        const auto& e = stored.event;
        AccessLogEntry entry;
        entry.seq = stored.seq;
        entry.at = stored.at;
        if (e.actor_kind == "staff") {
            entry.who = actors[e.actor_id];
        } else {
            entry.who = {e.actor_kind, e.actor_id, "", e.actor_agency_id, "", {}};
        }
        entry.action = e.action;
        entry.outcome = e.outcome;
        entry.what = WhatOf(e);
        entry.purpose = e.purpose;
        entry.summary = DescribeAccess(e, entry.who, agency_names);
        page.entries.push_back(std::move(entry));
    }

    audit::AuditEvent event = EventBy(actor, "access_log.read", "success");
    event.resource_kind = "survivor";
    event.resource_id = std::string(survivor_id);
    event.survivor_id = std::string(survivor_id);
    event.reason = decision.reason;
    event.detail = "entries=" + std::to_string(page.entries.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return page;
}

}  // namespace onestory::domain
