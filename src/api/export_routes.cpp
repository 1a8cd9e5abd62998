// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/impact_mapping.hpp"
#include "api/json_access.hpp"
#include "api/json_mapping.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

void AddExportRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& events = services.trafficking_events;
    auto& exports = services.survivor_exports;

    Route list(Method::kGet, "/api/v1/cases/{id}/trafficking-events", Capability::Of(Action::kReadCase),
               [&events](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto items, events.List(r.actor(), r.Param("id")));
                   json::array out;
                   for (const auto& e : items) out.push_back(json::value_from(e));
                   return ApiResponse::Json(json::object{{"items", std::move(out)}, {"next_cursor", nullptr}});
               });
    list.summary = "What happened, where and when (HTCDS trafficking events), oldest first";
    list.tag = "cases";
    list.response = Schema::Object({Required("items", Schema::Array(TraffickingEventSchema())),
                                    Required("next_cursor", Schema::String().Nullable())});
    routes.push_back(std::move(list));

    Route record(Method::kPost, "/api/v1/cases/{id}/trafficking-events", Capability::Of(Action::kUpdateCase),
                 [&events](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewTraffickingEvent e;
                     e.kind = *GetOptEnum<domain::EventKind>(body, "kind");
                     e.country = GetString(body, "country");
                     e.place = GetOptString(body, "place");
                     e.began_on = GetOptDate(body, "began_on");
                     e.ended_on = GetOptDate(body, "ended_on");
                     if (Has(body, "exploitation_types")) {
                         e.exploitation_types = GetEnumList<domain::ExploitationType>(body, "exploitation_types");
                     }
                     if (Has(body, "means_of_control")) {
                         e.means_of_control = GetEnumList<domain::MeansOfControl>(body, "means_of_control");
                     }
                     e.description = GetOptString(body, "description");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, events.Record(r.actor(), r.Param("id"), e));
                     return ApiResponse::Created(json::value_from(created),
                                                 "/api/v1/cases/" + created.case_id + "/trafficking-events")
                         .WithETag(created.version);
                 });
    record.summary = "Record a trafficking event of the case (the place and description are protected)";
    record.tag = "cases";
    record.success_status = 201;
    record.request = Schema::Object({
        Required("kind", Schema::EnumOf<domain::EventKind>()),
        Required("country", Schema::String().MinLength(2).MaxLength(2).Describe("ISO 3166-1 alpha-2; ZZ unknown")),
        Optional("place", Schema::String().MinLength(1).MaxLength(200).Describe("protected")),
        Optional("began_on", Schema::Date()),
        Optional("ended_on", Schema::Date()),
        Optional("exploitation_types",
                 Schema::Array(Schema::EnumOf<domain::ExploitationType>()).MaxItems(9).UniqueItems()),
        Optional("means_of_control",
                 Schema::Array(Schema::EnumOf<domain::MeansOfControl>()).MaxItems(17).UniqueItems()),
        Optional("description", Schema::String().MinLength(1).MaxLength(4000).Describe("protected")),
    });
    record.response = TraffickingEventSchema();
    routes.push_back(std::move(record));

    Route copy(Method::kGet, "/api/v1/survivors/{id}/export", Capability::Of(Action::kExportSurvivor),
               [&exports](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto result, exports.Export(r.actor(), r.Param("id")));
                   auto response = ApiResponse::Json(SurvivorExportJson(result));
                   response.headers.emplace_back("Content-Disposition",
                                                 "attachment; filename=\"onestory-" + result.survivor_id + ".json\"");
                   return response;
               });
    copy.summary =
        "Everything held about the survivor, readable and decrypted (the right of access; the case team; audited)";
    copy.tag = "survivors";
    copy.response = SurvivorExportSchema();
    routes.push_back(std::move(copy));
}

}  // namespace onestory::api
