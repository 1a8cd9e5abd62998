// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/care_mapping.hpp"
#include "api/json_access.hpp"
#include "api/json_mapping.hpp"
#include "api/paging.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

void AddIncidentRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& incidents = services.incidents;

    Route create(Method::kPost, "/api/v1/cases/{id}/incidents", Capability::Of(Action::kRecordIncident),
                 [&incidents](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewIncident i;
                     i.occurred_on = *GetOptDate(body, "occurred_on");
                     i.answers.penetration = *GetOptBool(body, "penetration");
                     i.answers.unwanted_sexual_contact = *GetOptBool(body, "unwanted_sexual_contact");
                     i.answers.physical_assault = *GetOptBool(body, "physical_assault");
                     i.answers.forced_marriage = *GetOptBool(body, "forced_marriage");
                     i.answers.denial_of_resources = *GetOptBool(body, "denial_of_resources");
                     i.answers.psychological_abuse = *GetOptBool(body, "psychological_abuse");
                     i.description = GetOptString(body, "description");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, incidents.Record(r.actor(), r.Param("id"), i));
                     return ApiResponse::Created(json::value_from(created),
                                                 "/api/v1/cases/" + created.case_id + "/incidents");
                 });
    create.summary =
        "Record an incident; its GBV type is derived in GBVIMS order (the first yes; else non_gbv). The type never "
        "gates a service or a referral";
    create.tag = "care";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("occurred_on", Schema::Date()), Required("penetration", Schema::Boolean()),
         Required("unwanted_sexual_contact", Schema::Boolean()), Required("physical_assault", Schema::Boolean()),
         Required("forced_marriage", Schema::Boolean()), Required("denial_of_resources", Schema::Boolean()),
         Required("psychological_abuse", Schema::Boolean()),
         Optional("description", Schema::String().MinLength(1).MaxLength(4000).Nullable().Describe("protected"))});
    create.response = IncidentSchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/cases/{id}/incidents", Capability::Of(Action::kListIncidents),
               [&incidents](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, incidents.List(r.actor(), r.Param("id"), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "The case's incidents with their classification";
    list.tag = "care";
    list.list = true;
    list.response = IncidentSchema();
    routes.push_back(std::move(list));
}

}  // namespace onestory::api
