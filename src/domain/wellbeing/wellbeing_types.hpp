// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/enum_names.hpp"
#include "common/time.hpp"

namespace onestory::domain {

enum class ExposureKind { kInterview, kEvidenceReview, kHearing, kOther };

// Time spent with traumatic material.
struct Exposure {
    std::string id;
    Date on;
    Date week;  // the Monday of its week
    std::int64_t minutes = 0;
    ExposureKind kind = ExposureKind::kOther;
    Instant created_at;
};

struct NewExposure {
    Date on;
    std::int64_t minutes = 0;
    ExposureKind kind = ExposureKind::kOther;
};

// A private reminder to the staff member: a week of heavy exposure without a
// debrief. Nobody else sees it.
struct Nudge {
    std::string id;
    Date week;
    std::int64_t exposure_minutes = 0;
    std::int64_t threshold_minutes = 0;
    std::string status;  // open, resolved, dismissed
    Instant created_at;
    std::string message;
};

struct ExposureLogged {
    Exposure exposure;
    std::int64_t week_minutes = 0;  // the staff member's total for that week
    std::optional<Nudge> nudge;     // raised by this exposure
};

struct Debrief {
    std::string id;
    Date on;
    Date week;
    Instant created_at;
    int nudges_resolved = 0;
};

// One private check-in, as only its owner reads it.
struct Checkin {
    std::string id;
    Instant taken_at;
    Date week;
    std::string instrument_id;
    std::string instrument_version;
    std::map<std::string, int> answers;
    double score = 0;  // 0 to 100, higher is better
    std::optional<std::string> note;
};

struct CheckinTrend {
    std::optional<double> latest;
    std::optional<double> previous;
    std::optional<double> change;  // latest - previous
    std::string direction;         // "better", "worse", "same", or "" with fewer than two
};

// The staff member's own check-ins, oldest first, with their trend.
struct CheckinHistory {
    std::vector<Checkin> items;
    CheckinTrend trend;
};

// One week of an agency, aggregated; figures over fewer than five staff are absent.
struct WellbeingWeek {
    Date week;
    std::optional<double> exposure_hours;       // total over the staff who logged exposure
    std::optional<double> mean_exposure_hours;  // per staff member who logged exposure
    std::optional<std::int64_t> staff_with_exposure;
    std::optional<double> share_checked_in;  // of the agency's active staff
};

struct WellbeingSummary {
    std::string agency_id;
    int minimum_staff = 5;
    std::optional<std::int64_t> active_staff;  // absent below the minimum
    std::vector<WellbeingWeek> weeks;
    std::vector<std::string> notes;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::ExposureKind> {
    using K = domain::ExposureKind;
    static constexpr std::array<std::pair<K, std::string_view>, 4> kTable{{
        {K::kInterview, "interview"},
        {K::kEvidenceReview, "evidence_review"},
        {K::kHearing, "hearing"},
        {K::kOther, "other"},
    }};
};
}  // namespace onestory
