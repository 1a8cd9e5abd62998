// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// One table of a SQLite store as the copy sees it.
struct SqliteTable {
    std::string name;
    std::vector<std::string> columns;  // in declaration order
    std::vector<bool> blob_columns;    // declared BLOB: text found there is copied as binary
    bool without_rowid = false;
};

// Every table of the SQLite store's schema except schema_migrations (each
// backend keeps its own), parents before the tables whose foreign keys point
// at them. Read from the schema itself, so tables added by later migrations
// are always included.
Result<std::vector<SqliteTable>> SqliteTablesInDependencyOrder(Store& sqlite);

struct CopyProgress {
    std::string_view table;
    std::int64_t table_done = 0;
    std::int64_t table_rows = 0;
    std::int64_t done = 0;
    std::int64_t total = 0;
};

struct CopiedTable {
    std::string name;
    std::int64_t rows = 0;
};

// Copies every row of every table from a SQLite store into `target` (another
// backend, migrated to the same schema, with every table empty), in batches
// of `batch_rows`. The source is read in one snapshot and the target written
// in one transaction: either all of it arrives or none of it does.
Result<std::vector<CopiedTable>> CopySqliteStore(Store& sqlite, Store& target, int batch_rows,
                                                 const std::function<void(const CopyProgress&)>& progress);

// SELECT COUNT(*) of one table (named from a schema, never from input).
Result<std::int64_t> CountRows(Transaction& tx, std::string_view table);

}  // namespace onestory::store
