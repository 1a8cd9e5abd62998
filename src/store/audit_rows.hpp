// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// One row of the append-only audit chain. There is deliberately no update or
// delete function for it.
struct AuditEventRow {
    std::int64_t seq = 0;
    std::string id;
    std::int64_t at = 0;
    std::string actor_kind;
    std::string actor_id;
    std::string actor_agency_id;
    std::string action;
    std::string outcome;
    std::string resource_kind;
    std::string resource_id;
    std::string survivor_id;
    std::string case_id;
    std::string fields;
    std::string purpose;
    std::string reason;
    std::string detail;
    std::string prev_hash;
    std::string hash;
};

struct AuditFilter {
    std::optional<std::string> survivor_id;
    std::optional<std::string> case_id;
    std::optional<std::string> actor_agency_id;
    std::optional<std::int64_t> before_seq;  // newest-first paging
    int limit = 50;
};

Status InsertAuditEvent(Transaction& tx, const AuditEventRow& row);
// The newest event (highest seq), if any.
Result<std::optional<AuditEventRow>> LastAuditEvent(Transaction& tx);
// Events with seq > after_seq in ascending order, at most `limit` (chain verification).
Result<std::vector<AuditEventRow>> AuditEventsAfter(Transaction& tx, std::int64_t after_seq, int limit);
// Newest first.
Result<std::vector<AuditEventRow>> ListAuditEvents(Transaction& tx, const AuditFilter& filter);
Result<std::int64_t> CountAuditEvents(Transaction& tx);

// The newest link of the chain, kept beside it so truncation is detectable.
struct AuditHeadRow {
    std::int64_t seq = 0;
    std::string hash;
    std::string mac;
};
Result<std::optional<AuditHeadRow>> GetAuditHead(Transaction& tx);
Status PutAuditHead(Transaction& tx, const AuditHeadRow& head);

}  // namespace onestory::store
