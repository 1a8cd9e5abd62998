// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory migrate-store: moves a SQLite installation into PostgreSQL.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/settings_file.hpp"
#include "store/postgres/postgres_dsn.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_copy.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace onestory::cli {
namespace {

// A bar redrawn in place on a terminal; on a pipe or a log, one plain line
// per table and every few seconds, so CI logs stay readable.
class ProgressPrinter {
  public:
    ProgressPrinter() : tty_(::isatty(STDOUT_FILENO) == 1) {}

    void operator()(const store::CopyProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        const bool new_table = p.table != table_;
        if (new_table) table_ = std::string(p.table);
        const int percent = p.total > 0 ? static_cast<int>(p.done * 100 / p.total) : 100;
        if (tty_) {
            if (!new_table && now - last_ < std::chrono::milliseconds(100) && p.done != p.total) return;
            constexpr int kWidth = 30;
            const int filled = percent * kWidth / 100;
            std::cout << "\r  [" << std::string(filled, '#') << std::string(kWidth - filled, '-') << "] " << percent
                      << "%  " << table_ << " " << p.table_done << "/" << p.table_rows << "\033[K" << std::flush;
        } else {
            const bool table_complete = p.table_done == p.table_rows;
            if (table_complete) {
                std::cout << "  copied " << table_ << ": " << p.table_rows << " rows (" << percent << "% of " << p.total
                          << ")" << std::endl;
            } else if (now - last_ >= std::chrono::seconds(5)) {
                std::cout << "  copying " << table_ << ": " << p.table_done << " of " << p.table_rows << " rows ("
                          << percent << "% of " << p.total << ")" << std::endl;
            } else {
                return;
            }
        }
        last_ = now;
    }

    void Finish() {
        if (tty_) std::cout << "\n";
    }

  private:
    bool tty_;
    std::string table_;
    std::chrono::steady_clock::time_point last_{};
};

Status Migrate(const MigrateStoreOptions& options) {
    const DataDir dir{options.data};
    ONESTORY_ASSIGN_OR_RETURN(domain::Settings settings, LoadSettingsFile(dir.settings()));
    if (!settings.store.empty()) {
        return Status::FailedPrecondition(dir.root.string() + " already keeps its records in " +
                                          store::DescribeDsn(settings.store) + "; there is nothing to migrate");
    }
    if (Status s = store::ValidatePostgresDsn(options.to); !s.ok()) return Status::Invalid("to", "--to " + s.message());
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes master, crypto::LoadMasterKeyFile(dir.master_key()));
    const crypto::Keyring keyring(std::move(master));

    store::SqliteOptions sqlite_options;
    sqlite_options.path = dir.database();
    ONESTORY_ASSIGN_OR_RETURN(auto source, store::OpenSqliteStore(sqlite_options));
    store::PostgresOptions postgres_options;
    postgres_options.dsn = options.to;
    postgres_options.pool_size = 2;
    ONESTORY_ASSIGN_OR_RETURN(auto target, store::OpenPostgresStore(postgres_options));
    // Nothing is copied unless this key file opens the installation's keys
    // and its audit chain is intact.
    ONESTORY_ASSIGN_OR_RETURN(auto keys, domain::LoadInstallationKeys(*source, keyring, false));
    SystemClock clock;
    const audit::AuditLog audit(keys.audit, clock);
    ONESTORY_ASSIGN_OR_RETURN(auto before, audit.Verify(*source));
    if (!before.intact) {
        return Status::DataLoss("the audit chain of " + dir.database().string() + " is broken at event " +
                                std::to_string(before.first_bad_seq) + " (" + before.problem + "); nothing was copied");
    }

    std::cout << "copying " << dir.database().string() << " to " << store::DescribeDsn(options.to) << std::endl;
    ProgressPrinter printer;
    auto copied =
        store::CopySqliteStore(*source, *target, options.batch_rows, [&](const store::CopyProgress& p) { printer(p); });
    printer.Finish();
    if (!copied.ok()) return copied.status();

    std::cout << "verifying row counts" << std::endl;
    for (const auto& table : *copied) {
        std::int64_t in_source = -1, in_target = -1;
        ONESTORY_RETURN_IF_ERROR(source->Read([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(in_source, store::CountRows(tx, table.name));
            return Status::Ok();
        }));
        ONESTORY_RETURN_IF_ERROR(target->Read([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(in_target, store::CountRows(tx, table.name));
            return Status::Ok();
        }));
        std::printf("  %-24s %10lld rows\n", table.name.c_str(), static_cast<long long>(in_target));
        if (in_source != in_target || in_target != table.rows) {
            return Status::DataLoss("table " + table.name + " has " + std::to_string(in_source) +
                                    " rows in SQLite but " + std::to_string(in_target) +
                                    " in PostgreSQL; the data directory still uses SQLite");
        }
    }
    std::cout << std::flush << "verifying the audit chain in PostgreSQL" << std::endl;
    ONESTORY_ASSIGN_OR_RETURN(auto target_keys, domain::LoadInstallationKeys(*target, keyring, false));
    const audit::AuditLog target_audit(target_keys.audit, clock);
    ONESTORY_ASSIGN_OR_RETURN(auto after, target_audit.Verify(*target));
    if (!after.intact || after.events != before.events) {
        return Status::DataLoss(
            "the copied audit chain does not verify (" +
            (after.intact ? "it holds " + std::to_string(after.events) + " events, not " + std::to_string(before.events)
                          : after.problem) +
            "); the data directory still uses SQLite");
    }
    std::cout << "  audit chain intact: " << after.events << " events\n";

    ONESTORY_RETURN_IF_ERROR(WriteStoreSetting(dir.settings(), options.to));
    std::cout << "switched " << dir.settings().string() << " to " << store::DescribeDsn(options.to) << "\n"
              << "  " << dir.database().string()
              << " is kept, unchanged. To roll back before any new writes, stop onestory and remove "
                 "the \"store\" line from settings.json.\n";
    return Status::Ok();
}

}  // namespace

int RunMigrateStore(const MigrateStoreOptions& options) {
    const Status status = Migrate(options);
    if (!status.ok()) return Fail(status);
    return 0;
}

}  // namespace onestory::cli
