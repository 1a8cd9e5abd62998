// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/sqlite/sqlite_snapshot.hpp"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <string>

namespace onestory::store {
namespace {

constexpr int kPagesPerStep = 1024;

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;

struct BackupFinisher {
    void operator()(sqlite3_backup* b) const { sqlite3_backup_finish(b); }
};

Status Error(sqlite3* db, std::string_view what) {
    return Status::Unavailable(std::string(what) + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

Result<DbPtr> OpenDb(const std::filesystem::path& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    DbPtr db(raw);
    if (rc != SQLITE_OK) return Error(raw, "cannot open " + path.string());
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 10000);
    return db;
}

Status Exec(sqlite3* db, const char* sql, std::string_view what) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK ? Status::Ok() : Error(db, what);
}

}  // namespace

Status SnapshotSqliteDatabase(const std::filesystem::path& source, const std::filesystem::path& destination,
                              const std::function<void(std::int64_t, std::int64_t)>& progress) {
    std::error_code ec;
    if (!std::filesystem::exists(source, ec)) {
        return Status::FailedPrecondition("database " + source.string() + " does not exist");
    }
    if (std::filesystem::exists(destination, ec)) {
        return Status::Conflict("exists", destination.string() + " already exists");
    }
    // Read-write like the store's own readers (WAL needs the -shm file), but
    // query_only, so this connection can never change the live database.
    ONESTORY_ASSIGN_OR_RETURN(DbPtr src, OpenDb(source, SQLITE_OPEN_READWRITE));
    ONESTORY_RETURN_IF_ERROR(Exec(src.get(), "PRAGMA query_only = ON", "preparing the source"));
    // The read transaction, held until the copy is done, pins one snapshot;
    // without it each step would see the newest commits and a busy server
    // would restart the copy for ever.
    ONESTORY_RETURN_IF_ERROR(
        Exec(src.get(), "BEGIN; SELECT COUNT(*) FROM sqlite_schema;", "starting the snapshot transaction"));

    const mode_t old_mask = ::umask(0077);
    auto opened = OpenDb(destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ::umask(old_mask);
    if (!opened.ok()) return opened.status();
    DbPtr dst = std::move(opened).value();

    Status status = Status::Ok();
    {
        std::unique_ptr<sqlite3_backup, BackupFinisher> backup(
            sqlite3_backup_init(dst.get(), "main", src.get(), "main"));
        if (!backup) return Error(dst.get(), "cannot start the snapshot");
        for (;;) {
            const int rc = sqlite3_backup_step(backup.get(), kPagesPerStep);
            const std::int64_t total = sqlite3_backup_pagecount(backup.get());
            if (progress) progress(total - sqlite3_backup_remaining(backup.get()), total);
            if (rc == SQLITE_DONE) break;
            if (rc == SQLITE_OK) continue;
            if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED) {
                sqlite3_sleep(10);
                continue;
            }
            status = Error(dst.get(), "copying the database failed");
            break;
        }
        const int finished = sqlite3_backup_finish(backup.release());
        if (status.ok() && finished != SQLITE_OK) status = Error(dst.get(), "finishing the snapshot failed");
    }
    (void)Exec(src.get(), "COMMIT", "ending the snapshot transaction");
    if (status.ok()) {
        // A copy of a WAL database is itself marked WAL; turn it back into a
        // single file so that it can be moved and compressed on its own.
        status = Exec(dst.get(), "PRAGMA journal_mode = DELETE", "finishing the snapshot file");
    }
    dst.reset();
    if (!status.ok()) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(destination.string() + suffix, ec);
        }
    }
    return status;
}

Status CheckSqliteIntegrity(const std::filesystem::path& path) {
    ONESTORY_ASSIGN_OR_RETURN(DbPtr db, OpenDb(path, SQLITE_OPEN_READWRITE));
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.get(), "PRAGMA integrity_check", -1, &raw, nullptr) != SQLITE_OK) {
        return Status::DataLoss("the database does not open as an SQLite database: " +
                                std::string(sqlite3_errmsg(db.get())));
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    const int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_ROW) {
        return Status::DataLoss("the database failed its integrity check: " + std::string(sqlite3_errmsg(db.get())));
    }
    const std::string first(reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0)));
    if (first != "ok") return Status::DataLoss("the database failed its integrity check: " + first);
    return Status::Ok();
}

}  // namespace onestory::store
