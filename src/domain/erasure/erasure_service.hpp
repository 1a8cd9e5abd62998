// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "domain/erasure/erasure_ledger.hpp"
#include "domain/erasure/erasure_types.hpp"
#include "domain/service_context.hpp"
#include "store/erasure_rows.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Erasing a survivor's record on request: crypto-shredding plus deletion.
//
// A supervisor of the owning agency asks; a second supervisor of that agency
// approves. The erasure then overwrites the survivor's wrapped data key (so
// no sealed value of theirs can ever be opened again), deletes every row of
// their data (store/survivor_data_registry), leaves a tombstone so that reads
// answer 410 Gone, appends the erasure to the ledger beside the key file, and
// has the store discard its copies of deleted pages. The audit keeps that the
// erasure happened, by whom and why (a reason code), and which tables lost
// how many rows; never a value.
//
// The steps are ordered so that a crash at any point is finished on the next
// start (Reconcile): the approval is committed first (status "approved"),
// then the ledger line, then the deletion with the tombstone.
class ErasureService {
  public:
    struct ReconcileReport {
        int finished = 0;   // approved erasures a crash had interrupted
        int reapplied = 0;  // survivors in the ledger whose data was back (a restored backup)
        int added_to_ledger = 0;
    };

    ErasureService(const ServiceContext& ctx, const ErasureLedger& ledger) : ctx_(ctx), ledger_(ledger) {}

    Result<Erasure> Request(const policy::Actor& actor, std::string_view survivor_id, ErasureReason reason);
    Result<Erasure> Approve(const policy::Actor& actor, std::string_view erasure_id);
    // Rejecting is also how the requester withdraws a request.
    Result<Erasure> Reject(const policy::Actor& actor, std::string_view erasure_id);
    Result<Erasure> Get(const policy::Actor& actor, std::string_view erasure_id);
    Result<store::Page<Erasure>> List(const policy::Actor& actor, const store::PageRequest& page,
                                      std::optional<ErasureStatus> status);

    // Erases as the system, without approval (retention of whole records).
    // Takes over a request awaiting approval for the same survivor.
    Result<Erasure> EraseAsSystem(std::string_view survivor_id, ErasureReason reason, std::string_view detail);

    // Brings the store and the ledger into agreement: finishes approved
    // erasures, erases again survivors the ledger lists but the store holds
    // (a backup restored from before their erasure), and adds completed
    // erasures missing from the ledger. Fails on a ledger that is not intact.
    Result<ReconcileReport> Reconcile();

  private:
    Result<Erasure> Decide(const policy::Actor& actor, std::string_view erasure_id, bool approve);
    // Ledger line, then deletion and tombstone, then discarding old pages.
    Status Complete(const store::ErasureRow& approved, const audit::AuditEvent& who, std::string_view detail,
                    bool in_ledger = false);

    const ServiceContext& ctx_;
    const ErasureLedger& ledger_;
};

}  // namespace onestory::domain
