// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/venue_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_VENUE_COLUMNS "id, agency_id, name, features, created_by, created_at, version"
constexpr std::string_view kInsert =
    "INSERT INTO venues (" ONESTORY_VENUE_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_VENUE_COLUMNS " FROM venues WHERE id = $1";
constexpr std::string_view kList = "SELECT " ONESTORY_VENUE_COLUMNS
                                   " FROM venues WHERE ($4 = '' OR agency_id = $4) "
                                   "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                   "ORDER BY created_at DESC, id DESC LIMIT $5";
#undef ONESTORY_VENUE_COLUMNS

VenueRow FromRow(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsText(), r[5].AsInt(), r[6].AsInt()};
}

}  // namespace

Status InsertVenue(Transaction& tx, const VenueRow& v) {
    return tx.Exec(kInsert, {v.id, v.agency_id, v.name, v.features, v.created_by, v.created_at, v.version}).status();
}

Result<std::optional<VenueRow>> GetVenue(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<VenueRow>();
    return std::optional<VenueRow>(FromRow(rows[0]));
}

Result<Page<VenueRow>> ListVenues(Transaction& tx, const std::optional<std::string>& agency_id,
                                  const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(
        Rows rows, tx.Query(kList, {has ? 1 : 0, has ? page.after->created_at : 0, has ? page.after->id : std::string(),
                                    agency_id.value_or(std::string()), page.limit + 1}));
    std::vector<VenueRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const VenueRow& v) { return PageCursor{v.created_at, v.id}; });
}

}  // namespace onestory::store
