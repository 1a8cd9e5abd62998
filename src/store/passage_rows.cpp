// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/passage_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_PASSAGE_COLUMNS                                                                                      \
    "id, chain_id, case_id, survivor_id, agency_id, interview_id, topic, sensitivity, text, version, review_status, " \
    "reviewed_by, reviewed_at, supersedes, superseded_by, created_by, created_at"

constexpr std::string_view kInsert =
    "INSERT INTO passages (" ONESTORY_PASSAGE_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_PASSAGE_COLUMNS " FROM passages WHERE id = $1";
constexpr std::string_view kSelectCurrent =
    "SELECT " ONESTORY_PASSAGE_COLUMNS " FROM passages WHERE chain_id = $1 AND superseded_by IS NULL";
constexpr std::string_view kListCurrentOfCase = "SELECT " ONESTORY_PASSAGE_COLUMNS
                                                " FROM passages WHERE case_id = $4 AND superseded_by IS NULL "
                                                "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                                "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kListCovered =
    "SELECT topic, id FROM passages WHERE survivor_id = $1 AND superseded_by IS NULL "
    "AND review_status IN ('confirmed', 'corrected') ORDER BY topic, created_at, id";
constexpr std::string_view kReview =
    "UPDATE passages SET review_status = $3, reviewed_by = $4, reviewed_at = $5 "
    "WHERE id = $1 AND review_status = $2 AND superseded_by IS NULL";
constexpr std::string_view kSupersede =
    "UPDATE passages SET superseded_by = $3 WHERE id = $1 AND review_status = $2 AND superseded_by IS NULL";
constexpr std::string_view kListAllOfSurvivor =
    "SELECT " ONESTORY_PASSAGE_COLUMNS " FROM passages WHERE survivor_id = $1 ORDER BY created_at, chain_id, version";
constexpr std::string_view kListCommentsOfSurvivor =
    "SELECT id, chain_id, passage_id, survivor_id, comment, recorded_by, created_at FROM passage_comments "
    "WHERE survivor_id = $1 ORDER BY created_at, id";
#undef ONESTORY_PASSAGE_COLUMNS

constexpr std::string_view kInsertComment =
    "INSERT INTO passage_comments (id, chain_id, passage_id, survivor_id, comment, recorded_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
// Oldest first; comments made in the same instant keep the order of the versions they were made on.
constexpr std::string_view kListComments =
    "SELECT c.id, c.chain_id, c.passage_id, c.survivor_id, c.comment, c.recorded_by, c.created_at "
    "FROM passage_comments c JOIN passages p ON p.id = c.passage_id "
    "WHERE c.chain_id = $1 ORDER BY c.created_at, p.version, c.id";

PassageRow FromRow(const Row& r) {
    PassageRow p;
    p.id = r[0].AsText();
    p.chain_id = r[1].AsText();
    p.case_id = r[2].AsText();
    p.survivor_id = r[3].AsText();
    p.agency_id = r[4].AsText();
    p.interview_id = r[5].AsText();
    p.topic = r[6].AsText();
    p.sensitivity = r[7].AsText();
    p.text = r[8].AsBlob();
    p.version = r[9].AsInt();
    p.review_status = r[10].AsText();
    p.reviewed_by = r[11].AsOptionalText();
    p.reviewed_at = r[12].AsOptionalInt();
    p.supersedes = r[13].AsOptionalText();
    p.superseded_by = r[14].AsOptionalText();
    p.created_by = r[15].AsText();
    p.created_at = r[16].AsInt();
    return p;
}

Result<std::optional<PassageRow>> One(Result<Rows> rows) {
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return std::optional<PassageRow>();
    return std::optional<PassageRow>(FromRow(rows->front()));
}

}  // namespace

Status InsertPassage(Transaction& tx, const PassageRow& p) {
    return tx
        .Exec(kInsert, {p.id, p.chain_id, p.case_id, p.survivor_id, p.agency_id, p.interview_id, p.topic, p.sensitivity,
                        Blob{p.text}, p.version, p.review_status, p.reviewed_by, p.reviewed_at, p.supersedes,
                        p.superseded_by, p.created_by, p.created_at})
        .status();
}

Result<std::optional<PassageRow>> GetPassage(Transaction& tx, std::string_view id) {
    return One(tx.Query(kSelect, {id}));
}

Result<std::optional<PassageRow>> GetCurrentPassage(Transaction& tx, std::string_view chain_id) {
    return One(tx.Query(kSelectCurrent, {chain_id}));
}

Result<Page<PassageRow>> ListCurrentPassagesOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(
        Rows rows, tx.Query(kListCurrentOfCase, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                 has ? page.after->id : std::string(), case_id, page.limit + 1}));
    std::vector<PassageRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const PassageRow& p) { return PageCursor{p.created_at, p.id}; });
}

Result<std::vector<CoveredPassage>> ListCoveredPassages(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListCovered, {survivor_id}));
    std::vector<CoveredPassage> out;
    for (const auto& r : rows) out.push_back({r[0].AsText(), r[1].AsText()});
    return out;
}

Result<std::int64_t> ReviewPassage(Transaction& tx, std::string_view id, std::string_view from_status,
                                   std::string_view to_status, std::string_view reviewed_by, std::int64_t reviewed_at) {
    return tx.Exec(kReview, {id, from_status, to_status, reviewed_by, reviewed_at});
}

Result<std::int64_t> SupersedePassage(Transaction& tx, std::string_view id, std::string_view from_status,
                                      std::string_view by_id) {
    return tx.Exec(kSupersede, {id, from_status, by_id});
}

Status InsertPassageComment(Transaction& tx, const PassageCommentRow& c) {
    return tx
        .Exec(kInsertComment,
              {c.id, c.chain_id, c.passage_id, c.survivor_id, Blob{c.comment}, c.recorded_by, c.created_at})
        .status();
}

Result<std::vector<PassageCommentRow>> ListPassageComments(Transaction& tx, std::string_view chain_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListComments, {chain_id}));
    std::vector<PassageCommentRow> out;
    for (const auto& r : rows) {
        out.push_back(
            {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsBlob(), r[5].AsText(), r[6].AsInt()});
    }
    return out;
}

Result<std::vector<PassageRow>> ListAllPassagesOfSurvivor(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListAllOfSurvivor, {survivor_id}));
    std::vector<PassageRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<std::vector<PassageCommentRow>> ListPassageCommentsOfSurvivor(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListCommentsOfSurvivor, {survivor_id}));
    std::vector<PassageCommentRow> out;
    for (const auto& r : rows) {
        out.push_back(
            {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsBlob(), r[5].AsText(), r[6].AsInt()});
    }
    return out;
}

}  // namespace onestory::store
