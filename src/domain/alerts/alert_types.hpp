// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"

namespace onestory::domain {

// Kinds of alert. One table holds them all; a new kind adds a name here and a producer.
inline constexpr std::string_view kAlertBreakGlass = "break_glass";
// Care coordination (care_alerts.hpp raises and resolves these).
inline constexpr std::string_view kAlertCommitmentOverdue = "commitment_overdue";
inline constexpr std::string_view kAlertReferralUnanswered = "referral_unanswered";
inline constexpr std::string_view kAlertReferralNotCompleted = "referral_not_completed";
inline constexpr std::string_view kAlertSafetyPlanReview = "safety_plan_review";
inline constexpr std::string_view kAlertHearingNotNotified = "hearing_not_notified";
inline constexpr std::string_view kAlertAssessmentOverdue = "assessment_overdue";

// Something a person should look at: what, about which case, by when.
struct Alert {
    std::string id;
    std::string kind;
    std::string agency_id;
    std::optional<std::string> audience_role;
    std::optional<std::string> audience_staff_id;
    std::optional<std::string> case_id;
    std::optional<std::string> survivor_id;
    std::string survivor_code_name;
    std::optional<std::string> subject_id;
    std::optional<std::string> subject_staff_id;
    std::string subject_staff_name;
    std::optional<Instant> due_at;
    std::string status;  // open, acknowledged, resolved
    Instant created_at;
    std::string message;                // plain words, no protected values
    std::optional<std::string> reason;  // break glass: the reason written (protected; the read is audited)
    std::optional<Instant> acknowledged_at;
    std::optional<std::string> acknowledged_by;
    std::int64_t version = 1;
};

// An emergency read grant on one case.
struct BreakGlassGrant {
    std::string id;
    std::string case_id;
    std::string staff_id;
    Instant granted_at;
    Instant expires_at;
    std::string alert_id;
};

}  // namespace onestory::domain
