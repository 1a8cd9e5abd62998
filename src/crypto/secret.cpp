// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/secret.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <new>
#include <utility>

namespace onestory::crypto {

void EnsureSodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) {
            std::fputs("onestory: libsodium failed to initialise (no usable randomness?); refusing to run\n", stderr);
            std::abort();
        }
    });
}

SecretBytes::SecretBytes(std::size_t size) : size_(size) {
    EnsureSodium();
    if (size == 0) return;
    data_ = static_cast<unsigned char*>(sodium_malloc(size));
    if (data_ == nullptr) throw std::bad_alloc();
    // sodium_malloc fills fresh memory with a canary pattern, not zeroes.
    sodium_memzero(data_, size);
}

SecretBytes SecretBytes::Copy(std::string_view bytes) {
    SecretBytes secret(bytes.size());
    if (!bytes.empty()) std::copy(bytes.begin(), bytes.end(), secret.data_);
    return secret;
}

SecretBytes::~SecretBytes() {
    // sodium_free zeroes the memory before releasing it.
    sodium_free(data_);
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        sodium_free(data_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

std::string_view SecretBytes::Reveal() const {
    return {reinterpret_cast<const char*>(data_), size_};
}

}  // namespace onestory::crypto
