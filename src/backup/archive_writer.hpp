// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "backup/archive_format.hpp"
#include "backup/manifest.hpp"
#include "common/result.hpp"
#include "crypto/secret.hpp"

namespace onestory::backup {

// Writes one archive (see archive_format.hpp) to a sink: the header, the
// manifest, then the database bytes given to Write, compressed with zlib and
// encrypted in 64 KiB messages, and a FINAL message on Finish. An archive
// without its Finish is refused by the reader as truncated.
//
// Not thread-safe. The key and the stream state are wiped on destruction.
class ArchiveWriter {
  public:
    // Derives the key from `passphrase` with Argon2id (a fresh random salt).
    static Result<std::unique_ptr<ArchiveWriter>> Begin(ByteSink sink, std::string_view passphrase,
                                                        const Manifest& manifest,
                                                        const KdfParams& params = DefaultKdfParams());
    // With a key already derived for `salt` (tests, fuzzing seeds).
    static Result<std::unique_ptr<ArchiveWriter>> BeginWithKey(ByteSink sink, const crypto::SecretBytes& key,
                                                               std::string_view salt, const KdfParams& params,
                                                               const Manifest& manifest);
    ~ArchiveWriter();
    ArchiveWriter(const ArchiveWriter&) = delete;
    ArchiveWriter& operator=(const ArchiveWriter&) = delete;

    Status Write(std::string_view database_bytes);
    Status Finish();

    // Bytes handed to the sink so far (header and records).
    std::int64_t bytes_out() const;

  private:
    struct Impl;
    explicit ArchiveWriter(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> impl_;
};

}  // namespace onestory::backup
