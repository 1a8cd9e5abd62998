// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/check.hpp"

#include <cstdio>
#include <cstdlib>

namespace onestory::internal {

void CheckFailed(const char* file, int line, const char* condition, const char* message) {
    std::fprintf(stderr, "onestory: internal check failed at %s:%d: %s (%s)\n", file, line, condition, message);
    std::abort();
}

}  // namespace onestory::internal
