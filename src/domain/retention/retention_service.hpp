// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/erasure/erasure_service.hpp"
#include "domain/service_context.hpp"
#include "store/retention_registry.hpp"

namespace onestory::domain {

// What one purge did (or, in a dry run, would do), per configured category.
// Counts only: a report never names a survivor or shows a value.
struct PurgeLine {
    std::string category;
    std::string description;
    RetentionPeriod period;
    Instant cutoff;  // data of cases closed before this is purged
    bool whole_record = false;
    std::int64_t survivors = 0;
    std::int64_t cases = 0;   // case-level categories only
    std::int64_t values = 0;  // sealed values deleted (not for whole records)
};

struct PurgeReport {
    Instant at;
    bool dry_run = false;
    std::vector<PurgeLine> lines;
};

// Applies the retention periods of settings.json (store/retention_registry):
// sealed values of a category are deleted once its period after case closure
// has run out, and whole records are erased as an erasure would (reason
// retention_expired, recorded in the erasure ledger). Every survivor touched
// gets an audit event naming the category and fields, never values, and a
// run is summed up in one more event.
class RetentionService {
  public:
    RetentionService(const ServiceContext& ctx, ErasureService& erasures) : ctx_(ctx), erasures_(erasures) {}

    Result<PurgeReport> Purge(bool dry_run);

  private:
    Status PurgeValues(const store::RetentionCategory& category, PurgeLine& line);
    Status PurgeRecords(PurgeLine& line);

    const ServiceContext& ctx_;
    ErasureService& erasures_;
};

// The instant `period` before `now`, in whole calendar years (a 29 February
// becomes 28 February) or days.
Instant RetentionCutoff(Instant now, const RetentionPeriod& period);
std::string DescribePeriod(const RetentionPeriod& period);

// The name under which the daily run records when it last ran.
inline constexpr std::string_view kRetentionRunName = "retention_purge";

}  // namespace onestory::domain
