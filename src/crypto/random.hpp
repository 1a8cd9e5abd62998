// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace onestory::crypto {

// `count` bytes from the operating system's CSPRNG (libsodium randombytes).
std::string RandomBytes(std::size_t count);

// A bearer secret: 32 random bytes, URL-safe base64 (session tokens, CSRF
// tokens, portal codes).
std::string RandomToken();

// A new opaque record id: "<prefix>_" followed by 26 lower-case base32
// characters (128 random bits). It reveals nothing about the record.
std::string NewIdString(std::string_view prefix);

// Convenience for the strong id types of common/ids.hpp.
template <class IdT>
IdT NewId() {
    return IdT(NewIdString(IdT::Prefix()));
}

}  // namespace onestory::crypto
