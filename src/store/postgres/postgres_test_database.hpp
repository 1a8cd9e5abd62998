// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "store/value.hpp"

namespace onestory::store {

// Tests only: a fresh, empty database with a random name on the server that
// `admin_dsn` names (its user must be allowed to CREATE DATABASE), dropped
// again, with any sessions still on it, when the object goes away.
class TestDatabase {
  public:
    static Result<std::unique_ptr<TestDatabase>> Create(const std::string& admin_dsn);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& name() const { return name_; }
    const std::string& dsn() const { return dsn_; }  // the admin DSN naming the new database

  private:
    TestDatabase(std::string admin_dsn, std::string name, std::string dsn)
        : admin_dsn_(std::move(admin_dsn)), name_(std::move(name)), dsn_(std::move(dsn)) {}

    std::string admin_dsn_;
    std::string name_;
    std::string dsn_;
};

// The DSN in ONESTORY_TEST_POSTGRES_DSN, or "" when PostgreSQL tests are off.
std::string TestPostgresDsn();

// Runs SQL on a database behind the store's back (tests that tamper or inspect).
Status ExecOnTestDatabase(const std::string& dsn, std::string_view sql);
Result<Rows> QueryTestDatabase(const std::string& dsn, std::string_view sql);

}  // namespace onestory::store
