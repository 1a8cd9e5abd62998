// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// A case's safety plan: its items are one sealed value; risk level and the
// review date (YYYY-MM-DD) are plain.
struct SafetyPlanRow {
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string risk_level;
    std::string items;  // sealed
    std::string review_by;
    std::string created_by;
    std::int64_t created_at = 0;
    std::string updated_by;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

Status InsertSafetyPlan(Transaction& tx, const SafetyPlanRow& row);
Result<std::optional<SafetyPlanRow>> GetSafetyPlan(Transaction& tx, std::string_view case_id);
// Optimistic update: writes only when the stored version equals row.version - 1.
Result<std::int64_t> UpdateSafetyPlan(Transaction& tx, const SafetyPlanRow& row);
// Plans of an agency's cases whose review date is before `today`.
Result<std::vector<SafetyPlanRow>> ListSafetyPlansDueForReview(Transaction& tx, std::string_view agency_id,
                                                               std::string_view today);

}  // namespace onestory::store
