// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/secret.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

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

namespace {

// Fixed-size slots carved out of sodium_malloc'd chunks (guarded, locked
// memory). Released slots are zeroed before they are reused. Chunks live for
// the whole process; the pool grows to the peak number of live keys.
class SlotPool {
  public:
    static constexpr std::size_t kSlotBytes = 64;
    static constexpr std::size_t kSlotsPerChunk = 1024;

    static SlotPool& Get() {
        static SlotPool* pool = new SlotPool();  // never destroyed: slots may outlive static destruction
        return *pool;
    }

    unsigned char* Acquire() {
        std::lock_guard lock(mu_);
        if (free_.empty()) {
            auto* chunk = static_cast<unsigned char*>(sodium_malloc(kSlotBytes * kSlotsPerChunk));
            if (chunk == nullptr) throw std::bad_alloc();
            sodium_memzero(chunk, kSlotBytes * kSlotsPerChunk);
            free_.reserve(free_.size() + kSlotsPerChunk);
            for (std::size_t i = kSlotsPerChunk; i > 0; --i) free_.push_back(chunk + (i - 1) * kSlotBytes);
        }
        unsigned char* slot = free_.back();
        free_.pop_back();
        return slot;
    }

    void Release(unsigned char* slot) {
        sodium_memzero(slot, kSlotBytes);
        std::lock_guard lock(mu_);
        free_.push_back(slot);
    }

  private:
    std::mutex mu_;
    std::vector<unsigned char*> free_;
};

}  // namespace

SecretBytes::SecretBytes(std::size_t size) : size_(size) {
    EnsureSodium();
    if (size == 0) return;
    if (size <= SlotPool::kSlotBytes) {
        data_ = SlotPool::Get().Acquire();
        pooled_ = true;
        return;
    }
    data_ = static_cast<unsigned char*>(sodium_malloc(size));
    if (data_ == nullptr) throw std::bad_alloc();
    // sodium_malloc fills fresh memory with a canary pattern, not zeroes.
    sodium_memzero(data_, size);
}

void SecretBytes::Release() noexcept {
    if (data_ == nullptr) return;
    if (pooled_) {
        SlotPool::Get().Release(data_);
    } else {
        // sodium_free zeroes the memory before releasing it.
        sodium_free(data_);
    }
    data_ = nullptr;
    size_ = 0;
    pooled_ = false;
}

SecretBytes SecretBytes::Copy(std::string_view bytes) {
    SecretBytes secret(bytes.size());
    if (!bytes.empty()) std::copy(bytes.begin(), bytes.end(), secret.data_);
    return secret;
}

SecretBytes::~SecretBytes() {
    Release();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      pooled_(std::exchange(other.pooled_, false)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        Release();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        pooled_ = std::exchange(other.pooled_, false);
    }
    return *this;
}

std::string_view SecretBytes::Reveal() const {
    return {reinterpret_cast<const char*>(data_), size_};
}

}  // namespace onestory::crypto
