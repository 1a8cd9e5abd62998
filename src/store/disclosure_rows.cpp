// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/disclosure_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_DISCLOSURE_COLUMNS                                                                           \
    "id, case_id, survivor_id, agency_id, recipient_agency_id, purpose, consent_id, categories, created_by, " \
    "created_at"

constexpr std::string_view kInsert =
    "INSERT INTO disclosures (" ONESTORY_DISCLOSURE_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_DISCLOSURE_COLUMNS " FROM disclosures WHERE id = $1";
constexpr std::string_view kListOfCase = "SELECT " ONESTORY_DISCLOSURE_COLUMNS
                                         " FROM disclosures WHERE case_id = $4 "
                                         "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                         "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kListReceived = "SELECT " ONESTORY_DISCLOSURE_COLUMNS
                                           " FROM disclosures WHERE recipient_agency_id = $4 "
                                           "AND purpose IN ($6, $7, $8, $9, $10) "
                                           "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                           "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kListOfSurvivor =
    "SELECT " ONESTORY_DISCLOSURE_COLUMNS " FROM disclosures WHERE survivor_id = $1 ORDER BY created_at, id";
#undef ONESTORY_DISCLOSURE_COLUMNS

constexpr std::string_view kInsertPassage =
    "INSERT INTO disclosure_passages (disclosure_id, chain_id, passage_id, topic) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kListPassages =
    "SELECT disclosure_id, chain_id, passage_id, topic FROM disclosure_passages WHERE disclosure_id = $1 "
    "ORDER BY topic, chain_id";

DisclosureRow FromRow(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsText(),
            r[5].AsText(), r[6].AsText(), r[7].AsText(), r[8].AsText(), r[9].AsInt()};
}

Result<Page<DisclosureRow>> PageOf(Result<Rows> rows, int limit) {
    if (!rows.ok()) return rows.status();
    std::vector<DisclosureRow> items;
    for (const auto& r : *rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), limit, [](const DisclosureRow& d) { return PageCursor{d.created_at, d.id}; });
}

}  // namespace

Status InsertDisclosure(Transaction& tx, const DisclosureRow& d) {
    return tx
        .Exec(kInsert, {d.id, d.case_id, d.survivor_id, d.agency_id, d.recipient_agency_id, d.purpose, d.consent_id,
                        d.categories, d.created_by, d.created_at})
        .status();
}

Status InsertDisclosurePassage(Transaction& tx, const DisclosurePassageRow& p) {
    return tx.Exec(kInsertPassage, {p.disclosure_id, p.chain_id, p.passage_id, p.topic}).status();
}

Result<std::optional<DisclosureRow>> GetDisclosure(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<DisclosureRow>();
    return std::optional<DisclosureRow>(FromRow(rows[0]));
}

Result<std::vector<DisclosurePassageRow>> ListDisclosurePassages(Transaction& tx, std::string_view disclosure_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListPassages, {disclosure_id}));
    std::vector<DisclosurePassageRow> out;
    for (const auto& r : rows) out.push_back({r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText()});
    return out;
}

Result<Page<DisclosureRow>> ListDisclosuresOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    return PageOf(tx.Query(kListOfCase, {has ? 1 : 0, has ? page.after->created_at : 0,
                                         has ? page.after->id : std::string(), case_id, page.limit + 1}),
                  page.limit);
}

Result<Page<DisclosureRow>> ListReceivedDisclosures(Transaction& tx, const ReceivedFilter& filter,
                                                    const PageRequest& page) {
    const bool has = page.after.has_value();
    std::vector<std::string> purposes = filter.purposes;
    purposes.resize(5);  // unused slots match nothing: no purpose is empty
    return PageOf(
        tx.Query(kListReceived, {has ? 1 : 0, has ? page.after->created_at : 0, has ? page.after->id : std::string(),
                                 filter.recipient_agency_id, page.limit + 1, purposes[0], purposes[1], purposes[2],
                                 purposes[3], purposes[4]}),
        page.limit);
}

Result<std::vector<DisclosureRow>> ListDisclosuresOfSurvivor(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListOfSurvivor, {survivor_id}));
    std::vector<DisclosureRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace onestory::store
