// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/retention_registry.hpp"

namespace onestory::store {
namespace {

using Scope = RetentionCategory::Scope;

const std::vector<RetentionCategory>& Categories() {
    static const std::vector<RetentionCategory> kCategories{
        {"contact",
         "contact details and address",
         Scope::kSurvivor,
         "survivors",
         "id",
         {"contact", "address"},
         true,
         {}},
        {"statement",
         "the survivor's statement: every passage of a case, with its comments",
         Scope::kCase,
         "passages",
         "case_id",
         {},
         false,
         {"DELETE FROM disclosure_passages WHERE passage_id IN (SELECT id FROM passages WHERE case_id = $1)",
          "DELETE FROM passage_comments WHERE passage_id IN (SELECT id FROM passages WHERE case_id = $1)",
          "DELETE FROM passages WHERE case_id = $1"}},
        {"record", "the whole record (erased as an erasure would)", Scope::kSurvivor, "survivors", "id", {}, false, {}},
    };
    return kCategories;
}

constexpr std::string_view kGetRun = "SELECT last_run_at FROM maintenance_runs WHERE name = $1";
constexpr std::string_view kPutRun =
    "INSERT INTO maintenance_runs (name, last_run_at) VALUES ($1, $2) "
    "ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at";

// "(CASE WHEN a IS NOT NULL THEN 1 ELSE 0 END + ...)" and "(a IS NOT NULL OR ...)".
std::string ValuesHeld(const RetentionCategory& c) {
    if (!c.delete_rows.empty()) return "1";  // each row
    if (c.columns.empty()) return "0";
    std::string out = "(";
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        out += (i > 0 ? " + " : "") + std::string("CASE WHEN t.") + std::string(c.columns[i]) +
               " IS NOT NULL THEN 1 ELSE 0 END";
    }
    return out + ")";
}

std::string AnyHeld(const RetentionCategory& c) {
    if (c.columns.empty()) return "1 = 1";
    std::string out = "(";
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        out += (i > 0 ? " OR " : "") + std::string("t.") + std::string(c.columns[i]) + " IS NOT NULL";
    }
    return out + ")";
}

// $1: cutoff, $2: limit.
std::string CandidatesSql(const RetentionCategory& c) {
    const std::string table(c.table);
    const std::string key = "t." + std::string(c.key_column);
    if (c.scope == Scope::kSurvivor) {
        return "SELECT " + key + ", '', (SELECT s.agency_id FROM survivors s WHERE s.id = " + key + "), " +
               ValuesHeld(c) + " FROM " + table + " t WHERE " + AnyHeld(c) +
               " AND EXISTS (SELECT 1 FROM cases c WHERE c.survivor_id = " + key +
               ") AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.survivor_id = " + key +
               " AND (c.closed_at = 0 OR c.closed_at >= $1)) ORDER BY " + key + " LIMIT $2";
    }
    return "SELECT c.survivor_id, c.id, c.agency_id, SUM(" + ValuesHeld(c) + ") FROM " + table +
           " t JOIN cases c ON c.id = " + key + " WHERE c.closed_at <> 0 AND c.closed_at < $1 AND " + AnyHeld(c) +
           " GROUP BY c.survivor_id, c.id, c.agency_id ORDER BY c.id LIMIT $2";
}

}  // namespace

std::span<const RetentionCategory> RetentionCategories() {
    return Categories();
}

const RetentionCategory* FindRetentionCategory(std::string_view name) {
    for (const auto& c : Categories()) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

Result<std::vector<RetentionCandidate>> FindRetentionCandidates(Transaction& tx, const RetentionCategory& category,
                                                                std::int64_t cutoff, int limit) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(CandidatesSql(category), {cutoff, limit}));
    std::vector<RetentionCandidate> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back({r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsInt()});
    return out;
}

Result<std::int64_t> PurgeRetentionValues(Transaction& tx, const RetentionCategory& category,
                                          const RetentionCandidate& candidate) {
    if (category.whole_record()) return Status::Internal("a whole record is erased, not purged column by column");
    const std::string& key =
        category.scope == RetentionCategory::Scope::kSurvivor ? candidate.survivor_id : candidate.case_id;
    if (!category.delete_rows.empty()) {
        std::int64_t rows = 0;
        for (const auto& statement : category.delete_rows) {
            ONESTORY_ASSIGN_OR_RETURN(std::int64_t n, tx.Exec(statement, {key}));
            rows += n;
        }
        return rows;
    }
    std::string sql = "UPDATE " + std::string(category.table) + " SET ";
    for (std::size_t i = 0; i < category.columns.size(); ++i) {
        sql += (i > 0 ? ", " : "") + std::string(category.columns[i]) + " = NULL";
    }
    if (category.versioned) sql += ", version = version + 1";
    sql += " WHERE " + std::string(category.key_column) + " = $1";
    return tx.Exec(sql, {key});
}

Result<std::int64_t> GetLastMaintenanceRun(Transaction& tx, std::string_view name) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kGetRun, {name}));
    return rows.empty() ? std::int64_t{0} : rows[0][0].AsInt();
}

Status PutLastMaintenanceRun(Transaction& tx, std::string_view name, std::int64_t at) {
    return tx.Exec(kPutRun, {name, at}).status();
}

}  // namespace onestory::store
