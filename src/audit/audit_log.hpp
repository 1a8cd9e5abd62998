// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "crypto/secret.hpp"
#include "store/audit_rows.hpp"
#include "store/store.hpp"

namespace onestory::audit {

// Who did what to which record, for what purpose. Names only: the fields read
// are listed by name, never by value, so no protected plaintext reaches the
// audit.
struct AuditEvent {
    std::string actor_kind = "staff";  // "staff", "survivor", "system", "anonymous"
    std::string actor_id;
    std::string actor_agency_id;
    std::string action;   // "survivor.read", "login.failure", ...
    std::string outcome;  // "success", "denied", "failure"
    std::string resource_kind;
    std::string resource_id;
    std::string survivor_id;
    std::string case_id;
    std::vector<std::string> fields;
    std::string purpose;
    std::string reason;  // the policy's reason, or why it failed
    std::string detail;  // non-protected context (e.g. a role, a version)
};

struct StoredAuditEvent {
    std::int64_t seq = 0;
    std::string id;
    Instant at;
    AuditEvent event;
};

struct VerifyReport {
    std::int64_t events = 0;
    bool intact = true;
    std::int64_t first_bad_seq = 0;  // 0 when intact
    std::string problem;             // what is wrong at first_bad_seq
};

// The tamper-evident audit log: append-only and hash-chained. Each event
// carries a MAC, keyed by the installation's audit key, over its own fields
// and the previous event's MAC; a head record holds the newest link. Editing,
// deleting, inserting or reordering any event, or cutting events off the end,
// breaks the chain, and forging a new chain needs the audit key (which is
// stored wrapped by the master key).
//
// There is no update or delete: Append, Read and Verify are all there is.
// Thread-safe; Append runs inside the caller's write transaction, so a
// record and the event describing it commit together.
class AuditLog {
  public:
    AuditLog(const crypto::SecretBytes& chain_key, const Clock& clock) : key_(chain_key), clock_(clock) {}

    Status Append(store::Transaction& tx, const AuditEvent& event) const;
    Result<std::vector<StoredAuditEvent>> Read(store::Transaction& tx, const store::AuditFilter& filter) const;
    // Walks the whole chain in one snapshot. `progress` (optional) is told the
    // number of events checked so far.
    Result<VerifyReport> Verify(store::Store& store, const std::function<void(std::int64_t)>& progress = {}) const;

  private:
    const crypto::SecretBytes& key_;
    const Clock& clock_;
};

}  // namespace onestory::audit
