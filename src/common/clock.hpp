// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>

#include "common/time.hpp"

namespace onestory {

// The source of "now". Services never read the system clock directly, so that
// due dates, expiries and lockouts can be tested by moving a ManualClock
// instead of sleeping. Implementations are thread-safe.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
  public:
    Instant Now() const override;
};

// A clock that moves only when told to. `serve --test-clock` uses it so that
// API tests can jump forward in time.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(Instant start) : micros_(ToMicros(start)) {}
    Instant Now() const override { return FromMicros(micros_.load()); }
    void Set(Instant t) { micros_.store(ToMicros(t)); }
    void Advance(std::chrono::microseconds d) { micros_.fetch_add(d.count()); }

  private:
    std::atomic<std::int64_t> micros_;
};

}  // namespace onestory
