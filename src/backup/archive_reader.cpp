// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "backup/archive_reader.hpp"

#include <sodium.h>
#include <zlib.h>

#include "crypto/hash.hpp"

namespace onestory::backup {
namespace {

Status Damaged(std::int64_t offset, std::string_view what) {
    return Status::DataLoss("the backup is damaged at byte " + std::to_string(offset) + ": " + std::string(what) +
                            "; it cannot be restored");
}

Status Truncated(std::int64_t offset) {
    return Status::DataLoss("the backup is truncated: it ends at byte " + std::to_string(offset) +
                            " before its final block; it cannot be restored");
}

Status Inconsistent(std::string_view what) {
    return Status::DataLoss("the backup's contents are inconsistent: " + std::string(what) + "; it cannot be restored");
}

}  // namespace

struct DatabaseInflater::Stream {
    z_stream z{};
    bool ready = false;
    ~Stream() {
        if (ready) inflateEnd(&z);
    }
};

DatabaseInflater::DatabaseInflater(std::int64_t expected_bytes, ByteSink sink)
    : stream_(std::make_unique<Stream>()), expected_(expected_bytes), sink_(std::move(sink)) {
    stream_->ready = inflateInit(&stream_->z) == Z_OK;
}

DatabaseInflater::~DatabaseInflater() = default;

Status DatabaseInflater::Feed(std::string_view compressed) {
    if (!stream_->ready) return Status::Internal("cannot start decompression");
    if (compressed.empty()) return Status::Ok();
    if (ended_) return Inconsistent("compressed data continues after the database ended");
    z_stream& z = stream_->z;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    unsigned char out[kMaxChunkBytes];
    while (z.avail_in > 0 && !ended_) {
        z.next_out = out;
        z.avail_out = sizeof out;
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            return Inconsistent("the compressed database does not decompress");
        }
        const std::size_t n = sizeof out - z.avail_out;
        produced_ += static_cast<std::int64_t>(n);
        if (produced_ > expected_) return Inconsistent("the database is larger than its manifest says");
        if (n > 0) ONESTORY_RETURN_IF_ERROR(sink_(std::string_view(reinterpret_cast<const char*>(out), n)));
        if (rc == Z_STREAM_END) ended_ = true;
        if (rc == Z_BUF_ERROR && n == 0) break;  // needs more input
    }
    if (ended_ && z.avail_in > 0) return Inconsistent("compressed data continues after the database ended");
    return Status::Ok();
}

Status DatabaseInflater::Finish() {
    if (!ended_) return Inconsistent("the compressed database ends early");
    if (produced_ != expected_) return Inconsistent("the database is smaller than its manifest says");
    return Status::Ok();
}

struct ArchiveReader::Impl {
    ByteSource source;
    ArchiveHeader header;
    std::string header_bytes;
    crypto_secretstream_xchacha20poly1305_state state{};
    bool unlocked = false;
    bool manifest_read = false;
    bool done = false;
    std::int64_t offset = 0;
    std::int64_t database_bytes = 0;

    ~Impl() { sodium_memzero(&state, sizeof state); }

    // Fills `out` with exactly `n` bytes; false (with out shorter) at the end.
    Result<bool> ReadExact(std::string& out, std::size_t n) {
        out.resize(n);
        std::size_t got = 0;
        while (got < n) {
            ONESTORY_ASSIGN_OR_RETURN(std::size_t r, source(out.data() + got, n - got));
            if (r == 0) break;
            got += r;
        }
        out.resize(got);
        offset += static_cast<std::int64_t>(got);
        return got == n;
    }

    // One message: its plaintext and whether it was tagged FINAL.
    Result<std::pair<std::string, bool>> Pull(std::string_view ad) {
        const std::int64_t record_at = offset;
        std::string prefix;
        ONESTORY_ASSIGN_OR_RETURN(bool whole, ReadExact(prefix, 4));
        if (!whole) return Truncated(offset);
        std::size_t length = 0;
        for (int i = 0; i < 4; ++i)
            length |= static_cast<std::size_t>(static_cast<unsigned char>(prefix[i])) << (8 * i);
        if (length < kMessageOverhead || length > kMaxChunkBytes + kMessageOverhead) {
            return Damaged(record_at, "a block has an impossible length");
        }
        std::string ciphertext;
        ONESTORY_ASSIGN_OR_RETURN(whole, ReadExact(ciphertext, length));
        if (!whole) return Truncated(offset);
        std::string plaintext(length - kMessageOverhead, '\0');
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &state, reinterpret_cast<unsigned char*>(plaintext.data()), nullptr, &tag,
                reinterpret_cast<const unsigned char*>(ciphertext.data()), ciphertext.size(),
                reinterpret_cast<const unsigned char*>(ad.data()), ad.size()) != 0) {
            return Damaged(record_at, "a block failed authentication");
        }
        if (tag != 0 && tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            return Damaged(record_at, "a block has an unknown tag");
        }
        return std::make_pair(std::move(plaintext), tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    }
};

ArchiveReader::ArchiveReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArchiveReader::~ArchiveReader() = default;

Result<std::unique_ptr<ArchiveReader>> ArchiveReader::Open(ByteSource source) {
    crypto::EnsureSodium();
    auto impl = std::make_unique<Impl>();
    impl->source = std::move(source);
    // A short read leaves header_bytes short, which DecodeHeader refuses.
    ONESTORY_RETURN_IF_ERROR(impl->ReadExact(impl->header_bytes, kHeaderBytes).status());
    ONESTORY_ASSIGN_OR_RETURN(impl->header, DecodeHeader(impl->header_bytes));
    return std::unique_ptr<ArchiveReader>(new ArchiveReader(std::move(impl)));
}

const ArchiveHeader& ArchiveReader::header() const {
    return impl_->header;
}

std::int64_t ArchiveReader::bytes_in() const {
    return impl_->offset;
}

Status ArchiveReader::Unlock(std::string_view passphrase) {
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes key,
                              DeriveArchiveKey(passphrase, impl_->header.salt, impl_->header.kdf));
    return UnlockWithKey(key);
}

Status ArchiveReader::UnlockWithKey(const crypto::SecretBytes& key) {
    if (key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES) return Status::Internal("wrong key length");
    if (!crypto::ConstantTimeEquals(KeyCheck(key), impl_->header.key_check)) {
        return Status(StatusCode::kUnauthenticated, "wrong_passphrase",
                      "the passphrase is not the one this backup was made with");
    }
    if (crypto_secretstream_xchacha20poly1305_init_pull(
            &impl_->state, reinterpret_cast<const unsigned char*>(impl_->header.stream_header.data()),
            reinterpret_cast<const unsigned char*>(key.Reveal().data())) != 0) {
        return Damaged(0, "the stream header is invalid");
    }
    impl_->unlocked = true;
    return Status::Ok();
}

Result<Manifest> ArchiveReader::ReadManifest() {
    if (!impl_->unlocked || impl_->manifest_read) return Status::Internal("ReadManifest out of order");
    const std::int64_t at = impl_->offset;
    ONESTORY_ASSIGN_OR_RETURN(auto message, impl_->Pull(impl_->header_bytes));
    if (message.second) return Damaged(at, "the backup ends right after its manifest");
    ONESTORY_ASSIGN_OR_RETURN(Manifest manifest, ParseManifest(message.first));
    impl_->manifest_read = true;
    impl_->database_bytes = manifest.database_bytes;
    return manifest;
}

Status ArchiveReader::ReadDatabase(const ByteSink& sink) {
    if (!impl_->manifest_read || impl_->done) return Status::Internal("ReadDatabase out of order");
    DatabaseInflater inflater(impl_->database_bytes, sink);
    for (;;) {
        ONESTORY_ASSIGN_OR_RETURN(auto message, impl_->Pull({}));
        ONESTORY_RETURN_IF_ERROR(inflater.Feed(message.first));
        if (message.second) break;
    }
    ONESTORY_RETURN_IF_ERROR(inflater.Finish());
    std::string extra;
    ONESTORY_ASSIGN_OR_RETURN(bool more, impl_->ReadExact(extra, 1));
    if (more) return Damaged(impl_->offset - 1, "there is data after the final block");
    impl_->done = true;
    return Status::Ok();
}

}  // namespace onestory::backup
