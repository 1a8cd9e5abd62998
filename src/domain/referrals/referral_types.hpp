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
#include "domain/disclosures/disclosure_types.hpp"
#include "domain/providers/provider_types.hpp"
#include "policy/policy.hpp"

namespace onestory::domain {

// proposed → sent → accepted | declined → in_service → completed | closed.
enum class ReferralStatus { kProposed, kSent, kAccepted, kDeclined, kInService, kCompleted, kClosed };

// Whether a referral may move from one state to another: the closed loop.
// Closing is possible from every state before completion (a referral
// withdrawn, declined and filed, or ended before the service was complete).
bool IsLegalTransition(ReferralStatus from, ReferralStatus to);
// Which side's step a move to `to` is (policy::ReferralStep).
policy::ReferralStep StepTo(ReferralStatus to);

// How long the receiving agency has, after accepting, to complete the
// service unless it states a date of its own (complete_by).
inline constexpr int kDaysToCompleteAfterAcceptance = 30;

struct ReferralTransition {
    std::optional<ReferralStatus> from;
    ReferralStatus to = ReferralStatus::kProposed;
    std::optional<std::string> note;  // protected
    std::string by_staff;
    std::string by_agency;
    Instant at;
};

struct Referral {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string survivor_code_name;
    std::string agency_id;
    std::string provider_id;
    std::string provider_name;
    std::optional<std::string> recipient_agency_id;
    ServiceType service_type = ServiceType::kShelter;
    std::string reason;  // protected; written for the provider
    std::vector<policy::RecordCategory> share_categories;
    std::optional<policy::Purpose> purpose;
    std::optional<std::string> consent_id;
    std::optional<policy::ConsentState> consent_status;  // now
    Date follow_up_by;
    std::optional<Date> complete_by;
    ReferralStatus status = ReferralStatus::kProposed;
    std::optional<std::string> decline_reason;  // protected
    std::vector<ReferralTransition> transitions;
    std::string created_by;
    Instant created_at;
    Instant updated_at;
    std::int64_t version = 1;
    // For the receiving agency, while the consent stands and its role fits
    // the purpose: the shared categories of the survivor's record.
    std::optional<DisclosedRecord> shared;
};

struct NewReferral {
    std::string provider_id;
    ServiceType service_type = ServiceType::kShelter;
    std::string reason;
    std::vector<policy::RecordCategory> share_categories;
    Date follow_up_by;
};

struct ReferralMove {
    ReferralStatus to = ReferralStatus::kSent;
    std::optional<std::string> note;
    std::optional<std::string> decline_reason;
    std::optional<Date> complete_by;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::ReferralStatus> {
    using S = domain::ReferralStatus;
    static constexpr std::array<std::pair<S, std::string_view>, 7> kTable{{
        {S::kProposed, "proposed"},
        {S::kSent, "sent"},
        {S::kAccepted, "accepted"},
        {S::kDeclined, "declined"},
        {S::kInService, "in_service"},
        {S::kCompleted, "completed"},
        {S::kClosed, "closed"},
    }};
};
}  // namespace onestory
