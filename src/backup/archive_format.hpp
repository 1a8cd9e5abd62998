// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "crypto/secret.hpp"

// The backup archive format, version 1.
//
// An archive is a fixed header followed by records. The header says what the
// file is and how to derive its key from the passphrase:
//
//   offset  size  field
//        0     8  magic "OSBACKUP"
//        8     2  format version, little-endian (1)
//       10     1  key derivation: 1 = Argon2id v1.3 (libsodium crypto_pwhash)
//       11     1  reserved, 0
//       12     8  Argon2id opslimit, little-endian
//       20     8  Argon2id memlimit in bytes, little-endian
//       28    16  salt
//       44    24  crypto_secretstream_xchacha20poly1305 header
//       68    16  key check: keyed BLAKE2b-128 of a fixed label under the derived key
//
// Each record is a 4-byte little-endian length and that many bytes of one
// crypto_secretstream_xchacha20poly1305 message. The first message carries
// the manifest (the whole header is its associated data, so the header cannot
// be altered either); the following messages carry the zlib-compressed
// database; the last message is tagged FINAL. Because every message is
// authenticated in order and the stream must end with FINAL, a flipped bit,
// a reordered, dropped or added record, and a truncated file are all refused.
namespace onestory::backup {

inline constexpr std::string_view kMagic = "OSBACKUP";
inline constexpr std::uint16_t kFormatVersion = 1;
inline constexpr std::uint8_t kKdfArgon2id13 = 1;
inline constexpr std::size_t kSaltBytes = 16;
inline constexpr std::size_t kStreamHeaderBytes = 24;
inline constexpr std::size_t kKeyCheckBytes = 16;
inline constexpr std::size_t kHeaderBytes = 8 + 2 + 1 + 1 + 8 + 8 + kSaltBytes + kStreamHeaderBytes + kKeyCheckBytes;
// Plaintext per message; a record holds at most this plus the 17-byte tag.
inline constexpr std::size_t kMaxChunkBytes = 64 * 1024;
inline constexpr std::size_t kMessageOverhead = 17;

struct KdfParams {
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;
};

// What new archives use: Argon2id with libsodium's "moderate" limits.
KdfParams DefaultKdfParams();
// Limits a reader accepts, so a hostile header cannot demand unbounded work
// or memory: from libsodium's "interactive" to its "sensitive" limits.
bool KdfParamsAcceptable(const KdfParams& params);

struct ArchiveHeader {
    std::uint16_t version = kFormatVersion;
    KdfParams kdf;
    std::string salt;           // kSaltBytes
    std::string stream_header;  // kStreamHeaderBytes
    std::string key_check;      // kKeyCheckBytes
};

std::string EncodeHeader(const ArchiveHeader& header);
// Refuses (kInvalidArgument, reason "not_a_backup" / "unsupported_version" /
// "bad_header") anything that is not a version-1 header with acceptable
// parameters. `bytes` must hold at least kHeaderBytes.
Result<ArchiveHeader> DecodeHeader(std::string_view bytes);

// The archive key: Argon2id of the passphrase with the header's salt and limits.
Result<crypto::SecretBytes> DeriveArchiveKey(std::string_view passphrase, std::string_view salt,
                                             const KdfParams& params);
// The header's key check for `key`.
std::string KeyCheck(const crypto::SecretBytes& key);

// Where an archive's bytes go and come from, so the format knows nothing of
// files. A source answers how many bytes it put in the buffer (0 at the end).
using ByteSink = std::function<Status(std::string_view)>;
using ByteSource = std::function<Result<std::size_t>(char* buffer, std::size_t size)>;

}  // namespace onestory::backup
