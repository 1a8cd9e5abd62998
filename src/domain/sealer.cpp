// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/sealer.hpp"

#include "crypto/aead.hpp"
#include "crypto/field_seal.hpp"

namespace onestory::domain {

std::string DataKeyName(std::string_view survivor_id) {
    return "survivor:" + std::string(survivor_id);
}

SurvivorSealer SurvivorSealer::Create(const crypto::Keyring& keyring, std::string survivor_id) {
    crypto::SecretBytes key = crypto::NewKey();
    std::string wrapped = keyring.Wrap(key, DataKeyName(survivor_id));
    return SurvivorSealer(std::move(survivor_id), std::move(key), std::move(wrapped));
}

Result<SurvivorSealer> SurvivorSealer::Open(const crypto::Keyring& keyring, std::string survivor_id,
                                            std::string_view wrapped_key) {
    auto key = keyring.Unwrap(wrapped_key, DataKeyName(survivor_id));
    if (!key.ok()) return Status::DataLoss("the survivor's data key does not open");
    return SurvivorSealer(std::move(survivor_id), std::move(key).value(), std::string(wrapped_key));
}

std::string SurvivorSealer::Seal(std::string_view field, std::string_view plaintext, std::string_view record_id) const {
    return crypto::SealField(key_, survivor_id_, field, plaintext, record_id);
}

std::optional<std::string> SurvivorSealer::SealOptional(std::string_view field,
                                                        const std::optional<std::string>& plaintext,
                                                        std::string_view record_id) const {
    if (!plaintext) return std::nullopt;
    return Seal(field, *plaintext, record_id);
}

Result<std::string> SurvivorSealer::Unseal(std::string_view field, std::string_view sealed,
                                           std::string_view record_id) const {
    auto opened = crypto::OpenField(key_, survivor_id_, field, sealed, record_id);
    if (!opened.ok()) return Status::DataLoss("a protected field failed to open: " + std::string(field));
    return opened;
}

Result<std::optional<std::string>> SurvivorSealer::UnsealOptional(std::string_view field,
                                                                  const std::optional<std::string>& sealed,
                                                                  std::string_view record_id) const {
    if (!sealed) return std::optional<std::string>();
    ONESTORY_ASSIGN_OR_RETURN(std::string value, Unseal(field, *sealed, record_id));
    return std::optional<std::string>(std::move(value));
}

}  // namespace onestory::domain
