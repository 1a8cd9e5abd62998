// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/data_dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace onestory::cli {
namespace {

Result<int> OpenLockFile(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return Status::FailedPrecondition("cannot open the lock file " + path.string() + ": " + std::strerror(errno));
    }
    return fd;
}

}  // namespace

Result<DataDirLock> DataDirLock::Shared(const std::filesystem::path& lock_file) {
    ONESTORY_ASSIGN_OR_RETURN(int fd, OpenLockFile(lock_file));
    DataDirLock lock(fd);
    // Waits while a key rotation holds it: that takes seconds, not longer.
    while (::flock(fd, LOCK_SH) != 0) {
        if (errno != EINTR) {
            return Status::FailedPrecondition("cannot lock " + lock_file.string() + ": " + std::strerror(errno));
        }
    }
    return lock;
}

Result<DataDirLock> DataDirLock::Exclusive(const std::filesystem::path& lock_file) {
    ONESTORY_ASSIGN_OR_RETURN(int fd, OpenLockFile(lock_file));
    DataDirLock lock(fd);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK) {
            return Status::FailedPrecondition(
                "another onestory process (serve, backup, purge or audit verify) is using this data directory; "
                "stop it first");
        }
        return Status::FailedPrecondition("cannot lock " + lock_file.string() + ": " + std::strerror(errno));
    }
    return lock;
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DataDirLock& DataDirLock::operator=(DataDirLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

DataDirLock::~DataDirLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace onestory::cli
