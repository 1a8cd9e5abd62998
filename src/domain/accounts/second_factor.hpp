// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/accounts/account_types.hpp"
#include "domain/service_context.hpp"

namespace onestory::domain {

// TOTP second factor for staff (RFC 6238, through crypto/totp).
//
// Enrolment is two steps: Begin makes a secret, stores it wrapped by the
// master key and shows it once; Confirm checks a first code from the app,
// makes the factor required at every login from then on, and issues ten
// single-use recovery codes, shown once and stored only as BLAKE2b hashes
// keyed by a salt of their own. A code is accepted once: the newest time
// step used is kept, so a code seen over a shoulder cannot be replayed.
// Secrets and codes never reach the audit or a log.
class SecondFactor {
  public:
    explicit SecondFactor(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<TotpEnrolment> BeginEnrolment(const Principal& principal);
    // The recovery codes, shown once.
    Result<std::vector<std::string>> ConfirmEnrolment(const Principal& principal, std::string_view code);
    // An administrator removes a lost authenticator; the staff member's
    // sessions end and they enrol again at their next login.
    Status Reset(const policy::Actor& admin, std::string_view staff_id);

    Result<bool> Enrolled(std::string_view staff_id);
    // Whether settings require a second factor for any of these roles.
    bool Required(const std::vector<policy::Role>& roles) const;
    // Checks and uses up a TOTP code or a recovery code: "totp" or
    // "recovery_code" when accepted, kUnauthenticated "invalid_totp" when not.
    Result<std::string> Verify(std::string_view staff_id, std::string_view code);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
