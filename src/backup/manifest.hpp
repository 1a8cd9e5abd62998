// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace onestory::backup {

// What a backup holds, written first inside the encrypted stream: when it was
// made, by which onestory, at which schema version, under which master key
// (its fingerprint only), and how many bytes the database has. Text, one
// "key=value" per line after the first line "onestory-backup-manifest v1".
struct Manifest {
    std::string created_at;  // RFC 3339
    std::string onestory_version;
    int schema_version = 0;
    std::string master_key_fingerprint;  // Keyring::MasterKeyFingerprint of the key the data is wrapped under
    std::int64_t database_bytes = 0;
};

std::string FormatManifest(const Manifest& manifest);
// Strict: every key once, nothing unknown, values well-formed (kDataLoss
// otherwise, since the manifest was authenticated and so was written so).
Result<Manifest> ParseManifest(std::string_view text);

}  // namespace onestory::backup
