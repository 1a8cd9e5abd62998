// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "backup/archive_format.hpp"

#include <sodium.h>

#include "crypto/hash.hpp"

namespace onestory::backup {
namespace {

static_assert(kStreamHeaderBytes == crypto_secretstream_xchacha20poly1305_HEADERBYTES);
static_assert(kMessageOverhead == crypto_secretstream_xchacha20poly1305_ABYTES);
static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);

constexpr std::string_view kKeyCheckLabel = "onestory-backup-key-check-v1";

void PutLe(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint64_t GetLe(std::string_view in, std::size_t offset, int bytes) {
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) {
        value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[offset + i])) << (8 * i);
    }
    return value;
}

Status BadHeader(std::string message) {
    return {StatusCode::kInvalidArgument, "bad_header", std::move(message)};
}

}  // namespace

KdfParams DefaultKdfParams() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

bool KdfParamsAcceptable(const KdfParams& p) {
    return p.opslimit >= crypto_pwhash_OPSLIMIT_INTERACTIVE && p.opslimit <= crypto_pwhash_OPSLIMIT_SENSITIVE &&
           p.memlimit >= crypto_pwhash_MEMLIMIT_INTERACTIVE && p.memlimit <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

std::string EncodeHeader(const ArchiveHeader& h) {
    std::string out(kMagic);
    PutLe(out, h.version, 2);
    out += static_cast<char>(kKdfArgon2id13);
    out += '\0';
    PutLe(out, h.kdf.opslimit, 8);
    PutLe(out, h.kdf.memlimit, 8);
    out += h.salt;
    out += h.stream_header;
    out += h.key_check;
    return out;
}

Result<ArchiveHeader> DecodeHeader(std::string_view bytes) {
    if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
        return Status(StatusCode::kInvalidArgument, "not_a_backup", "this file is not an onestory backup");
    }
    if (bytes.size() < kHeaderBytes) return BadHeader("the backup is truncated: its header is incomplete");
    ArchiveHeader h;
    h.version = static_cast<std::uint16_t>(GetLe(bytes, 8, 2));
    if (h.version != kFormatVersion) {
        return Status(StatusCode::kInvalidArgument, "unsupported_version",
                      "this backup has format version " + std::to_string(h.version) +
                          ", which this onestory cannot read; use a newer onestory");
    }
    if (static_cast<unsigned char>(bytes[10]) != kKdfArgon2id13 || bytes[11] != '\0') {
        return BadHeader("the backup names a key derivation this onestory does not know");
    }
    h.kdf.opslimit = GetLe(bytes, 12, 8);
    h.kdf.memlimit = GetLe(bytes, 20, 8);
    if (!KdfParamsAcceptable(h.kdf)) {
        return BadHeader("the backup's key derivation limits are outside what onestory accepts");
    }
    std::size_t at = 28;
    h.salt = std::string(bytes.substr(at, kSaltBytes));
    at += kSaltBytes;
    h.stream_header = std::string(bytes.substr(at, kStreamHeaderBytes));
    at += kStreamHeaderBytes;
    h.key_check = std::string(bytes.substr(at, kKeyCheckBytes));
    return h;
}

Result<crypto::SecretBytes> DeriveArchiveKey(std::string_view passphrase, std::string_view salt,
                                             const KdfParams& params) {
    crypto::EnsureSodium();
    if (salt.size() != kSaltBytes) return Status::Internal("backup salt has the wrong length");
    crypto::SecretBytes key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    if (crypto_pwhash(key.MutableData(), key.size(), passphrase.data(), passphrase.size(),
                      reinterpret_cast<const unsigned char*>(salt.data()), params.opslimit,
                      static_cast<std::size_t>(params.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Status::Unavailable("not enough memory to derive the backup key from the passphrase");
    }
    return key;
}

std::string KeyCheck(const crypto::SecretBytes& key) {
    crypto::EnsureSodium();
    std::string out(kKeyCheckBytes, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                       reinterpret_cast<const unsigned char*>(kKeyCheckLabel.data()), kKeyCheckLabel.size(),
                       reinterpret_cast<const unsigned char*>(key.Reveal().data()), key.size());
    return out;
}

}  // namespace onestory::backup
