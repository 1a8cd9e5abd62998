// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "crypto/secret.hpp"

namespace onestory::crypto {

// Envelope encryption. The master key lives in a key file outside the
// database; every other key (a survivor's data key, the audit chain key, the
// blind-index key) is random and stored in the database only wrapped
// (sealed) by the master key, with associated data naming what the key is
// for, so wrapped keys cannot be swapped between survivors.
//
// Thread-safe: all methods are const.
class Keyring {
  public:
    explicit Keyring(SecretBytes master_key);

    // `key_name` is what the key belongs to, e.g. "survivor:sv_..." or "audit".
    std::string Wrap(const SecretBytes& key, std::string_view key_name) const;
    Result<SecretBytes> Unwrap(std::string_view wrapped, std::string_view key_name) const;

    // BLAKE2b fingerprint of the master key (hex, 16 chars); lets an operator
    // check which key file a database was written with, without revealing it.
    std::string MasterKeyFingerprint() const;

  private:
    SecretBytes master_key_;
};

// The key file: "onestory-master-key v1\n<base64url of 32 bytes>\n", mode 0600.
//
// Create refuses (kConflict) if the file exists, and creates it with O_EXCL so
// a concurrent create cannot overwrite it. Load refuses with a clear
// kFailedPrecondition message when the file is missing, unreadable, not a
// regular file, readable or writable by group or others, or malformed.
Status CreateMasterKeyFile(const std::filesystem::path& path);
Status WriteMasterKeyFile(const std::filesystem::path& path, const SecretBytes& key);  // same checks as Create
Result<SecretBytes> LoadMasterKeyFile(const std::filesystem::path& path);

}  // namespace onestory::crypto
