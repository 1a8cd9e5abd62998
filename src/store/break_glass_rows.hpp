// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// An emergency read grant: one staff member, one case, until expires_at.
struct BreakGlassRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;  // owning the case
    std::string staff_id;
    std::string reason;  // sealed
    std::int64_t granted_at = 0;
    std::int64_t expires_at = 0;
};

Status InsertBreakGlass(Transaction& tx, const BreakGlassRow& row);
Result<std::optional<BreakGlassRow>> GetBreakGlass(Transaction& tx, std::string_view id);
// Every grant on the survivor's cases, oldest first (the survivor's own copy).
Result<std::vector<BreakGlassRow>> ListBreakGlassOfSurvivor(Transaction& tx, std::string_view survivor_id);
// Whether the staff member holds a grant for the case (or for any case of the survivor) unexpired at `now`.
Result<bool> HasBreakGlassForCase(Transaction& tx, std::string_view case_id, std::string_view staff_id,
                                  std::int64_t now);
Result<bool> HasBreakGlassForSurvivor(Transaction& tx, std::string_view survivor_id, std::string_view staff_id,
                                      std::int64_t now);

}  // namespace onestory::store
