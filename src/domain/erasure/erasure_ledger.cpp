// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/erasure/erasure_ledger.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "common/strings.hpp"
#include "crypto/hash.hpp"

namespace onestory::domain {
namespace {

constexpr std::string_view kHeader = "onestory-erasure-ledger v1\n";
constexpr std::string_view kKeyLabel = "onestory:erasure-ledger-key:v1";
constexpr std::string_view kMacDomain = "onestory:erasure-ledger:v1";
constexpr std::size_t kMacHexChars = 64;
constexpr std::size_t kMaxLedgerBytes = 256 * 1024 * 1024;
constexpr std::size_t kMaxFieldBytes = 64;
constexpr std::size_t kTailBytes = 4096;

// Closes a descriptor (and so releases its lock).
class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

Status IoError(const std::filesystem::path& path, std::string_view what) {
    return Status::FailedPrecondition("cannot " + std::string(what) + " the erasure ledger " + path.string() + ": " +
                                      std::strerror(errno));
}

Status Altered(const std::filesystem::path& path, std::size_t line, std::string_view what) {
    return Status::DataLoss("the erasure ledger " + path.string() + " is not intact at line " + std::to_string(line) +
                            ": " + std::string(what) + "; it was altered, or it belongs to another installation");
}

bool IsToken(std::string_view s) {
    if (s.empty() || s.size() > kMaxFieldBytes) return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool WriteAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

Result<std::string> ReadFrom(int fd, off_t offset, std::size_t max, const std::filesystem::path& path) {
    std::string out;
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset + static_cast<off_t>(out.size()));
        if (n < 0) {
            if (errno == EINTR) continue;
            return IoError(path, "read");
        }
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
        if (out.size() > max) return Status::DataLoss("the erasure ledger " + path.string() + " is too large");
    }
    return out;
}

}  // namespace

ErasureLedger::ErasureLedger(std::filesystem::path path, const crypto::SecretBytes& audit_key)
    : path_(std::move(path)), key_(crypto::SecretBytes::Copy(crypto::Mac(audit_key, kKeyLabel))) {}

std::string ErasureLedger::LineMac(std::string_view previous_mac, const LedgerEntry& e) const {
    std::string input(kMacDomain);
    for (const std::string_view part :
         {previous_mac, std::string_view(e.erasure_id), std::string_view(e.survivor_id), std::string_view(e.reason)}) {
        input += '\x1f';
        input += part;
    }
    input += '\x1f';
    input += std::to_string(e.erased_at);
    return HexEncode(crypto::Mac(key_, input));
}

Status ErasureLedger::EnsureExists() const {
    Fd fd(::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) {
        if (errno == EEXIST) return Status::Ok();
        return IoError(path_, "create");
    }
    if (!WriteAll(fd.get(), kHeader) || ::fsync(fd.get()) != 0) return IoError(path_, "write");
    std::filesystem::path dir = path_.parent_path();
    Fd dir_fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0) return IoError(path_, "sync the directory of");
    return Status::Ok();
}

Status ErasureLedger::Append(const LedgerEntry& entry) const {
    if (!IsToken(entry.erasure_id) || !IsToken(entry.survivor_id) || !IsToken(entry.reason)) {
        return Status::Internal("an erasure ledger entry holds an unexpected character");
    }
    ONESTORY_RETURN_IF_ERROR(EnsureExists());
    Fd fd(::open(path_.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0) return IoError(path_, "open");
    while (::flock(fd.get(), LOCK_EX) != 0) {
        if (errno != EINTR) return IoError(path_, "lock");
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return IoError(path_, "inspect");
    const off_t size = st.st_size;
    const off_t tail_at = size > static_cast<off_t>(kTailBytes) ? size - static_cast<off_t>(kTailBytes) : 0;
    ONESTORY_ASSIGN_OR_RETURN(std::string tail, ReadFrom(fd.get(), tail_at, kTailBytes, path_));
    off_t end = size;
    if (size == 0) {  // created, then a crash before its first line was written
        if (::pwrite(fd.get(), kHeader.data(), kHeader.size(), 0) != static_cast<ssize_t>(kHeader.size())) {
            return IoError(path_, "write");
        }
        tail = kHeader;
        end = static_cast<off_t>(kHeader.size());
    }
    if (tail_at == 0 && !tail.starts_with(kHeader)) {
        return Altered(path_, 1, "it does not start with \"onestory-erasure-ledger v1\"");
    }
    // A line a crash cut short was never acknowledged: drop it.
    if (!tail.empty() && tail.back() != '\n') {
        const auto newline = tail.rfind('\n');
        if (newline == std::string::npos) return Altered(path_, 0, "its last line is far too long");
        end = tail_at + static_cast<off_t>(newline) + 1;
        if (::ftruncate(fd.get(), end) != 0) return IoError(path_, "repair");
        tail.resize(newline + 1);
    }
    std::string previous(kMacHexChars, '0');  // the first entry chains to zeros
    if (!(tail_at == 0 && tail == kHeader)) {
        const std::string_view body = std::string_view(tail).substr(0, tail.size() - 1);
        const std::string_view last_line = body.substr(body.rfind('\n') + 1);
        if (last_line.size() < kMacHexChars) return Altered(path_, 0, "its last line is malformed");
        previous = std::string(last_line.substr(last_line.size() - kMacHexChars));
    }
    const std::string line = entry.erasure_id + " " + entry.survivor_id + " " + entry.reason + " " +
                             std::to_string(entry.erased_at) + " " + LineMac(previous, entry) + "\n";
    if (::pwrite(fd.get(), line.data(), line.size(), end) != static_cast<ssize_t>(line.size())) {
        return IoError(path_, "append to");
    }
    if (::fsync(fd.get()) != 0) return IoError(path_, "sync");
    return Status::Ok();
}

Result<std::vector<LedgerEntry>> ErasureLedger::ReadAll() const {
    Fd fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT) {
            return Status::FailedPrecondition("the erasure ledger " + path_.string() + " does not exist");
        }
        return IoError(path_, "open");
    }
    while (::flock(fd.get(), LOCK_SH) != 0) {
        if (errno != EINTR) return IoError(path_, "lock");
    }
    ONESTORY_ASSIGN_OR_RETURN(std::string text, ReadFrom(fd.get(), 0, kMaxLedgerBytes, path_));
    return Parse(text);
}

Result<std::vector<LedgerEntry>> ErasureLedger::Parse(std::string_view text) const {
    if (!text.starts_with(kHeader)) {
        return Altered(path_, 1, "it does not start with \"onestory-erasure-ledger v1\"");
    }
    text.remove_prefix(kHeader.size());
    std::vector<LedgerEntry> entries;
    std::string previous(kMacHexChars, '0');
    std::size_t line_number = 1;
    while (!text.empty()) {
        ++line_number;
        const auto newline = text.find('\n');
        if (newline == std::string_view::npos) break;  // cut short by a crash: never acknowledged
        const std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline + 1);
        std::vector<std::string_view> fields;
        std::string_view rest = line;
        while (fields.size() < 6) {
            const auto space = rest.find(' ');
            fields.push_back(rest.substr(0, space));
            if (space == std::string_view::npos) break;
            rest.remove_prefix(space + 1);
        }
        if (fields.size() != 5 || !IsToken(fields[0]) || !IsToken(fields[1]) || !IsToken(fields[2]) ||
            fields[4].size() != kMacHexChars) {
            return Altered(path_, line_number, "the line is malformed");
        }
        LedgerEntry e{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), 0};
        const auto [ptr, ec] = std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), e.erased_at);
        if (ec != std::errc() || ptr != fields[3].data() + fields[3].size() || e.erased_at < 0) {
            return Altered(path_, line_number, "the time is malformed");
        }
        const std::string expected = LineMac(previous, e);
        if (!crypto::ConstantTimeEquals(expected, fields[4])) {
            return Altered(path_, line_number, "its MAC does not match");
        }
        previous = expected;
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace onestory::domain
