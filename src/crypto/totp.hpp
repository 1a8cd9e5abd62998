// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.hpp"
#include "crypto/secret.hpp"

namespace onestory::crypto {

// Time-based one-time passwords (RFC 6238) through liboath: HMAC-SHA1,
// six digits, a 30-second step, the form every authenticator app reads.
inline constexpr int kTotpDigits = 6;
inline constexpr int kTotpStepSeconds = 30;

// A fresh 160-bit secret (RFC 4226's recommended length).
SecretBytes NewTotpSecret();
// RFC 4648 base32 without padding, as authenticator apps take it.
std::string TotpSecretText(const SecretBytes& secret);
// otpauth://totp/<issuer>:<account>?secret=...&issuer=...&digits=6&period=30
std::string OtpauthUri(const SecretBytes& secret, std::string_view issuer, std::string_view account);

// The code for the step that holds `at`.
std::string TotpCode(const SecretBytes& secret, Instant at);
// The step number (seconds since the epoch / 30) of the code matching
// `code` within `window` steps either side of `now`, if any.
std::optional<std::int64_t> MatchTotp(const SecretBytes& secret, std::string_view code, Instant now, int window = 1);

}  // namespace onestory::crypto
