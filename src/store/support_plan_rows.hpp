// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// The support plans of a range of survivors (ids first to last, inclusive),
// for the bulk HTCDS export: one query per kind of record and batch rather
// than one per case. Sealed columns stay sealed; the caller opens them only
// for an authorised run.

struct SupportReferralRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string provider_name;
    std::string service_type;
    std::string status;
    std::string follow_up_by;
    std::optional<std::string> complete_by;
    std::string reason;  // sealed
    std::int64_t created_at = 0;
};
Result<std::vector<SupportReferralRow>> ListSupportReferrals(Transaction& tx, std::string_view first_survivor_id,
                                                             std::string_view last_survivor_id);

struct SupportCommitmentRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    bool to_survivor = true;
    std::string what;  // sealed
    std::string due;
    std::string status;
    std::optional<std::int64_t> resolved_at;
};
Result<std::vector<SupportCommitmentRow>> ListSupportCommitments(Transaction& tx, std::string_view first_survivor_id,
                                                                 std::string_view last_survivor_id);

struct SupportSafetyPlanRow {
    std::string case_id;
    std::string survivor_id;
    std::string risk_level;
    std::string review_by;
    std::string items;  // sealed
    std::int64_t updated_at = 0;
};
Result<std::vector<SupportSafetyPlanRow>> ListSupportSafetyPlans(Transaction& tx, std::string_view first_survivor_id,
                                                                 std::string_view last_survivor_id);

}  // namespace onestory::store
