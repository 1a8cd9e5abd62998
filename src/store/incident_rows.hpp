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

// An incident's classification answers and derived GBV type (plain, for
// reports) and its description (sealed).
struct IncidentRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string occurred_on;
    bool penetration = false;
    bool unwanted_sexual_contact = false;
    bool physical_assault = false;
    bool forced_marriage = false;
    bool denial_of_resources = false;
    bool psychological_abuse = false;
    std::string gbv_type;
    std::optional<std::string> description;  // sealed
    std::string created_by;
    std::int64_t created_at = 0;
};

Status InsertIncident(Transaction& tx, const IncidentRow& row);
// Newest first.
Result<Page<IncidentRow>> ListIncidentsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);

}  // namespace onestory::store
