// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/rate_limiter.hpp"
#include "common/result.hpp"
#include "domain/accounts/account_types.hpp"
#include "domain/accounts/second_factor.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Agencies, staff accounts, logins and sessions.
//
// Passwords are hashed with Argon2id and checked outside any transaction (a
// hash takes tens of milliseconds). Failed logins are counted per username,
// known or not, so an unknown username is answered, throttled and timed
// exactly like a wrong password; and per client address, so that one host
// trying many usernames is stopped before it has cost many hashes. Sessions are stored as token hashes and
// expire after the configured idle time.
class AccountService {
  public:
    explicit AccountService(const ServiceContext& ctx)
        : ctx_(ctx),
          second_factor_(ctx),
          failures_by_address_(ctx.clock, ctx.settings.address_failure_limit, ctx.settings.address_failure_window) {}

    Result<Agency> CreateAgency(const policy::Actor& actor, const NewAgency& agency);
    Result<store::Page<Agency>> ListAgencies(const policy::Actor& actor, const store::PageRequest& page);
    Result<Agency> GetAgency(std::string_view id);

    Result<StaffMember> CreateStaff(const policy::Actor& actor, const NewStaff& staff);
    Result<store::Page<StaffMember>> ListStaff(const policy::Actor& actor, const store::PageRequest& page,
                                               std::optional<std::string> agency_id);
    Result<StaffMember> GetStaff(std::string_view id);

    // `totp` is a code from the authenticator app or a recovery code; needed
    // once the staff member has enrolled one.
    Result<LoginResult> Login(std::string_view username, std::string_view password, std::string_view remote,
                              std::optional<std::string_view> totp = std::nullopt);
    Status Logout(const Principal& principal);
    // Resolves a bearer token (or session cookie) to its principal, staff or
    // a survivor signed in to their portal (PortalService makes those
    // sessions), ending sessions idle for longer than the configured timeout.
    Result<Principal> Authenticate(std::string_view token);
    // The browser's cookie session must echo its CSRF token on writes.
    Status CheckCsrf(const Principal& principal, std::string_view csrf_token) const;

    // The first agency and administrator of a new installation (init, demo),
    // recorded in the audit as done by the system.
    Result<StaffMember> Bootstrap(const NewAgency& agency, const NewStaff& admin);

    SecondFactor& second_factor() { return second_factor_; }

  private:
    Result<StaffMember> InsertStaff(const NewStaff& staff, const audit::AuditEvent& event_template);
    Result<Agency> InsertAgency(const NewAgency& agency, audit::AuditEvent event);

    const ServiceContext& ctx_;
    SecondFactor second_factor_;
    // Failed logins per client address, across usernames.
    RateLimiter failures_by_address_;
};

// Validation shared with the API layer's error messages.
Status ValidateNewAgency(const NewAgency& agency);
Status ValidateNewStaff(const NewStaff& staff, int min_password_length);

}  // namespace onestory::domain
