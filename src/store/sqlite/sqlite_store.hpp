// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <memory>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

struct SqliteOptions {
    std::filesystem::path path;
    bool create = false;           // create the file if missing (init); otherwise it must exist
    int max_readers = 16;          // reader connections opened on demand
    bool synchronous_full = true;  // fsync every commit (group commit amortises it); off only for tests and benchmarks
};

// The embedded store: one SQLite file in WAL mode with foreign keys on. One
// writer thread owns the only write connection and commits concurrent Writes
// together (each in its own savepoint, so one failing Write rolls back alone);
// readers use a pool of read-only connections and see committed snapshots.
// Applies the numbered migrations under store/migrations/sqlite on open.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace onestory::store
