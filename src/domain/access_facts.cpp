// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/access_facts.hpp"

#include "store/break_glass_rows.hpp"
#include "store/erasure_rows.hpp"

namespace onestory::domain {

Result<SurvivorAccess> LoadSurvivorAccess(store::Transaction& tx, const policy::Actor& actor,
                                          std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(auto row, store::GetSurvivor(tx, survivor_id));
    if (!row) {
        ONESTORY_ASSIGN_OR_RETURN(auto tombstone, store::GetCompletedErasureOf(tx, survivor_id));
        if (tombstone) {
            return Status(StatusCode::kGone, "erased",
                          "this survivor's record was erased; only the fact of the erasure is kept");
        }
        return Status::NotFound("no such survivor");
    }
    SurvivorAccess access;
    access.resource = {row->agency_id, row->id, ""};
    access.context.registered_survivor = actor.kind == policy::Actor::Kind::kStaff && row->registered_by == actor.id;
    if (actor.agency_id == row->agency_id) {
        ONESTORY_ASSIGN_OR_RETURN(access.context.on_case_team,
                                  store::IsOnSurvivorTeam(tx, row->id, row->agency_id, actor.id));
    }
    access.survivor = std::move(*row);
    return access;
}

Result<CaseAccess> LoadCaseAccess(store::Transaction& tx, const policy::Actor& actor, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(auto row, store::GetCase(tx, case_id));
    if (!row) return Status::NotFound("no such case");
    CaseAccess access;
    access.resource = {row->agency_id, row->survivor_id, row->id};
    ONESTORY_ASSIGN_OR_RETURN(auto member, store::GetTeamMember(tx, row->id, actor.id));
    access.context.on_case_team = member.has_value();
    access.kase = std::move(*row);
    return access;
}

Result<SurvivorAccess> LoadSurvivorAccess(store::Transaction& tx, const policy::Actor& actor,
                                          std::string_view survivor_id, Instant now) {
    ONESTORY_ASSIGN_OR_RETURN(SurvivorAccess access, LoadSurvivorAccess(tx, actor, survivor_id));
    if (actor.kind == policy::Actor::Kind::kStaff) {
        ONESTORY_ASSIGN_OR_RETURN(access.context.break_glass,
                                  store::HasBreakGlassForSurvivor(tx, survivor_id, actor.id, ToMicros(now)));
    }
    return access;
}

Result<CaseAccess> LoadCaseAccess(store::Transaction& tx, const policy::Actor& actor, std::string_view case_id,
                                  Instant now) {
    ONESTORY_ASSIGN_OR_RETURN(CaseAccess access, LoadCaseAccess(tx, actor, case_id));
    if (actor.kind == policy::Actor::Kind::kStaff) {
        ONESTORY_ASSIGN_OR_RETURN(access.context.break_glass,
                                  store::HasBreakGlassForCase(tx, case_id, actor.id, ToMicros(now)));
    }
    return access;
}

}  // namespace onestory::domain
