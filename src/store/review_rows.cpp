// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/review_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_REVIEW_COLUMNS \
    "id, case_id, survivor_id, agency_id, held_at, attendees, agencies, created_by, created_at"

constexpr std::string_view kInsert =
    "INSERT INTO case_reviews (" ONESTORY_REVIEW_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
constexpr std::string_view kListOfCase = "SELECT " ONESTORY_REVIEW_COLUMNS
                                         " FROM case_reviews WHERE case_id = $4 "
                                         "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                         "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kAllOfCase =
    "SELECT " ONESTORY_REVIEW_COLUMNS " FROM case_reviews WHERE case_id = $1 ORDER BY held_at, id";
constexpr std::string_view kInsertDecision =
    "INSERT INTO review_decisions (review_id, position, text, owner_id, due, commitment_id) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kListDecisions =
    "SELECT review_id, position, text, owner_id, due, commitment_id FROM review_decisions WHERE review_id = $1 "
    "ORDER BY position";
#undef ONESTORY_REVIEW_COLUMNS

ReviewRow FromRow(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsInt(),
            r[5].AsText(), r[6].AsText(), r[7].AsText(), r[8].AsInt()};
}

std::vector<ReviewRow> AllFrom(const Rows& rows) {
    std::vector<ReviewRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace

Status InsertReview(Transaction& tx, const ReviewRow& v) {
    return tx
        .Exec(kInsert, {v.id, v.case_id, v.survivor_id, v.agency_id, v.held_at, v.attendees, v.agencies, v.created_by,
                        v.created_at})
        .status();
}

Status InsertReviewDecision(Transaction& tx, const ReviewDecisionRow& d) {
    return tx.Exec(kInsertDecision, {d.review_id, d.position, Blob{d.text}, d.owner_id, d.due, d.commitment_id})
        .status();
}

Result<Page<ReviewRow>> ListReviewsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows,
                              tx.Query(kListOfCase, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                     has ? page.after->id : std::string(), case_id, page.limit + 1}));
    return MakePage(AllFrom(rows), page.limit, [](const ReviewRow& v) { return PageCursor{v.created_at, v.id}; });
}

Result<std::vector<ReviewRow>> AllReviewsOfCase(Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kAllOfCase, {case_id}));
    return AllFrom(rows);
}

Result<std::vector<ReviewDecisionRow>> ListReviewDecisions(Transaction& tx, std::string_view review_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListDecisions, {review_id}));
    std::vector<ReviewDecisionRow> out;
    for (const auto& r : rows) {
        out.push_back({r[0].AsText(), r[1].AsInt(), r[2].AsBlob(), r[3].AsOptionalText(), r[4].AsOptionalText(),
                       r[5].AsOptionalText()});
    }
    return out;
}

}  // namespace onestory::store
