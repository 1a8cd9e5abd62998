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

// Why information is shared: a consent names one, and so does every
// disclosure made under it.
enum class Purpose { kInvestigation, kProsecution, kAftercare, kHealth, kStatistics };

// The topics a survivor's statement is divided into; a consent's scope names
// the topics it covers.
enum class Topic {
    kBackground,
    kRecruitment,
    kTransport,
    kExploitation,
    kControl,
    kPerpetrators,
    kInjuries,
    kEscape,
    kNeeds,
    kOther
};

// Parts of a survivor's record other than the statement, as a consent's scope names them.
enum class RecordCategory {
    kIdentity,
    kContact,
    kLocation,
    kStatement,
    kHealth,
    kLegal,
    kSafetyPlan,
    kCounselling,
    kReferrals,
    kAssessments
};

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

template <>
struct EnumNames<policy::Purpose> {
    using P = policy::Purpose;
    static constexpr std::array<std::pair<P, std::string_view>, 5> kTable{{
        {P::kInvestigation, "investigation"},
        {P::kProsecution, "prosecution"},
        {P::kAftercare, "aftercare"},
        {P::kHealth, "health"},
        {P::kStatistics, "statistics"},
    }};
};

template <>
struct EnumNames<policy::Topic> {
    using T = policy::Topic;
    static constexpr std::array<std::pair<T, std::string_view>, 10> kTable{{
        {T::kBackground, "background"},
        {T::kRecruitment, "recruitment"},
        {T::kTransport, "transport"},
        {T::kExploitation, "exploitation"},
        {T::kControl, "control"},
        {T::kPerpetrators, "perpetrators"},
        {T::kInjuries, "injuries"},
        {T::kEscape, "escape"},
        {T::kNeeds, "needs"},
        {T::kOther, "other"},
    }};
};

template <>
struct EnumNames<policy::RecordCategory> {
    using C = policy::RecordCategory;
    static constexpr std::array<std::pair<C, std::string_view>, 10> kTable{{
        {C::kIdentity, "identity"},
        {C::kContact, "contact"},
        {C::kLocation, "location"},
        {C::kStatement, "statement"},
        {C::kHealth, "health"},
        {C::kLegal, "legal"},
        {C::kSafetyPlan, "safety_plan"},
        {C::kCounselling, "counselling"},
        {C::kReferrals, "referrals"},
        {C::kAssessments, "assessments"},
    }};
};

}  // namespace onestory
