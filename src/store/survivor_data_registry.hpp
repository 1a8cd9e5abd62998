// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// Every table that holds a survivor's data, and how a survivor's rows are
// found in it. Erasure deletes exactly these rows, so a table that holds
// survivor data and is missing here would outlive an erasure: a test
// (survivor_data_registry_test.cpp) fails when a table with a survivor_id
// column, or a foreign key to a listed table, is neither listed nor kept.
//
// A survivor's rows in `table` are those whose `column` holds the survivor
// id (when `via` is empty) or the id of one of the survivor's rows in the
// listed table `via`. Tables come before every listed table they reference,
// so deleting in this order never breaks a foreign key.
//
// Adding a capability that stores survivor data: add its tables here, children
// before parents (statement passages before interviews before cases).
struct SurvivorDataTable {
    std::string_view table;
    std::string_view column;
    std::string_view via;
};

std::span<const SurvivorDataTable> SurvivorDataTables();

// Tables that name survivors but keep their rows when a survivor is erased,
// because they hold metadata only: the audit chain (who did what, never what
// was read) and the erasure tombstones themselves.
std::span<const std::string_view> TablesKeptOnErasure();

// Deletes every row of the survivor's data, in registry order, after first
// overwriting the survivor's wrapped data key so that it is gone even from
// pages a later step might leave behind. Returns (table, rows deleted) for
// the tables that had any.
Result<std::vector<std::pair<std::string, std::int64_t>>> DeleteSurvivorData(Transaction& tx,
                                                                             std::string_view survivor_id);

// The statement selecting one survivor's rows of a listed table (for tests
// and reports): "SELECT COUNT(*) FROM <table> WHERE ..." with $1 the survivor id.
std::string CountSurvivorRowsSql(const SurvivorDataTable& table);

}  // namespace onestory::store
