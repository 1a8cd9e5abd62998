// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "crypto/secret.hpp"

namespace onestory::crypto {

// Authenticated encryption with associated data: XChaCha20-Poly1305 (IETF),
// libsodium's crypto_aead_xchacha20poly1305_ietf_*, with a fresh random
// 24-byte nonce per call, so random nonces never repeat in practice.
//
// Sealed format: one version byte (0x01), the nonce, then ciphertext + tag.
// Opening fails (kDataLoss, with a message that names no data) when the key,
// the associated data or any byte of the sealed value differs.
inline constexpr std::size_t kKeyBytes = 32;

std::string Seal(const SecretBytes& key, std::string_view plaintext, std::string_view associated_data);
Result<std::string> Open(const SecretBytes& key, std::string_view sealed, std::string_view associated_data);

// A fresh random 32-byte key.
SecretBytes NewKey();

}  // namespace onestory::crypto
