// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// Assertions for programmer errors only. They must never fire on user input:
// bad input is a Status, not a crash.
namespace onestory::internal {
[[noreturn]] void CheckFailed(const char* file, int line, const char* condition, const char* message);
}  // namespace onestory::internal

#define ONESTORY_CHECK(condition, message)                                                            \
    do {                                                                                              \
        if (!(condition)) ::onestory::internal::CheckFailed(__FILE__, __LINE__, #condition, message); \
    } while (false)
