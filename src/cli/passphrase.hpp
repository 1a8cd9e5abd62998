// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>

#include "common/result.hpp"

namespace onestory::cli {

// The backup passphrase: the first line of `file` when given, else the
// environment variable ONESTORY_BACKUP_PASSPHRASE. Refuses an empty or short
// one (fewer than 12 characters), and refuses a master key file given as the
// passphrase file: the passphrase must be something kept apart from the key.
Result<std::string> ReadBackupPassphrase(const std::string& file);

inline constexpr std::size_t kMinPassphraseChars = 12;

}  // namespace onestory::cli
