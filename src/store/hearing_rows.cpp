// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/hearing_rows.hpp"

#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_HEARING_COLUMNS                                                                                 \
    "id, case_id, survivor_id, agency_id, court, scheduled_at, kind, charges, accommodations_requested, "        \
    "accommodations_granted, survivor_notified_at, notified_by, outcome, notes, created_by, created_agency_id, " \
    "created_at, updated_at, version"

constexpr std::string_view kInsert =
    "INSERT INTO hearings (" ONESTORY_HEARING_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_HEARING_COLUMNS " FROM hearings WHERE id = $1";
constexpr std::string_view kListOfCase = "SELECT " ONESTORY_HEARING_COLUMNS
                                         " FROM hearings WHERE case_id = $4 "
                                         "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                         "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kAllOfCase =
    "SELECT " ONESTORY_HEARING_COLUMNS " FROM hearings WHERE case_id = $1 ORDER BY scheduled_at, id";
constexpr std::string_view kUnnotified = "SELECT " ONESTORY_HEARING_COLUMNS
                                         " FROM hearings WHERE agency_id = $1 AND scheduled_at < $2 "
                                         "AND survivor_notified_at IS NULL AND outcome IS NULL "
                                         "ORDER BY scheduled_at, id";
constexpr std::string_view kUpdate =
    "UPDATE hearings SET court = $2, scheduled_at = $3, kind = $4, charges = $5, accommodations_requested = $6, "
    "accommodations_granted = $7, survivor_notified_at = $8, notified_by = $9, outcome = $10, notes = $11, "
    "updated_at = $12, version = $13 WHERE id = $1 AND version = $13 - 1";
#undef ONESTORY_HEARING_COLUMNS

HearingRow FromRow(const Row& r) {
    HearingRow h;
    h.id = r[0].AsText();
    h.case_id = r[1].AsText();
    h.survivor_id = r[2].AsText();
    h.agency_id = r[3].AsText();
    h.court = r[4].AsText();
    h.scheduled_at = r[5].AsInt();
    h.kind = r[6].AsText();
    h.charges = r[7].AsText();
    h.accommodations_requested = r[8].AsText();
    h.accommodations_granted = r[9].AsText();
    h.survivor_notified_at = r[10].AsOptionalInt();
    h.notified_by = r[11].AsOptionalText();
    h.outcome = r[12].AsOptionalText();
    h.notes = OptionalBlob(r[13]);
    h.created_by = r[14].AsText();
    h.created_agency_id = r[15].AsText();
    h.created_at = r[16].AsInt();
    h.updated_at = r[17].AsInt();
    h.version = r[18].AsInt();
    return h;
}

std::vector<HearingRow> AllFrom(const Rows& rows) {
    std::vector<HearingRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace

Status InsertHearing(Transaction& tx, const HearingRow& h) {
    return tx
        .Exec(kInsert,
              {h.id, h.case_id, h.survivor_id, h.agency_id, h.court, h.scheduled_at, h.kind, h.charges,
               h.accommodations_requested, h.accommodations_granted, h.survivor_notified_at, h.notified_by, h.outcome,
               BlobOrNull(h.notes), h.created_by, h.created_agency_id, h.created_at, h.updated_at, h.version})
        .status();
}

Result<std::optional<HearingRow>> GetHearing(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<HearingRow>();
    return std::optional<HearingRow>(FromRow(rows[0]));
}

Result<Page<HearingRow>> ListHearingsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows,
                              tx.Query(kListOfCase, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                     has ? page.after->id : std::string(), case_id, page.limit + 1}));
    return MakePage(AllFrom(rows), page.limit, [](const HearingRow& h) { return PageCursor{h.created_at, h.id}; });
}

Result<std::vector<HearingRow>> AllHearingsOfCase(Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kAllOfCase, {case_id}));
    return AllFrom(rows);
}

Result<std::vector<HearingRow>> ListUnnotifiedHearings(Transaction& tx, std::string_view agency_id,
                                                       std::int64_t until) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kUnnotified, {agency_id, until}));
    return AllFrom(rows);
}

Result<std::int64_t> UpdateHearing(Transaction& tx, const HearingRow& h) {
    return tx.Exec(kUpdate, {h.id, h.court, h.scheduled_at, h.kind, h.charges, h.accommodations_requested,
                             h.accommodations_granted, h.survivor_notified_at, h.notified_by, h.outcome,
                             BlobOrNull(h.notes), h.updated_at, h.version});
}

}  // namespace onestory::store
