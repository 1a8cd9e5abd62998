// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/trafficking_event_rows.hpp"

#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_EVENT_COLUMNS                                                                            \
    "id, case_id, survivor_id, agency_id, kind, country, place, began_on, ended_on, exploitation_types, " \
    "means_of_control, description, recorded_by, created_at, version"

constexpr std::string_view kInsert = "INSERT INTO trafficking_events (" ONESTORY_EVENT_COLUMNS
                                     ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
constexpr std::string_view kOfCase =
    "SELECT " ONESTORY_EVENT_COLUMNS " FROM trafficking_events WHERE case_id = $1 ORDER BY created_at, id";
constexpr std::string_view kOfSurvivor =
    "SELECT " ONESTORY_EVENT_COLUMNS " FROM trafficking_events WHERE survivor_id = $1 ORDER BY created_at, id";
constexpr std::string_view kOfSurvivorRange = "SELECT " ONESTORY_EVENT_COLUMNS
                                              " FROM trafficking_events WHERE survivor_id >= $1 AND survivor_id <= $2 "
                                              "ORDER BY survivor_id, created_at, id";
#undef ONESTORY_EVENT_COLUMNS

TraffickingEventRow FromRow(const Row& r) {
    TraffickingEventRow e;
    e.id = r[0].AsText();
    e.case_id = r[1].AsText();
    e.survivor_id = r[2].AsText();
    e.agency_id = r[3].AsText();
    e.kind = r[4].AsText();
    e.country = r[5].AsText();
    e.place = OptionalBlob(r[6]);
    e.began_on = r[7].AsOptionalText();
    e.ended_on = r[8].AsOptionalText();
    e.exploitation_types = r[9].AsText();
    e.means_of_control = r[10].AsText();
    e.description = OptionalBlob(r[11]);
    e.recorded_by = r[12].AsText();
    e.created_at = r[13].AsInt();
    e.version = r[14].AsInt();
    return e;
}

Result<std::vector<TraffickingEventRow>> Many(Transaction& tx, std::string_view sql,
                                              std::initializer_list<SqlValue> params) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(sql, params));
    std::vector<TraffickingEventRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace

Status InsertTraffickingEvent(Transaction& tx, const TraffickingEventRow& e) {
    return tx
        .Exec(kInsert, {e.id, e.case_id, e.survivor_id, e.agency_id, e.kind, e.country, BlobOrNull(e.place), e.began_on,
                        e.ended_on, e.exploitation_types, e.means_of_control, BlobOrNull(e.description), e.recorded_by,
                        e.created_at, e.version})
        .status();
}

Result<std::vector<TraffickingEventRow>> ListTraffickingEventsOfCase(Transaction& tx, std::string_view case_id) {
    return Many(tx, kOfCase, {case_id});
}

Result<std::vector<TraffickingEventRow>> ListTraffickingEventsOfSurvivor(Transaction& tx,
                                                                         std::string_view survivor_id) {
    return Many(tx, kOfSurvivor, {survivor_id});
}

Result<std::vector<TraffickingEventRow>> ListTraffickingEventsOfSurvivorRange(Transaction& tx,
                                                                              std::string_view first_survivor_id,
                                                                              std::string_view last_survivor_id) {
    return Many(tx, kOfSurvivorRange, {first_survivor_id, last_survivor_id});
}

}  // namespace onestory::store
