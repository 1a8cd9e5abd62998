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

// An erasure request and, once completed, the tombstone of an erased
// survivor. Holds ids, a reason code and times; never survivor data.
struct ErasureRow {
    std::string id;
    std::string survivor_id;
    std::string agency_id;
    std::string reason;
    std::string status;  // awaiting_approval, approved, completed, rejected
    std::string requested_by;
    std::int64_t requested_at = 0;
    std::string decided_by;
    std::int64_t decided_at = 0;
    std::int64_t completed_at = 0;
    std::int64_t version = 1;
};

struct ErasureFilter {
    std::string agency_id;
    std::optional<std::string> status;
};

Status InsertErasure(Transaction& tx, const ErasureRow& row);
Result<std::optional<ErasureRow>> GetErasure(Transaction& tx, std::string_view id);
// The completed erasure of a survivor (their tombstone), if any.
Result<std::optional<ErasureRow>> GetCompletedErasureOf(Transaction& tx, std::string_view survivor_id);
// Every erasure in a status, oldest first (reconciliation at start-up).
Result<std::vector<ErasureRow>> ListErasuresInStatus(Transaction& tx, std::string_view status);
Result<Page<ErasureRow>> ListErasures(Transaction& tx, const ErasureFilter& filter, const PageRequest& page);
// Optimistic: writes only when the stored version equals row.version - 1.
Result<std::int64_t> UpdateErasure(Transaction& tx, const ErasureRow& row);

}  // namespace onestory::store
