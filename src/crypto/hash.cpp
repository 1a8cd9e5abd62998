// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/hash.hpp"

#include <sodium.h>

#include "common/check.hpp"
#include "common/strings.hpp"

namespace onestory::crypto {

namespace {
constexpr std::size_t kHashBytes = 32;

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

std::string GenericHash(std::string_view key, std::string_view data) {
    std::string out(kHashBytes, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(), Bytes(data), data.size(), Bytes(key),
                       key.size());
    return out;
}
}  // namespace

std::string HashHex(std::string_view data) {
    EnsureSodium();
    return HexEncode(GenericHash({}, data));
}

std::string Mac(const SecretBytes& key, std::string_view data) {
    EnsureSodium();
    ONESTORY_CHECK(key.size() >= crypto_generichash_KEYBYTES_MIN && key.size() <= crypto_generichash_KEYBYTES_MAX,
                   "MAC key must be 16 to 64 bytes");
    return GenericHash(key.Reveal(), data);
}

std::string Sha256Hex(std::string_view data) {
    EnsureSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, Bytes(data), data.size());
    return HexEncode({reinterpret_cast<const char*>(digest), sizeof digest});
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    EnsureSodium();
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace onestory::crypto
