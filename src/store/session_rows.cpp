// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/session_rows.hpp"

namespace onestory::store {
namespace {

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, principal_kind, principal_id, csrf_hash, created_at, last_seen_at, "
    "restricted) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kSelectSession =
    "SELECT token_hash, principal_kind, principal_id, csrf_hash, created_at, last_seen_at, restricted "
    "FROM sessions WHERE token_hash = $1";
constexpr std::string_view kLiftRestriction = "UPDATE sessions SET restricted = 0 WHERE token_hash = $1";
constexpr std::string_view kTouchSession = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
constexpr std::string_view kDeleteSessionsOf = "DELETE FROM sessions WHERE principal_id = $1";
constexpr std::string_view kDeleteIdle = "DELETE FROM sessions WHERE last_seen_at < $1";
constexpr std::string_view kDeleteAll = "DELETE FROM sessions";

constexpr std::string_view kSelectThrottle =
    "SELECT username_key, failures, locked_until FROM login_throttle WHERE username_key = $1";
constexpr std::string_view kUpsertThrottle =
    "INSERT INTO login_throttle (username_key, failures, locked_until) VALUES ($1, $2, $3) "
    "ON CONFLICT (username_key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until";
constexpr std::string_view kDeleteThrottle = "DELETE FROM login_throttle WHERE username_key = $1";

}  // namespace

Status InsertSession(Transaction& tx, const SessionRow& r) {
    return tx
        .Exec(kInsertSession,
              {r.token_hash, r.principal_kind, r.principal_id, r.csrf_hash, r.created_at, r.last_seen_at, r.restricted})
        .status();
}

Result<std::optional<SessionRow>> GetSession(Transaction& tx, std::string_view token_hash) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectSession, {token_hash}));
    if (rows.empty()) return std::optional<SessionRow>();
    const Row& r = rows[0];
    return std::optional<SessionRow>(SessionRow{r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(),
                                                r[4].AsInt(), r[5].AsInt(), r[6].AsBool()});
}

Status LiftSessionRestriction(Transaction& tx, std::string_view token_hash) {
    return tx.Exec(kLiftRestriction, {token_hash}).status();
}

Status TouchSession(Transaction& tx, std::string_view token_hash, std::int64_t now) {
    return tx.Exec(kTouchSession, {token_hash, now}).status();
}

Status DeleteSession(Transaction& tx, std::string_view token_hash) {
    return tx.Exec(kDeleteSession, {token_hash}).status();
}

Status DeleteSessionsOf(Transaction& tx, std::string_view principal_id) {
    return tx.Exec(kDeleteSessionsOf, {principal_id}).status();
}

Status DeleteAllSessions(Transaction& tx) {
    return tx.Exec(kDeleteAll).status();
}

Status DeleteSessionsIdleSince(Transaction& tx, std::int64_t cutoff) {
    return tx.Exec(kDeleteIdle, {cutoff}).status();
}

Result<std::optional<LoginThrottleRow>> GetLoginThrottle(Transaction& tx, std::string_view username_key) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectThrottle, {username_key}));
    if (rows.empty()) return std::optional<LoginThrottleRow>();
    return std::optional<LoginThrottleRow>(
        LoginThrottleRow{rows[0][0].AsText(), rows[0][1].AsInt(), rows[0][2].AsInt()});
}

Status PutLoginThrottle(Transaction& tx, const LoginThrottleRow& r) {
    return tx.Exec(kUpsertThrottle, {r.username_key, r.failures, r.locked_until}).status();
}

Status ClearLoginThrottle(Transaction& tx, std::string_view username_key) {
    return tx.Exec(kDeleteThrottle, {username_key}).status();
}

}  // namespace onestory::store
