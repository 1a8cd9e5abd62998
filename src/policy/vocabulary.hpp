// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "common/enum_names.hpp"

// The parts of onestory's vocabulary (DESIGN.md §3) that access decisions
// depend on. Names are the wire and storage form.
namespace onestory::policy {

enum class Role {
    kAdmin,
    kSupervisor,
    kCaseworker,
    kCounsellor,
    kInvestigator,
    kProsecutor,
    kClinician,
    kTrainer,
    kAnalyst
};

enum class AgencyKind { kNgo, kPolice, kProsecution, kCourt, kShelter, kHealth, kChildProtection, kOther };

}  // namespace onestory::policy

namespace onestory {

template <>
struct EnumNames<policy::Role> {
    using R = policy::Role;
    static constexpr std::array<std::pair<R, std::string_view>, 9> kTable{{
        {R::kAdmin, "admin"},
        {R::kSupervisor, "supervisor"},
        {R::kCaseworker, "caseworker"},
        {R::kCounsellor, "counsellor"},
        {R::kInvestigator, "investigator"},
        {R::kProsecutor, "prosecutor"},
        {R::kClinician, "clinician"},
        {R::kTrainer, "trainer"},
        {R::kAnalyst, "analyst"},
    }};
};

template <>
struct EnumNames<policy::AgencyKind> {
    using K = policy::AgencyKind;
    static constexpr std::array<std::pair<K, std::string_view>, 8> kTable{{
        {K::kNgo, "ngo"},
        {K::kPolice, "police"},
        {K::kProsecution, "prosecution"},
        {K::kCourt, "court"},
        {K::kShelter, "shelter"},
        {K::kHealth, "health"},
        {K::kChildProtection, "child_protection"},
        {K::kOther, "other"},
    }};
};

}  // namespace onestory
