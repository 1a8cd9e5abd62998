// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "crypto/secret.hpp"

namespace onestory::domain {

// One completed erasure as the ledger records it: ids, a reason code and a
// time. Never survivor data.
struct LedgerEntry {
    std::string erasure_id;
    std::string survivor_id;
    std::string reason;
    std::int64_t erased_at = 0;  // microseconds since the epoch
};

// The erasure ledger: an append-only text file beside the key file
// (DATA_DIR/erasure.ledger) listing every completed erasure. A backup made
// before an erasure still holds the survivor's rows; restore reads this
// ledger and erases them again, so a survivor once erased stays erased. The
// operator keeps a copy of it with the key file (docs/operations.md).
//
//   onestory-erasure-ledger v1
//   <erasure id> <survivor id> <reason> <erased at, µs> <MAC, hex>
//
// Each line's MAC (keyed BLAKE2b) covers the line and the MAC of the line
// before, under a key derived from the installation's audit key (which the
// master key wraps, and which a key rotation leaves unchanged): a line
// edited, removed or moved breaks every MAC after it, and a ledger of
// another installation does not verify at all.
//
// Appends take an exclusive lock on the file, so several onestory processes
// (serve, purge) may append. A line cut short by a crash (no newline) was
// never acknowledged; readers skip it and the next append removes it.
class ErasureLedger {
  public:
    ErasureLedger(std::filesystem::path path, const crypto::SecretBytes& audit_key);

    const std::filesystem::path& path() const { return path_; }

    // Creates the file with its first line when it is missing.
    Status EnsureExists() const;
    // Appends one line and syncs it to disk before returning.
    Status Append(const LedgerEntry& entry) const;
    // Every entry, after checking every MAC (kDataLoss naming the line when
    // the file was altered or belongs to another installation).
    Result<std::vector<LedgerEntry>> ReadAll() const;

    // The parser and checker of ReadAll, on text already read (fuzzing, tests).
    Result<std::vector<LedgerEntry>> Parse(std::string_view text) const;

  private:
    std::string LineMac(std::string_view previous_mac, const LedgerEntry& entry) const;

    std::filesystem::path path_;
    crypto::SecretBytes key_;
};

}  // namespace onestory::domain
