// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"

namespace onestory::domain {

// One decision of a case review. With an owner and a due date it becomes a
// commitment of the team (commitment_id), tracked like a promise.
struct ReviewDecision {
    std::string text;  // protected
    std::optional<std::string> owner_id;
    std::optional<Date> due;
    std::optional<std::string> commitment_id;
};

// A multidisciplinary case review: when, who attended, from which agencies,
// and what it decided.
struct CaseReview {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    Instant held_at;
    std::vector<std::string> attendees;  // staff ids
    std::vector<std::string> agencies;   // agency ids
    std::vector<ReviewDecision> decisions;
    std::string created_by;
    Instant created_at;
};

struct NewCaseReview {
    Instant held_at;
    std::vector<std::string> attendees;
    std::vector<std::string> agencies;
    std::vector<ReviewDecision> decisions;  // commitment_id is ignored
};

}  // namespace onestory::domain
