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

constexpr std::string_view kReferralsByService =
    "SELECT service_type, status, COUNT(*) FROM referrals WHERE ($1 = '' OR agency_id = $1) "
    "AND created_at >= $2 AND created_at < $3 GROUP BY service_type, status";
constexpr std::string_view kReferralAcceptance =
    "SELECT COALESCE(MIN(CASE WHEN t.to_status = 'sent' THEN t.at END), MIN(r.created_at)), "
    "MIN(CASE WHEN t.to_status = 'accepted' THEN t.at END) FROM referrals r "
    "JOIN referral_transitions t ON t.referral_id = r.id WHERE ($1 = '' OR r.agency_id = $1) "
    "AND r.created_at >= $2 AND r.created_at < $3 GROUP BY r.id "
    "HAVING MIN(CASE WHEN t.to_status = 'accepted' THEN t.at END) IS NOT NULL";
// $1: agency ("" for all), $2 and $3: first and last day (YYYY-MM-DD).
constexpr std::string_view kCommitmentFacts =
    "SELECT status, due, resolved_at FROM commitments WHERE ($1 = '' OR agency_id = $1) "
    "AND due >= $2 AND due <= $3";
// $1: agency ("" for all), $2: the last day (YYYY-MM-DD).
constexpr std::string_view kAssessmentScores =
    "SELECT a.case_id, a.id, a.assessed_on, s.domain, s.score FROM assessments a "
    "JOIN assessment_scores s ON s.assessment_id = a.id WHERE ($1 = '' OR a.agency_id = $1) "
    "AND a.assessed_on <= $2 ORDER BY a.case_id, a.assessed_on, a.created_at, a.id";
constexpr std::string_view kHearingAccommodations =
    "SELECT accommodations_requested, accommodations_granted FROM hearings WHERE ($1 = '' OR agency_id = $1) "
    "AND scheduled_at >= $2 AND scheduled_at < $3";

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

Result<std::vector<GroupCount>> CountReferralsByServiceAndStatus(Transaction& tx, const ReportScope& scope) {
    return Grouped(tx, kReferralsByService, scope, 2);
}

Result<std::vector<AcceptanceTimes>> ListReferralAcceptanceTimes(Transaction& tx, const ReportScope& scope) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kReferralAcceptance, {scope.agency_id, scope.from, scope.until}));
    std::vector<AcceptanceTimes> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back({r[0].AsInt(), r[1].AsInt()});
    return out;
}

Result<std::vector<CommitmentFacts>> ListCommitmentFacts(Transaction& tx, std::string_view agency_id,
                                                         std::string_view first_day, std::string_view last_day) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kCommitmentFacts, {agency_id, first_day, last_day}));
    std::vector<CommitmentFacts> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        CommitmentFacts c;
        c.status = r[0].AsText();
        c.due = r[1].AsText();
        if (!r[2].is_null()) c.resolved_at = r[2].AsInt();
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<AssessmentScoreFact>> ListAssessmentScoreFacts(Transaction& tx, std::string_view agency_id,
                                                                  std::string_view last_day) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kAssessmentScores, {agency_id, last_day}));
    std::vector<AssessmentScoreFact> out;
    out.reserve(rows.size());
    for (const auto& r : rows)
        out.push_back({r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsInt()});
    return out;
}

Result<std::vector<std::pair<std::string, std::string>>> ListHearingAccommodations(Transaction& tx,
                                                                                   const ReportScope& scope) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kHearingAccommodations, {scope.agency_id, scope.from, scope.until}));
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.emplace_back(r[0].AsText(), r[1].AsText());
    return out;
}

}  // namespace onestory::store
