// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/clock.hpp"

namespace onestory {

// Counts events per key (a client address, an account) in a sliding window
// on the installation's clock, and says when a key has had its fill. Staff
// login uses it for failures per client address; the survivor portal's
// login is meant to use it the same way.
//
// Thread-safe. Memory is bounded: at most `limit` times per key, and keys
// whose events have all left the window are forgotten once there are more
// than `max_keys`.
class RateLimiter {
  public:
    struct Verdict {
        bool allowed = true;
        int retry_after_seconds = 0;  // when refused: until the oldest event leaves the window
        bool first_refusal = false;   // the first refusal since the key was last allowed
    };

    RateLimiter(const Clock& clock, int limit, std::chrono::seconds window, std::size_t max_keys = 100000);

    // Whether one more event from `key` is allowed now; does not count one.
    Verdict Check(std::string_view key);
    // Counts one event.
    void Count(std::string_view key);

  private:
    struct Entry {
        std::deque<Instant> events;
        bool refused = false;
    };
    void Expire(Entry& entry, Instant now) const;
    void Forget(Instant now);

    const Clock& clock_;
    const std::size_t limit_;
    const std::chrono::microseconds window_;
    const std::size_t max_keys_;
    std::mutex mu_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace onestory
