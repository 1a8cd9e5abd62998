// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/enum_names.hpp"
#include "common/time.hpp"

namespace onestory::domain {

// The GBV types of the GBV Information Management System's classification,
// in the order it asks about them.
enum class GbvType {
    kRape,
    kSexualAssault,
    kPhysicalAssault,
    kForcedMarriage,
    kDenialOfResources,
    kPsychologicalAbuse,
    kNonGbv,
};

// The classification's questions, answered yes or no.
struct IncidentAnswers {
    bool penetration = false;
    bool unwanted_sexual_contact = false;
    bool physical_assault = false;
    bool forced_marriage = false;
    bool denial_of_resources = false;
    bool psychological_abuse = false;
};

// The first question answered yes decides the type, in GBVIMS order; no yes
// at all is non_gbv. The type is recorded for reports; it never gates a
// service or a referral.
GbvType ClassifyIncident(const IncidentAnswers& answers);

struct Incident {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    Date occurred_on;
    IncidentAnswers answers;
    GbvType gbv_type = GbvType::kNonGbv;
    std::optional<std::string> description;  // protected
    std::string created_by;
    Instant created_at;
};

struct NewIncident {
    Date occurred_on;
    IncidentAnswers answers;
    std::optional<std::string> description;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::GbvType> {
    using G = domain::GbvType;
    static constexpr std::array<std::pair<G, std::string_view>, 7> kTable{{
        {G::kRape, "rape"},
        {G::kSexualAssault, "sexual_assault"},
        {G::kPhysicalAssault, "physical_assault"},
        {G::kForcedMarriage, "forced_marriage"},
        {G::kDenialOfResources, "denial_of_resources"},
        {G::kPsychologicalAbuse, "psychological_abuse"},
        {G::kNonGbv, "non_gbv"},
    }};
};
}  // namespace onestory
