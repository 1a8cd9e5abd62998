// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::store {

struct CaseRow {
    std::string id;
    std::string survivor_id;
    std::string agency_id;
    std::string opened_by;
    std::string stage;
    std::string status;
    std::string exploitation_types;  // comma-joined
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

struct TeamMemberRow {
    std::string case_id;
    std::string staff_id;
    std::string case_role;
    std::string added_by;
    std::int64_t added_at = 0;
};

// Which cases a list may include; the policy decides, the store filters.
struct CaseFilter {
    std::string agency_id;
    std::optional<std::string> team_member;  // only cases with this staff on the team; unset = the whole agency
    std::optional<std::string> survivor_id;
};

Status InsertCase(Transaction& tx, const CaseRow& row);
Result<std::optional<CaseRow>> GetCase(Transaction& tx, std::string_view id);
Result<Page<CaseRow>> ListCases(Transaction& tx, const CaseFilter& filter, const PageRequest& page);
Result<std::vector<CaseRow>> ListCasesOfSurvivor(Transaction& tx, std::string_view survivor_id);
// Cases of every survivor whose id lies in [first, last], by survivor id then age (exports).
Result<std::vector<CaseRow>> ListCasesOfSurvivorRange(Transaction& tx, std::string_view first_survivor_id,
                                                      std::string_view last_survivor_id);
// Optimistic update: writes only when the stored version equals row.version - 1.
Result<std::int64_t> UpdateCase(Transaction& tx, const CaseRow& row);

Status InsertTeamMember(Transaction& tx, const TeamMemberRow& row);
Result<std::vector<TeamMemberRow>> ListTeam(Transaction& tx, std::string_view case_id);
Result<std::optional<TeamMemberRow>> GetTeamMember(Transaction& tx, std::string_view case_id,
                                                   std::string_view staff_id);
// Whether the staff member is on the team of any case of the survivor owned by `agency_id`.
Result<bool> IsOnSurvivorTeam(Transaction& tx, std::string_view survivor_id, std::string_view agency_id,
                              std::string_view staff_id);

}  // namespace onestory::store
