// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/incident_rows.hpp"

#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_INCIDENT_COLUMNS                                                                                \
    "id, case_id, survivor_id, agency_id, occurred_on, penetration, unwanted_sexual_contact, physical_assault, " \
    "forced_marriage, denial_of_resources, psychological_abuse, gbv_type, description, created_by, created_at"

constexpr std::string_view kInsert = "INSERT INTO incidents (" ONESTORY_INCIDENT_COLUMNS
                                     ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
constexpr std::string_view kListOfCase = "SELECT " ONESTORY_INCIDENT_COLUMNS
                                         " FROM incidents WHERE case_id = $4 "
                                         "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                         "ORDER BY created_at DESC, id DESC LIMIT $5";
#undef ONESTORY_INCIDENT_COLUMNS

IncidentRow FromRow(const Row& r) {
    IncidentRow i;
    i.id = r[0].AsText();
    i.case_id = r[1].AsText();
    i.survivor_id = r[2].AsText();
    i.agency_id = r[3].AsText();
    i.occurred_on = r[4].AsText();
    i.penetration = r[5].AsBool();
    i.unwanted_sexual_contact = r[6].AsBool();
    i.physical_assault = r[7].AsBool();
    i.forced_marriage = r[8].AsBool();
    i.denial_of_resources = r[9].AsBool();
    i.psychological_abuse = r[10].AsBool();
    i.gbv_type = r[11].AsText();
    i.description = OptionalBlob(r[12]);
    i.created_by = r[13].AsText();
    i.created_at = r[14].AsInt();
    return i;
}

}  // namespace

Status InsertIncident(Transaction& tx, const IncidentRow& i) {
    return tx
        .Exec(kInsert, {i.id, i.case_id, i.survivor_id, i.agency_id, i.occurred_on, i.penetration,
                        i.unwanted_sexual_contact, i.physical_assault, i.forced_marriage, i.denial_of_resources,
                        i.psychological_abuse, i.gbv_type, BlobOrNull(i.description), i.created_by, i.created_at})
        .status();
}

Result<Page<IncidentRow>> ListIncidentsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows,
                              tx.Query(kListOfCase, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                     has ? page.after->id : std::string(), case_id, page.limit + 1}));
    std::vector<IncidentRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const IncidentRow& i) { return PageCursor{i.created_at, i.id}; });
}

}  // namespace onestory::store
