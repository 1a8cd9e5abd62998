// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// A staff member's TOTP secret, wrapped by the master key.
struct TotpRow {
    std::string staff_id;
    std::string secret;  // wrapped
    std::int64_t confirmed_at = 0;
    std::int64_t last_step = 0;
    std::int64_t created_at = 0;
};

struct RecoveryCodeRow {
    std::string staff_id;
    std::string salt;
    std::string hash;
    std::int64_t used_at = 0;
};

Result<std::optional<TotpRow>> GetTotp(Transaction& tx, std::string_view staff_id);
// Inserts, or replaces an enrolment that was never confirmed.
Status PutTotp(Transaction& tx, const TotpRow& row);
Status ConfirmTotp(Transaction& tx, std::string_view staff_id, std::int64_t at, std::int64_t step);
// Moves last_step on only if the step is newer (0 rows changed: a replayed code).
Result<std::int64_t> AdvanceTotpStep(Transaction& tx, std::string_view staff_id, std::int64_t step);
Status DeleteTotp(Transaction& tx, std::string_view staff_id);
// Every wrapped secret (master key rotation).
Result<std::vector<TotpRow>> ListTotp(Transaction& tx);
Status UpdateTotpSecret(Transaction& tx, std::string_view staff_id, const std::string& wrapped);

Status ReplaceRecoveryCodes(Transaction& tx, std::string_view staff_id, const std::vector<RecoveryCodeRow>& codes);
Result<std::vector<RecoveryCodeRow>> ListUnusedRecoveryCodes(Transaction& tx, std::string_view staff_id);
// 0 rows changed when it was used meanwhile.
Result<std::int64_t> UseRecoveryCode(Transaction& tx, std::string_view staff_id, const std::string& salt,
                                     std::int64_t at);

}  // namespace onestory::store
