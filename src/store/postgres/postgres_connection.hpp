// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.hpp"
#include "store/value.hpp"

// libpq's handle, declared here so that only the backend's .cpp files include
// libpq-fe.h.
struct pg_conn;

namespace onestory::store::postgres {

// How a failed statement left its connection and transaction.
enum class Failure {
    kNone,
    kStatement,   // the statement failed; the transaction must be rolled back
    kRetryable,   // a deadlock or serialisation failure: rolling back and re-running may succeed
    kConnection,  // the server is gone; the connection is useless
};

// One libpq connection to the server, owned by one thread at a time (the
// pool hands it out). Statements are prepared once per connection and kept;
// parameters are always bound, in binary, with their types declared from the
// SqlValue they hold, so `$1 = 0` or `$5 = ''` needs no cast in the SQL.
// Results come back as text and are decoded by column type: integers as
// int64, floating and numeric values as double (integral numerics as int64),
// BYTEA as Blob, booleans as 0/1, everything else as text.
class Connection {
  public:
    // Connects with `dsn` (a libpq URI or key=value string). The error names
    // the server (never the password) and says what libpq reported.
    static Result<std::unique_ptr<Connection>> Open(const std::string& dsn);

    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Result<std::int64_t> Exec(std::string_view sql, std::span<const SqlValue> params);
    Result<Rows> Query(std::string_view sql, std::span<const SqlValue> params);
    // Parameterless statements, possibly several (migrations, BEGIN, COMMIT).
    Status ExecScript(std::string_view sql);
    // Parameterless statements in one round trip; the rows of the last one.
    Result<Rows> QueryScript(std::string_view sql);

    // What the last failing call left behind; kNone after a success.
    Failure last_failure() const { return last_failure_; }
    // False once the server has gone away; the pool then drops the connection.
    bool usable() const;

  private:
    struct Outcome;
    explicit Connection(pg_conn* conn);
    Result<Outcome> Run(std::string_view sql, std::span<const SqlValue> params);
    Status Fail(const void* result, std::string_view what);

    pg_conn* conn_;
    std::unordered_map<std::string, std::string> prepared_;  // SQL + parameter types -> statement name
    Failure last_failure_ = Failure::kNone;
};

}  // namespace onestory::store::postgres
