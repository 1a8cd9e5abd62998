// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "crypto/keyring.hpp"
#include "crypto/secret.hpp"

namespace onestory::domain {

// Seals and opens the protected fields of one survivor with that survivor's
// data key. Every value is bound to the survivor, the field name and (for
// rows such as statement passages) the row id, so a sealed value moved
// anywhere else fails to open.
class SurvivorSealer {
  public:
    // A new survivor: a fresh data key, wrapped by the master key.
    static SurvivorSealer Create(const crypto::Keyring& keyring, std::string survivor_id);
    // An existing survivor. Fails (kDataLoss) when the wrapped key does not
    // open, e.g. after the survivor was erased or under another master key.
    static Result<SurvivorSealer> Open(const crypto::Keyring& keyring, std::string survivor_id,
                                       std::string_view wrapped_key);

    const std::string& wrapped_key() const { return wrapped_key_; }

    std::string Seal(std::string_view field, std::string_view plaintext, std::string_view record_id = {}) const;
    std::optional<std::string> SealOptional(std::string_view field, const std::optional<std::string>& plaintext,
                                            std::string_view record_id = {}) const;
    Result<std::string> Unseal(std::string_view field, std::string_view sealed, std::string_view record_id = {}) const;
    Result<std::optional<std::string>> UnsealOptional(std::string_view field, const std::optional<std::string>& sealed,
                                                      std::string_view record_id = {}) const;

  private:
    SurvivorSealer(std::string survivor_id, crypto::SecretBytes key, std::string wrapped)
        : survivor_id_(std::move(survivor_id)), key_(std::move(key)), wrapped_key_(std::move(wrapped)) {}

    std::string survivor_id_;
    crypto::SecretBytes key_;
    std::string wrapped_key_;
};

// The key name the master key wraps a survivor's data key under.
std::string DataKeyName(std::string_view survivor_id);

}  // namespace onestory::domain
