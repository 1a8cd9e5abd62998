// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The backup archive reader, which restore runs on a file from anywhere.
// The first byte chooses the layer: 0 the whole archive (under a fixed key,
// so no Argon2id per input), 1 the zlib half on its own, 2 the manifest,
// 3 the header.
#include <sodium.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>

#include "backup/archive_reader.hpp"
#include "backup/archive_writer.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

using namespace onestory::backup;  // NOLINT: a fuzz target's own file

const onestory::crypto::SecretBytes& Key() {
    static const auto* key =
        new onestory::crypto::SecretBytes(onestory::crypto::SecretBytes::Copy(std::string(32, 'b')));
    return *key;
}

const KdfParams kParams{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};

std::string ValidArchive(const std::string& database) {
    std::string out;
    auto writer = ArchiveWriter::BeginWithKey(
        [&](std::string_view b) {
            out.append(b);
            return onestory::Status::Ok();
        },
        Key(), std::string(kSaltBytes, 's'), kParams,
        {"2026-11-26T09:00:00Z", "0.1.0", 4, "0123456789abcdef", static_cast<std::int64_t>(database.size())});
    if (!writer.ok() || !(*writer)->Write(database).ok() || !(*writer)->Finish().ok()) std::abort();
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const std::string database = "SQLite format 3" + std::string(3000, 'x') + std::string(1000, '\0');
    const std::string archive = ValidArchive(database);
    // The compressed half alone: a zlib stream of part of the database.
    std::string zlib_stream(compressBound(1000), '\0');
    uLongf compressed_size = zlib_stream.size();
    compress(reinterpret_cast<Bytef*>(zlib_stream.data()), &compressed_size,
             reinterpret_cast<const Bytef*>(database.data()), 1000);
    zlib_stream.resize(compressed_size);
    onestory::fuzz::WriteSeedsIfAsked({
        std::string(1, '\0') + archive,
        std::string(1, '\0') + ValidArchive(""),
        std::string(1, '\0') + archive.substr(0, archive.size() / 2),
        std::string(1, '\1') + zlib_stream,
        std::string(1, '\2') + FormatManifest({"2026-11-26T09:00:00Z", "0.1.0", 4, "0123456789abcdef", 42}),
        std::string(1, '\3') + archive.substr(0, kHeaderBytes),
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 4) {
        case 0: {
            std::size_t at = 0;
            auto reader = ArchiveReader::Open([&](char* buffer, std::size_t n) -> onestory::Result<std::size_t> {
                const std::size_t take = std::min(n, input.size() - at);
                std::memcpy(buffer, input.data() + at, take);
                at += take;
                return take;
            });
            if (!reader.ok() || !(*reader)->UnlockWithKey(Key()).ok()) return 0;
            auto manifest = (*reader)->ReadManifest();
            if (!manifest.ok()) return 0;
            std::int64_t bytes = 0;
            const auto read = (*reader)->ReadDatabase([&](std::string_view b) {
                bytes += static_cast<std::int64_t>(b.size());
                return onestory::Status::Ok();
            });
            // Accepted means exactly what the manifest promised came out.
            if (read.ok() && bytes != manifest->database_bytes) std::abort();
            if (bytes > manifest->database_bytes) std::abort();
            return 0;
        }
        case 1: {
            std::int64_t bytes = 0;
            DatabaseInflater inflater(64 * 1024, [&](std::string_view b) {
                bytes += static_cast<std::int64_t>(b.size());
                return onestory::Status::Ok();
            });
            // Fed in two pieces, as messages would split it.
            const std::size_t half = input.size() / 2;
            if (inflater.Feed(input.substr(0, half)).ok() && inflater.Feed(input.substr(half)).ok()) {
                (void)inflater.Finish();
            }
            if (bytes > 64 * 1024) std::abort();
            return 0;
        }
        case 2: {
            const auto manifest = ParseManifest(input);
            if (manifest.ok() && (manifest->database_bytes < 0 || manifest->schema_version < 0)) std::abort();
            return 0;
        }
        default:
            (void)DecodeHeader(input);
            return 0;
    }
}
