// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"

namespace onestory::domain {

// Kinds of alert. One table holds them all; later kinds (overdue
// commitments, unanswered referrals, ...) add a name here and a producer.
inline constexpr std::string_view kAlertBreakGlass = "break_glass";

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
    std::string status;
    Instant created_at;
    std::string message;                // plain words, no protected values
    std::optional<std::string> reason;  // break glass: the reason written (protected; the read is audited)
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
