// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/audit_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_AUDIT_COLUMNS                                                                          \
    "seq, id, at, actor_kind, actor_id, actor_agency_id, action, outcome, resource_kind, resource_id, " \
    "survivor_id, case_id, fields, purpose, reason, detail, prev_hash, hash"

constexpr std::string_view kInsert =
    "INSERT INTO audit_events (" ONESTORY_AUDIT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";
constexpr std::string_view kLast = "SELECT " ONESTORY_AUDIT_COLUMNS " FROM audit_events ORDER BY seq DESC LIMIT 1";
constexpr std::string_view kAfter =
    "SELECT " ONESTORY_AUDIT_COLUMNS " FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2";
constexpr std::string_view kList =
    "SELECT " ONESTORY_AUDIT_COLUMNS
    " FROM audit_events WHERE ($1 = '' OR survivor_id = $1) AND ($2 = '' OR case_id = $2) "
    "AND ($3 = '' OR actor_agency_id = $3) AND ($4 = 0 OR seq < $4) ORDER BY seq DESC LIMIT $5";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM audit_events";
constexpr std::string_view kSelectHead = "SELECT seq, hash, mac FROM audit_head WHERE id = 1";
constexpr std::string_view kUpsertHead =
    "INSERT INTO audit_head (id, seq, hash, mac) VALUES (1, $1, $2, $3) "
    "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, mac = excluded.mac";
#undef ONESTORY_AUDIT_COLUMNS

AuditEventRow FromRow(const Row& r) {
    AuditEventRow e;
    e.seq = r[0].AsInt();
    e.id = r[1].AsText();
    e.at = r[2].AsInt();
    e.actor_kind = r[3].AsText();
    e.actor_id = r[4].AsText();
    e.actor_agency_id = r[5].AsText();
    e.action = r[6].AsText();
    e.outcome = r[7].AsText();
    e.resource_kind = r[8].AsText();
    e.resource_id = r[9].AsText();
    e.survivor_id = r[10].AsText();
    e.case_id = r[11].AsText();
    e.fields = r[12].AsText();
    e.purpose = r[13].AsText();
    e.reason = r[14].AsText();
    e.detail = r[15].AsText();
    e.prev_hash = r[16].AsBlob();
    e.hash = r[17].AsBlob();
    return e;
}

Result<std::vector<AuditEventRow>> Collect(Result<Rows> rows) {
    if (!rows.ok()) return rows.status();
    std::vector<AuditEventRow> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace

Status InsertAuditEvent(Transaction& tx, const AuditEventRow& e) {
    return tx
        .Exec(kInsert, {e.seq, e.id, e.at, e.actor_kind, e.actor_id, e.actor_agency_id, e.action, e.outcome,
                        e.resource_kind, e.resource_id, e.survivor_id, e.case_id, e.fields, e.purpose, e.reason,
                        e.detail, Blob{e.prev_hash}, Blob{e.hash}})
        .status();
}

Result<std::optional<AuditEventRow>> LastAuditEvent(Transaction& tx) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kLast));
    if (rows.empty()) return std::optional<AuditEventRow>();
    return std::optional<AuditEventRow>(FromRow(rows[0]));
}

Result<std::vector<AuditEventRow>> AuditEventsAfter(Transaction& tx, std::int64_t after_seq, int limit) {
    return Collect(tx.Query(kAfter, {after_seq, limit}));
}

Result<std::vector<AuditEventRow>> ListAuditEvents(Transaction& tx, const AuditFilter& f) {
    return Collect(tx.Query(kList, {f.survivor_id.value_or(std::string()), f.case_id.value_or(std::string()),
                                    f.actor_agency_id.value_or(std::string()), f.before_seq.value_or(0), f.limit}));
}

Result<std::int64_t> CountAuditEvents(Transaction& tx) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kCount));
    return rows[0][0].AsInt();
}

Result<std::optional<AuditHeadRow>> GetAuditHead(Transaction& tx) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectHead));
    if (rows.empty()) return std::optional<AuditHeadRow>();
    return std::optional<AuditHeadRow>(AuditHeadRow{rows[0][0].AsInt(), rows[0][1].AsBlob(), rows[0][2].AsBlob()});
}

Status PutAuditHead(Transaction& tx, const AuditHeadRow& head) {
    return tx.Exec(kUpsertHead, {head.seq, Blob{head.hash}, Blob{head.mac}}).status();
}

}  // namespace onestory::store
