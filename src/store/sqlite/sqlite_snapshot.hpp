// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "common/result.hpp"

namespace onestory::store {

// Copies a live SQLite database into a new file with SQLite's online backup
// API, from a connection of its own that holds one read transaction for the
// whole copy: the copy is one consistent snapshot (every commit before it,
// none after), and in WAL mode the server keeps writing meanwhile.
// `destination` must not exist; it is created private (0600) and holds a
// self-contained database (no -wal file) when this returns Ok. `progress`
// (optional) is told pages copied and pages in all.
Status SnapshotSqliteDatabase(const std::filesystem::path& source, const std::filesystem::path& destination,
                              const std::function<void(std::int64_t done, std::int64_t total)>& progress = {});

// PRAGMA integrity_check on a database file that nothing else has open;
// kDataLoss naming the first problem when it is not "ok".
Status CheckSqliteIntegrity(const std::filesystem::path& path);

}  // namespace onestory::store
