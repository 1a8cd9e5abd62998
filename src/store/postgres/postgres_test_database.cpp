// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/postgres/postgres_test_database.hpp"

#include <cstdlib>
#include <random>

#include "store/postgres/postgres_connection.hpp"
#include "store/postgres/postgres_dsn.hpp"

namespace onestory::store {

Result<std::unique_ptr<TestDatabase>> TestDatabase::Create(const std::string& admin_dsn) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::random_device random;
    std::string name = "onestory_test_";
    for (int i = 0; i < 16; ++i) name += kHex[random() % 16];
    ONESTORY_ASSIGN_OR_RETURN(auto conn, postgres::Connection::Open(admin_dsn));
    // The name is made of [a-z0-9_] only, so it needs no quoting.
    ONESTORY_RETURN_IF_ERROR(conn->ExecScript("CREATE DATABASE " + name));
    ONESTORY_ASSIGN_OR_RETURN(std::string dsn, DsnWithDatabase(admin_dsn, name));
    return std::unique_ptr<TestDatabase>(new TestDatabase(admin_dsn, std::move(name), std::move(dsn)));
}

TestDatabase::~TestDatabase() {
    auto conn = postgres::Connection::Open(admin_dsn_);
    if (conn.ok()) (void)(*conn)->ExecScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

std::string TestPostgresDsn() {
    const char* dsn = std::getenv("ONESTORY_TEST_POSTGRES_DSN");
    return dsn != nullptr ? dsn : "";
}

Status ExecOnTestDatabase(const std::string& dsn, std::string_view sql) {
    ONESTORY_ASSIGN_OR_RETURN(auto conn, postgres::Connection::Open(dsn));
    return conn->ExecScript(sql);
}

Result<Rows> QueryTestDatabase(const std::string& dsn, std::string_view sql) {
    ONESTORY_ASSIGN_OR_RETURN(auto conn, postgres::Connection::Open(dsn));
    return conn->Query(sql, {});
}

}  // namespace onestory::store
