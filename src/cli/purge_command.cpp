// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory purge: apply the retention periods of settings.json now.
#include <cstdio>

#include "cli/commands.hpp"

namespace onestory::cli {

int RunPurge(const PurgeOptions& options) {
    auto installation = Installation::Open(DataDir{options.data}, {});
    if (!installation.ok()) return Fail(installation.status());
    // Erasures a crash interrupted are finished first, as serve would.
    if (auto reconciled = (*installation)->erasures().Reconcile(); !reconciled.ok()) return Fail(reconciled.status());
    auto report = (*installation)->retention().Purge(options.dry_run);
    if (!report.ok()) return Fail(report.status());
    std::printf("retention purge%s at %s\n", report->dry_run ? " (dry run: nothing was changed)" : "",
                FormatInstant(report->at).c_str());
    if (report->lines.empty()) {
        std::printf("  no retention periods are set in %s; nothing is purged\n",
                    DataDir{options.data}.settings().c_str());
        return 0;
    }
    std::printf("  %-10s %-10s %-28s %-12s %10s %10s\n", "category", "kept", "of cases closed before", "action",
                "survivors", "values");
    for (const auto& line : report->lines) {
        std::printf("  %-10s %-10s %-28s %-12s %10lld %10s\n", line.category.c_str(),
                    domain::DescribePeriod(line.period).c_str(), FormatInstant(line.cutoff).c_str(),
                    line.whole_record ? "erase" : "delete", static_cast<long long>(line.survivors),
                    line.whole_record ? "-" : std::to_string(line.values).c_str());
    }
    return 0;
}

}  // namespace onestory::cli
