// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace onestory::crypto {

// Argon2id password hashing (libsodium crypto_pwhash_str, interactive limits).
// The result is the self-describing "$argon2id$..." string.
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);

// A valid hash of a random password, computed once. Logins for unknown
// usernames verify against it so that they take as long as a wrong password.
const std::string& DummyPasswordHash();

}  // namespace onestory::crypto
