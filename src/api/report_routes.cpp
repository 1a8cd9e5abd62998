// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/impact_mapping.hpp"
#include "api/json_access.hpp"
#include "api/json_mapping.hpp"
#include "api/paging.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

void AddReportRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& reports = services.reports;

    Route list(Method::kGet, "/api/v1/reports", Capability::Of(Action::kListReports),
               [&reports](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto items, reports.List(r.actor()));
                   return ApiResponse::Json(ListBody(ToArray(items), std::nullopt));
               });
    list.summary = "The reports there are (analysts, supervisors and administrators)";
    list.tag = "reports";
    list.list = true;
    list.response = ReportInfoSchema();
    routes.push_back(std::move(list));

    Route run(Method::kGet, "/api/v1/reports/{name}", Capability::Of(Action::kRunReport),
              [&reports](ApiRequest& r) -> Result<ApiResponse> {
                  domain::ReportParameters p;
                  if (const auto from = r.http.Query("from")) p.from = ParseDate(*from);
                  if (const auto to = r.http.Query("to")) p.to = ParseDate(*to);
                  if (const auto agency = r.http.Query("agency_id")) p.agency_id = std::string(*agency);
                  ONESTORY_ASSIGN_OR_RETURN(auto report, reports.Run(r.actor(), r.Param("name"), p));
                  if (r.http.Query("format").value_or("json") == "csv") {
                      ApiResponse csv;
                      csv.raw_body = ReportCsv(report);
                      csv.content_type = "text/csv; charset=utf-8";
                      csv.headers.emplace_back("Content-Disposition",
                                               "attachment; filename=\"" + report.name + ".csv\"");
                      return csv;
                  }
                  return ApiResponse::Json(ReportJson(report));
              });
    run.summary =
        "Run a report: counts with small-cell suppression (below the threshold shown as \"<5\", withheld so that "
        "none can be worked out from the totals shown as \"x\"), never an identifier";
    run.tag = "reports";
    run.query = {{"from", Schema::Date(), "first day of the period (default: the beginning)"},
                 {"to", Schema::Date(), "last day of the period (default: today)"},
                 {"agency_id", Schema::String().MinLength(1).MaxLength(64),
                  "one agency (supervisors: their own, the default); analysts and administrators default to all"},
                 {"format", Schema::Enum({"json", "csv"}), "json (default) or csv"}};
    run.response = ReportSchema();
    routes.push_back(std::move(run));
}

}  // namespace onestory::api
