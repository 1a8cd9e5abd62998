// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "policy/vocabulary.hpp"

#include "domain/assessments/instrument.hpp"
#include "domain/wellbeing/checkin_instrument.hpp"

namespace onestory::domain {

// How long data of one retention category is kept after case closure: whole
// calendar years, or days.
struct RetentionPeriod {
    int years = 0;
    int days = 0;
};

// Installation settings, read from DATA_DIR/settings.json (every key optional;
// see docs/operations.md). Defaults are the safe choice.
struct Settings {
    std::chrono::minutes idle_timeout{30};      // idle sessions expire
    int lockout_threshold = 5;                  // consecutive failed logins before a lock
    std::chrono::minutes lockout_duration{15};  // how long the lock lasts
    int min_password_length = 12;
    // Failed logins from one client address within the window before that
    // address is refused for a while (whatever usernames it tries).
    int address_failure_limit = 30;
    std::chrono::minutes address_failure_window{15};
    // Retention category (store/retention_registry) → period after closure.
    // A category not named is kept until erased.
    std::map<std::string, RetentionPeriod> retention;
    // Staff holding any of these roles must enrol a TOTP authenticator: until
    // they have, a login gives a session that can only enrol.
    std::vector<policy::Role> totp_required_roles;
    // Where the records live: empty for SQLite in the data directory, else a
    // PostgreSQL URI (docs/operations.md, "Choosing a store").
    std::string store;
    int store_pool_size = 10;  // PostgreSQL connections each onestory process opens at most
    // Where the survivor portal's quick exit goes: a neutral site that gives
    // nothing away (https, or http for a local page).
    std::string portal_exit_url = "https://www.bbc.co.uk/weather";

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
