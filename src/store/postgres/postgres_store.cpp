// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/postgres/postgres_store.hpp"

#include <condition_variable>
#include <mutex>
#include <vector>

#include "store/migrations.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/postgres/postgres_dsn.hpp"

namespace onestory::store {
namespace {

using postgres::Connection;
using postgres::Failure;

// Advisory lock keys, the same in every process sharing a database.
constexpr std::string_view kLockAuditChain = "SELECT pg_advisory_xact_lock(7957695012545118721)";
constexpr std::string_view kLockMigrations = "SELECT pg_advisory_lock(7957695012545118722)";
constexpr std::string_view kUnlockMigrations = "SELECT pg_advisory_unlock(7957695012545118722)";

constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr std::string_view kBeginWrite = "BEGIN ISOLATION LEVEL READ COMMITTED";
// Records of reads only: COMMIT returns before the WAL is flushed; the next
// synchronous commit flushes it, and WAL is replayed in order, so a server
// crash can lose only the newest of these and the audit chain stays whole.
constexpr std::string_view kBeginDeferredWrite =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL synchronous_commit = off";

// A transaction on one pooled connection. After a statement fails, PostgreSQL
// can only roll the transaction back, so every later statement is refused and
// the first failure is what the Write reports, whatever `fn` returns.
class PgTransaction final : public Transaction {
  public:
    PgTransaction(Connection& conn, bool read_only) : conn_(conn), read_only_(read_only) {}

    Result<std::int64_t> Exec(std::string_view sql, std::span<const SqlValue> params) override {
        if (read_only_) return Status::Internal("a write inside a read-only transaction");
        ONESTORY_RETURN_IF_ERROR(Usable());
        ONESTORY_RETURN_IF_ERROR(TakePendingLock());
        auto changed = conn_.Exec(sql, params);
        if (!changed.ok()) Failed(changed.status());
        return changed;
    }
    Result<Rows> Query(std::string_view sql, std::span<const SqlValue> params) override {
        ONESTORY_RETURN_IF_ERROR(Usable());
        Result<Rows> rows = Status::Internal("not run");
        if (lock_pending_ && params.empty()) {
            // The lock and the query travel together: one round trip less
            // while the chain is held. Each statement of a multi-statement
            // query takes its own READ COMMITTED snapshot, so the query sees
            // what the lock's previous holder committed.
            lock_pending_ = false;
            rows = conn_.QueryScript(std::string(kLockAuditChain) + "; " + std::string(sql));
        } else {
            ONESTORY_RETURN_IF_ERROR(TakePendingLock());
            rows = conn_.Query(sql, params);
        }
        if (!rows.ok()) Failed(rows.status());
        return rows;
    }
    Status ExecScript(std::string_view sql) override {
        if (read_only_) return Status::Internal("a write inside a read-only transaction");
        ONESTORY_RETURN_IF_ERROR(Usable());
        ONESTORY_RETURN_IF_ERROR(TakePendingLock());
        Status s = conn_.ExecScript(sql);
        if (!s.ok()) Failed(s);
        return s;
    }
    // Taken with the next statement (see Query); a transaction that locks
    // and then runs nothing has nothing to protect.
    Status LockAuditChain() override {
        if (read_only_) return Status::Ok();
        ONESTORY_RETURN_IF_ERROR(Usable());
        lock_pending_ = true;
        return Status::Ok();
    }
    bool read_only() const override { return read_only_; }

    const std::optional<Status>& first_failure() const { return first_failure_; }
    bool retryable() const { return retryable_; }

  private:
    Status Usable() const {
        if (!first_failure_) return Status::Ok();
        return Status::Internal("a statement after a failed one in the same transaction");
    }
    Status TakePendingLock() {
        if (!lock_pending_) return Status::Ok();
        lock_pending_ = false;
        Status s = conn_.ExecScript(kLockAuditChain);
        if (!s.ok()) Failed(s);
        return s;
    }
    void Failed(const Status& s) {
        if (!first_failure_) first_failure_ = s;
        if (conn_.last_failure() == Failure::kRetryable) retryable_ = true;
    }

    Connection& conn_;
    bool read_only_;
    std::optional<Status> first_failure_;
    bool retryable_ = false;
    bool lock_pending_ = false;
};

Status RunGuarded(const TransactionFn& fn, Transaction& tx) {
    try {
        return fn(tx);
    } catch (const std::exception& e) {
        return Status::Internal(std::string("unexpected exception in a transaction: ") + e.what());
    }
}

// At most `size` connections, opened on demand. A connection found dead is
// dropped, and with it every idle one: they were opened to the same server
// and a restart took them all.
class Pool {
  public:
    Pool(std::string dsn, int size, std::chrono::seconds timeout)
        : dsn_(std::move(dsn)), size_(size), timeout_(timeout) {}

    Result<std::unique_ptr<Connection>> Acquire() {
        std::unique_lock lock(mu_);
        const bool free = cv_.wait_for(lock, timeout_, [&] { return !idle_.empty() || open_ < size_; });
        if (!free) {
            return Status::Unavailable("all " + std::to_string(size_) +
                                       " connections to PostgreSQL are busy; raise store_pool_size");
        }
        if (!idle_.empty()) {
            auto conn = std::move(idle_.back());
            idle_.pop_back();
            return conn;
        }
        ++open_;
        lock.unlock();
        auto opened = Connection::Open(dsn_);
        if (!opened.ok()) {
            std::lock_guard relock(mu_);
            --open_;
            cv_.notify_one();
        }
        return opened;
    }

    void Release(std::unique_ptr<Connection> conn) {
        std::vector<std::unique_ptr<Connection>> dropped;
        {
            std::lock_guard lock(mu_);
            if (conn->usable()) {
                idle_.push_back(std::move(conn));
            } else {
                dropped.push_back(std::move(conn));
                for (auto& idle : idle_) dropped.push_back(std::move(idle));
                idle_.clear();
                open_ -= static_cast<int>(dropped.size());
            }
        }
        cv_.notify_all();
        // `dropped` closes its connections here, outside the lock.
    }

  private:
    const std::string dsn_;
    const int size_;
    const std::chrono::seconds timeout_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_ = 0;
};

class PostgresStore final : public Store {
  public:
    explicit PostgresStore(const PostgresOptions& options)
        : options_(options), pool_(options.dsn, options.pool_size, options.acquire_timeout) {}

    Status Read(const TransactionFn& fn) override { return RunOnce(fn, kBeginRead).status; }

    using Store::Write;
    Status Write(const TransactionFn& fn, Durability durability) override {
        const std::string_view begin = durability == Durability::kDeferred ? kBeginDeferredWrite : kBeginWrite;
        for (int attempt = 1;; ++attempt) {
            Outcome outcome = RunOnce(fn, begin);
            if (!outcome.retryable || attempt >= options_.write_attempts) return outcome.status;
        }
    }

    std::string_view backend() const override { return "postgresql"; }

    Result<int> SchemaVersion() override {
        int version = 0;
        ONESTORY_RETURN_IF_ERROR(Read([&](Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
            version = static_cast<int>(rows.at(0).at(0).AsInt());
            return Status::Ok();
        }));
        return version;
    }

  private:
    struct Outcome {
        Status status;
        bool retryable = false;
    };

    // A connection inside a fresh transaction. A pooled connection that the
    // server dropped since its last use fails at BEGIN, before `fn` ran, so
    // moving to a newly opened one is safe.
    Result<std::unique_ptr<Connection>> Begin(std::string_view begin) {
        constexpr int kTries = 3;
        Status last;
        for (int i = 0; i < kTries; ++i) {
            ONESTORY_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
            last = conn->ExecScript(begin);
            if (last.ok()) return conn;
            const bool dead = !conn->usable();
            pool_.Release(std::move(conn));
            if (!dead) return last;
        }
        return last;
    }

    Outcome RunOnce(const TransactionFn& fn, std::string_view begin) {
        const bool read_only = begin == kBeginRead;
        auto begun = Begin(begin);
        if (!begun.ok()) return {begun.status(), false};
        std::unique_ptr<Connection> conn = std::move(begun).value();
        PgTransaction tx(*conn, read_only);
        Outcome outcome{RunGuarded(fn, tx), tx.retryable()};
        if (tx.first_failure() && outcome.status.ok()) outcome.status = *tx.first_failure();
        if (outcome.status.ok()) {
            const Status committed = conn->ExecScript("COMMIT");
            if (!committed.ok()) {
                outcome.retryable = conn->last_failure() == Failure::kRetryable;
                outcome.status = conn->last_failure() == Failure::kConnection
                                     ? Status::Unavailable(
                                           "the connection to PostgreSQL was lost while committing; the write may "
                                           "or may not have been kept")
                                     : committed;
            }
        } else if (conn->usable()) {
            (void)conn->ExecScript("ROLLBACK");
        }
        pool_.Release(std::move(conn));
        return outcome;
    }

    PostgresOptions options_;
    Pool pool_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const PostgresOptions& options) {
    ONESTORY_RETURN_IF_ERROR(ValidatePostgresDsn(options.dsn));
    if (options.pool_size < 1) return Status::Invalid("store_pool_size", "must be at least 1");
    auto store = std::make_unique<PostgresStore>(options);
    // A session lock on a connection of its own: processes starting together
    // migrate one after the other, and a crash releases it with the session.
    ONESTORY_ASSIGN_OR_RETURN(auto lock, Connection::Open(options.dsn));
    ONESTORY_RETURN_IF_ERROR(lock->ExecScript(kLockMigrations));
    const Status migrated = ApplyMigrations(*store, PostgresMigrations());
    (void)lock->ExecScript(kUnlockMigrations);
    ONESTORY_RETURN_IF_ERROR(migrated);
    return std::unique_ptr<Store>(std::move(store));
}

}  // namespace onestory::store
