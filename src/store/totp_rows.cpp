// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/totp_rows.hpp"

namespace onestory::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT staff_id, secret, confirmed_at, last_step, created_at FROM staff_totp WHERE staff_id = $1";
constexpr std::string_view kSelectAll =
    "SELECT staff_id, secret, confirmed_at, last_step, created_at FROM staff_totp ORDER BY staff_id";
constexpr std::string_view kUpsert =
    "INSERT INTO staff_totp (staff_id, secret, confirmed_at, last_step, created_at) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (staff_id) DO UPDATE SET secret = excluded.secret, confirmed_at = excluded.confirmed_at, "
    "last_step = excluded.last_step, created_at = excluded.created_at WHERE staff_totp.confirmed_at = 0";
constexpr std::string_view kConfirm =
    "UPDATE staff_totp SET confirmed_at = $2, last_step = $3 WHERE staff_id = $1 AND confirmed_at = 0";
constexpr std::string_view kAdvance = "UPDATE staff_totp SET last_step = $2 WHERE staff_id = $1 AND last_step < $2";
constexpr std::string_view kDelete = "DELETE FROM staff_totp WHERE staff_id = $1";
constexpr std::string_view kUpdateSecret = "UPDATE staff_totp SET secret = $2 WHERE staff_id = $1";

constexpr std::string_view kDeleteCodes = "DELETE FROM staff_recovery_codes WHERE staff_id = $1";
constexpr std::string_view kInsertCode =
    "INSERT INTO staff_recovery_codes (staff_id, salt, hash, used_at) VALUES ($1, $2, $3, 0)";
constexpr std::string_view kSelectUnused =
    "SELECT staff_id, salt, hash, used_at FROM staff_recovery_codes WHERE staff_id = $1 AND used_at = 0";
constexpr std::string_view kUseCode =
    "UPDATE staff_recovery_codes SET used_at = $3 WHERE staff_id = $1 AND salt = $2 AND used_at = 0";

TotpRow FromRow(const Row& r) {
    return {r[0].AsText(), r[1].AsBlob(), r[2].AsInt(), r[3].AsInt(), r[4].AsInt()};
}

}  // namespace

Result<std::optional<TotpRow>> GetTotp(Transaction& tx, std::string_view staff_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {staff_id}));
    if (rows.empty()) return std::optional<TotpRow>();
    return std::optional<TotpRow>(FromRow(rows[0]));
}

Status PutTotp(Transaction& tx, const TotpRow& r) {
    return tx.Exec(kUpsert, {r.staff_id, Blob{r.secret}, r.confirmed_at, r.last_step, r.created_at}).status();
}

Status ConfirmTotp(Transaction& tx, std::string_view staff_id, std::int64_t at, std::int64_t step) {
    return tx.Exec(kConfirm, {staff_id, at, step}).status();
}

Result<std::int64_t> AdvanceTotpStep(Transaction& tx, std::string_view staff_id, std::int64_t step) {
    return tx.Exec(kAdvance, {staff_id, step});
}

Status DeleteTotp(Transaction& tx, std::string_view staff_id) {
    ONESTORY_RETURN_IF_ERROR(tx.Exec(kDeleteCodes, {staff_id}).status());
    return tx.Exec(kDelete, {staff_id}).status();
}

Result<std::vector<TotpRow>> ListTotp(Transaction& tx) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectAll));
    std::vector<TotpRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Status UpdateTotpSecret(Transaction& tx, std::string_view staff_id, const std::string& wrapped) {
    return tx.Exec(kUpdateSecret, {staff_id, Blob{wrapped}}).status();
}

Status ReplaceRecoveryCodes(Transaction& tx, std::string_view staff_id, const std::vector<RecoveryCodeRow>& codes) {
    ONESTORY_RETURN_IF_ERROR(tx.Exec(kDeleteCodes, {staff_id}).status());
    for (const auto& c : codes) {
        ONESTORY_RETURN_IF_ERROR(tx.Exec(kInsertCode, {staff_id, Blob{c.salt}, Blob{c.hash}}).status());
    }
    return Status::Ok();
}

Result<std::vector<RecoveryCodeRow>> ListUnusedRecoveryCodes(Transaction& tx, std::string_view staff_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectUnused, {staff_id}));
    std::vector<RecoveryCodeRow> out;
    for (const auto& r : rows) out.push_back({r[0].AsText(), r[1].AsBlob(), r[2].AsBlob(), r[3].AsInt()});
    return out;
}

Result<std::int64_t> UseRecoveryCode(Transaction& tx, std::string_view staff_id, const std::string& salt,
                                     std::int64_t at) {
    return tx.Exec(kUseCode, {staff_id, Blob{salt}, at});
}

}  // namespace onestory::store
