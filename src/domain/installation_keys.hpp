// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.hpp"
#include "crypto/keyring.hpp"
#include "crypto/secret.hpp"
#include "store/store.hpp"

namespace onestory::domain {

// The keys one installation shares, unwrapped for use: the audit chain key,
// the blind-index key and the key that seals staff check-ins. All are random, stored in the database wrapped by the
// master key, so they survive master-key rotation unchanged (rotation re-wraps
// them) and every onestory process on one database uses the same ones.
struct InstallationKeys {
    crypto::SecretBytes audit;
    crypto::SecretBytes blind_index;
    crypto::SecretBytes wellbeing;
};

// Creates the keys on first use (init), then loads them; the wellbeing key,
// newer than the others, is also created when an older installation opens. Fails with a clear
// message when they do not open under this master key (wrong key file).
Result<InstallationKeys> LoadInstallationKeys(store::Store& store, const crypto::Keyring& keyring, bool create);

}  // namespace onestory::domain
