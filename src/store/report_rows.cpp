// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/report_rows.hpp"

namespace onestory::store {
namespace {

// $1: agency ("" for all), $2 and $3: the period.
constexpr std::string_view kCasesByStage =
    "SELECT stage, status, COUNT(*) FROM cases WHERE ($1 = '' OR agency_id = $1) "
    "AND created_at >= $2 AND created_at < $3 GROUP BY stage, status";
constexpr std::string_view kCasesByExploitation =
    "SELECT c.exploitation_types, COALESCE(s.nationality, ''), COUNT(*) FROM cases c "
    "JOIN survivors s ON s.id = c.survivor_id WHERE ($1 = '' OR c.agency_id = $1) "
    "AND c.created_at >= $2 AND c.created_at < $3 GROUP BY c.exploitation_types, COALESCE(s.nationality, '')";
constexpr std::string_view kSurvivorsByInterviews =
    "SELECT n, COUNT(*) FROM (SELECT survivor_id, COUNT(*) AS n FROM interviews "
    "WHERE ($1 = '' OR agency_id = $1) AND created_at >= $2 AND created_at < $3 GROUP BY survivor_id) per_survivor "
    "GROUP BY n";
constexpr std::string_view kReasks =
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN reask_topics <> '' THEN 1 ELSE 0 END), 0) FROM interviews "
    "WHERE ($1 = '' OR agency_id = $1) AND created_at >= $2 AND created_at < $3";
constexpr std::string_view kPassagesByReview =
    "SELECT review_status, COUNT(*) FROM passages WHERE superseded_by IS NULL "
    "AND ($1 = '' OR agency_id = $1) AND created_at >= $2 AND created_at < $3 GROUP BY review_status";
// $1: the courses' agency ("" for all), $2 and $3: first and last day (YYYY-MM-DD).
constexpr std::string_view kParticipants =
    "SELECT p.profession, p.country, substr(p.held_on, 1, 4), COUNT(*) FROM training_participants p "
    "JOIN training_courses c ON c.id = p.course_id WHERE ($1 = '' OR c.agency_id = $1) "
    "AND p.held_on >= $2 AND p.held_on <= $3 GROUP BY p.profession, p.country, substr(p.held_on, 1, 4)";

std::vector<GroupCount> Groups(const Rows& rows, std::size_t keys) {
    std::vector<GroupCount> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        GroupCount g;
        for (std::size_t k = 0; k < keys; ++k) {
            g.keys.push_back(std::holds_alternative<std::int64_t>(r[k].variant()) ? std::to_string(r[k].AsInt())
                                                                                  : r[k].AsText());
        }
        g.count = r[keys].AsInt();
        out.push_back(std::move(g));
    }
    return out;
}

Result<std::vector<GroupCount>> Grouped(Transaction& tx, std::string_view sql, const ReportScope& scope,
                                        std::size_t keys) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(sql, {scope.agency_id, scope.from, scope.until}));
    return Groups(rows, keys);
}

}  // namespace

Result<std::vector<GroupCount>> CountCasesByStageAndStatus(Transaction& tx, const ReportScope& scope) {
    return Grouped(tx, kCasesByStage, scope, 2);
}

Result<std::vector<GroupCount>> CountCasesByExploitationAndNationality(Transaction& tx, const ReportScope& scope) {
    return Grouped(tx, kCasesByExploitation, scope, 2);
}

Result<std::vector<GroupCount>> CountSurvivorsByInterviews(Transaction& tx, const ReportScope& scope) {
    return Grouped(tx, kSurvivorsByInterviews, scope, 1);
}

Result<ReaskCount> CountReasks(Transaction& tx, const ReportScope& scope) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kReasks, {scope.agency_id, scope.from, scope.until}));
    return ReaskCount{rows.at(0).at(0).AsInt(), rows.at(0).at(1).AsInt()};
}

Result<std::vector<GroupCount>> CountPassagesByReview(Transaction& tx, const ReportScope& scope) {
    return Grouped(tx, kPassagesByReview, scope, 1);
}

Result<std::vector<GroupCount>> CountParticipants(Transaction& tx, std::string_view agency_id,
                                                  std::string_view first_day, std::string_view last_day) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kParticipants, {agency_id, first_day, last_day}));
    return Groups(rows, 3);
}

}  // namespace onestory::store
