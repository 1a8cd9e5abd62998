// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/erasure_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_ERASURE_COLUMNS                                                                       \
    "id, survivor_id, agency_id, reason, status, requested_by, requested_at, decided_by, decided_at, " \
    "completed_at, version"

constexpr std::string_view kInsert =
    "INSERT INTO erasures (" ONESTORY_ERASURE_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_ERASURE_COLUMNS " FROM erasures WHERE id = $1";
constexpr std::string_view kSelectCompleted =
    "SELECT " ONESTORY_ERASURE_COLUMNS
    " FROM erasures WHERE survivor_id = $1 AND status = 'completed' ORDER BY completed_at LIMIT 1";
constexpr std::string_view kSelectInStatus =
    "SELECT " ONESTORY_ERASURE_COLUMNS " FROM erasures WHERE status = $1 ORDER BY requested_at, id";
// $5: a status or '' for all.
constexpr std::string_view kList = "SELECT " ONESTORY_ERASURE_COLUMNS
                                   " FROM erasures WHERE agency_id = $4 "
                                   "AND ($1 = 0 OR requested_at < $2 OR (requested_at = $2 AND id < $3)) "
                                   "AND ($5 = '' OR status = $5) ORDER BY requested_at DESC, id DESC LIMIT $6";
constexpr std::string_view kUpdate =
    "UPDATE erasures SET status = $2, decided_by = $3, decided_at = $4, completed_at = $5, version = $6 "
    "WHERE id = $1 AND version = $6 - 1";
#undef ONESTORY_ERASURE_COLUMNS

ErasureRow FromRow(const Row& r) {
    ErasureRow e;
    e.id = r[0].AsText();
    e.survivor_id = r[1].AsText();
    e.agency_id = r[2].AsText();
    e.reason = r[3].AsText();
    e.status = r[4].AsText();
    e.requested_by = r[5].AsText();
    e.requested_at = r[6].AsInt();
    e.decided_by = r[7].AsText();
    e.decided_at = r[8].AsInt();
    e.completed_at = r[9].AsInt();
    e.version = r[10].AsInt();
    return e;
}

Result<std::vector<ErasureRow>> All(Result<Rows> rows) {
    if (!rows.ok()) return rows.status();
    std::vector<ErasureRow> out;
    for (const auto& r : *rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace

Status InsertErasure(Transaction& tx, const ErasureRow& e) {
    return tx
        .Exec(kInsert, {e.id, e.survivor_id, e.agency_id, e.reason, e.status, e.requested_by, e.requested_at,
                        e.decided_by, e.decided_at, e.completed_at, e.version})
        .status();
}

Result<std::optional<ErasureRow>> GetErasure(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, All(tx.Query(kSelect, {id})));
    if (rows.empty()) return std::optional<ErasureRow>();
    return std::optional<ErasureRow>(std::move(rows[0]));
}

Result<std::optional<ErasureRow>> GetCompletedErasureOf(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, All(tx.Query(kSelectCompleted, {survivor_id})));
    if (rows.empty()) return std::optional<ErasureRow>();
    return std::optional<ErasureRow>(std::move(rows[0]));
}

Result<std::vector<ErasureRow>> ListErasuresInStatus(Transaction& tx, std::string_view status) {
    return All(tx.Query(kSelectInStatus, {status}));
}

Result<Page<ErasureRow>> ListErasures(Transaction& tx, const ErasureFilter& filter, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(auto rows, All(tx.Query(kList, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                              has ? page.after->id : std::string(), filter.agency_id,
                                                              filter.status.value_or(std::string()), page.limit + 1})));
    return MakePage(std::move(rows), page.limit, [](const ErasureRow& e) { return PageCursor{e.requested_at, e.id}; });
}

Result<std::int64_t> UpdateErasure(Transaction& tx, const ErasureRow& e) {
    return tx.Exec(kUpdate, {e.id, e.status, e.decided_by, e.decided_at, e.completed_at, e.version});
}

}  // namespace onestory::store
