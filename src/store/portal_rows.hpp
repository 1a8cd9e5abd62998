// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// A survivor's portal account. The username is kept only as a blind index.
struct PortalAccountRow {
    std::string survivor_id;
    std::string username_index;
    std::string passphrase_hash;
    bool active = true;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

// A one-time invite code, kept only as a hash.
struct PortalInviteRow {
    std::string code_hash;
    std::string id;
    std::string survivor_id;
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
    std::optional<std::int64_t> used_at;
};

// Inserts the account, or replaces the survivor's existing one (a new
// invite redeemed sets a new username and passphrase). Answers
// Conflict("duplicate") when another survivor holds the username.
Status PutPortalAccount(Transaction& tx, const PortalAccountRow& row);
Result<std::optional<PortalAccountRow>> GetPortalAccount(Transaction& tx, std::string_view survivor_id);
Result<std::optional<PortalAccountRow>> GetPortalAccountByUsername(Transaction& tx, std::string_view username_index);

Status InsertPortalInvite(Transaction& tx, const PortalInviteRow& row);
Result<std::optional<PortalInviteRow>> GetPortalInvite(Transaction& tx, std::string_view code_hash);
// Marks the invite used, if it still is unused; answers how many rows changed (0 or 1).
Result<std::int64_t> UsePortalInvite(Transaction& tx, std::string_view code_hash, std::int64_t used_at);
// Removes the survivor's invites that were never used (a new invite replaces them).
Status DeleteUnusedPortalInvites(Transaction& tx, std::string_view survivor_id);

}  // namespace onestory::store
