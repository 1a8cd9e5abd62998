// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/portal_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_ACCOUNT_COLUMNS "survivor_id, username_index, passphrase_hash, active, created_at, updated_at, version"
constexpr std::string_view kUpsertAccount =
    "INSERT INTO portal_accounts (" ONESTORY_ACCOUNT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (survivor_id) DO UPDATE SET username_index = excluded.username_index, "
    "passphrase_hash = excluded.passphrase_hash, active = excluded.active, updated_at = excluded.updated_at, "
    "version = portal_accounts.version + 1";
constexpr std::string_view kSelectAccount =
    "SELECT " ONESTORY_ACCOUNT_COLUMNS " FROM portal_accounts WHERE survivor_id = $1";
constexpr std::string_view kSelectAccountByUsername =
    "SELECT " ONESTORY_ACCOUNT_COLUMNS " FROM portal_accounts WHERE username_index = $1";
#undef ONESTORY_ACCOUNT_COLUMNS

#define ONESTORY_INVITE_COLUMNS "code_hash, id, survivor_id, created_by, created_at, expires_at, used_at"
constexpr std::string_view kInsertInvite =
    "INSERT INTO portal_invites (" ONESTORY_INVITE_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kSelectInvite =
    "SELECT " ONESTORY_INVITE_COLUMNS " FROM portal_invites WHERE code_hash = $1";
#undef ONESTORY_INVITE_COLUMNS
constexpr std::string_view kUseInvite =
    "UPDATE portal_invites SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL";
constexpr std::string_view kDeleteUnusedInvites =
    "DELETE FROM portal_invites WHERE survivor_id = $1 AND used_at IS NULL";

PortalAccountRow AccountFrom(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsBool(), r[4].AsInt(), r[5].AsInt(), r[6].AsInt()};
}

}  // namespace

Status PutPortalAccount(Transaction& tx, const PortalAccountRow& r) {
    return tx
        .Exec(kUpsertAccount,
              {r.survivor_id, r.username_index, r.passphrase_hash, r.active, r.created_at, r.updated_at, r.version})
        .status();
}

Result<std::optional<PortalAccountRow>> GetPortalAccount(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectAccount, {survivor_id}));
    if (rows.empty()) return std::optional<PortalAccountRow>();
    return std::optional<PortalAccountRow>(AccountFrom(rows[0]));
}

Result<std::optional<PortalAccountRow>> GetPortalAccountByUsername(Transaction& tx, std::string_view username_index) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectAccountByUsername, {username_index}));
    if (rows.empty()) return std::optional<PortalAccountRow>();
    return std::optional<PortalAccountRow>(AccountFrom(rows[0]));
}

Status InsertPortalInvite(Transaction& tx, const PortalInviteRow& r) {
    return tx
        .Exec(kInsertInvite, {r.code_hash, r.id, r.survivor_id, r.created_by, r.created_at, r.expires_at, r.used_at})
        .status();
}

Result<std::optional<PortalInviteRow>> GetPortalInvite(Transaction& tx, std::string_view code_hash) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectInvite, {code_hash}));
    if (rows.empty()) return std::optional<PortalInviteRow>();
    const Row& r = rows[0];
    return std::optional<PortalInviteRow>(PortalInviteRow{r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(),
                                                          r[4].AsInt(), r[5].AsInt(), r[6].AsOptionalInt()});
}

Result<std::int64_t> UsePortalInvite(Transaction& tx, std::string_view code_hash, std::int64_t used_at) {
    return tx.Exec(kUseInvite, {code_hash, used_at});
}

Status DeleteUnusedPortalInvites(Transaction& tx, std::string_view survivor_id) {
    return tx.Exec(kDeleteUnusedInvites, {survivor_id}).status();
}

}  // namespace onestory::store
