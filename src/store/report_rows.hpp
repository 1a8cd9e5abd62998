// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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

}  // namespace onestory::store
