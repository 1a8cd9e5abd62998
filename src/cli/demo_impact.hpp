// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "cli/installation.hpp"

namespace onestory::cli {

// Who the demo's evidence-of-impact data involves.
struct DemoImpactCast {
    policy::Actor admin;
    policy::Actor trainer;
    // The NGO's staff who log exposure and take check-ins (at least five,
    // so that their supervisor sees aggregates); the first is the caseworker.
    std::vector<policy::Actor> ngo_staff;
    // Staff of other agencies who took a training.
    std::vector<policy::Actor> trained_elsewhere;
    std::string ngo_id;
    // Every demo case with the staff member who may record on it: {actor, survivor id, case id, nationality}.
    struct DemoCase {
        policy::Actor recorder;
        std::string survivor_id;
        std::string case_id;
        std::string nationality;
        bool in_a_story = false;  // used by the tell-once stories: left as they are
    };
    std::vector<DemoCase> cases;
};

// Synthetic trafficking events on every case and statistics consents for
// most survivors (so the HTCDS and CTDC exports have something to say), a
// training registry (courses, sessions in three countries, participants of
// every profession, some of them demo staff), and eight weeks of exposure
// logs, debriefs and private check-ins for the NGO's staff, one heavy week
// of which nudges the caseworker. When the installation has a manual clock
// the history is dated over past weeks; it is set back to its start after.
Status GenerateDemoImpact(Installation& installation, const DemoImpactCast& cast);

}  // namespace onestory::cli
