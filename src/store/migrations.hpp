// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>

#include "common/embedded_file.hpp"
#include "common/status.hpp"
#include "store/store.hpp"

namespace onestory::store {

// Numbered schema migrations, one history per backend kept in step: file
// NNNN_name.sql is schema version NNNN. Each runs in its own transaction and
// is recorded in schema_migrations, so a crash mid-way leaves the schema at the
// last complete version. A database newer than this binary is refused.
std::span<const EmbeddedFile> SqliteMigrations();
std::span<const EmbeddedFile> PostgresMigrations();

Status ApplyMigrations(Store& store, std::span<const EmbeddedFile> migrations);
int LatestVersion(std::span<const EmbeddedFile> migrations);

}  // namespace onestory::store
