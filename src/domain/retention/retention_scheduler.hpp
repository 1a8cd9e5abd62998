// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "domain/retention/retention_service.hpp"

namespace onestory::domain {

// Runs the retention purge once a day inside serve, on a thread of its own.
// "A day" is measured on the installation's clock, and the time of the last
// run is kept in the store, so a restart does not purge twice in a day and
// a test that moves the manual clock forward sees the purge run at once.
// Does nothing while no retention period is configured.
class RetentionScheduler {
  public:
    using Listener = std::function<void(const Result<PurgeReport>&)>;

    // `poll` is how often the clock is looked at (seconds in tests, a minute in service).
    RetentionScheduler(const ServiceContext& ctx, RetentionService& retention, std::chrono::milliseconds poll,
                       Listener on_run);
    ~RetentionScheduler();
    RetentionScheduler(const RetentionScheduler&) = delete;
    RetentionScheduler& operator=(const RetentionScheduler&) = delete;

  private:
    void Loop();
    bool Due();

    const ServiceContext& ctx_;
    RetentionService& retention_;
    std::chrono::milliseconds poll_;
    Listener on_run_;
    std::mutex mu_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::thread thread_;
};

inline constexpr std::chrono::hours kRetentionInterval{24};

}  // namespace onestory::domain
