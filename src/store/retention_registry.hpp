// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// The kinds of survivor data that settings.json can give a retention period
// ("retention": {"contact": {"years": 1}}), and what a purge does to each.
//
// A period counts from case closure. For a survivor-level category it counts
// from the closure of the survivor's last case, and only once every case of
// theirs is closed; for a case-level category, from that case's closure.
// Purging either deletes sealed values (the columns are set to NULL; the
// record stays) or, for the whole record, erases the survivor as an erasure
// would (the caller runs the erasure).
//
// Adding a capability with protected data: add its categories here.
struct RetentionCategory {
    enum class Scope { kSurvivor, kCase };

    std::string_view name;
    std::string_view description;
    Scope scope = Scope::kSurvivor;
    std::string_view table;
    // The column of `table` naming the survivor (kSurvivor) or the case (kCase).
    std::string_view key_column;
    // Sealed columns a purge sets to NULL.
    std::vector<std::string_view> columns;
    // The table has a version column that a purge moves on (so an edit based
    // on a version read before the purge is refused, not silently merged).
    bool versioned = false;
    // Or: statements deleting the rows outright ($1 the survivor or case id),
    // in order, for data whose rows cannot stand without their sealed value.
    std::vector<std::string_view> delete_rows;

    // Neither: the whole record, erased.
    bool whole_record() const { return columns.empty() && delete_rows.empty(); }
};

std::span<const RetentionCategory> RetentionCategories();
const RetentionCategory* FindRetentionCategory(std::string_view name);

// Something a purge of `category` would change: a survivor (and for case
// categories, a case) whose period ran out before `cutoff`, with the number
// of values still held (0 for whole records).
struct RetentionCandidate {
    std::string survivor_id;
    std::string case_id;
    std::string agency_id;  // the owning agency
    std::int64_t values = 0;
};

// At most `limit` candidates whose period ended before `cutoff` (µs).
Result<std::vector<RetentionCandidate>> FindRetentionCandidates(Transaction& tx, const RetentionCategory& category,
                                                                std::int64_t cutoff, int limit);
// Sets the category's columns to NULL for one candidate; returns rows changed.
Result<std::int64_t> PurgeRetentionValues(Transaction& tx, const RetentionCategory& category,
                                          const RetentionCandidate& candidate);

// When a scheduled task last ran (0: never).
Result<std::int64_t> GetLastMaintenanceRun(Transaction& tx, std::string_view name);
Status PutLastMaintenanceRun(Transaction& tx, std::string_view name, std::int64_t at);

}  // namespace onestory::store
