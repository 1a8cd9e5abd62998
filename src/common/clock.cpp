// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/clock.hpp"

namespace onestory {

Instant SystemClock::Now() const {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

}  // namespace onestory
