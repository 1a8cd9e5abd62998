// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory — tell it once, share it only as you choose.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    using namespace onestory::cli;  // NOLINT: the entry point only
    // Logs go to stderr; stdout carries the command's own output.
    spdlog::set_default_logger(spdlog::stderr_color_mt("onestory"));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);

    CLI::App app{"onestory: trauma-informed case management. Tell it once, share it only as you choose."};
    app.require_subcommand(1);

    InitOptions init;
    auto* init_cmd = app.add_subcommand("init", "Create a data directory: database, key file and first administrator");
    init_cmd->add_option("--data", init.data, "the data directory to create")->required();
    init_cmd->add_option("--admin-username", init.admin_username, "the first administrator's username")->required();
    init_cmd->add_option("--admin-password-file", init.admin_password_file,
                         "file holding the administrator's password (else ONESTORY_ADMIN_PASSWORD)");
    init_cmd->add_option("--admin-display-name", init.admin_display_name, "the administrator's name as shown");
    init_cmd->add_option("--agency-name", init.agency_name, "the administrator's agency");
    init_cmd->add_option("--agency-kind", init.agency_kind,
                         "ngo, police, prosecution, court, shelter, health, "
                         "child_protection or other");
    init_cmd->add_option("--agency-country", init.agency_country, "ISO 3166-1 alpha-2 country code");
    init_cmd->add_option("--store", init.store,
                         "keep the records in PostgreSQL: postgresql://USER@HOST:PORT/DATABASE "
                         "(default: SQLite in the data directory)");

    ServeOptions serve;
    auto* serve_cmd = app.add_subcommand("serve", "Serve the API and the web app");
    serve_cmd->add_option("--data", serve.data, "the data directory")->required();
    serve_cmd->add_option("--listen", serve.listen, "HOST:PORT to listen on (port 0 picks a free port)")
        ->capture_default_str();
    serve_cmd->add_option("--threads", serve.threads, "network threads (default: one per core)");
    serve_cmd
        ->add_option("--handler-threads", serve.handler_threads,
                     "threads that run requests; concurrent writes share a commit")
        ->capture_default_str();
    serve_cmd->add_flag("--access-log", serve.access_log, "log one line per request (never bodies)");
    serve_cmd->add_option("--test-clock", serve.test_clock, "tests only: start a manual clock at this RFC 3339 time")
        ->group("");
    serve_cmd->add_flag("--no-fsync", serve.no_fsync, "tests and benchmarks only: do not fsync commits")->group("");
    serve_cmd
        ->add_option("--max-connections-per-address", serve.max_connections_per_address,
                     "connections one client address may hold open at once")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    serve_cmd
        ->add_option("--read-timeout-ms", serve.read_timeout_ms, "tests only: how long a request may take to arrive")
        ->check(CLI::Range(100, 600000))
        ->group("");

    DemoOptions demo;
    auto* demo_cmd = app.add_subcommand("demo", "Serve a throw-away installation filled with synthetic data");
    demo_cmd->add_option("--listen", demo.listen, "HOST:PORT to listen on")->capture_default_str();
    demo_cmd->add_option("--data", demo.data, "keep the demo in this directory instead of a throw-away one");
    demo_cmd->add_option("--survivors", demo.survivors, "how many synthetic survivors")->capture_default_str();
    demo_cmd->add_flag("--generate-only", demo.generate_only, "create the data and exit without serving");
    demo_cmd->add_flag("--no-fsync", demo.no_fsync, "benchmarks only: do not fsync while generating")->group("");

    BackupOptions backup;
    auto* backup_cmd = app.add_subcommand(
        "backup", "Write a consistent, compressed, encrypted backup of the database while the server runs");
    backup_cmd->add_option("--data", backup.data, "the data directory")->required();
    backup_cmd->add_option("--out", backup.out, "the backup file to write (must not exist)")->required();
    backup_cmd->add_option("--passphrase-file", backup.passphrase_file,
                           "file whose first line is the backup passphrase (else ONESTORY_BACKUP_PASSPHRASE)");

    RestoreOptions restore;
    auto* restore_cmd = app.add_subcommand("restore", "Restore a backup into a new data directory");
    restore_cmd->add_option("--in", restore.in, "the backup file")->required();
    restore_cmd->add_option("--data", restore.data, "the new data directory (must not exist, or be empty)")->required();
    restore_cmd
        ->add_option("--key-file", restore.key_file,
                     "the master key file the backup was made under (a backup never holds it)")
        ->required();
    restore_cmd->add_option("--erasure-ledger", restore.erasure_ledger,
                            "the erasure ledger copy to re-apply (default: erasure.ledger beside the key file)");
    restore_cmd->add_flag("--no-erasure-ledger", restore.no_erasure_ledger,
                          "restore without re-applying erasures (only when no survivor was ever erased)");
    restore_cmd->add_option("--passphrase-file", restore.passphrase_file,
                            "file whose first line is the backup passphrase (else ONESTORY_BACKUP_PASSPHRASE)");

    PurgeOptions purge;
    auto* purge_cmd =
        app.add_subcommand("purge", "Apply the retention periods of settings.json now (serve also does it daily)");
    purge_cmd->add_option("--data", purge.data, "the data directory")->required();
    purge_cmd->add_flag("--dry-run", purge.dry_run, "report what would be purged, change nothing");

    std::string rotate_data;
    auto* rotate_cmd = app.add_subcommand(
        "rotate-master-key", "Re-wrap every key under a new master key (stop the server first); keeps master.key.old");
    rotate_cmd->add_option("--data", rotate_data, "the data directory")->required();

    std::string audit_data;
    auto* audit_cmd = app.add_subcommand("audit", "Work with the audit log");
    audit_cmd->require_subcommand(1);
    auto* verify_cmd = audit_cmd->add_subcommand("verify", "Check that the audit chain is intact");
    verify_cmd->add_option("--data", audit_data, "the data directory")->required();

    MigrateStoreOptions migrate;
    auto* migrate_cmd =
        app.add_subcommand("migrate-store", "Copy a SQLite installation into PostgreSQL and switch it over");
    migrate_cmd->add_option("--data", migrate.data, "the data directory (its server stopped)")->required();
    migrate_cmd->add_option("--to", migrate.to, "the empty PostgreSQL database: postgresql://USER@HOST:PORT/DATABASE")
        ->required();
    migrate_cmd->add_option("--batch", migrate.batch_rows, "rows per INSERT")->capture_default_str();

    ExportOptions exporting;
    auto* export_cmd = app.add_subcommand(
        "export", "Export every case in the HTCDS vocabulary, or the k-anonymous CTDC dataset (docs/exports.md)");
    export_cmd->add_option("--data", exporting.data, "the data directory")->required();
    export_cmd->add_option("--format", exporting.format, "htcds or ctdc")->required();
    export_cmd->add_option("--out", exporting.out, "the file to write (never overwritten)")->required();
    export_cmd->add_option("--k", exporting.k, "ctdc: every combination of quasi-identifiers occurs at least k times")
        ->capture_default_str();
    export_cmd->add_option("--agency-id", exporting.agency_id, "only this agency's survivors");
    export_cmd
        ->add_option("--admin-username", exporting.admin_username,
                     "the administrator who authorises the export (ctdc and --no-identities: or an analyst)")
        ->required();
    export_cmd->add_option("--admin-password-file", exporting.admin_password_file,
                           "file holding their password (else ONESTORY_ADMIN_PASSWORD)");
    export_cmd->add_flag("--no-identities", exporting.no_identities,
                         "htcds: leave names, contacts, places and descriptions out, decrypting nothing");
    export_cmd->add_flag("--quiet", exporting.quiet, "no progress bar");
    export_cmd->add_option("--test-clock", exporting.test_clock, "tests only: the time the export runs at")->group("");

    GenerateOptions generating;
    auto* generate_cmd = app.add_subcommand(
        "generate-cases", "Measurements only: fill an installation with synthetic survivors, quickly, unaudited");
    generate_cmd->group("");
    generate_cmd->add_option("--data", generating.data, "the data directory")->required();
    generate_cmd->add_option("--cases", generating.cases, "how many survivors, each with one case")
        ->capture_default_str();
    generate_cmd->add_option("--seed", generating.seed, "random seed")->capture_default_str();
    generate_cmd->add_flag("--quiet", generating.quiet, "no progress");

    CLI11_PARSE(app, argc, argv);

    if (init_cmd->parsed()) return RunInit(init);
    if (serve_cmd->parsed()) return RunServe(serve);
    if (demo_cmd->parsed()) return RunDemo(demo);
    if (backup_cmd->parsed()) return RunBackup(backup);
    if (restore_cmd->parsed()) return RunRestore(restore);
    if (purge_cmd->parsed()) return RunPurge(purge);
    if (rotate_cmd->parsed()) return RunRotateMasterKey(rotate_data);
    if (verify_cmd->parsed()) return RunAuditVerify(audit_data);
    if (migrate_cmd->parsed()) return RunMigrateStore(migrate);
    if (export_cmd->parsed()) return RunExport(exporting);
    if (generate_cmd->parsed()) return RunGenerateCases(generating);
    return 1;
}
