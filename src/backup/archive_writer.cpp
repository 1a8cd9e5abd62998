// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "backup/archive_writer.hpp"

#include <sodium.h>
#include <zlib.h>

#include "crypto/random.hpp"

namespace onestory::backup {
namespace {

// Most of a database is sealed values, which do not compress; a light level
// gets what there is (page slack, indexes, plain columns) at little cost.
constexpr int kCompressionLevel = 3;

std::string LengthPrefix(std::size_t n) {
    std::string out(4, '\0');
    for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((n >> (8 * i)) & 0xFF);
    return out;
}

}  // namespace

struct ArchiveWriter::Impl {
    ByteSink sink;
    crypto_secretstream_xchacha20poly1305_state state{};
    z_stream z{};
    bool z_ready = false;
    bool finished = false;
    std::string pending;  // compressed bytes not yet sealed into a message
    std::int64_t bytes_out = 0;

    ~Impl() {
        if (z_ready) deflateEnd(&z);
        sodium_memzero(&state, sizeof state);
    }

    Status Emit(std::string_view bytes) {
        bytes_out += static_cast<std::int64_t>(bytes.size());
        return sink(bytes);
    }

    Status Push(std::string_view plaintext, unsigned char tag, std::string_view ad = {}) {
        std::string record = LengthPrefix(plaintext.size() + kMessageOverhead);
        const std::size_t at = record.size();
        record.resize(at + plaintext.size() + kMessageOverhead);
        crypto_secretstream_xchacha20poly1305_push(&state, reinterpret_cast<unsigned char*>(record.data() + at),
                                                   nullptr, reinterpret_cast<const unsigned char*>(plaintext.data()),
                                                   plaintext.size(), reinterpret_cast<const unsigned char*>(ad.data()),
                                                   ad.size(), tag);
        return Emit(record);
    }

    // Seals every full chunk of `pending`; all of it when `all`.
    Status Drain(bool all) {
        std::size_t at = 0;
        while (pending.size() - at >= kMaxChunkBytes || (all && at < pending.size())) {
            const std::size_t n = std::min(kMaxChunkBytes, pending.size() - at);
            ONESTORY_RETURN_IF_ERROR(Push(std::string_view(pending).substr(at, n), 0));
            at += n;
        }
        pending.erase(0, at);
        return Status::Ok();
    }

    Status Deflate(std::string_view input, int flush) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
        z.avail_in = static_cast<uInt>(input.size());
        unsigned char out[kMaxChunkBytes];
        for (;;) {
            z.next_out = out;
            z.avail_out = sizeof out;
            const int rc = deflate(&z, flush);
            if (rc == Z_STREAM_ERROR) return Status::Internal("compression failed");
            pending.append(reinterpret_cast<const char*>(out), sizeof out - z.avail_out);
            ONESTORY_RETURN_IF_ERROR(Drain(false));
            if (flush == Z_FINISH ? rc == Z_STREAM_END : (z.avail_in == 0 && z.avail_out != 0)) break;
        }
        return Status::Ok();
    }
};

ArchiveWriter::ArchiveWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArchiveWriter::~ArchiveWriter() = default;

Result<std::unique_ptr<ArchiveWriter>> ArchiveWriter::Begin(ByteSink sink, std::string_view passphrase,
                                                            const Manifest& manifest, const KdfParams& params) {
    const std::string salt = crypto::RandomBytes(kSaltBytes);
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes key, DeriveArchiveKey(passphrase, salt, params));
    return BeginWithKey(std::move(sink), key, salt, params, manifest);
}

Result<std::unique_ptr<ArchiveWriter>> ArchiveWriter::BeginWithKey(ByteSink sink, const crypto::SecretBytes& key,
                                                                   std::string_view salt, const KdfParams& params,
                                                                   const Manifest& manifest) {
    crypto::EnsureSodium();
    if (key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES || salt.size() != kSaltBytes) {
        return Status::Internal("backup key or salt has the wrong length");
    }
    auto impl = std::make_unique<Impl>();
    impl->sink = std::move(sink);
    if (deflateInit(&impl->z, kCompressionLevel) != Z_OK) return Status::Internal("cannot start compression");
    impl->z_ready = true;

    ArchiveHeader header;
    header.kdf = params;
    header.salt = std::string(salt);
    header.stream_header.resize(kStreamHeaderBytes);
    crypto_secretstream_xchacha20poly1305_init_push(&impl->state,
                                                    reinterpret_cast<unsigned char*>(header.stream_header.data()),
                                                    reinterpret_cast<const unsigned char*>(key.Reveal().data()));
    header.key_check = KeyCheck(key);
    const std::string encoded = EncodeHeader(header);
    ONESTORY_RETURN_IF_ERROR(impl->Emit(encoded));
    const std::string manifest_text = FormatManifest(manifest);
    if (manifest_text.size() > kMaxChunkBytes) return Status::Internal("backup manifest too large");
    ONESTORY_RETURN_IF_ERROR(impl->Push(manifest_text, 0, encoded));
    return std::unique_ptr<ArchiveWriter>(new ArchiveWriter(std::move(impl)));
}

Status ArchiveWriter::Write(std::string_view database_bytes) {
    if (impl_->finished) return Status::Internal("write after Finish");
    // zlib takes uInt lengths; feed large buffers in pieces.
    while (!database_bytes.empty()) {
        const std::size_t n = std::min<std::size_t>(database_bytes.size(), 1u << 30);
        ONESTORY_RETURN_IF_ERROR(impl_->Deflate(database_bytes.substr(0, n), Z_NO_FLUSH));
        database_bytes.remove_prefix(n);
    }
    return Status::Ok();
}

Status ArchiveWriter::Finish() {
    if (impl_->finished) return Status::Ok();
    ONESTORY_RETURN_IF_ERROR(impl_->Deflate({}, Z_FINISH));
    ONESTORY_RETURN_IF_ERROR(impl_->Drain(true));
    ONESTORY_RETURN_IF_ERROR(impl_->Push({}, crypto_secretstream_xchacha20poly1305_TAG_FINAL));
    impl_->finished = true;
    return Status::Ok();
}

std::int64_t ArchiveWriter::bytes_out() const {
    return impl_->bytes_out;
}

}  // namespace onestory::backup
