// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/assessment_rows.hpp"

#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_ASSESSMENT_COLUMNS \
    "id, case_id, survivor_id, agency_id, assessed_on, instrument, notes, created_by, created_at"

constexpr std::string_view kInsert =
    "INSERT INTO assessments (" ONESTORY_ASSESSMENT_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
constexpr std::string_view kListOfCase = "SELECT " ONESTORY_ASSESSMENT_COLUMNS
                                         " FROM assessments WHERE case_id = $4 "
                                         "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                         "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kAllOfCase =
    "SELECT " ONESTORY_ASSESSMENT_COLUMNS " FROM assessments WHERE case_id = $1 ORDER BY assessed_on, created_at, id";
constexpr std::string_view kInsertScore =
    "INSERT INTO assessment_scores (assessment_id, domain, sub_domain, score) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kListScores =
    "SELECT assessment_id, domain, sub_domain, score FROM assessment_scores WHERE assessment_id = $1 "
    "ORDER BY domain, sub_domain";
constexpr std::string_view kSchedules =
    "SELECT c.id, c.survivor_id, c.opened_by, c.created_at, COUNT(a.id), MIN(a.assessed_on) "
    "FROM cases c LEFT JOIN assessments a ON a.case_id = c.id "
    "WHERE c.agency_id = $1 AND c.status IN ('active', 'follow_up') "
    "GROUP BY c.id, c.survivor_id, c.opened_by, c.created_at ORDER BY c.created_at, c.id";
#undef ONESTORY_ASSESSMENT_COLUMNS

AssessmentRow FromRow(const Row& r) {
    return {r[0].AsText(), r[1].AsText(),      r[2].AsText(), r[3].AsText(), r[4].AsText(),
            r[5].AsText(), OptionalBlob(r[6]), r[7].AsText(), r[8].AsInt()};
}

std::vector<AssessmentRow> AllFrom(const Rows& rows) {
    std::vector<AssessmentRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace

Status InsertAssessment(Transaction& tx, const AssessmentRow& a) {
    return tx
        .Exec(kInsert, {a.id, a.case_id, a.survivor_id, a.agency_id, a.assessed_on, a.instrument, BlobOrNull(a.notes),
                        a.created_by, a.created_at})
        .status();
}

Status InsertAssessmentScore(Transaction& tx, const AssessmentScoreRow& s) {
    return tx.Exec(kInsertScore, {s.assessment_id, s.domain, s.sub_domain, s.score}).status();
}

Result<Page<AssessmentRow>> ListAssessmentsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows,
                              tx.Query(kListOfCase, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                     has ? page.after->id : std::string(), case_id, page.limit + 1}));
    return MakePage(AllFrom(rows), page.limit, [](const AssessmentRow& a) { return PageCursor{a.created_at, a.id}; });
}

Result<std::vector<AssessmentRow>> AllAssessmentsOfCase(Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kAllOfCase, {case_id}));
    return AllFrom(rows);
}

Result<std::vector<AssessmentScoreRow>> ListAssessmentScores(Transaction& tx, std::string_view assessment_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListScores, {assessment_id}));
    std::vector<AssessmentScoreRow> out;
    for (const auto& r : rows) out.push_back({r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsInt()});
    return out;
}

Result<std::vector<AssessmentScheduleRow>> ListAssessmentSchedules(Transaction& tx, std::string_view agency_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSchedules, {agency_id}));
    std::vector<AssessmentScheduleRow> out;
    for (const auto& r : rows) {
        out.push_back({r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsInt(), r[4].AsInt(), r[5].AsOptionalText()});
    }
    return out;
}

}  // namespace onestory::store
