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

struct AgencyRow {
    std::string id;
    std::string name;
    std::string kind;
    std::string country;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

struct StaffRow {
    std::string id;
    std::string agency_id;
    std::string username;
    std::string display_name;
    std::string password_hash;
    std::string roles;  // comma-joined
    bool active = true;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

Status InsertAgency(Transaction& tx, const AgencyRow& row);
Result<std::optional<AgencyRow>> GetAgency(Transaction& tx, std::string_view id);
Result<Page<AgencyRow>> ListAgencies(Transaction& tx, const PageRequest& page);

Status InsertStaff(Transaction& tx, const StaffRow& row);
Result<std::optional<StaffRow>> GetStaff(Transaction& tx, std::string_view id);
Result<std::optional<StaffRow>> GetStaffByUsername(Transaction& tx, std::string_view username);
Result<Page<StaffRow>> ListStaff(Transaction& tx, const PageRequest& page, std::optional<std::string> agency_id);
// Active staff of an agency holding a role (alerts to supervisors).
Result<std::vector<StaffRow>> ListStaffWithRole(Transaction& tx, std::string_view agency_id, std::string_view role);
Result<std::int64_t> UpdateStaffPassword(Transaction& tx, std::string_view id, const std::string& password_hash,
                                         std::int64_t now);

}  // namespace onestory::store
