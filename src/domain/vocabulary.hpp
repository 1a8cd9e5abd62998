// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "common/enum_names.hpp"
#include "common/time.hpp"

// Case and survivor vocabulary (DESIGN.md §3; case status and exploitation
// types follow the Human Trafficking Case Data Standard).
namespace onestory::domain {

enum class Stage { kIdentification, kIntake, kInvestigation, kProsecution, kAftercare, kClosed };
enum class CaseStatus { kActive, kFollowUp, kClosed, kClosedReferred };
enum class ExploitationType {
    kSexualExploitation,
    kForcedLabour,
    kDomesticServitude,
    kForcedMarriage,
    kForcedCriminality,
    kForcedBegging,
    kForcedMilitary,
    kOrganRemoval,
    kOther,
};
enum class Gender { kFemale, kMale, kNonBinary, kOther, kUndisclosed };
enum class CaseRole { kLead, kCaseworker, kCounsellor, kInvestigator, kProsecutor, kClinician, kSupervisor, kSupport };

// ISO 3166-1 alpha-2 (plus ZZ, "unknown") and ISO 639-1 language codes.
bool IsCountryCode(std::string_view code);
bool IsLanguageCode(std::string_view code);

// Age bands of the Counter-Trafficking Data Collaborative, so that reports and
// exports can use them without a birth date: 0-8, 9-17, 18-20, 21-23, 24-26,
// 27-29, 30-38, 39-47, 48+.
std::string_view AgeBand(Date birth_date, Date today);

}  // namespace onestory::domain

namespace onestory {

template <>
struct EnumNames<domain::Stage> {
    using S = domain::Stage;
    static constexpr std::array<std::pair<S, std::string_view>, 6> kTable{{
        {S::kIdentification, "identification"},
        {S::kIntake, "intake"},
        {S::kInvestigation, "investigation"},
        {S::kProsecution, "prosecution"},
        {S::kAftercare, "aftercare"},
        {S::kClosed, "closed"},
    }};
};

template <>
struct EnumNames<domain::CaseStatus> {
    using S = domain::CaseStatus;
    static constexpr std::array<std::pair<S, std::string_view>, 4> kTable{{
        {S::kActive, "active"},
        {S::kFollowUp, "follow_up"},
        {S::kClosed, "closed"},
        {S::kClosedReferred, "closed_referred"},
    }};
};

template <>
struct EnumNames<domain::ExploitationType> {
    using E = domain::ExploitationType;
    static constexpr std::array<std::pair<E, std::string_view>, 9> kTable{{
        {E::kSexualExploitation, "sexual_exploitation"},
        {E::kForcedLabour, "forced_labour"},
        {E::kDomesticServitude, "domestic_servitude"},
        {E::kForcedMarriage, "forced_marriage"},
        {E::kForcedCriminality, "forced_criminality"},
        {E::kForcedBegging, "forced_begging"},
        {E::kForcedMilitary, "forced_military"},
        {E::kOrganRemoval, "organ_removal"},
        {E::kOther, "other"},
    }};
};

template <>
struct EnumNames<domain::Gender> {
    using G = domain::Gender;
    static constexpr std::array<std::pair<G, std::string_view>, 5> kTable{{
        {G::kFemale, "female"},
        {G::kMale, "male"},
        {G::kNonBinary, "non_binary"},
        {G::kOther, "other"},
        {G::kUndisclosed, "undisclosed"},
    }};
};

template <>
struct EnumNames<domain::CaseRole> {
    using R = domain::CaseRole;
    static constexpr std::array<std::pair<R, std::string_view>, 8> kTable{{
        {R::kLead, "lead"},
        {R::kCaseworker, "caseworker"},
        {R::kCounsellor, "counsellor"},
        {R::kInvestigator, "investigator"},
        {R::kProsecutor, "prosecutor"},
        {R::kClinician, "clinician"},
        {R::kSupervisor, "supervisor"},
        {R::kSupport, "support"},
    }};
};

}  // namespace onestory
