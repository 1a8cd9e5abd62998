// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "common/strings.hpp"
#include "crypto/random.hpp"

namespace onestory::cli {
namespace {

Status Failed(std::string_view what, const std::filesystem::path& path, int err) {
    if (err == ENOSPC) return Status::Unavailable("the disk is full while " + std::string(what) + " " + path.string());
    return Status::FailedPrecondition("cannot " + std::string(what) + " " + path.string() + ": " + std::strerror(err));
}

}  // namespace

Result<File> File::CreateNew(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        const int err = errno;
        if (err == EEXIST)
            return Status::Conflict("exists", path.string() + " already exists; refusing to overwrite it");
        return Failed("create", path, err);
    }
    return File(fd, path);
}

Result<File> File::OpenForReading(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT) return Status::FailedPrecondition(path.string() + " does not exist");
        return Failed("open", path, err);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Status::FailedPrecondition(path.string() + " is not a regular file");
    }
    return File(fd, path);
}

File::File(File&& other) noexcept : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

File& File::operator=(File&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
        path_ = std::move(other.path_);
    }
    return *this;
}

File::~File() {
    if (fd_ >= 0) ::close(fd_);
}

Status File::WriteAll(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return Failed("write", path_, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return Status::Ok();
}

Result<std::size_t> File::Read(char* buffer, std::size_t size) {
    for (;;) {
        const ssize_t n = ::read(fd_, buffer, size);
        if (n >= 0) return static_cast<std::size_t>(n);
        if (errno != EINTR) return Failed("read", path_, errno);
    }
}

Status File::Sync() {
    return ::fsync(fd_) == 0 ? Status::Ok() : Failed("sync", path_, errno);
}

Status File::Close() {
    const int fd = std::exchange(fd_, -1);
    if (fd >= 0 && ::close(fd) != 0) return Failed("close", path_, errno);
    return Status::Ok();
}

Result<std::int64_t> File::Size() const {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) return Failed("inspect", path_, errno);
    return static_cast<std::int64_t>(st.st_size);
}

Status SyncDirectory(const std::filesystem::path& dir) {
    const std::filesystem::path target = dir.empty() ? std::filesystem::path(".") : dir;
    const int fd = ::open(target.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Failed("open the directory", target, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    return rc == 0 ? Status::Ok() : Failed("sync the directory", target, err);
}

Status DurableRename(const std::filesystem::path& from, const std::filesystem::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) return Failed("rename " + from.string() + " to", to, errno);
    ONESTORY_RETURN_IF_ERROR(SyncDirectory(to.parent_path()));
    if (from.parent_path() != to.parent_path()) ONESTORY_RETURN_IF_ERROR(SyncDirectory(from.parent_path()));
    return Status::Ok();
}

Result<std::string> ReadSmallFile(const std::filesystem::path& path, std::size_t max_bytes) {
    ONESTORY_ASSIGN_OR_RETURN(File file, File::OpenForReading(path));
    std::string out;
    char buffer[4096];
    for (;;) {
        ONESTORY_ASSIGN_OR_RETURN(std::size_t n, file.Read(buffer, sizeof buffer));
        if (n == 0) break;
        out.append(buffer, n);
        if (out.size() > max_bytes) {
            return Status::Invalid(path.string(),
                                   path.string() + " is larger than " + std::to_string(max_bytes) + " bytes");
        }
    }
    return out;
}

std::filesystem::path SiblingTempPath(const std::filesystem::path& path, std::string_view tag) {
    return path.string() + "." + std::string(tag) + "-" + HexEncode(crypto::RandomBytes(6));
}

}  // namespace onestory::cli
