// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.hpp"

// Small, careful file operations for the commands that write the data
// directory, backups and key files: every failure is a Status naming the
// path, and "durable" means fsync of the file and of its directory.
namespace onestory::cli {

// An open file descriptor, closed on destruction.
class File {
  public:
    // O_CREAT | O_EXCL, mode 0600: never overwrites.
    static Result<File> CreateNew(const std::filesystem::path& path);
    static Result<File> OpenForReading(const std::filesystem::path& path);
    File(File&& other) noexcept;
    File& operator=(File&& other) noexcept;
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    ~File();

    Status WriteAll(std::string_view bytes);
    // Bytes read into `buffer` (0 at the end of the file).
    Result<std::size_t> Read(char* buffer, std::size_t size);
    Status Sync();
    Status Close();
    Result<std::int64_t> Size() const;
    const std::filesystem::path& path() const { return path_; }

  private:
    File(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}

    int fd_ = -1;
    std::filesystem::path path_;
};

// fsync of a directory, so that entries created or renamed in it are durable.
Status SyncDirectory(const std::filesystem::path& dir);
// rename(2) and fsync of the directory (or directories) involved.
Status DurableRename(const std::filesystem::path& from, const std::filesystem::path& to);
// Reads a whole file of at most `max_bytes`.
Result<std::string> ReadSmallFile(const std::filesystem::path& path, std::size_t max_bytes);
// A fresh name beside `path`: "<path>.<tag>-<random>".
std::filesystem::path SiblingTempPath(const std::filesystem::path& path, std::string_view tag);

}  // namespace onestory::cli
