// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/random.hpp"

#include <sodium.h>

#include <cstdint>

#include "common/strings.hpp"
#include "crypto/secret.hpp"

namespace onestory::crypto {

namespace {
constexpr std::size_t kIdRandomBytes = 16;
constexpr std::size_t kTokenBytes = 32;
// RFC 4648 base32 alphabet, lower-cased so ids read well in URLs and logs.
constexpr char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";
}  // namespace

std::string RandomBytes(std::size_t count) {
    EnsureSodium();
    std::string out(count, '\0');
    randombytes_buf(out.data(), out.size());
    return out;
}

std::string RandomToken() {
    return Base64UrlEncode(RandomBytes(kTokenBytes));
}

std::string NewIdString(std::string_view prefix) {
    EnsureSodium();
    unsigned char bytes[kIdRandomBytes];
    randombytes_buf(bytes, sizeof bytes);

    std::string out;
    out.reserve(prefix.size() + 1 + (kIdRandomBytes * 8 + 4) / 5);
    out.append(prefix);
    out += '_';
    std::uint32_t acc = 0;
    int bits = 0;
    for (const unsigned char b : bytes) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out += kBase32[(acc >> bits) & 31];
        }
    }
    if (bits > 0) out += kBase32[(acc << (5 - bits)) & 31];
    return out;
}

}  // namespace onestory::crypto
