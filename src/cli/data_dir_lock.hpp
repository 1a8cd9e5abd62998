// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>

#include "common/result.hpp"

namespace onestory::cli {

// An advisory lock on a data directory (flock on DATA_DIR/onestory.lock).
// Every command that opens an installation holds it shared, so serve,
// backup, purge and audit verify run side by side; rotating the master key
// holds it exclusively, because a process still holding the old key would
// wrap new data keys under it. Released on destruction.
class DataDirLock {
  public:
    static Result<DataDirLock> Shared(const std::filesystem::path& lock_file);
    // Fails at once (kFailedPrecondition) when another process holds the lock.
    static Result<DataDirLock> Exclusive(const std::filesystem::path& lock_file);
    DataDirLock(DataDirLock&& other) noexcept;
    DataDirLock& operator=(DataDirLock&& other) noexcept;
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;
    ~DataDirLock();

  private:
    explicit DataDirLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace onestory::cli
