// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/totp.hpp"

#include <liboath/oath.h>

#include <cstdlib>
#include <mutex>

#include "common/check.hpp"
#include "crypto/random.hpp"

namespace onestory::crypto {
namespace {

constexpr std::size_t kSecretBytes = 20;

void EnsureOath() {
    static std::once_flag once;
    std::call_once(once, [] { ONESTORY_CHECK(oath_init() == OATH_OK, "liboath failed to initialise"); });
}

std::string PercentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
                           u == '.' || u == '_' || u == '~';
        if (plain) {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        }
    }
    return out;
}

time_t Seconds(Instant t) {
    return static_cast<time_t>(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

}  // namespace

SecretBytes NewTotpSecret() {
    return SecretBytes::Copy(RandomBytes(kSecretBytes));
}

std::string TotpSecretText(const SecretBytes& secret) {
    EnsureOath();
    char* encoded = nullptr;
    size_t length = 0;
    ONESTORY_CHECK(oath_base32_encode(secret.Reveal().data(), secret.size(), &encoded, &length) == OATH_OK,
                   "base32 encoding failed");
    std::string text(encoded, length);
    std::free(encoded);
    while (!text.empty() && text.back() == '=') text.pop_back();
    return text;
}

std::string OtpauthUri(const SecretBytes& secret, std::string_view issuer, std::string_view account) {
    return "otpauth://totp/" + PercentEncode(issuer) + ":" + PercentEncode(account) +
           "?secret=" + TotpSecretText(secret) + "&issuer=" + PercentEncode(issuer) +
           "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) + "&period=" + std::to_string(kTotpStepSeconds);
}

std::string TotpCode(const SecretBytes& secret, Instant at) {
    EnsureOath();
    char code[kTotpDigits + 1] = {};
    ONESTORY_CHECK(oath_totp_generate(secret.Reveal().data(), secret.size(), Seconds(at), kTotpStepSeconds, 0,
                                      kTotpDigits, code) == OATH_OK,
                   "TOTP generation failed");
    return code;
}

std::optional<std::int64_t> MatchTotp(const SecretBytes& secret, std::string_view code, Instant now, int window) {
    EnsureOath();
    if (code.size() != kTotpDigits) return std::nullopt;
    for (const char c : code) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    const std::string terminated(code);
    int position = 0;
    std::uint64_t counter = 0;
    const int rc = oath_totp_validate3(secret.Reveal().data(), secret.size(), Seconds(now), kTotpStepSeconds, 0,
                                       static_cast<size_t>(window), &position, &counter, terminated.c_str());
    if (rc < 0) return std::nullopt;
    return static_cast<std::int64_t>(counter);
}

}  // namespace onestory::crypto
