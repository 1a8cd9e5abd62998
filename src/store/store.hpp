// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "store/value.hpp"

namespace onestory::store {

// One database transaction. SQL text is written once, in the dialect both
// backends accept, with PostgreSQL-style positional parameters ($1, $2, ...);
// values are always bound, never spliced into the text.
//
// A Transaction is used by one thread at a time and only inside the callback
// that Store::Read or Store::Write handed it to. Once a statement fails, the
// transaction can only be rolled back (PostgreSQL's rule, kept on every
// backend): later statements are refused and the Read or Write reports that
// first failure even if the callback returns Ok.
class Transaction {
  public:
    virtual ~Transaction() = default;

    // Runs a statement; returns the number of rows it changed.
    virtual Result<std::int64_t> Exec(std::string_view sql, std::span<const SqlValue> params) = 0;
    virtual Result<Rows> Query(std::string_view sql, std::span<const SqlValue> params) = 0;
    // Runs several parameterless statements (migrations).
    virtual Status ExecScript(std::string_view sql) = 0;

    // Serialises appends to the audit chain across every process sharing the
    // database (a no-op where the backend has a single writer).
    virtual Status LockAuditChain() = 0;

    virtual bool read_only() const = 0;

    Result<std::int64_t> Exec(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
        return Exec(sql, std::span<const SqlValue>(params.begin(), params.size()));
    }
    Result<Rows> Query(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
        return Query(sql, std::span<const SqlValue>(params.begin(), params.size()));
    }
};

using TransactionFn = std::function<Status(Transaction&)>;

// How durable a Write must be when it returns.
enum class Durability {
    // Committed and flushed to stable storage: survives a power cut.
    kSync,
    // Committed (visible, survives the process being killed), flushed with
    // the next kSync write or checkpoint. For records of reads only (the
    // audit event of a read): a power cut may lose the newest of them, never
    // a change to a record, and the audit chain stays whole.
    kDeferred,
};

// The database behind onestory: records, blind indexes, sessions and the audit
// chain. Two implementations share one conformance suite: SQLite (embedded,
// one writer, the default) and PostgreSQL.
//
// Read runs `fn` in a read-only snapshot. Write runs `fn` atomically: either
// everything it wrote is committed, as durably as asked, before Write returns, or nothing
// is (when `fn` fails, or the commit does). Concurrent Writes may share one
// commit (group commit), but each keeps its own all-or-nothing outcome.
// `fn` may run on another thread, so it must not depend on thread-local
// state. A Read's `fn` runs once. A Write's `fn` runs once unless a database
// server aborted its transaction for a deadlock or serialisation failure;
// then everything it did is rolled back and it runs again (a bounded number
// of times). So a Write's `fn` keeps its effects inside the transaction and
// (re)assigns its outputs rather than appending to them. Thread-safe.
class Store {
  public:
    virtual ~Store() = default;

    virtual Status Read(const TransactionFn& fn) = 0;
    virtual Status Write(const TransactionFn& fn, Durability durability) = 0;
    Status Write(const TransactionFn& fn) { return Write(fn, Durability::kSync); }

    // Makes data deleted by committed writes unrecoverable from the store's
    // own files (after an erasure). SQLite zeroes deleted rows in place
    // (secure_delete) but older copies of the pages stay in the write-ahead
    // log until a checkpoint, so this folds the log into the database and
    // truncates it. A no-op for a backend that manages its files itself.
    virtual Status DiscardDeletedData() { return Status::Ok(); }

    virtual std::string_view backend() const = 0;  // "sqlite" or "postgresql"
    virtual Result<int> SchemaVersion() = 0;
};

}  // namespace onestory::store
