// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

struct PostgresOptions {
    std::string dsn;         // postgresql://USER@HOST:PORT/DATABASE (see postgres_dsn.hpp)
    int pool_size = 10;      // connections this process opens at most
    int write_attempts = 3;  // runs of a Write's fn when the server aborts it for a deadlock or serialisation failure
    std::chrono::seconds acquire_timeout{30};  // how long a call waits for a free connection
};

// The database-server store: PostgreSQL 15 through libpq.
//
// Connections come from a pool of at most `pool_size`, opened on demand and
// reopened after the server went away (a restart, a fail-over): a call that
// finds its connection dead before its transaction began moves to a fresh one
// transparently; a call whose connection dies mid-transaction fails with
// Unavailable and nothing of it is kept. A Write answers ok only after the
// server confirmed COMMIT, so no acknowledged write is ever lost.
//
// Read runs in a READ ONLY, REPEATABLE READ transaction: one snapshot.
// Write runs in a READ COMMITTED transaction; a Durability::kDeferred one
// commits with synchronous_commit off. Optimistic updates guard
// themselves (`... WHERE version = $n`), and LockAuditChain takes a
// transaction-scoped advisory lock, so every process appending to the audit
// chain takes turns and each reads the head its predecessor committed. When
// the server aborts a Write for a deadlock or serialisation failure, it is
// rolled back and `fn` runs again, up to `write_attempts` times in all.
//
// Open applies the numbered migrations under store/migrations/postgres,
// holding an advisory lock so that processes starting together take turns.
// Several processes (several `onestory serve`) may share one database.
// Thread-safe.
Result<std::unique_ptr<Store>> OpenPostgresStore(const PostgresOptions& options);

}  // namespace onestory::store
