// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

struct SessionRow {
    std::string token_hash;
    std::string principal_kind;  // "staff" or "survivor"
    std::string principal_id;
    std::string csrf_hash;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    // Allowed only what enrolling a second factor needs (settings demand
    // one for the staff member's role and they have none yet).
    bool restricted = false;
};

Status InsertSession(Transaction& tx, const SessionRow& row);
Result<std::optional<SessionRow>> GetSession(Transaction& tx, std::string_view token_hash);
Status TouchSession(Transaction& tx, std::string_view token_hash, std::int64_t now);
Status LiftSessionRestriction(Transaction& tx, std::string_view token_hash);
Status DeleteSession(Transaction& tx, std::string_view token_hash);
Status DeleteSessionsOf(Transaction& tx, std::string_view principal_id);
Status DeleteSessionsIdleSince(Transaction& tx, std::int64_t cutoff);
// Every session (a restored backup must not bring old logins back to life).
Status DeleteAllSessions(Transaction& tx);

struct LoginThrottleRow {
    std::string username_key;
    std::int64_t failures = 0;
    std::int64_t locked_until = 0;
};

Result<std::optional<LoginThrottleRow>> GetLoginThrottle(Transaction& tx, std::string_view username_key);
Status PutLoginThrottle(Transaction& tx, const LoginThrottleRow& row);
Status ClearLoginThrottle(Transaction& tx, std::string_view username_key);

}  // namespace onestory::store
