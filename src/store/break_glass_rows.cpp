// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/break_glass_rows.hpp"

namespace onestory::store {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO break_glass (id, case_id, survivor_id, agency_id, staff_id, reason, granted_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kSelect =
    "SELECT id, case_id, survivor_id, agency_id, staff_id, reason, granted_at, expires_at FROM break_glass "
    "WHERE id = $1";
constexpr std::string_view kActiveForCase =
    "SELECT COUNT(*) FROM break_glass WHERE case_id = $1 AND staff_id = $2 AND granted_at <= $3 AND expires_at > $3";
constexpr std::string_view kActiveForSurvivor =
    "SELECT COUNT(*) FROM break_glass WHERE survivor_id = $1 AND staff_id = $2 AND granted_at <= $3 "
    "AND expires_at > $3";
constexpr std::string_view kOfSurvivor =
    "SELECT id, case_id, survivor_id, agency_id, staff_id, reason, granted_at, expires_at FROM break_glass "
    "WHERE survivor_id = $1 ORDER BY granted_at, id";

}  // namespace

Status InsertBreakGlass(Transaction& tx, const BreakGlassRow& b) {
    return tx
        .Exec(kInsert,
              {b.id, b.case_id, b.survivor_id, b.agency_id, b.staff_id, Blob{b.reason}, b.granted_at, b.expires_at})
        .status();
}

Result<std::optional<BreakGlassRow>> GetBreakGlass(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<BreakGlassRow>();
    const Row& r = rows[0];
    return std::optional<BreakGlassRow>(BreakGlassRow{r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(),
                                                      r[4].AsText(), r[5].AsBlob(), r[6].AsInt(), r[7].AsInt()});
}

Result<bool> HasBreakGlassForCase(Transaction& tx, std::string_view case_id, std::string_view staff_id,
                                  std::int64_t now) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kActiveForCase, {case_id, staff_id, now}));
    return rows[0][0].AsInt() > 0;
}

Result<bool> HasBreakGlassForSurvivor(Transaction& tx, std::string_view survivor_id, std::string_view staff_id,
                                      std::int64_t now) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kActiveForSurvivor, {survivor_id, staff_id, now}));
    return rows[0][0].AsInt() > 0;
}

Result<std::vector<BreakGlassRow>> ListBreakGlassOfSurvivor(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kOfSurvivor, {survivor_id}));
    std::vector<BreakGlassRow> out;
    for (const auto& r : rows) {
        out.push_back({r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsText(), r[5].AsBlob(),
                       r[6].AsInt(), r[7].AsInt()});
    }
    return out;
}

}  // namespace onestory::store
