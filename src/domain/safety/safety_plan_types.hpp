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

namespace onestory::domain {

enum class RiskLevel { kLow, kMedium, kHigh, kCritical };

// What a safety plan item is about.
enum class SafetyItemKind {
    kWarningSign,
    kCopingStrategy,
    kTrustedPerson,
    kSafePlace,
    kProfessionalContact,
    kEmergencyStep,
    kOther,
};

struct SafetyItem {
    SafetyItemKind kind = SafetyItemKind::kOther;
    std::string text;  // protected, like location data
};

// The case's safety plan and risk level. Items are sealed as one value.
struct SafetyPlan {
    std::string case_id;
    std::string survivor_id;
    RiskLevel risk_level = RiskLevel::kMedium;
    std::vector<SafetyItem> items;
    Date review_by;
    bool review_overdue = false;  // review_by has passed
    std::string created_by;
    Instant created_at;
    std::string updated_by;
    Instant updated_at;
    std::int64_t version = 1;
};

struct SafetyPlanInput {
    RiskLevel risk_level = RiskLevel::kMedium;
    std::vector<SafetyItem> items;
    Date review_by;
};

// The items as one string to seal, and back (length-prefixed, so any text survives).
std::string EncodeSafetyItems(const std::vector<SafetyItem>& items);
std::optional<std::vector<SafetyItem>> DecodeSafetyItems(std::string_view encoded);

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::RiskLevel> {
    using R = domain::RiskLevel;
    static constexpr std::array<std::pair<R, std::string_view>, 4> kTable{{
        {R::kLow, "low"},
        {R::kMedium, "medium"},
        {R::kHigh, "high"},
        {R::kCritical, "critical"},
    }};
};
template <>
struct EnumNames<domain::SafetyItemKind> {
    using K = domain::SafetyItemKind;
    static constexpr std::array<std::pair<K, std::string_view>, 7> kTable{{
        {K::kWarningSign, "warning_sign"},
        {K::kCopingStrategy, "coping_strategy"},
        {K::kTrustedPerson, "trusted_person"},
        {K::kSafePlace, "safe_place"},
        {K::kProfessionalContact, "professional_contact"},
        {K::kEmergencyStep, "emergency_step"},
        {K::kOther, "other"},
    }};
};
}  // namespace onestory
