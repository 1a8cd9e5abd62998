// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/enum_names.hpp"
#include "common/time.hpp"

namespace onestory::domain {

// Why a survivor's record is erased. A code, never free text: the reason is
// kept in the audit and the tombstone, which outlive the survivor's data and
// so must hold nothing that could identify them.
enum class ErasureReason {
    kSurvivorRequest,
    kGuardianRequest,
    kConsentWithdrawn,
    kRegisteredInError,
    kDuplicateRegistration,
    kLegalObligation,
    kRetentionExpired,  // retention purges only
};

// awaiting_approval → approved → completed, or awaiting_approval → rejected.
// "approved" lasts only while the erasure runs (or until a restart finishes
// one a crash interrupted).
enum class ErasureStatus { kAwaitingApproval, kApproved, kCompleted, kRejected };

struct Erasure {
    std::string id;
    std::string survivor_id;
    std::string agency_id;
    ErasureReason reason = ErasureReason::kSurvivorRequest;
    ErasureStatus status = ErasureStatus::kAwaitingApproval;
    std::string requested_by;  // empty: the system (retention)
    Instant requested_at;
    std::optional<std::string> decided_by;
    std::optional<Instant> decided_at;
    std::optional<Instant> completed_at;
    std::int64_t version = 1;
};

}  // namespace onestory::domain

namespace onestory {

template <>
struct EnumNames<domain::ErasureReason> {
    using R = domain::ErasureReason;
    static constexpr std::array<std::pair<R, std::string_view>, 7> kTable{{
        {R::kSurvivorRequest, "survivor_request"},
        {R::kGuardianRequest, "guardian_request"},
        {R::kConsentWithdrawn, "consent_withdrawn"},
        {R::kRegisteredInError, "registered_in_error"},
        {R::kDuplicateRegistration, "duplicate_registration"},
        {R::kLegalObligation, "legal_obligation"},
        {R::kRetentionExpired, "retention_expired"},
    }};
};

template <>
struct EnumNames<domain::ErasureStatus> {
    using S = domain::ErasureStatus;
    static constexpr std::array<std::pair<S, std::string_view>, 4> kTable{{
        {S::kAwaitingApproval, "awaiting_approval"},
        {S::kApproved, "approved"},
        {S::kCompleted, "completed"},
        {S::kRejected, "rejected"},
    }};
};

}  // namespace onestory
