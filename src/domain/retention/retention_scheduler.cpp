// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/retention/retention_scheduler.hpp"

#include "store/retention_registry.hpp"

namespace onestory::domain {

RetentionScheduler::RetentionScheduler(const ServiceContext& ctx, RetentionService& retention,
                                       std::chrono::milliseconds poll, Listener on_run)
    : ctx_(ctx), retention_(retention), poll_(poll), on_run_(std::move(on_run)) {
    thread_ = std::thread([this] { Loop(); });
}

RetentionScheduler::~RetentionScheduler() {
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

bool RetentionScheduler::Due() {
    if (ctx_.settings.retention.empty()) return false;
    std::int64_t last = 0;
    const Status read = ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(last, store::GetLastMaintenanceRun(tx, kRetentionRunName));
        return Status::Ok();
    });
    if (!read.ok()) return false;  // the store is busy or closing; try at the next poll
    const std::int64_t interval = std::chrono::duration_cast<std::chrono::microseconds>(kRetentionInterval).count();
    return ToMicros(ctx_.clock.Now()) - last >= interval;
}

void RetentionScheduler::Loop() {
    std::unique_lock lock(mu_);
    while (!stopping_) {
        lock.unlock();
        if (Due()) {
            auto report = retention_.Purge(/*dry_run=*/false);
            if (on_run_) on_run_(report);
        }
        lock.lock();
        cv_.wait_for(lock, poll_, [this] { return stopping_; });
    }
}

}  // namespace onestory::domain
