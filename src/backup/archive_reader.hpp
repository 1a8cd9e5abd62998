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

// Reads an archive (see archive_format.hpp) back, trusting nothing: every
// length is bounded before it is used, every message is authenticated before
// its bytes are looked at, and the database bytes handed to the sink come
// only from authenticated messages. A caller must still treat what the sink
// received as unusable until ReadDatabase has returned Ok: only then is it
// known that the stream ended where its writer ended it.
//
// Failures name what is wrong in one sentence: not a backup, a newer format,
// a wrong passphrase (kUnauthenticated), or damage or truncation (kDataLoss,
// with the byte offset). Not thread-safe.
class ArchiveReader {
  public:
    // Reads and checks the header only.
    static Result<std::unique_ptr<ArchiveReader>> Open(ByteSource source);
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader&) = delete;
    ArchiveReader& operator=(const ArchiveReader&) = delete;

    const ArchiveHeader& header() const;
    // Derives the key with Argon2id and checks it against the header.
    Status Unlock(std::string_view passphrase);
    Status UnlockWithKey(const crypto::SecretBytes& key);

    // After Unlock: the first message.
    Result<Manifest> ReadManifest();
    // After ReadManifest: inflates the rest into `sink`, checking that the
    // stream ends with FINAL, that nothing follows it, and that exactly the
    // manifest's database_bytes came out.
    Status ReadDatabase(const ByteSink& sink);

    std::int64_t bytes_in() const;

  private:
    struct Impl;
    explicit ArchiveReader(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> impl_;
};

// The zlib half of the reader, on its own so that it can be fuzzed without
// encryption in the way: takes compressed bytes, gives the sink at most
// `expected_bytes`, and on Finish insists the stream ended exactly there.
class DatabaseInflater {
  public:
    DatabaseInflater(std::int64_t expected_bytes, ByteSink sink);
    ~DatabaseInflater();
    DatabaseInflater(const DatabaseInflater&) = delete;
    DatabaseInflater& operator=(const DatabaseInflater&) = delete;

    Status Feed(std::string_view compressed);
    Status Finish();
    std::int64_t bytes_out() const { return produced_; }

  private:
    struct Stream;

    std::unique_ptr<Stream> stream_;
    std::int64_t expected_;
    std::int64_t produced_ = 0;
    bool ended_ = false;
    ByteSink sink_;
};

}  // namespace onestory::backup
