// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/migrations.hpp"

#include <charconv>
#include <chrono>
#include <string>

namespace onestory::store {
namespace sqlite_migrations {
std::span<const EmbeddedFile> Files();
}
namespace postgres_migrations {
std::span<const EmbeddedFile> Files();
}

namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kSelectVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kInsertMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";

int VersionOf(std::string_view path) {
    const auto slash = path.rfind('/');
    if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
    int version = 0;
    const auto [ptr, ec] = std::from_chars(path.data(), path.data() + path.size(), version);
    if (ec != std::errc() || ptr == path.data() || *ptr != '_') return -1;
    return version;
}

}  // namespace

std::span<const EmbeddedFile> SqliteMigrations() {
    return sqlite_migrations::Files();
}
std::span<const EmbeddedFile> PostgresMigrations() {
    return postgres_migrations::Files();
}

int LatestVersion(std::span<const EmbeddedFile> migrations) {
    int latest = 0;
    for (const auto& m : migrations) latest = std::max(latest, VersionOf(m.path));
    return latest;
}

Status ApplyMigrations(Store& store, std::span<const EmbeddedFile> migrations) {
    int current = 0;
    ONESTORY_RETURN_IF_ERROR(store.Write([&](Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(tx.ExecScript(kCreateMigrationsTable));
        auto rows = tx.Query(kSelectVersion);
        if (!rows.ok()) return rows.status();
        current = static_cast<int>(rows->at(0).at(0).AsInt());
        return Status::Ok();
    }));
    const int latest = LatestVersion(migrations);
    if (current > latest) {
        return Status::FailedPrecondition("the database has schema version " + std::to_string(current) +
                                          ", newer than this onestory (" + std::to_string(latest) +
                                          "); run a newer onestory");
    }
    for (const auto& m : migrations) {
        const int version = VersionOf(m.path);
        if (version < 0) return Status::Internal("migration file without a version number: " + std::string(m.path));
        if (version <= current) continue;
        const auto applied_at =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        ONESTORY_RETURN_IF_ERROR(store.Write([&](Transaction& tx) -> Status {
            ONESTORY_RETURN_IF_ERROR(tx.ExecScript(m.bytes));
            auto inserted = tx.Exec(kInsertMigration, {version, std::string(m.path), std::int64_t{applied_at}});
            return inserted.status();
        }));
    }
    return Status::Ok();
}

}  // namespace onestory::store
