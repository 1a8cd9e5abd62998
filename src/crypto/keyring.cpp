// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/keyring.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "common/check.hpp"
#include "common/strings.hpp"
#include "crypto/aead.hpp"

namespace onestory::crypto {

namespace {

constexpr std::string_view kWrapDomain = "onestory:key:v1\x1f";
constexpr std::string_view kFingerprintDomain = "onestory:master-key-fingerprint:v1\x1f";
constexpr std::size_t kFingerprintHexChars = 16;

constexpr std::string_view kFileHeader = "onestory-master-key v1\n";
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t kEncodedKeyChars = sodium_base64_ENCODED_LEN(kKeyBytes, kBase64Variant) - 1;  // without NUL
constexpr std::size_t kFileBytes = kFileHeader.size() + kEncodedKeyChars + 1;
// Anything longer is malformed; reading stops here so a huge file costs nothing.
constexpr std::size_t kMaxReadBytes = 2 * kFileBytes;

// Owns a file descriptor.
class UniqueFd {
  public:
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { Reset(); }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    // Closes now and reports the error, which for a written file can be the
    // first sign that the data did not reach the disk.
    int Close() { return ::close(std::exchange(fd_, -1)); }

  private:
    void Reset() {
        if (fd_ >= 0) ::close(std::exchange(fd_, -1));
    }

    int fd_;
};

std::string ErrnoText(int err) {
    return std::strerror(err);
}

std::string ModeText(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

Status Missing(const std::filesystem::path& path) {
    return Status::FailedPrecondition("master key file " + path.string() +
                                      " does not exist; create the data directory with `onestory init`");
}

Status Unreadable(const std::filesystem::path& path) {
    return Status::FailedPrecondition("master key file " + path.string() +
                                      " is not readable by this user (permission denied); it must be owned by the "
                                      "user that runs onestory");
}

Status Malformed(const std::filesystem::path& path, std::string_view what) {
    return Status::FailedPrecondition("master key file " + path.string() + " is malformed: " + std::string(what));
}

// Rejects anything but a regular file that only its owner can use.
Status CheckFileMode(const std::filesystem::path& path, const struct stat& st) {
    if (!S_ISREG(st.st_mode)) {
        return Status::FailedPrecondition("master key file " + path.string() + " is not a regular file");
    }
    if ((st.st_mode & 077) != 0) {
        const char* how = (st.st_mode & 044) != 0 ? "readable" : "writable";
        return Status::FailedPrecondition("master key file " + path.string() + " is " + how +
                                          " by group or others (mode " + ModeText(st.st_mode) + "); run chmod 600 " +
                                          path.string());
    }
    return Status::Ok();
}

bool WriteAll(int fd, const unsigned char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) {
            errno = EIO;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Makes the new directory entry durable, not only the file's contents.
Status SyncParentDirectory(const std::filesystem::path& path) {
    std::filesystem::path dir = path.parent_path();
    if (dir.empty()) dir = ".";
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid() || ::fsync(fd.get()) != 0) {
        const int err = errno;
        return Status::FailedPrecondition("master key file " + path.string() +
                                          " was written but its directory could not be synced: " + ErrnoText(err));
    }
    return Status::Ok();
}

}  // namespace

Keyring::Keyring(SecretBytes master_key) : master_key_(std::move(master_key)) {
    ONESTORY_CHECK(master_key_.size() == kKeyBytes, "master key must be 32 bytes");
}

std::string Keyring::Wrap(const SecretBytes& key, std::string_view key_name) const {
    std::string ad(kWrapDomain);
    ad.append(key_name);
    return Seal(master_key_, key.Reveal(), ad);
}

Result<SecretBytes> Keyring::Unwrap(std::string_view wrapped, std::string_view key_name) const {
    std::string ad(kWrapDomain);
    ad.append(key_name);
    Result<std::string> opened = Open(master_key_, wrapped, ad);
    if (!opened.ok()) {
        return Status::DataLoss("wrapped key \"" + std::string(key_name) +
                                "\" could not be unwrapped: wrong master key, wrong key name or damaged value");
    }
    std::string& plain = opened.value();
    SecretBytes key = SecretBytes::Copy(plain);
    sodium_memzero(plain.data(), plain.size());
    return key;
}

std::string Keyring::MasterKeyFingerprint() const {
    EnsureSodium();
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kFingerprintDomain.data()),
                              kFingerprintDomain.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(master_key_.Reveal().data()),
                              master_key_.size());
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash_final(&state, digest, sizeof digest);
    sodium_memzero(&state, sizeof state);
    return HexEncode({reinterpret_cast<const char*>(digest), kFingerprintHexChars / 2});
}

Status CreateMasterKeyFile(const std::filesystem::path& path) {
    return WriteMasterKeyFile(path, NewKey());
}

Status WriteMasterKeyFile(const std::filesystem::path& path, const SecretBytes& key) {
    EnsureSodium();
    if (key.size() != kKeyBytes) return Status::Invalid("key", "master key must be 32 bytes");

    // The file's text is built in key memory so that no copy of the key is
    // left behind in an ordinary heap buffer.
    SecretBytes text(kFileBytes + 1);  // + NUL written by sodium_bin2base64
    unsigned char* out = text.MutableData();
    std::memcpy(out, kFileHeader.data(), kFileHeader.size());
    sodium_bin2base64(reinterpret_cast<char*>(out + kFileHeader.size()), kEncodedKeyChars + 1,
                      reinterpret_cast<const unsigned char*>(key.Reveal().data()), key.size(), kBase64Variant);
    out[kFileBytes - 1] = '\n';

    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd.valid()) {
        const int err = errno;
        if (err == EEXIST) {
            return Status::Conflict("exists",
                                    "master key file " + path.string() + " already exists; refusing to overwrite it");
        }
        return Status::FailedPrecondition("cannot create master key file " + path.string() + ": " + ErrnoText(err));
    }
    // The umask can only remove bits, but be explicit about the final mode.
    if (::fchmod(fd.get(), 0600) != 0 || !WriteAll(fd.get(), out, kFileBytes) || ::fsync(fd.get()) != 0 ||
        fd.Close() != 0) {
        const int err = errno;
        // We created the file (O_EXCL), so removing the partial one is safe and
        // lets a retry succeed.
        ::unlink(path.c_str());
        return Status::FailedPrecondition("cannot write master key file " + path.string() + ": " + ErrnoText(err));
    }
    return SyncParentDirectory(path);
}

Result<SecretBytes> LoadMasterKeyFile(const std::filesystem::path& path) {
    EnsureSodium();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR) return Missing(path);
        if (err == EACCES) return Unreadable(path);
        return Status::FailedPrecondition("cannot inspect master key file " + path.string() + ": " + ErrnoText(err));
    }
    ONESTORY_RETURN_IF_ERROR(CheckFileMode(path, st));

    // O_NONBLOCK: should the path be swapped for a FIFO after the check, the
    // open must not hang; it has no effect on regular files.
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!fd.valid()) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR) return Missing(path);
        if (err == EACCES) return Unreadable(path);
        return Status::FailedPrecondition("cannot open master key file " + path.string() + ": " + ErrnoText(err));
    }
    // Check again what was actually opened, in case the path changed since stat.
    if (::fstat(fd.get(), &st) != 0) {
        const int err = errno;
        return Status::FailedPrecondition("cannot inspect master key file " + path.string() + ": " + ErrnoText(err));
    }
    ONESTORY_RETURN_IF_ERROR(CheckFileMode(path, st));

    SecretBytes content(kMaxReadBytes);
    std::size_t size = 0;
    while (size < content.size()) {
        const ssize_t n = ::read(fd.get(), content.MutableData() + size, content.size() - size);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            if (err == EACCES) return Unreadable(path);
            return Status::FailedPrecondition("cannot read master key file " + path.string() + ": " + ErrnoText(err));
        }
        if (n == 0) break;
        size += static_cast<std::size_t>(n);
    }

    const std::string_view text = content.Reveal().substr(0, size);
    if (text.substr(0, kFileHeader.size()) != kFileHeader) {
        return Malformed(path, "it does not start with the line \"onestory-master-key v1\"");
    }
    std::string_view encoded = text.substr(kFileHeader.size());
    // The final newline is optional: copying the key through a clipboard or a
    // secrets manager tends to lose it.
    if (!encoded.empty() && encoded.back() == '\n') encoded.remove_suffix(1);
    if (encoded.size() != kEncodedKeyChars) {
        return Malformed(path, "the second line must be the 32-byte key in base64url, without padding");
    }
    SecretBytes key(kKeyBytes);
    std::size_t key_len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(key.MutableData(), key.size(), encoded.data(), encoded.size(), nullptr, &key_len, &end,
                          kBase64Variant) != 0 ||
        key_len != kKeyBytes || end != encoded.data() + encoded.size()) {
        return Malformed(path, "the second line must be the 32-byte key in base64url, without padding");
    }
    return key;
}

}  // namespace onestory::crypto
