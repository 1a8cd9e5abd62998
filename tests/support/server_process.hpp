// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace onestory::store {
class TestDatabase;
}

namespace onestory::testing {

// The onestory binary under test: $ONESTORY_BINARY, else the one this test
// was built with.
std::string OnestoryBinary();

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs the onestory binary to completion with `args` and optional extra
// environment entries ("NAME=value").
CommandResult RunOnestory(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
// The same for any program (found on PATH when `program` has no slash).
CommandResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                         const std::vector<std::string>& env = {});

// ONESTORY_TEST_STORE_DSN: when set, every ServerProcess keeps its records in
// a fresh database on that PostgreSQL server instead of SQLite.
std::string TestStoreDsn();

// A real `onestory serve` on a free port against its own fresh data
// directory, initialised with an administrator. Stopping it sends SIGTERM and
// waits; the destructor stops it if the test did not.
class ServerProcess {
  public:
    struct Options {
        std::string admin_username = "admin";
        std::string admin_password = "admin-password-123";
        // Start a manual clock here (tests move it with POST /api/v1/test/clock).
        std::string test_clock = "2026-11-26T09:00:00Z";
        std::string settings_json;  // written to settings.json before serving
        bool init = true;
        std::vector<std::string> extra_args;
        // A PostgreSQL server to create a fresh database on (its user may
        // CREATE DATABASE); empty keeps the records in SQLite.
        std::string store_admin_dsn = TestStoreDsn();
        // Serve this existing data directory (another ServerProcess's, say)
        // instead of initialising a fresh one.
        std::filesystem::path data_dir;
    };

    ServerProcess();
    explicit ServerProcess(Options options);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    std::uint16_t port() const { return port_; }
    const std::filesystem::path& data_dir() const { return data_; }
    // The PostgreSQL database the server uses, or "" on SQLite.
    const std::string& store_dsn() const { return store_dsn_; }
    // Everything the store holds, as raw bytes a person with the database
    // (not the key file) could read: the SQLite files, or a pg_dump.
    std::string DumpStore() const;
    // Runs SQL directly on the store, behind the server's back (tampering tests).
    void ExecSql(const std::string& sql) const;
    HttpClient Client() const { return HttpClient("127.0.0.1", port_); }

    // SIGTERM, then waits; returns the exit code (or 128 + signal).
    int Stop();
    // SIGKILL, then waits.
    void Kill();
    // Starts `serve` again on the same data directory (after Stop or Kill).
    void Restart();
    bool running() const { return pid_ > 0; }
    // Everything the server wrote to stderr (its log) so far.
    std::string Log() const;

  private:
    void Start();

    Options options_;
    TempDir dir_;
    std::unique_ptr<store::TestDatabase> database_;  // the fresh PostgreSQL database
    std::string store_dsn_;
    std::filesystem::path data_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    int starts_ = 0;
};

}  // namespace onestory::testing
