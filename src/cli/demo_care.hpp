// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli/installation.hpp"

namespace onestory::cli {

// Who the demo's care-coordination histories involve.
struct DemoCareCast {
    policy::Actor admin;
    policy::Actor supervisor;  // of the NGO
    policy::Actor caseworker;  // of the NGO, leading the cases below
    policy::Actor counsellor;  // of the NGO
    policy::Actor investigator;
    policy::Actor prosecutor;
    policy::Actor clinician;
    policy::Actor shelter;  // a caseworker of the shelter
    std::string ngo_id, police_id, prosecution_id, shelter_id, health_id;
    // Cases the caseworker leads: {survivor id, case id}, at least four.
    std::vector<std::pair<std::string, std::string>> cases;
};

// Synthetic care coordination: a service directory of invented providers;
// referrals in every state (completed, declined, unanswered past their
// follow-up, accepted and not completed in time, proposed); promises kept on
// time, kept late, changed, missed, open and overdue; safety plans (one past
// its review date); hearings (one within two weeks the survivor has not
// been told of); a multidisciplinary case review with team commitments;
// classified incidents; and outcome assessments over a year (intake, six
// months, a year on) for survivors whose scores improve, one of them now
// overdue. The history is laid out over the past year by moving the
// installation's manual clock, which must exist; it is left where it was
// found. Every word is invented and non-graphic.
Status GenerateDemoCare(Installation& installation, const DemoCareCast& cast);

}  // namespace onestory::cli
