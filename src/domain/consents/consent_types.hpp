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
#include "policy/policy.hpp"

namespace onestory::domain {

// How the survivor gave a consent; a guardian gives it for a child, with the
// child's own assent recorded beside it.
enum class GivenAs { kWritten, kVerbal, kGuardian };

// A grant by the survivor: one recipient agency, one purpose, a scope of
// statement topics and record categories, until `valid_until` or until
// revoked. Consent is never a condition of service.
struct Consent {
    std::string id;
    std::string survivor_id;
    std::string agency_id;  // the survivor's own agency, which recorded it
    std::string recipient_agency_id;
    policy::Purpose purpose = policy::Purpose::kInvestigation;
    std::vector<policy::Topic> topics;
    std::vector<policy::RecordCategory> categories;
    Instant valid_from;
    Instant valid_until;
    GivenAs given_as = GivenAs::kWritten;
    std::optional<std::string> witnessed_by;  // protected
    std::string consent_text_version;
    std::string language;                 // ISO 639-1: the language of the text the survivor was shown
    std::optional<std::string> guardian;  // protected
    std::optional<bool> child_assent;
    std::string recorded_by;
    Instant created_at;
    std::optional<Instant> revoked_at;
    std::optional<std::string> revoked_by;
    std::optional<std::string> revoke_reason;  // protected
    policy::ConsentState status = policy::ConsentState::kActive;
    std::int64_t version = 1;
};

struct NewConsent {
    std::string recipient_agency_id;
    policy::Purpose purpose = policy::Purpose::kInvestigation;
    std::vector<policy::Topic> topics;
    std::vector<policy::RecordCategory> categories;
    Instant valid_until;
    GivenAs given_as = GivenAs::kWritten;
    std::optional<std::string> witnessed_by;
    std::string consent_text_version;
    std::string language;
    std::optional<std::string> guardian;
    std::optional<bool> child_assent;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::GivenAs> {
    using G = domain::GivenAs;
    static constexpr std::array<std::pair<G, std::string_view>, 3> kTable{{
        {G::kWritten, "written"},
        {G::kVerbal, "verbal"},
        {G::kGuardian, "guardian"},
    }};
};
}  // namespace onestory
