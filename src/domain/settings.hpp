// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>

namespace onestory::domain {

// Installation settings, read from DATA_DIR/settings.json (every key optional;
// see docs/operations.md). Defaults are the safe choice.
struct Settings {
    std::chrono::minutes idle_timeout{30};      // idle sessions expire
    int lockout_threshold = 5;                  // consecutive failed logins before a lock
    std::chrono::minutes lockout_duration{15};  // how long the lock lasts
    int min_password_length = 12;
};

}  // namespace onestory::domain
