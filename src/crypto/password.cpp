// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/password.hpp"

#include <sodium.h>

#include <utility>

#include "common/check.hpp"
#include "crypto/random.hpp"
#include "crypto/secret.hpp"

namespace onestory::crypto {

Result<std::string> HashPassword(std::string_view password) {
    EnsureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Status::Internal("password hashing ran out of memory");
    }
    return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
    EnsureSodium();
    // libsodium wants a NUL-terminated string that fits its buffer size.
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string_view::npos) {
        return false;
    }
    const std::string terminated(hash);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyPasswordHash() {
    static const std::string hash = [] {
        auto result = HashPassword(RandomToken());
        ONESTORY_CHECK(result.ok(), "could not compute the dummy password hash");
        return std::move(result).value();
    }();
    return hash;
}

}  // namespace onestory::crypto
