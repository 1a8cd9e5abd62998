// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string_view>

namespace onestory::crypto {

// Key material: the master key, survivors' data keys, the audit chain key and
// the blind-index key. Backed by sodium_malloc (guard pages, locked memory)
// and zeroed on destruction. Small secrets (keys) come from slots of larger
// sodium_malloc'd chunks: a data key is unwrapped on every read of a
// survivor, and a fresh mapping per key would serialise the whole process
// on the kernel's memory-map lock. Move-only, with no stream operator and no
// conversion to string, so it cannot be logged by accident; the raw bytes are
// reached only through Reveal(), which is easy to grep for.
class SecretBytes {
  public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);  // zero-filled
    static SecretBytes Copy(std::string_view bytes);
    ~SecretBytes();
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // The raw bytes, for handing to libsodium or writing the key file.
    std::string_view Reveal() const;
    unsigned char* MutableData() { return data_; }

  private:
    void Release() noexcept;

    unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
    bool pooled_ = false;  // a slot of a shared chunk, not a sodium_malloc of its own
};

// Calls sodium_init once; safe to call from any thread, any number of times.
// Aborts if libsodium cannot initialise (no usable randomness): nothing in
// onestory may run without it.
void EnsureSodium();

}  // namespace onestory::crypto
