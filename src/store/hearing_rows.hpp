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

// A court hearing: the notes are sealed; court, time, kind, charges,
// accommodations, notification and outcome are plain.
struct HearingRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string court;
    std::int64_t scheduled_at = 0;
    std::string kind;
    std::string charges;                   // one per line
    std::string accommodations_requested;  // comma-joined
    std::string accommodations_granted;    // comma-joined
    std::optional<std::int64_t> survivor_notified_at;
    std::optional<std::string> notified_by;
    std::optional<std::string> outcome;
    std::optional<std::string> notes;  // sealed
    std::string created_by;
    std::string created_agency_id;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

Status InsertHearing(Transaction& tx, const HearingRow& row);
Result<std::optional<HearingRow>> GetHearing(Transaction& tx, std::string_view id);
// Newest first.
Result<Page<HearingRow>> ListHearingsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);
Result<std::vector<HearingRow>> AllHearingsOfCase(Transaction& tx, std::string_view case_id);
// Hearings of an agency's cases scheduled before `until` whose survivor has
// not been told and whose outcome is not yet recorded.
Result<std::vector<HearingRow>> ListUnnotifiedHearings(Transaction& tx, std::string_view agency_id, std::int64_t until);
// Optimistic update: writes only when the stored version equals row.version - 1.
Result<std::int64_t> UpdateHearing(Transaction& tx, const HearingRow& row);

}  // namespace onestory::store
