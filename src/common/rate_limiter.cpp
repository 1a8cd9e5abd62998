// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/rate_limiter.hpp"

#include <algorithm>

namespace onestory {

RateLimiter::RateLimiter(const Clock& clock, int limit, std::chrono::seconds window, std::size_t max_keys)
    : clock_(clock),
      limit_(static_cast<std::size_t>(std::max(1, limit))),
      window_(std::chrono::duration_cast<std::chrono::microseconds>(window)),
      max_keys_(max_keys) {}

void RateLimiter::Expire(Entry& entry, Instant now) const {
    while (!entry.events.empty() && entry.events.front() <= now - window_) entry.events.pop_front();
}

void RateLimiter::Forget(Instant now) {
    for (auto it = entries_.begin(); it != entries_.end();) {
        Expire(it->second, now);
        it = it->second.events.empty() ? entries_.erase(it) : std::next(it);
    }
    // Still too many live keys (a flood from many addresses): drop some.
    while (entries_.size() > max_keys_) entries_.erase(entries_.begin());
}

RateLimiter::Verdict RateLimiter::Check(std::string_view key) {
    const Instant now = clock_.Now();
    std::lock_guard lock(mu_);
    const auto it = entries_.find(std::string(key));
    if (it == entries_.end()) return {};
    Entry& entry = it->second;
    Expire(entry, now);
    if (entry.events.size() < limit_) {
        entry.refused = false;
        return {};
    }
    Verdict verdict;
    verdict.allowed = false;
    const auto wait = std::chrono::duration_cast<std::chrono::seconds>(entry.events.front() + window_ - now);
    verdict.retry_after_seconds = static_cast<int>(std::max<std::int64_t>(1, wait.count() + 1));
    verdict.first_refusal = !entry.refused;
    entry.refused = true;
    return verdict;
}

void RateLimiter::Count(std::string_view key) {
    const Instant now = clock_.Now();
    std::lock_guard lock(mu_);
    if (entries_.size() >= max_keys_ && !entries_.contains(std::string(key))) Forget(now);
    Entry& entry = entries_[std::string(key)];
    Expire(entry, now);
    entry.events.push_back(now);
    while (entry.events.size() > limit_) entry.events.pop_front();
}

}  // namespace onestory
