// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::store {

// An outcome assessment: its scores are plain (one row per sub-domain), its
// notes sealed. assessed_on is YYYY-MM-DD.
struct AssessmentRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string assessed_on;
    std::string instrument;
    std::optional<std::string> notes;  // sealed
    std::string created_by;
    std::int64_t created_at = 0;
};

struct AssessmentScoreRow {
    std::string assessment_id;
    std::string domain;
    std::string sub_domain;
    std::int64_t score = 0;
};

// The assessments schedule needs: for each active case of an agency, how
// many assessments it has and the date of the first.
struct AssessmentScheduleRow {
    std::string case_id;
    std::string survivor_id;
    std::string opened_by;
    std::int64_t case_created_at = 0;
    std::int64_t count = 0;
    std::optional<std::string> first_on;
};

Status InsertAssessment(Transaction& tx, const AssessmentRow& row);
Status InsertAssessmentScore(Transaction& tx, const AssessmentScoreRow& row);
// Newest first (by creation).
Result<Page<AssessmentRow>> ListAssessmentsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);
// Oldest first by the date assessed (trends, the schedule, the timeline).
Result<std::vector<AssessmentRow>> AllAssessmentsOfCase(Transaction& tx, std::string_view case_id);
Result<std::vector<AssessmentScoreRow>> ListAssessmentScores(Transaction& tx, std::string_view assessment_id);
// Cases of the agency whose status is active or follow_up.
Result<std::vector<AssessmentScheduleRow>> ListAssessmentSchedules(Transaction& tx, std::string_view agency_id);

}  // namespace onestory::store
