// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/enum_names.hpp"
#include "common/time.hpp"
#include "domain/survivors/preferences.hpp"

namespace onestory::domain {

enum class HearingKind { kFirstAppearance, kBail, kPreTrial, kTrial, kTestimony, kSentencing, kAppeal, kOther };

// Testimony accommodations a court may grant.
enum class CourtAccommodation { kScreen, kVideoLink, kClosedCourt, kSupportPerson, kPreTrialVisit, kInterpreter };

enum class HearingOutcome { kHeld, kAdjourned, kConviction, kAcquittal, kDismissed, kWithdrawn, kOther };

// A hearing this close whose survivor has not been told raises an alert.
inline constexpr std::chrono::days kHearingNoticeWindow{14};

struct Hearing {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string court;
    Instant scheduled_at;
    HearingKind kind = HearingKind::kTrial;
    std::vector<std::string> charges;
    std::vector<CourtAccommodation> accommodations_requested;
    std::vector<CourtAccommodation> accommodations_granted;
    std::optional<Instant> survivor_notified_at;
    std::optional<std::string> notified_by;  // a staff id
    std::optional<HearingOutcome> outcome;
    std::optional<std::string> notes;  // protected
    bool notice_due = false;           // within the window, survivor not told, no outcome yet
    std::string created_by;
    std::string created_agency_id;
    Instant created_at;
    Instant updated_at;
    std::int64_t version = 1;
};

struct NewHearing {
    std::string court;
    Instant scheduled_at;
    HearingKind kind = HearingKind::kTrial;
    std::vector<std::string> charges;
    std::vector<CourtAccommodation> accommodations_requested;
    std::vector<CourtAccommodation> accommodations_granted;
    std::optional<Instant> survivor_notified_at;
    std::optional<std::string> notified_by;
    std::optional<HearingOutcome> outcome;
    std::optional<std::string> notes;
};

// A JSON merge-patch of a hearing.
struct HearingPatch {
    std::optional<std::string> court;
    std::optional<Instant> scheduled_at;
    std::optional<HearingKind> kind;
    std::optional<std::vector<std::string>> charges;
    std::optional<std::vector<CourtAccommodation>> accommodations_requested;
    std::optional<std::vector<CourtAccommodation>> accommodations_granted;
    FieldPatch<Instant> survivor_notified_at;
    FieldPatch<std::string> notified_by;
    FieldPatch<HearingOutcome> outcome;
    FieldPatch<std::string> notes;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::HearingKind> {
    using K = domain::HearingKind;
    static constexpr std::array<std::pair<K, std::string_view>, 8> kTable{{
        {K::kFirstAppearance, "first_appearance"},
        {K::kBail, "bail"},
        {K::kPreTrial, "pre_trial"},
        {K::kTrial, "trial"},
        {K::kTestimony, "testimony"},
        {K::kSentencing, "sentencing"},
        {K::kAppeal, "appeal"},
        {K::kOther, "other"},
    }};
};
template <>
struct EnumNames<domain::CourtAccommodation> {
    using A = domain::CourtAccommodation;
    static constexpr std::array<std::pair<A, std::string_view>, 6> kTable{{
        {A::kScreen, "screen"},
        {A::kVideoLink, "video_link"},
        {A::kClosedCourt, "closed_court"},
        {A::kSupportPerson, "support_person"},
        {A::kPreTrialVisit, "pre_trial_visit"},
        {A::kInterpreter, "interpreter"},
    }};
};
template <>
struct EnumNames<domain::HearingOutcome> {
    using O = domain::HearingOutcome;
    static constexpr std::array<std::pair<O, std::string_view>, 7> kTable{{
        {O::kHeld, "held"},
        {O::kAdjourned, "adjourned"},
        {O::kConviction, "conviction"},
        {O::kAcquittal, "acquittal"},
        {O::kDismissed, "dismissed"},
        {O::kWithdrawn, "withdrawn"},
        {O::kOther, "other"},
    }};
};
}  // namespace onestory
