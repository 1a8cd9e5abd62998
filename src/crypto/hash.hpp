// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "crypto/secret.hpp"

namespace onestory::crypto {

// Unkeyed BLAKE2b-256, hex. Sessions store the hash of their bearer token, so
// a copy of the database does not hold usable tokens.
std::string HashHex(std::string_view data);

// Keyed BLAKE2b-256 (a MAC), raw 32 bytes. The audit chain links each event to
// the previous one with it, so rewriting the chain needs the audit key.
std::string Mac(const SecretBytes& key, std::string_view data);

// SHA-256, hex (recording media fingerprints).
std::string Sha256Hex(std::string_view data);

bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace onestory::crypto
