// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "cli/installation.hpp"

namespace onestory::cli {

// Who the demo's tell-once stories involve, and where they happen.
struct DemoStoryCast {
    policy::Actor supervisor;    // of the NGO
    policy::Actor caseworker;    // of the NGO, leading the cases below
    policy::Actor investigator;  // of the police
    policy::Actor prosecutor;
    policy::Actor clinician;
    policy::Actor shelter;  // a caseworker of the shelter
    std::string ngo_id, police_id, prosecution_id, health_id;
    // Cases the caseworker leads: {survivor id, case id}, at least four.
    std::vector<std::pair<std::string, std::string>> cases;
};

// Synthetic "tell it once" data: venues, preferences, consents (active,
// revoked), interviews held and planned, passages reviewed, confirmed and
// corrected with the survivor's comments, disclosures to the police and a
// clinic that their staff have read, and one emergency access with its alert.
// Every word of it is invented and non-graphic.
Status GenerateDemoStories(Installation& installation, const DemoStoryCast& cast);

}  // namespace onestory::cli
