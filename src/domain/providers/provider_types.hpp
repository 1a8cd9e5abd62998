// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/enum_names.hpp"
#include "common/time.hpp"
#include "domain/vocabulary.hpp"

namespace onestory::domain {

// The services of the directory (DESIGN.md §2: peer support and group
// activities are services too).
enum class ServiceType {
    kShelter,
    kMedical,
    kMentalHealth,
    kLegalAid,
    kLivelihood,
    kEducation,
    kFamilyTracing,
    kRepatriation,
    kPeerSupport,
    kInterpretation,
};

// A provider of services: an agency using onestory (agency_id) or a service
// outside it. Nothing here is about a survivor.
struct Provider {
    std::string id;
    std::string name;
    std::optional<std::string> agency_id;
    std::vector<ServiceType> service_types;
    std::vector<std::string> languages;  // ISO 639-1
    std::optional<int> age_min;
    std::optional<int> age_max;
    std::vector<Gender> genders_served;  // empty: everyone
    std::optional<int> capacity;
    std::optional<std::string> location_area;
    std::optional<std::string> contact;
    std::string created_by;
    Instant created_at;
    std::int64_t version = 1;
};

struct NewProvider {
    std::string name;
    std::optional<std::string> agency_id;
    std::vector<ServiceType> service_types;
    std::vector<std::string> languages;
    std::optional<int> age_min;
    std::optional<int> age_max;
    std::vector<Gender> genders_served;
    std::optional<int> capacity;
    std::optional<std::string> location_area;
    std::optional<std::string> contact;
};

struct ProviderSearch {
    std::optional<ServiceType> service_type;
    std::optional<std::string> language;
    std::optional<int> age;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::ServiceType> {
    using S = domain::ServiceType;
    static constexpr std::array<std::pair<S, std::string_view>, 10> kTable{{
        {S::kShelter, "shelter"},
        {S::kMedical, "medical"},
        {S::kMentalHealth, "mental_health"},
        {S::kLegalAid, "legal_aid"},
        {S::kLivelihood, "livelihood"},
        {S::kEducation, "education"},
        {S::kFamilyTracing, "family_tracing"},
        {S::kRepatriation, "repatriation"},
        {S::kPeerSupport, "peer_support"},
        {S::kInterpretation, "interpretation"},
    }};
};
}  // namespace onestory
