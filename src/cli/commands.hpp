// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "cli/installation.hpp"

// The onestory command's subcommands. Each returns the process exit code and
// writes its errors to stderr in one plain sentence.
namespace onestory::cli {

inline constexpr const char* kOnestoryVersion = "0.1.0";

struct InitOptions {
    std::string data;
    std::string store;  // empty: SQLite in the data directory; else a PostgreSQL URI
    std::string admin_username;
    std::string admin_password_file;  // else ONESTORY_ADMIN_PASSWORD
    std::string admin_display_name = "Administrator";
    std::string agency_name = "onestory administration";
    std::string agency_kind = "other";
    std::string agency_country = "ZZ";
};

struct ServeOptions {
    std::string data;
    std::string listen = "127.0.0.1:8080";
    int threads = 0;
    // Handlers block on the store; many of them let concurrent requests share
    // one durable commit (group commit), which is where throughput comes from.
    int handler_threads = 64;
    bool access_log = false;
    std::string test_clock;  // RFC 3339 start time of a manual clock (tests only)
    bool no_fsync = false;   // tests and benchmarks only
    std::size_t max_connections_per_address = 128;
    int read_timeout_ms = 15000;  // a request must arrive whole within this
};

struct DemoOptions {
    std::string listen = "127.0.0.1:8080";
    std::string data;  // empty: a throw-away directory removed on exit
    int survivors = 44;
    bool generate_only = false;
    bool no_fsync = false;  // benchmarks only: generate large data sets quickly
};

struct BackupOptions {
    std::string data;
    std::string out;
    std::string passphrase_file;  // else ONESTORY_BACKUP_PASSPHRASE
};

struct RestoreOptions {
    std::string in;
    std::string data;  // a new or empty directory
    std::string key_file;
    std::string erasure_ledger;      // default: erasure.ledger beside the key file
    bool no_erasure_ledger = false;  // the operator states there is none to apply
    std::string passphrase_file;     // else ONESTORY_BACKUP_PASSPHRASE
};

struct PurgeOptions {
    std::string data;
    bool dry_run = false;
};

int RunInit(const InitOptions& options);
int RunPurge(const PurgeOptions& options);
int RunRotateMasterKey(const std::string& data);
int RunBackup(const BackupOptions& options);
int RunRestore(const RestoreOptions& options);
int RunServe(const ServeOptions& options);
int RunDemo(const DemoOptions& options);
int RunAuditVerify(const std::string& data);

struct MigrateStoreOptions {
    std::string data;
    std::string to;  // the PostgreSQL URI to copy into
    int batch_rows = 500;
};
int RunMigrateStore(const MigrateStoreOptions& options);

struct ExportOptions {
    std::string data;
    std::string format;  // htcds or ctdc
    std::string out;
    int k = 11;
    std::string agency_id;
    std::string admin_username;
    std::string admin_password_file;  // else ONESTORY_ADMIN_PASSWORD
    bool no_identities = false;       // htcds without decrypting anything
    bool quiet = false;               // no progress bar
    std::string test_clock;           // tests only
};
int RunExport(const ExportOptions& options);

struct GenerateOptions {
    std::string data;
    int cases = 100000;
    int seed = 1;
    bool quiet = false;
};
// Bulk synthetic survivors, a case and two events each, for measurements.
int RunGenerateCases(const GenerateOptions& options);

// Shared by init and demo: creates the directory, key file, database and the
// first administrator. Refuses to touch an existing installation; removes
// what it created if a later step fails.
Status InitializeDataDir(const DataDir& dir, const InitOptions& options, const std::string& admin_password);

// Serves an opened installation until SIGTERM or SIGINT.
int Serve(Installation& installation, const ServeOptions& options);

// Fills an installation with synthetic agencies, staff, survivors and cases.
Status GenerateDemoData(Installation& installation, int survivors, const std::string& password);

// Prints "onestory: <message>" to stderr and returns 1.
int Fail(const Status& status);

}  // namespace onestory::cli
