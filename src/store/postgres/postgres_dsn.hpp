// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace onestory::store {

// PostgreSQL connection strings ("DSNs") as onestory takes them: a libpq URI,
// postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE[?PARAM=VALUE...]. A
// password may also come from PGPASSWORD or ~/.pgpass, as libpq reads them.

// True for a postgresql:// or postgres:// URI.
bool IsPostgresDsn(std::string_view dsn);

// Checks that libpq can parse `dsn`; the error never repeats a password.
Status ValidatePostgresDsn(std::string_view dsn);

// True when the DSN itself carries a password (so the file holding it must be private).
bool DsnHasPassword(std::string_view dsn);

// "postgresql://USER@HOST:PORT/DATABASE" without the password, for messages and logs.
std::string DescribeDsn(std::string_view dsn);

// The libpq parameters written in the DSN ("host", "user", "password", ...).
Result<std::map<std::string, std::string>> DsnParameters(std::string_view dsn);

// The same DSN with some libpq parameters ("dbname", "password", ...) set
// anew; an empty value removes the parameter.
Result<std::string> DsnWith(std::string_view dsn, const std::map<std::string, std::string>& overrides);

// The same server, user and options, naming another database.
Result<std::string> DsnWithDatabase(std::string_view dsn, std::string_view database);

}  // namespace onestory::store
