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

// A commitment as stored: what was promised, the note and how the survivor
// was told of a change are sealed; owner, due date (YYYY-MM-DD) and status
// are plain, so overdue promises can be found without opening anything.
struct CommitmentRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    bool to_survivor = true;
    std::optional<std::string> review_id;
    std::string what;  // sealed
    std::string owner_id;
    std::string due;
    std::string status;
    std::optional<std::string> note;           // sealed
    std::optional<std::string> survivor_told;  // sealed
    std::optional<std::int64_t> resolved_at;
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

Status InsertCommitment(Transaction& tx, const CommitmentRow& row);
Result<std::optional<CommitmentRow>> GetCommitment(Transaction& tx, std::string_view id);
// Newest first.
Result<Page<CommitmentRow>> ListCommitmentsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);
// Every commitment of a case, oldest first (summaries and the timeline).
Result<std::vector<CommitmentRow>> AllCommitmentsOfCase(Transaction& tx, std::string_view case_id);
// Open commitments due before `today` (YYYY-MM-DD): those of an agency's
// cases, and those owned by one staff member in any agency.
Result<std::vector<CommitmentRow>> ListOverdueCommitments(Transaction& tx, std::string_view agency_id,
                                                          std::string_view owner_id, std::string_view today);
// Optimistic update: writes only when the stored version equals row.version - 1.
Result<std::int64_t> UpdateCommitment(Transaction& tx, const CommitmentRow& row);

}  // namespace onestory::store
