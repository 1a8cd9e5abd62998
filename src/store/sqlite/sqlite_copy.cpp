// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/sqlite/sqlite_copy.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace onestory::store {
namespace {

constexpr std::string_view kTables =
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "AND name <> 'schema_migrations' ORDER BY name";
constexpr std::string_view kColumns = "SELECT name, type FROM pragma_table_info($1) ORDER BY cid";
constexpr std::string_view kParents = "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1)";

// Both backends cap the parameters of one statement (SQLite at 32766).
constexpr std::size_t kMaxParameters = 32766;

// Table and column names come from the schema, yet are checked before they
// are spliced into SQL text.
bool IsPlainIdentifier(std::string_view s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string Quoted(std::string_view name) {
    return "\"" + std::string(name) + "\"";
}

std::string Upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string ColumnList(const SqliteTable& t) {
    std::string out;
    for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + Quoted(c);
    return out;
}

std::string SelectBatch(const SqliteTable& t) {
    if (!t.without_rowid) {
        return "SELECT rowid, " + ColumnList(t) + " FROM " + Quoted(t.name) +
               " WHERE rowid > $1 ORDER BY rowid LIMIT $2";
    }
    std::string order;
    for (std::size_t i = 1; i <= t.columns.size(); ++i) order += (i == 1 ? "" : ", ") + std::to_string(i);
    return "SELECT " + ColumnList(t) + " FROM " + Quoted(t.name) + " ORDER BY " + order + " LIMIT $2 OFFSET $1";
}

std::string InsertRows(const SqliteTable& t, std::size_t rows) {
    std::string sql = "INSERT INTO " + Quoted(t.name) + " (" + ColumnList(t) + ") VALUES ";
    std::size_t n = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r == 0 ? "(" : ", (";
        for (std::size_t c = 0; c < t.columns.size(); ++c) sql += (c == 0 ? "$" : ", $") + std::to_string(++n);
        sql += ")";
    }
    return sql;
}

}  // namespace

Result<std::int64_t> CountRows(Transaction& tx, std::string_view table) {
    if (!IsPlainIdentifier(table)) return Status::Internal("not a table name: " + std::string(table));
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT COUNT(*) FROM " + Quoted(table)));
    return rows.at(0).at(0).AsInt();
}

Result<std::vector<SqliteTable>> SqliteTablesInDependencyOrder(Store& sqlite) {
    if (sqlite.backend() != "sqlite") return Status::Internal("not a SQLite store");
    std::map<std::string, SqliteTable> tables;
    std::map<std::string, std::set<std::string>> parents;
    ONESTORY_RETURN_IF_ERROR(sqlite.Read([&](Transaction& tx) -> Status {
        tables.clear();
        parents.clear();
        ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kTables));
        for (const auto& r : rows) {
            SqliteTable t;
            t.name = r[0].AsText();
            if (!IsPlainIdentifier(t.name)) return Status::Internal("unexpected table name " + t.name);
            t.without_rowid = Upper(r[1].AsText()).find("WITHOUT ROWID") != std::string::npos;
            ONESTORY_ASSIGN_OR_RETURN(Rows columns, tx.Query(kColumns, {t.name}));
            for (const auto& c : columns) {
                if (!IsPlainIdentifier(c[0].AsText())) return Status::Internal("unexpected column in " + t.name);
                t.columns.push_back(c[0].AsText());
                t.blob_columns.push_back(Upper(c[1].AsText()).find("BLOB") != std::string::npos);
            }
            ONESTORY_ASSIGN_OR_RETURN(Rows refs, tx.Query(kParents, {t.name}));
            for (const auto& p : refs) {
                if (p[0].AsText() != t.name) parents[t.name].insert(p[0].AsText());
            }
            tables.emplace(t.name, std::move(t));
        }
        return Status::Ok();
    }));
    // Parents first; among tables whose parents are all placed, by name.
    std::vector<SqliteTable> ordered;
    std::set<std::string> placed;
    while (ordered.size() < tables.size()) {
        bool progressed = false;
        for (auto& [name, table] : tables) {
            if (placed.contains(name)) continue;
            const auto& needs = parents[name];
            if (std::all_of(needs.begin(), needs.end(), [&](const std::string& p) { return placed.contains(p); })) {
                placed.insert(name);
                ordered.push_back(table);
                progressed = true;
                break;
            }
        }
        if (!progressed) return Status::Internal("the tables' foreign keys form a cycle; copy order unknown");
    }
    return ordered;
}

Result<std::vector<CopiedTable>> CopySqliteStore(Store& sqlite, Store& target, int batch_rows,
                                                 const std::function<void(const CopyProgress&)>& progress) {
    ONESTORY_ASSIGN_OR_RETURN(auto tables, SqliteTablesInDependencyOrder(sqlite));
    std::vector<CopiedTable> copied;
    const Status written = target.Write([&](Transaction& out) -> Status {
        copied.clear();
        for (const auto& t : tables) {
            ONESTORY_ASSIGN_OR_RETURN(auto existing, CountRows(out, t.name));
            if (existing > 0) {
                return Status::FailedPrecondition("the target database is not empty: table " + t.name + " holds " +
                                                  std::to_string(existing) + " rows; migrate into an empty database");
            }
        }
        return sqlite.Read([&](Transaction& in) -> Status {
            CopyProgress p;
            std::vector<std::int64_t> counts;
            for (const auto& t : tables) {
                ONESTORY_ASSIGN_OR_RETURN(auto n, CountRows(in, t.name));
                counts.push_back(n);
                p.total += n;
            }
            for (std::size_t i = 0; i < tables.size(); ++i) {
                const SqliteTable& t = tables[i];
                const std::size_t width = t.columns.size();
                const auto batch = std::max<std::size_t>(
                    1, std::min(static_cast<std::size_t>(std::max(batch_rows, 1)), kMaxParameters / width));
                const std::string select = SelectBatch(t);
                const std::size_t first_value = t.without_rowid ? 0 : 1;  // skip the rowid
                p.table = t.name;
                p.table_done = 0;
                p.table_rows = counts[i];
                if (progress) progress(p);
                std::int64_t cursor = 0;
                for (;;) {
                    ONESTORY_ASSIGN_OR_RETURN(Rows rows, in.Query(select, {cursor, static_cast<std::int64_t>(batch)}));
                    if (rows.empty()) break;
                    std::vector<SqlValue> params;
                    params.reserve(rows.size() * width);
                    for (auto& row : rows) {
                        for (std::size_t c = 0; c < width; ++c) {
                            SqlValue& v = row[first_value + c];
                            if (t.blob_columns[c] && std::holds_alternative<std::string>(v.variant())) {
                                v = SqlValue(Blob{v.AsText()});
                            }
                            params.push_back(std::move(v));
                        }
                    }
                    ONESTORY_RETURN_IF_ERROR(out.Exec(InsertRows(t, rows.size()), params).status());
                    cursor =
                        t.without_rowid ? cursor + static_cast<std::int64_t>(rows.size()) : rows.back().at(0).AsInt();
                    p.table_done += static_cast<std::int64_t>(rows.size());
                    p.done += static_cast<std::int64_t>(rows.size());
                    if (progress) progress(p);
                }
                copied.push_back({t.name, p.table_done});
            }
            return Status::Ok();
        });
    });
    if (!written.ok()) return written;
    return copied;
}

}  // namespace onestory::store
