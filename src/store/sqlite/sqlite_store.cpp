// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/sqlite/sqlite_store.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "store/migrations.hpp"

namespace onestory::store {
namespace {

// SQL is written with PostgreSQL's $N placeholders; SQLite reads ?N the same
// way, by explicit index. Quoted text is left alone.
std::string TranslatePlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '1' && sql[i + 1] <= '9') {
            out += '?';
        } else {
            out += c;
        }
    }
    return out;
}

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
    const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (extended) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return Status::Conflict("duplicate", "a record with the same unique value already exists");
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return {StatusCode::kInvalidArgument, "unknown_reference", "a referenced record does not exist"};
        default:
            break;
    }
    switch (rc & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Status::Unavailable("the database is busy: " + std::string(what));
        case SQLITE_FULL:
            return Status::Unavailable("the disk is full");
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return Status::DataLoss("the database file is damaged: " + detail);
        default:
            return Status::Internal(std::string(what) + ": " + detail);
    }
}

// One SQLite connection with a cache of prepared statements.
class Connection {
  public:
    static Result<std::unique_ptr<Connection>> Open(const std::filesystem::path& path, bool create, bool read_only,
                                                    bool synchronous_full) {
        sqlite3* raw = nullptr;
        const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
        const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
        std::unique_ptr<Connection> conn(new Connection(raw));
        if (rc != SQLITE_OK) {
            if (rc == SQLITE_CANTOPEN) {
                return Status::FailedPrecondition("cannot open database " + path.string() +
                                                  "; create the data directory with `onestory init`");
            }
            return SqliteError(raw, rc, "opening the database");
        }
        sqlite3_extended_result_codes(raw, 1);
        sqlite3_busy_timeout(raw, 5000);
        std::string pragmas = "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA secure_delete = ON;";
        if (read_only) {
            // Many readers: keep each one's page cache small (the OS caches the file too).
            pragmas += "PRAGMA query_only = ON; PRAGMA cache_size = -512;";
        } else {
            pragmas += "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 1000;";
            pragmas += synchronous_full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;";
        }
        ONESTORY_RETURN_IF_ERROR(conn->ExecScript(pragmas));
        return conn;
    }

    ~Connection() {
        cache_.clear();
        sqlite3_close_v2(db_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Status ExecScript(std::string_view sql) {
        const std::string text(sql);
        const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
        return rc == SQLITE_OK ? Status::Ok() : SqliteError(db_, rc, "running a script");
    }

    // A parameterless statement through the statement cache (BEGIN, COMMIT,
    // savepoints), so the hot path does not parse SQL text every time.
    Status Run(std::string_view sql) { return Exec(sql, {}).status(); }

    Result<std::int64_t> Exec(std::string_view sql, std::span<const SqlValue> params) {
        ONESTORY_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (rc != SQLITE_DONE) return SqliteError(db_, rc, "executing a statement");
        return static_cast<std::int64_t>(sqlite3_changes64(db_));
    }

    Result<Rows> Query(std::string_view sql, std::span<const SqlValue> params) {
        ONESTORY_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
        Rows rows;
        int rc;
        const int columns = sqlite3_column_count(stmt);
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            Row row;
            row.reserve(columns);
            for (int i = 0; i < columns; ++i) row.push_back(ReadColumn(stmt, i));
            rows.push_back(std::move(row));
        }
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (rc != SQLITE_DONE) return SqliteError(db_, rc, "running a query");
        return rows;
    }

  private:
    struct StatementDeleter {
        void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
    };
    using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

    explicit Connection(sqlite3* db) : db_(db) {}

    Result<sqlite3_stmt*> Prepare(std::string_view sql, std::span<const SqlValue> params) {
        std::string key(sql);
        auto it = cache_.find(key);
        if (it == cache_.end()) {
            const std::string translated = TranslatePlaceholders(sql);
            sqlite3_stmt* raw = nullptr;
            const int rc = sqlite3_prepare_v3(db_, translated.c_str(), static_cast<int>(translated.size()),
                                              SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
            if (rc != SQLITE_OK) return SqliteError(db_, rc, "preparing a statement");
            it = cache_.emplace(std::move(key), StatementPtr(raw)).first;
        }
        sqlite3_stmt* stmt = it->second.get();
        if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
            return Status::Internal("statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                                    " parameters, got " + std::to_string(params.size()));
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            int rc = SQLITE_OK;
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) {
                        rc = sqlite3_bind_null(stmt, index);
                    } else if constexpr (std::is_same_v<T, std::int64_t>) {
                        rc = sqlite3_bind_int64(stmt, index, v);
                    } else if constexpr (std::is_same_v<T, double>) {
                        rc = sqlite3_bind_double(stmt, index, v);
                    } else if constexpr (std::is_same_v<T, std::string>) {
                        rc = sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
                    } else {
                        rc = sqlite3_bind_blob64(stmt, index, v.bytes.data(), v.bytes.size(), SQLITE_STATIC);
                    }
                },
                params[i].variant());
            if (rc != SQLITE_OK) {
                sqlite3_clear_bindings(stmt);
                return SqliteError(db_, rc, "binding a parameter");
            }
        }
        return stmt;
    }

    static SqlValue ReadColumn(sqlite3_stmt* stmt, int i) {
        switch (sqlite3_column_type(stmt, i)) {
            case SQLITE_INTEGER:
                return SqlValue(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
            case SQLITE_FLOAT:
                return SqlValue(sqlite3_column_double(stmt, i));
            case SQLITE_TEXT: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                return SqlValue(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
            }
            case SQLITE_BLOB: {
                const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
                const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, i));
                return SqlValue(Blob{size == 0 ? std::string() : std::string(data, size)});
            }
            default:
                return SqlValue();
        }
    }

    sqlite3* db_;
    std::unordered_map<std::string, StatementPtr> cache_;
};

// After a statement fails the transaction refuses every later one and its
// first failure is the outcome, whatever `fn` returns: SQLite could carry on,
// but PostgreSQL cannot, and both backends must behave alike.
class SqliteTransaction final : public Transaction {
  public:
    SqliteTransaction(Connection& conn, bool read_only) : conn_(conn), read_only_(read_only) {}

    Result<std::int64_t> Exec(std::string_view sql, std::span<const SqlValue> params) override {
        if (read_only_) return Status::Internal("a write inside a read-only transaction");
        ONESTORY_RETURN_IF_ERROR(Usable());
        return Track(conn_.Exec(sql, params));
    }
    Result<Rows> Query(std::string_view sql, std::span<const SqlValue> params) override {
        ONESTORY_RETURN_IF_ERROR(Usable());
        return Track(conn_.Query(sql, params));
    }
    Status ExecScript(std::string_view sql) override {
        if (read_only_) return Status::Internal("a write inside a read-only transaction");
        ONESTORY_RETURN_IF_ERROR(Usable());
        Status s = conn_.ExecScript(sql);
        if (!s.ok() && !first_failure_) first_failure_ = s;
        return s;
    }
    // The single writer thread already serialises every append.
    Status LockAuditChain() override { return Status::Ok(); }
    bool read_only() const override { return read_only_; }

    // `fn`'s status, unless a statement failed first.
    Status Outcome(Status fn_status) const {
        if (fn_status.ok() && first_failure_) return *first_failure_;
        return fn_status;
    }

  private:
    Status Usable() const {
        if (!first_failure_) return Status::Ok();
        return Status::Internal("a statement after a failed one in the same transaction");
    }
    template <class T>
    Result<T> Track(Result<T> r) {
        if (!r.ok() && !first_failure_) first_failure_ = r.status();
        return r;
    }

    Connection& conn_;
    bool read_only_;
    std::optional<Status> first_failure_;
};

Status RunGuarded(const TransactionFn& fn, Transaction& tx) {
    try {
        return fn(tx);
    } catch (const std::exception& e) {
        return Status::Internal(std::string("unexpected exception in a transaction: ") + e.what());
    }
}

class SqliteStore final : public Store {
  public:
    SqliteStore(SqliteOptions options, std::unique_ptr<Connection> writer)
        : options_(std::move(options)), writer_(std::move(writer)), synced_commits_(options_.synchronous_full) {
        writer_thread_ = std::thread([this] { WriterLoop(); });
    }

    ~SqliteStore() override {
        {
            std::lock_guard lock(mu_);
            stopping_ = true;
        }
        queue_cv_.notify_all();
        writer_thread_.join();
    }

    Status Read(const TransactionFn& fn) override {
        ONESTORY_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, AcquireReader());
        Status status = conn->Run("BEGIN");
        if (status.ok()) {
            SqliteTransaction tx(*conn, /*read_only=*/true);
            status = tx.Outcome(RunGuarded(fn, tx));
            const Status end = conn->Run(status.ok() ? "COMMIT" : "ROLLBACK");
            if (status.ok()) status = end;
        }
        ReleaseReader(std::move(conn));
        return status;
    }

    using Store::Write;
    Status Write(const TransactionFn& fn, Durability durability) override {
        Job job{&fn, durability, {}};
        auto done = job.result.get_future();
        {
            std::lock_guard lock(mu_);
            if (stopping_) return Status::Unavailable("the store is closing");
            queue_.push_back(&job);
        }
        queue_cv_.notify_one();
        return done.get();
    }

    Status DiscardDeletedData() override {
        // Runs on the writer thread between batches: a checkpoint cannot run
        // inside the writer's own transaction.
        Job job{nullptr, Durability::kSync, {}};
        auto done = job.result.get_future();
        {
            std::lock_guard lock(mu_);
            if (stopping_) return Status::Unavailable("the store is closing");
            queue_.push_back(&job);
        }
        queue_cv_.notify_one();
        return done.get();
    }

    std::string_view backend() const override { return "sqlite"; }

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
    struct Job {
        const TransactionFn* fn;  // null: a checkpoint (DiscardDeletedData)
        Durability durability;
        std::promise<Status> result;
    };
    static constexpr int kCheckpointAttempts = 50;
    static constexpr std::size_t kMaxBatch = 128;

    Result<std::unique_ptr<Connection>> AcquireReader() {
        std::unique_lock lock(readers_mu_);
        readers_cv_.wait(lock, [&] { return !idle_readers_.empty() || open_readers_ < options_.max_readers; });
        if (!idle_readers_.empty()) {
            auto conn = std::move(idle_readers_.back());
            idle_readers_.pop_back();
            return conn;
        }
        ++open_readers_;
        lock.unlock();
        auto opened = Connection::Open(options_.path, false, true, options_.synchronous_full);
        if (!opened.ok()) {
            std::lock_guard relock(readers_mu_);
            --open_readers_;
            readers_cv_.notify_one();
        }
        return opened;
    }

    void ReleaseReader(std::unique_ptr<Connection> conn) {
        {
            std::lock_guard lock(readers_mu_);
            idle_readers_.push_back(std::move(conn));
        }
        readers_cv_.notify_one();
    }

    // Group commit: every Write waiting when the writer wakes shares one
    // transaction; each runs in its own savepoint so a failing one rolls back
    // alone, and all are answered only after the shared COMMIT is durable.
    void WriterLoop() {
        std::vector<Job*> batch;
        Job* checkpoint = nullptr;
        for (;;) {
            {
                std::unique_lock lock(mu_);
                queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
                if (queue_.empty()) return;  // stopping with nothing left to do
                if (queue_.front()->fn == nullptr) {
                    checkpoint = queue_.front();
                    queue_.pop_front();
                }
                while (checkpoint == nullptr && !queue_.empty() && queue_.front()->fn != nullptr &&
                       batch.size() < kMaxBatch) {
                    batch.push_back(queue_.front());
                    queue_.pop_front();
                }
            }
            if (checkpoint != nullptr) {
                checkpoint->result.set_value(Checkpoint());
                checkpoint = nullptr;
                continue;
            }
            RunBatch(batch);
            batch.clear();
        }
    }

    // TRUNCATE waits (busy handler) for readers of older snapshots, copies
    // every frame into the database and empties the log. A reader that
    // starts meanwhile can still make it report "busy"; then try again.
    Status Checkpoint() {
        for (int attempt = 0; attempt < kCheckpointAttempts; ++attempt) {
            auto rows = writer_->Query("PRAGMA wal_checkpoint(TRUNCATE)", {});
            if (!rows.ok()) return rows.status();
            if (!rows->empty() && rows->at(0).at(0).AsInt() == 0) return Status::Ok();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return Status::Unavailable("the write-ahead log could not be emptied: readers kept it busy");
    }

    Status RollBackSavepoint() {
        ONESTORY_RETURN_IF_ERROR(writer_->Run("ROLLBACK TO w"));
        return writer_->Run("RELEASE w");
    }

    void RunBatch(const std::vector<Job*>& batch) {
        std::vector<Status> outcomes(batch.size());
        // A batch of reads' audit events alone commits without an fsync; any
        // change to a record makes the commit (and everything before it)
        // durable. (SQLite takes the setting only outside a transaction.)
        const bool sync = options_.synchronous_full && std::any_of(batch.begin(), batch.end(), [](const Job* j) {
                              return j->durability == Durability::kSync;
                          });
        if (sync != synced_commits_ &&
            writer_->ExecScript(sync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL").ok()) {
            synced_commits_ = sync;
        }
        Status begun = writer_->Run("BEGIN IMMEDIATE");
        if (!begun.ok()) {
            for (auto* job : batch) job->result.set_value(begun);
            return;
        }
        bool broken = false;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (broken) {
                outcomes[i] = Status::Unavailable("the transaction was aborted by an earlier failure");
                continue;
            }
            if (Status s = writer_->Run("SAVEPOINT w"); !s.ok()) {
                outcomes[i] = s;
                broken = true;
                continue;
            }
            SqliteTransaction tx(*writer_, /*read_only=*/false);
            outcomes[i] = tx.Outcome(RunGuarded(*batch[i]->fn, tx));
            const Status end = outcomes[i].ok() ? writer_->Run("RELEASE w") : RollBackSavepoint();
            if (!end.ok()) {
                if (outcomes[i].ok()) outcomes[i] = end;
                broken = true;
            }
        }
        Status committed = broken ? Status::Unavailable("the write was rolled back") : writer_->Run("COMMIT");
        if (!committed.ok()) {
            (void)writer_->Run("ROLLBACK");
            for (auto& outcome : outcomes) {
                if (outcome.ok()) outcome = committed;
            }
        }
        for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->result.set_value(outcomes[i]);
    }

    SqliteOptions options_;
    std::unique_ptr<Connection> writer_;
    bool synced_commits_;  // the writer connection's synchronous mode is FULL
    std::thread writer_thread_;
    std::mutex mu_;
    std::condition_variable queue_cv_;
    std::deque<Job*> queue_;
    bool stopping_ = false;

    std::mutex readers_mu_;
    std::condition_variable readers_cv_;
    std::vector<std::unique_ptr<Connection>> idle_readers_;
    int open_readers_ = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
    std::error_code ec;
    const bool existed = std::filesystem::exists(options.path, ec);
    if (!existed && !options.create) {
        return Status::FailedPrecondition("database " + options.path.string() +
                                          " does not exist; create the data directory with `onestory init`");
    }
    // The database holds only sealed values, but its metadata is still
    // sensitive: nobody but the service account reads it.
    const mode_t old_mask = ::umask(0077);
    auto writer = Connection::Open(options.path, options.create, false, options.synchronous_full);
    ::umask(old_mask);
    if (!writer.ok()) return writer.status();
    auto store = std::make_unique<SqliteStore>(options, std::move(writer).value());
    ONESTORY_RETURN_IF_ERROR(ApplyMigrations(*store, SqliteMigrations()));
    return std::unique_ptr<Store>(std::move(store));
}

}  // namespace onestory::store
