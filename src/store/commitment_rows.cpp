// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/commitment_rows.hpp"

#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_COMMITMENT_COLUMNS                                                                    \
    "id, case_id, survivor_id, agency_id, to_survivor, review_id, what, owner_id, due, status, note, " \
    "survivor_told, resolved_at, created_by, created_at, updated_at, version"

constexpr std::string_view kInsert =
    "INSERT INTO commitments (" ONESTORY_COMMITMENT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_COMMITMENT_COLUMNS " FROM commitments WHERE id = $1";
constexpr std::string_view kListOfCase = "SELECT " ONESTORY_COMMITMENT_COLUMNS
                                         " FROM commitments WHERE case_id = $4 "
                                         "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                         "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kAllOfCase =
    "SELECT " ONESTORY_COMMITMENT_COLUMNS " FROM commitments WHERE case_id = $1 ORDER BY created_at, id";
constexpr std::string_view kOverdue = "SELECT " ONESTORY_COMMITMENT_COLUMNS
                                      " FROM commitments WHERE status = 'open' AND due < $3 "
                                      "AND (agency_id = $1 OR owner_id = $2) ORDER BY due, id";
constexpr std::string_view kUpdate =
    "UPDATE commitments SET what = $2, owner_id = $3, due = $4, status = $5, note = $6, survivor_told = $7, "
    "resolved_at = $8, updated_at = $9, version = $10 WHERE id = $1 AND version = $10 - 1";
#undef ONESTORY_COMMITMENT_COLUMNS

CommitmentRow FromRow(const Row& r) {
    CommitmentRow c;
    c.id = r[0].AsText();
    c.case_id = r[1].AsText();
    c.survivor_id = r[2].AsText();
    c.agency_id = r[3].AsText();
    c.to_survivor = r[4].AsBool();
    c.review_id = r[5].AsOptionalText();
    c.what = r[6].AsBlob();
    c.owner_id = r[7].AsText();
    c.due = r[8].AsText();
    c.status = r[9].AsText();
    c.note = OptionalBlob(r[10]);
    c.survivor_told = OptionalBlob(r[11]);
    c.resolved_at = r[12].AsOptionalInt();
    c.created_by = r[13].AsText();
    c.created_at = r[14].AsInt();
    c.updated_at = r[15].AsInt();
    c.version = r[16].AsInt();
    return c;
}

std::vector<CommitmentRow> AllFrom(const Rows& rows) {
    std::vector<CommitmentRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace

Status InsertCommitment(Transaction& tx, const CommitmentRow& c) {
    return tx
        .Exec(kInsert, {c.id, c.case_id, c.survivor_id, c.agency_id, c.to_survivor, c.review_id, Blob{c.what},
                        c.owner_id, c.due, c.status, BlobOrNull(c.note), BlobOrNull(c.survivor_told), c.resolved_at,
                        c.created_by, c.created_at, c.updated_at, c.version})
        .status();
}

Result<std::optional<CommitmentRow>> GetCommitment(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<CommitmentRow>();
    return std::optional<CommitmentRow>(FromRow(rows[0]));
}

Result<Page<CommitmentRow>> ListCommitmentsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows,
                              tx.Query(kListOfCase, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                     has ? page.after->id : std::string(), case_id, page.limit + 1}));
    return MakePage(AllFrom(rows), page.limit, [](const CommitmentRow& c) { return PageCursor{c.created_at, c.id}; });
}

Result<std::vector<CommitmentRow>> AllCommitmentsOfCase(Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kAllOfCase, {case_id}));
    return AllFrom(rows);
}

Result<std::vector<CommitmentRow>> ListOverdueCommitments(Transaction& tx, std::string_view agency_id,
                                                          std::string_view owner_id, std::string_view today) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kOverdue, {agency_id, owner_id, today}));
    return AllFrom(rows);
}

Result<std::int64_t> UpdateCommitment(Transaction& tx, const CommitmentRow& c) {
    return tx.Exec(kUpdate, {c.id, Blob{c.what}, c.owner_id, c.due, c.status, BlobOrNull(c.note),
                             BlobOrNull(c.survivor_told), c.resolved_at, c.updated_at, c.version});
}

}  // namespace onestory::store
