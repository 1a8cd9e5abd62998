// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/enum_names.hpp"
#include "common/time.hpp"
#include "domain/vocabulary.hpp"

namespace onestory::domain {

// The kinds of trafficking event and the means of control, in the Human
// Trafficking Case Data Standard's vocabulary (hte_Type, vic_MethodsOfControl).
enum class EventKind { kRecruitment, kTransit, kExploitation };
enum class MeansOfControl {
    kDebtBondage,
    kTakesEarnings,
    kRestrictsFinancialAccess,
    kThreats,
    kPsychologicalAbuse,
    kPhysicalAbuse,
    kSexualAbuse,
    kFalsePromises,
    kPsychoactiveSubstances,
    kRestrictsMovement,
    kRestrictsMedicalCare,
    kExcessiveWorkingHours,
    kUsesChildren,
    kThreatOfLawEnforcement,
    kWithholdsNecessities,
    kWithholdsDocuments,
    kOther,
};

// One step of what happened to the survivor: where (the country plain, the
// place sealed as location data), when, and for exploitation its types and
// the means of control used. The description is sealed.
struct TraffickingEvent {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    EventKind kind = EventKind::kExploitation;
    std::string country;
    std::optional<std::string> place;  // protected
    std::optional<Date> began_on;
    std::optional<Date> ended_on;
    std::vector<ExploitationType> exploitation_types;
    std::vector<MeansOfControl> means_of_control;
    std::optional<std::string> description;  // protected
    std::string recorded_by;
    Instant created_at;
    std::int64_t version = 1;
};

struct NewTraffickingEvent {
    EventKind kind = EventKind::kExploitation;
    std::string country;
    std::optional<std::string> place;
    std::optional<Date> began_on;
    std::optional<Date> ended_on;
    std::vector<ExploitationType> exploitation_types;
    std::vector<MeansOfControl> means_of_control;
    std::optional<std::string> description;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::EventKind> {
    using K = domain::EventKind;
    static constexpr std::array<std::pair<K, std::string_view>, 3> kTable{{
        {K::kRecruitment, "recruitment"},
        {K::kTransit, "transit"},
        {K::kExploitation, "exploitation"},
    }};
};

template <>
struct EnumNames<domain::MeansOfControl> {
    using M = domain::MeansOfControl;
    static constexpr std::array<std::pair<M, std::string_view>, 17> kTable{{
        {M::kDebtBondage, "debt_bondage"},
        {M::kTakesEarnings, "takes_earnings"},
        {M::kRestrictsFinancialAccess, "restricts_financial_access"},
        {M::kThreats, "threats"},
        {M::kPsychologicalAbuse, "psychological_abuse"},
        {M::kPhysicalAbuse, "physical_abuse"},
        {M::kSexualAbuse, "sexual_abuse"},
        {M::kFalsePromises, "false_promises"},
        {M::kPsychoactiveSubstances, "psychoactive_substances"},
        {M::kRestrictsMovement, "restricts_movement"},
        {M::kRestrictsMedicalCare, "restricts_medical_care"},
        {M::kExcessiveWorkingHours, "excessive_working_hours"},
        {M::kUsesChildren, "uses_children"},
        {M::kThreatOfLawEnforcement, "threat_of_law_enforcement"},
        {M::kWithholdsNecessities, "withholds_necessities"},
        {M::kWithholdsDocuments, "withholds_documents"},
        {M::kOther, "other"},
    }};
};
}  // namespace onestory
