// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "audit/audit_log.hpp"

#include "common/strings.hpp"
#include "crypto/hash.hpp"
#include "crypto/random.hpp"

namespace onestory::audit {
namespace {

void AppendField(std::string& out, std::string_view value) {
    const std::uint64_t n = value.size();
    for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xFF);
    out += value;
}

// Length-prefixed, so no two different events serialise alike.
std::string ChainInput(const store::AuditEventRow& e) {
    std::string out = "onestory-audit-v1";
    AppendField(out, std::to_string(e.seq));
    for (const std::string* f :
         {&e.id, &e.actor_kind, &e.actor_id, &e.actor_agency_id, &e.action, &e.outcome, &e.resource_kind,
          &e.resource_id, &e.survivor_id, &e.case_id, &e.fields, &e.purpose, &e.reason, &e.detail, &e.prev_hash}) {
        AppendField(out, *f);
    }
    AppendField(out, std::to_string(e.at));
    return out;
}

std::string HeadMac(const crypto::SecretBytes& key, std::int64_t seq, std::string_view hash) {
    std::string input = "onestory-audit-head-v1";
    AppendField(input, std::to_string(seq));
    AppendField(input, hash);
    return crypto::Mac(key, input);
}

const std::string kGenesis(32, '\0');

StoredAuditEvent FromRow(const store::AuditEventRow& r) {
    StoredAuditEvent s;
    s.seq = r.seq;
    s.id = r.id;
    s.at = FromMicros(r.at);
    s.event =
        AuditEvent{r.actor_kind,  r.actor_id, r.actor_agency_id,   r.action,  r.outcome, r.resource_kind, r.resource_id,
                   r.survivor_id, r.case_id,  SplitList(r.fields), r.purpose, r.reason,  r.detail};
    return s;
}

}  // namespace

Status AuditLog::Append(store::Transaction& tx, const AuditEvent& event) const {
    ONESTORY_RETURN_IF_ERROR(tx.LockAuditChain());
    ONESTORY_ASSIGN_OR_RETURN(auto head, store::GetAuditHead(tx));
    store::AuditEventRow row;
    row.seq = head ? head->seq + 1 : 1;
    row.prev_hash = head ? head->hash : kGenesis;
    row.id = crypto::NewIdString("ev");
    row.at = ToMicros(clock_.Now());
    row.actor_kind = event.actor_kind;
    row.actor_id = event.actor_id;
    row.actor_agency_id = event.actor_agency_id;
    row.action = event.action;
    row.outcome = event.outcome;
    row.resource_kind = event.resource_kind;
    row.resource_id = event.resource_id;
    row.survivor_id = event.survivor_id;
    row.case_id = event.case_id;
    row.fields = JoinList(event.fields);
    row.purpose = event.purpose;
    row.reason = event.reason;
    row.detail = event.detail;
    row.hash = crypto::Mac(key_, ChainInput(row));
    ONESTORY_RETURN_IF_ERROR(store::InsertAuditEvent(tx, row));
    return store::PutAuditHead(tx, {row.seq, row.hash, HeadMac(key_, row.seq, row.hash)});
}

Result<std::vector<StoredAuditEvent>> AuditLog::Read(store::Transaction& tx, const store::AuditFilter& filter) const {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListAuditEvents(tx, filter));
    std::vector<StoredAuditEvent> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<VerifyReport> AuditLog::Verify(store::Store& store, const std::function<void(std::int64_t)>& progress) const {
    VerifyReport report;
    const Status walked = store.Read([&](store::Transaction& tx) -> Status {
        constexpr int kChunk = 2000;
        std::int64_t expected_seq = 1;
        std::string prev = kGenesis;
        auto fail = [&](std::int64_t seq, std::string problem) {
            report.intact = false;
            report.first_bad_seq = seq;
            report.problem = std::move(problem);
            return Status::Ok();
        };
        for (;;) {
            ONESTORY_ASSIGN_OR_RETURN(auto chunk, store::AuditEventsAfter(tx, expected_seq - 1, kChunk));
            if (chunk.empty()) break;
            for (const auto& e : chunk) {
                if (e.seq != expected_seq) {
                    return fail(expected_seq, "event " + std::to_string(expected_seq) +
                                                  " is missing (the next event found is " + std::to_string(e.seq) +
                                                  ")");
                }
                if (!crypto::ConstantTimeEquals(e.prev_hash, prev)) {
                    return fail(e.seq, "event " + std::to_string(e.seq) +
                                           " does not link to the event before it (deleted or reordered)");
                }
                if (!crypto::ConstantTimeEquals(e.hash, crypto::Mac(key_, ChainInput(e)))) {
                    return fail(e.seq, "event " + std::to_string(e.seq) + " was altered after it was written");
                }
                prev = e.hash;
                ++report.events;
                ++expected_seq;
            }
            if (progress) progress(report.events);
        }
        ONESTORY_ASSIGN_OR_RETURN(auto head, store::GetAuditHead(tx));
        const std::int64_t last = expected_seq - 1;
        if (!head) {
            if (last != 0) return fail(last, "the chain head record is missing");
            return Status::Ok();
        }
        if (!crypto::ConstantTimeEquals(head->mac, HeadMac(key_, head->seq, head->hash))) {
            return fail(head->seq, "the chain head record was altered");
        }
        if (head->seq != last || !crypto::ConstantTimeEquals(head->hash, prev)) {
            return fail(last + 1, "events after " + std::to_string(last) + " are missing (the chain head is event " +
                                      std::to_string(head->seq) + ")");
        }
        return Status::Ok();
    });
    if (!walked.ok()) return walked;
    return report;
}

}  // namespace onestory::audit
