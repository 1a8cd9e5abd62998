// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "domain/assessments/instrument.hpp"
#include "domain/wellbeing/checkin_instrument.hpp"

namespace onestory::domain {

// Installation settings, read from DATA_DIR/settings.json (every key optional;
// see docs/operations.md). Defaults are the safe choice.
struct Settings {
    std::chrono::minutes idle_timeout{30};      // idle sessions expire
    int lockout_threshold = 5;                  // consecutive failed logins before a lock
    std::chrono::minutes lockout_duration{15};  // how long the lock lasts
    int min_password_length = 12;
    // Where the records live: empty for SQLite in the data directory, else a
    // PostgreSQL URI (docs/operations.md, "Choosing a store").
    std::string store;
    int store_pool_size = 10;  // PostgreSQL connections each onestory process opens at most

    // Reports: counts below this are shown as "<N" (and protected from subtraction).
    int suppression_threshold = 5;
    // Trainings a duty needs: a course id, or none (setting "require_training").
    std::optional<std::string> require_training_interviewer;
    std::optional<std::string> require_training_assessor;
    // A staff member whose exposure to traumatic material in one week passes
    // this, with no debrief that week, gets a private nudge.
    int exposure_nudge_minutes = 600;
    // The self-check staff take (DATA_DIR/checkin_instrument.json, else onestory's own).
    CheckinInstrument checkin_instrument = DefaultCheckinInstrument();
    // Outcome assessments: the instrument in force (DATA_DIR/assessment_instrument.json,
    // else onestory's own) and when a survivor counts as restored.
    AssessmentInstrument instrument = DefaultInstrument();
    RestorationRule restoration;
};

}  // namespace onestory::domain
