// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "policy/policy.hpp"

namespace onestory::domain {

struct Agency {
    std::string id;
    std::string name;
    policy::AgencyKind kind = policy::AgencyKind::kOther;
    std::string country;  // ISO 3166-1 alpha-2
    Instant created_at;
    std::int64_t version = 1;
};

struct NewAgency {
    std::string name;
    policy::AgencyKind kind = policy::AgencyKind::kOther;
    std::string country;
};

struct StaffMember {
    std::string id;
    std::string agency_id;
    std::string username;
    std::string display_name;
    std::vector<policy::Role> roles;
    bool active = true;
    Instant created_at;
    std::int64_t version = 1;
};

struct NewStaff {
    std::string username;
    std::string password;
    std::string display_name;
    std::string agency_id;
    std::vector<policy::Role> roles;
};

// A successful login: the bearer token and CSRF token are shown once and
// stored only as hashes.
struct LoginResult {
    std::string token;
    std::string csrf_token;
    StaffMember staff;
    // The session may only enrol a second factor (settings require one).
    bool totp_enrolment_required = false;
};

// A TOTP enrolment begun: the secret, shown once, for the authenticator app.
struct TotpEnrolment {
    std::string secret;       // base32
    std::string otpauth_uri;  // for a QR code
};

// An authenticated request's principal.
struct Principal {
    policy::Actor actor;
    std::string token_hash;
    std::string csrf_hash;
    StaffMember staff;        // empty for survivor principals
    bool restricted = false;  // may only enrol a second factor
};

}  // namespace onestory::domain
