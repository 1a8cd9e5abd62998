// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/aead.hpp"

#include <sodium.h>

#include "common/check.hpp"

namespace onestory::crypto {

namespace {
constexpr unsigned char kVersion = 0x01;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kOverhead = 1 + kNonceBytes + kTagBytes;

static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}
}  // namespace

std::string Seal(const SecretBytes& key, std::string_view plaintext, std::string_view associated_data) {
    EnsureSodium();
    ONESTORY_CHECK(key.size() == kKeyBytes, "AEAD key must be 32 bytes");
    std::string sealed(kOverhead + plaintext.size(), '\0');
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());
    out[0] = kVersion;
    unsigned char* nonce = out + 1;
    randombytes_buf(nonce, kNonceBytes);
    unsigned long long ciphertext_len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + 1 + kNonceBytes, &ciphertext_len, Bytes(plaintext),
                                               plaintext.size(), Bytes(associated_data), associated_data.size(),
                                               nullptr, nonce, Bytes(key.Reveal()));
    ONESTORY_CHECK(ciphertext_len == plaintext.size() + kTagBytes, "unexpected AEAD ciphertext length");
    return sealed;
}

Result<std::string> Open(const SecretBytes& key, std::string_view sealed, std::string_view associated_data) {
    EnsureSodium();
    ONESTORY_CHECK(key.size() == kKeyBytes, "AEAD key must be 32 bytes");
    if (sealed.size() < kOverhead) return Status::DataLoss("sealed value is too short");
    if (static_cast<unsigned char>(sealed[0]) != kVersion) {
        return Status::DataLoss("sealed value has an unsupported format version");
    }
    const unsigned char* nonce = Bytes(sealed) + 1;
    const std::string_view ciphertext = sealed.substr(1 + kNonceBytes);
    std::string plaintext(ciphertext.size() - kTagBytes, '\0');
    unsigned long long plaintext_len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plaintext.data()), &plaintext_len, nullptr, Bytes(ciphertext),
            ciphertext.size(), Bytes(associated_data), associated_data.size(), nonce, Bytes(key.Reveal())) != 0) {
        return Status::DataLoss("sealed value failed authentication");
    }
    ONESTORY_CHECK(plaintext_len == plaintext.size(), "unexpected AEAD plaintext length");
    return plaintext;
}

SecretBytes NewKey() {
    SecretBytes key(kKeyBytes);
    crypto_aead_xchacha20poly1305_ietf_keygen(key.MutableData());
    return key;
}

}  // namespace onestory::crypto
