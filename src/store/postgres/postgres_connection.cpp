// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include <bit>
#include <charconv>
#include <cstring>
#include <vector>

#include "store/postgres/postgres_dsn.hpp"

namespace onestory::store::postgres {
namespace {

// Type OIDs from PostgreSQL's catalogue (pg_type.dat); stable across releases.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// PostgreSQL's error text spreads over lines; one line reads better in a log.
std::string OneLine(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n' || c == '\t' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void PutBigEndian(std::string& out, std::uint64_t v) {
    for (int i = 7; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// BYTEA in text form is "\x" followed by hex digits (bytea_output = hex, the
// default since PostgreSQL 9.0; set for every connection regardless).
SqlValue DecodeBytea(const char* text, int length) {
    std::string bytes;
    if (length >= 2 && text[0] == '\\' && text[1] == 'x') {
        bytes.reserve(static_cast<std::size_t>(length - 2) / 2);
        for (int i = 2; i + 1 < length; i += 2) {
            bytes += static_cast<char>(HexDigit(text[i]) * 16 + HexDigit(text[i + 1]));
        }
    }
    return SqlValue(Blob{std::move(bytes)});
}

SqlValue DecodeInteger(const char* text, int length) {
    std::int64_t v = 0;
    std::from_chars(text, text + length, v);
    return SqlValue(v);
}

SqlValue DecodeColumn(const PGresult* res, int row, int col) {
    if (PQgetisnull(res, row, col)) return SqlValue();
    const char* text = PQgetvalue(res, row, col);
    const int length = PQgetlength(res, row, col);
    switch (PQftype(res, col)) {
        case kInt8Oid:
        case kInt4Oid:
        case kInt2Oid:
        case kOidOid:
            return DecodeInteger(text, length);
        case kBoolOid:
            return SqlValue(std::int64_t{text[0] == 't' ? 1 : 0});
        case kFloat4Oid:
        case kFloat8Oid:
            return SqlValue(std::strtod(text, nullptr));
        case kNumericOid:
            // SUM and AVG of integers are numeric; an integral value reads as
            // an integer, as SQLite gives it.
            if (std::memchr(text, '.', static_cast<std::size_t>(length)) == nullptr &&
                std::memchr(text, 'N', static_cast<std::size_t>(length)) == nullptr) {
                return DecodeInteger(text, length);
            }
            return SqlValue(std::strtod(text, nullptr));
        case kByteaOid:
            return DecodeBytea(text, length);
        default:
            return SqlValue(std::string(text, static_cast<std::size_t>(length)));
    }
}

// Parameters travel in binary with declared types: int64 as int8, double as
// float8, text as text, Blob as bytea; NULL leaves the type to the server.
struct BoundParams {
    std::vector<std::string> buffers;
    std::vector<Oid> types;
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    std::string signature;  // one letter per parameter type, part of the statement cache key

    explicit BoundParams(std::span<const SqlValue> params) {
        const std::size_t n = params.size();
        buffers.resize(n);
        types.resize(n);
        values.resize(n);
        lengths.resize(n);
        formats.assign(n, 1);
        for (std::size_t i = 0; i < n; ++i) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) {
                        types[i] = 0;
                        signature += 'n';
                    } else if constexpr (std::is_same_v<T, std::int64_t>) {
                        types[i] = kInt8Oid;
                        PutBigEndian(buffers[i], static_cast<std::uint64_t>(v));
                        signature += 'i';
                    } else if constexpr (std::is_same_v<T, double>) {
                        types[i] = kFloat8Oid;
                        PutBigEndian(buffers[i], std::bit_cast<std::uint64_t>(v));
                        signature += 'd';
                    } else if constexpr (std::is_same_v<T, std::string>) {
                        types[i] = kTextOid;
                        buffers[i] = v;
                        signature += 't';
                    } else {
                        types[i] = kByteaOid;
                        buffers[i] = v.bytes;
                        signature += 'b';
                    }
                },
                params[i].variant());
        }
        for (std::size_t i = 0; i < n; ++i) {
            values[i] = params[i].is_null() ? nullptr : buffers[i].data();
            lengths[i] = static_cast<int>(buffers[i].size());
        }
    }
};

}  // namespace

struct Connection::Outcome {
    ResultPtr result;
};

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& dsn) {
    // Settings given here come first so that the DSN can override them.
    const char* keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname", nullptr};
    const char* values[] = {"10", "onestory", "UTF8", dsn.c_str(), nullptr};
    PGconn* raw = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
    std::unique_ptr<Connection> conn(new Connection(raw));
    if (raw == nullptr || PQstatus(raw) != CONNECTION_OK) {
        const std::string why = raw != nullptr ? OneLine(PQerrorMessage(raw)) : "out of memory";
        return Status::Unavailable("cannot connect to the PostgreSQL server " + DescribeDsn(dsn) + ": " + why);
    }
    // Notices ("relation already exists, skipping") are not errors; keep them off stderr.
    PQsetNoticeProcessor(
        raw, [](void*, const char*) {}, nullptr);
    // Optional filters ("$5 = '' OR agency_id = $5") plan well only with the
    // values known, so each execution is planned afresh; parsing is still saved.
    ONESTORY_RETURN_IF_ERROR(
        conn->ExecScript("SET plan_cache_mode = force_custom_plan; SET bytea_output = hex; "
                         "SET standard_conforming_strings = on; SET client_min_messages = warning"));
    return conn;
}

Connection::Connection(pg_conn* conn) : conn_(conn) {}

Connection::~Connection() {
    if (conn_ != nullptr) PQfinish(conn_);
}

bool Connection::usable() const {
    return conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK && last_failure_ != Failure::kConnection;
}

Status Connection::Fail(const void* r, std::string_view what) {
    const auto* res = static_cast<const PGresult*>(r);
    const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state != nullptr ? state : "";
    const char* primary = res != nullptr ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string message = OneLine(primary != nullptr ? primary : PQerrorMessage(conn_));

    if (PQstatus(conn_) != CONNECTION_OK || sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
        sqlstate == "57P03" || (sqlstate.empty() && res == nullptr)) {
        last_failure_ = Failure::kConnection;
        return Status::Unavailable("the connection to the PostgreSQL server was lost while " + std::string(what) +
                                   ": " + message);
    }
    last_failure_ = Failure::kStatement;
    if (sqlstate == "23505") {
        return Status::Conflict("duplicate", "a record with the same unique value already exists");
    }
    if (sqlstate == "23503") {
        return {StatusCode::kInvalidArgument, "unknown_reference", "a referenced record does not exist"};
    }
    if (sqlstate == "40001" || sqlstate == "40P01") {
        last_failure_ = Failure::kRetryable;
        return Status::Unavailable("the database aborted a transaction that collided with another; try again");
    }
    if (sqlstate == "25006") return Status::Internal("a write inside a read-only transaction");
    if (sqlstate.starts_with("53") || sqlstate == "57014") {
        return Status::Unavailable("the PostgreSQL server is short of resources: " + message);
    }
    if (sqlstate == "22021") return Status::Invalid("", "a text value is not valid UTF-8");
    if (sqlstate.starts_with("XX0")) return Status::DataLoss("the PostgreSQL server reports damage: " + message);
    return Status::Internal(std::string(what) + ": " + message + (sqlstate.empty() ? "" : " (" + sqlstate + ")"));
}

Result<Connection::Outcome> Connection::Run(std::string_view sql, std::span<const SqlValue> params) {
    BoundParams bound(params);
    std::string key(sql);
    key += '\0';
    key += bound.signature;
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
        const std::string name = "onestory_" + std::to_string(prepared_.size() + 1);
        const std::string text(sql);
        ResultPtr prepared(
            PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(params.size()), bound.types.data()));
        if (prepared == nullptr || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
            return Fail(prepared.get(), "preparing a statement");
        }
        it = prepared_.emplace(std::move(key), name).first;
    }
    ResultPtr res(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), bound.values.data(),
                                 bound.lengths.data(), bound.formats.data(), /*resultFormat=*/0));
    const ExecStatusType status = res != nullptr ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Fail(res.get(), "executing a statement");
    last_failure_ = Failure::kNone;
    return Outcome{std::move(res)};
}

Result<std::int64_t> Connection::Exec(std::string_view sql, std::span<const SqlValue> params) {
    ONESTORY_ASSIGN_OR_RETURN(Outcome outcome, Run(sql, params));
    const char* tuples = PQcmdTuples(outcome.result.get());
    std::int64_t changed = 0;
    if (tuples != nullptr) std::from_chars(tuples, tuples + std::strlen(tuples), changed);
    return changed;
}

namespace {

Rows DecodeRows(const PGresult* res) {
    const int rows = PQntuples(res);
    const int columns = PQnfields(res);
    Rows out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        Row row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) row.push_back(DecodeColumn(res, r, c));
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

Result<Rows> Connection::Query(std::string_view sql, std::span<const SqlValue> params) {
    ONESTORY_ASSIGN_OR_RETURN(Outcome outcome, Run(sql, params));
    return DecodeRows(outcome.result.get());
}

Result<Rows> Connection::QueryScript(std::string_view sql) {
    const std::string text(sql);
    ResultPtr res(PQexec(conn_, text.c_str()));
    const ExecStatusType status = res != nullptr ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return Fail(res.get(), "running a query");
    last_failure_ = Failure::kNone;
    return DecodeRows(res.get());
}

Status Connection::ExecScript(std::string_view sql) {
    const std::string text(sql);
    ResultPtr res(PQexec(conn_, text.c_str()));
    const ExecStatusType status = res != nullptr ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        return Fail(res.get(), "running a script");
    }
    last_failure_ = Failure::kNone;
    return Status::Ok();
}

}  // namespace onestory::store::postgres
