// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/assessments/assessment_types.hpp"
#include "domain/commitments/commitment_types.hpp"
#include "domain/vocabulary.hpp"

namespace onestory::domain {

struct Case {
    std::string id;
    std::string survivor_id;
    std::string survivor_code_name;
    std::string agency_id;
    std::string opened_by;
    Stage stage = Stage::kIdentification;
    CaseStatus status = CaseStatus::kActive;
    std::vector<ExploitationType> exploitation_types;
    Instant created_at;
    Instant updated_at;
    std::int64_t version = 1;
    std::optional<std::int64_t> interview_count;  // on a single case's read
    // On a single case's read: the promises made to the survivor and how many
    // were kept on time, and the next outcome assessment due (none once closed).
    std::optional<CommitmentSummary> commitments;
    std::optional<AssessmentDue> next_assessment;
};

struct NewCase {
    std::string survivor_id;
    Stage stage = Stage::kIdentification;
    std::vector<ExploitationType> exploitation_types;
};

// A JSON merge-patch of a case: absent members stay as they are.
struct CasePatch {
    std::optional<Stage> stage;
    std::optional<CaseStatus> status;
    std::optional<std::vector<ExploitationType>> exploitation_types;
};

struct TeamMember {
    std::string staff_id;
    std::string display_name;
    std::string agency_id;
    CaseRole case_role = CaseRole::kCaseworker;
    std::string added_by;
    Instant added_at;
};

}  // namespace onestory::domain
