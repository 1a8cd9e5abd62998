// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// The aggregate queries behind the reports: counts grouped by plain
// (never sealed) columns, so no report ever opens a protected value.
struct ReportScope {
    std::string agency_id;   // "" for every agency
    std::int64_t from = 0;   // microseconds, inclusive
    std::int64_t until = 0;  // microseconds, exclusive
};

// A count for one combination of grouping values.
struct GroupCount {
    std::vector<std::string> keys;
    std::int64_t count = 0;
};

// Cases opened in the scope, by stage and status.
Result<std::vector<GroupCount>> CountCasesByStageAndStatus(Transaction& tx, const ReportScope& scope);
// Cases opened in the scope by their comma-joined exploitation types and the
// survivor's nationality ("" when unknown).
Result<std::vector<GroupCount>> CountCasesByExploitationAndNationality(Transaction& tx, const ReportScope& scope);
// Survivors by how many interviews (planned in the scope) they had: keys {n}.
Result<std::vector<GroupCount>> CountSurvivorsByInterviews(Transaction& tx, const ReportScope& scope);
struct ReaskCount {
    std::int64_t interviews = 0;
    std::int64_t reasked = 0;  // planned although a topic was already on record
};
Result<ReaskCount> CountReasks(Transaction& tx, const ReportScope& scope);
// Current passage versions written in the scope, by review status.
Result<std::vector<GroupCount>> CountPassagesByReview(Transaction& tx, const ReportScope& scope);
// Training participants of sessions held from first_day to last_day
// (YYYY-MM-DD, inclusive) of courses of the agency ("" for all), keys
// {profession, country, year}.
Result<std::vector<GroupCount>> CountParticipants(Transaction& tx, std::string_view agency_id,
                                                  std::string_view first_day, std::string_view last_day);

// Referrals made in the scope, by service type and current status.
Result<std::vector<GroupCount>> CountReferralsByServiceAndStatus(Transaction& tx, const ReportScope& scope);
// For each referral made in the scope and accepted: when it was sent (or,
// never sent through onestory, made) and when first accepted, microseconds.
struct AcceptanceTimes {
    std::int64_t sent_at = 0;
    std::int64_t accepted_at = 0;
};
Result<std::vector<AcceptanceTimes>> ListReferralAcceptanceTimes(Transaction& tx, const ReportScope& scope);
// Commitments due from first_day to last_day (YYYY-MM-DD, inclusive): their
// status, due day and when they were resolved. Nothing else of them.
struct CommitmentFacts {
    std::string status;
    std::string due;
    std::optional<std::int64_t> resolved_at;
};
Result<std::vector<CommitmentFacts>> ListCommitmentFacts(Transaction& tx, std::string_view agency_id,
                                                         std::string_view first_day, std::string_view last_day);
// Every sub-domain score of the assessments of the agency ("" for all)
// scored on or before last_day, ordered by case, day and time of recording.
// The case id only groups the rows; no report shows it.
struct AssessmentScoreFact {
    std::string case_id;
    std::string assessment_id;
    std::string assessed_on;
    std::string domain;
    std::int64_t score = 0;
};
Result<std::vector<AssessmentScoreFact>> ListAssessmentScoreFacts(Transaction& tx, std::string_view agency_id,
                                                                  std::string_view last_day);
// The accommodations requested and granted (comma-joined) of each hearing scheduled in the scope.
Result<std::vector<std::pair<std::string, std::string>>> ListHearingAccommodations(Transaction& tx,
                                                                                   const ReportScope& scope);

}  // namespace onestory::store
