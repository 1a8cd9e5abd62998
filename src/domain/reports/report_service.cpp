// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/reports/report_service.hpp"

#include <algorithm>

#include "domain/reports/report_builder.hpp"
#include "store/account_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;

std::int64_t StartOfDay(Date d) {
    return ToMicros(Instant(std::chrono::sys_days(d)));
}

}  // namespace

Result<std::vector<ReportInfo>> ReportService::List(const policy::Actor& actor) {
    const auto decision = policy::Decide(actor, Action::kListReports, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "report.list", "report", "");
    std::vector<ReportInfo> out;
    for (const auto& d : ReportCatalogue()) out.push_back({d.name, d.title, d.description});
    return out;
}

Result<Report> ReportService::Run(const policy::Actor& actor, std::string_view name,
                                  const ReportParameters& parameters) {
    const auto& catalogue = ReportCatalogue();
    const auto definition =
        std::find_if(catalogue.begin(), catalogue.end(), [&](const ReportDefinition& d) { return d.name == name; });
    // Supervisors run reports on their own agency; without an agency_id that is where theirs runs.
    std::string agency_id = parameters.agency_id.value_or("");
    if (agency_id.empty() && !actor.Has(policy::Role::kAdmin) && !actor.Has(policy::Role::kAnalyst)) {
        agency_id = actor.agency_id;
    }
    policy::Resource resource;
    resource.owning_agency_id = agency_id;
    const auto decision = policy::Decide(actor, Action::kRunReport, resource, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "report.run", "report", std::string(name));
    if (definition == catalogue.end()) return Status::NotFound("no such report");
    if (parameters.from && parameters.to && *parameters.to < *parameters.from) {
        return Status::Invalid("to", "must not be before from");
    }

    const Instant now = ctx_.clock.Now();
    ReportRequest request;
    request.first_day =
        parameters.from.value_or(Date{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}});
    request.last_day = parameters.to.value_or(DateOf(now));
    request.scope.agency_id = agency_id;
    request.scope.from = StartOfDay(request.first_day);
    request.scope.until = StartOfDay(Date(std::chrono::sys_days(request.last_day) + std::chrono::days(1)));
    request.threshold = std::max(ctx_.settings.suppression_threshold, 2);
    request.today = DateOf(now);
    request.restoration = ctx_.settings.restoration;

    Report report;
    report.name = definition->name;
    report.title = definition->title;
    report.description = definition->description;
    report.from = parameters.from;
    report.to = parameters.to;
    if (!agency_id.empty()) report.agency_id = agency_id;
    report.threshold = request.threshold;
    report.generated_at = now;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        if (!agency_id.empty()) {
            ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, agency_id));
            if (!agency) return Status::Invalid("agency_id", "no such agency");
        }
        report.tables.clear();
        report.measures.clear();
        report.notes.clear();
        return definition->build(tx, request, report);
    }));
    report.notes.insert(report.notes.begin(),
                        "Counts below " + std::to_string(request.threshold) + " (including none) are shown as \"<" +
                            std::to_string(request.threshold) +
                            "\"; counts shown as \"x\" are withheld so that those cannot be worked out from the "
                            "totals.");

    audit::AuditEvent event = EventBy(actor, "report.run", "success");
    event.resource_kind = "report";
    event.resource_id = report.name;
    event.reason = decision.reason;
    event.detail = "agency=" + (agency_id.empty() ? std::string("all") : agency_id) +
                   " from=" + FormatDate(request.first_day) + " to=" + FormatDate(request.last_day);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return report;
}

}  // namespace onestory::domain
