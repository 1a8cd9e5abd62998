// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/retention/retention_service.hpp"

#include <limits>

#include "store/retention_registry.hpp"

namespace onestory::domain {
namespace {

constexpr int kBatch = 500;

audit::AuditEvent SystemEvent(std::string action) {
    audit::AuditEvent e;
    e.actor_kind = "system";
    e.action = std::move(action);
    e.outcome = "success";
    return e;
}

}  // namespace

Instant RetentionCutoff(Instant now, const RetentionPeriod& period) {
    using namespace std::chrono;  // NOLINT: calendar arithmetic reads better unqualified
    const auto day = floor<days>(now);
    const auto time_of_day = now - day;
    year_month_day date{day};
    if (period.years > 0) {
        date = date - years(period.years);
        if (!date.ok()) date = date.year() / date.month() / last;
    }
    return time_point_cast<microseconds>(sys_days(date) - days(period.days)) + time_of_day;
}

std::string DescribePeriod(const RetentionPeriod& period) {
    if (period.years > 0) return std::to_string(period.years) + (period.years == 1 ? " year" : " years");
    return std::to_string(period.days) + (period.days == 1 ? " day" : " days");
}

Status RetentionService::PurgeValues(const store::RetentionCategory& category, PurgeLine& line) {
    const std::int64_t cutoff = ToMicros(line.cutoff);
    std::vector<std::string> fields(category.columns.begin(), category.columns.end());
    if (fields.empty()) fields.emplace_back(category.name);  // rows deleted outright
    for (;;) {
        // Counted afresh on each run of the transaction (a store may run it again).
        std::int64_t changed = 0, values = 0, survivors = 0, cases = 0;
        bool more = false;
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
            changed = values = survivors = cases = 0;
            ONESTORY_ASSIGN_OR_RETURN(auto candidates, store::FindRetentionCandidates(tx, category, cutoff, kBatch));
            more = static_cast<int>(candidates.size()) == kBatch;
            for (const auto& c : candidates) {
                ONESTORY_ASSIGN_OR_RETURN(std::int64_t n, store::PurgeRetentionValues(tx, category, c));
                changed += n;
                values += c.values;
                survivors += 1;
                if (!c.case_id.empty()) cases += 1;
                audit::AuditEvent event = SystemEvent("retention.purge");
                event.actor_agency_id = c.agency_id;
                event.resource_kind = c.case_id.empty() ? "survivor" : "case";
                event.resource_id = c.case_id.empty() ? c.survivor_id : c.case_id;
                event.survivor_id = c.survivor_id;
                event.case_id = c.case_id;
                event.fields = fields;
                event.reason = "retention_expired";
                event.detail = "category=" + line.category + "; kept " + DescribePeriod(line.period) +
                               " after case closure; values=" + std::to_string(c.values);
                ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
            }
            return Status::Ok();
        }));
        line.values += values;
        line.survivors += survivors;
        line.cases += cases;
        if (!more) break;
        if (changed == 0) return Status::Internal("a retention purge made no progress");
    }
    return Status::Ok();
}

Status RetentionService::PurgeRecords(PurgeLine& line) {
    const auto* category = store::FindRetentionCategory(line.category);
    const std::string detail =
        "retention: category " + line.category + ", kept " + DescribePeriod(line.period) + " after case closure";
    for (;;) {
        std::vector<store::RetentionCandidate> candidates;
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(candidates,
                                      store::FindRetentionCandidates(tx, *category, ToMicros(line.cutoff), kBatch));
            return Status::Ok();
        }));
        if (candidates.empty()) break;
        for (const auto& c : candidates) {
            auto erased = erasures_.EraseAsSystem(c.survivor_id, ErasureReason::kRetentionExpired, detail);
            if (!erased.ok()) {
                // Erased meanwhile by someone else: nothing left to do for it.
                if (erased.status().code() == StatusCode::kNotFound) continue;
                return erased.status();
            }
            line.survivors += 1;
        }
    }
    return Status::Ok();
}

Result<PurgeReport> RetentionService::Purge(bool dry_run) {
    PurgeReport report;
    report.at = ctx_.clock.Now();
    report.dry_run = dry_run;
    // Value categories first, whole records last (in registry order).
    std::vector<const store::RetentionCategory*> order;
    for (const bool whole : {false, true}) {
        for (const auto& c : store::RetentionCategories()) {
            if (c.whole_record() == whole && ctx_.settings.retention.contains(std::string(c.name))) order.push_back(&c);
        }
    }
    for (const auto* category : order) {
        PurgeLine line;
        line.category = std::string(category->name);
        line.description = std::string(category->description);
        line.period = ctx_.settings.retention.at(line.category);
        line.cutoff = RetentionCutoff(report.at, line.period);
        line.whole_record = category->whole_record();
        if (dry_run) {
            ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
                ONESTORY_ASSIGN_OR_RETURN(auto all, store::FindRetentionCandidates(tx, *category, ToMicros(line.cutoff),
                                                                                   std::numeric_limits<int>::max()));
                line.survivors = line.values = line.cases = 0;
                for (const auto& c : all) {
                    line.survivors += 1;
                    line.values += c.values;
                    if (!c.case_id.empty()) line.cases += 1;
                }
                return Status::Ok();
            }));
        } else if (line.whole_record) {
            ONESTORY_RETURN_IF_ERROR(PurgeRecords(line));
        } else {
            ONESTORY_RETURN_IF_ERROR(PurgeValues(*category, line));
        }
        report.lines.push_back(std::move(line));
    }
    if (dry_run || order.empty()) return report;

    audit::AuditEvent summary = SystemEvent("retention.run");
    for (const auto& line : report.lines) {
        summary.detail += (summary.detail.empty() ? "" : "; ") + line.category +
                          ": survivors=" + std::to_string(line.survivors) + " values=" + std::to_string(line.values);
    }
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::PutLastMaintenanceRun(tx, kRetentionRunName, ToMicros(report.at)));
        return ctx_.audit.Append(tx, summary);
    }));
    // Purged values are deleted data too: no older copy stays in the log.
    ONESTORY_RETURN_IF_ERROR(ctx_.store.DiscardDeletedData());
    return report;
}

}  // namespace onestory::domain
