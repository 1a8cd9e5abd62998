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

void AddAssessmentRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& assessments = services.assessments;

    Route create(Method::kPost, "/api/v1/cases/{id}/assessments", Capability::Of(Action::kRecordAssessment),
                 [&assessments](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewAssessment a;
                     a.assessed_on = *GetOptDate(body, "assessed_on");
                     ONESTORY_ASSIGN_OR_RETURN(a.scores, ScoresFrom(body.at("scores")));
                     a.notes = GetOptString(body, "notes");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, assessments.Record(r.actor(), r.Param("id"), a));
                     return ApiResponse::Created(json::value_from(created),
                                                 "/api/v1/cases/" + created.case_id + "/assessments");
                 });
    create.summary =
        "Record an outcome assessment: every sub-domain of the instrument in force (GET /assessments/instrument) "
        "scored 1 (most vulnerable) to 4 (least). The answer has each domain's score (the mean of its sub-domains) "
        "and whether the survivor meets the restoration rule";
    create.tag = "care";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("assessed_on", Schema::Date()),
         Required("scores", Schema::Object({}).Open().Describe(
                                "{\"<domain>\": {\"<sub_domain>\": 1..4, ...}, ...} for every domain and sub-domain "
                                "of the instrument in force; other keys are 400")),
         Optional("notes", Schema::String().MinLength(1).MaxLength(4000).Nullable().Describe("protected"))});
    create.response = AssessmentSchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/cases/{id}/assessments", Capability::Of(Action::kListAssessments),
               [&assessments](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, assessments.List(r.actor(), r.Param("id"), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "The case's outcome assessments";
    list.tag = "care";
    list.list = true;
    list.response = AssessmentSchema();
    routes.push_back(std::move(list));

    Route trend(Method::kGet, "/api/v1/cases/{id}/assessments/trend", Capability::Of(Action::kListAssessments),
                [&assessments, &services](ApiRequest& r) -> Result<ApiResponse> {
                    ONESTORY_ASSIGN_OR_RETURN(auto result, assessments.Trend(r.actor(), r.Param("id")));
                    return ApiResponse::Json(TrendJson(result, services.context.settings.instrument));
                });
    trend.summary = "The domain scores over time, oldest first, for charting, and the next assessment due";
    trend.tag = "care";
    trend.response = TrendSchema();
    routes.push_back(std::move(trend));

    Route instrument(Method::kGet, "/api/v1/assessments/instrument", Capability::Of(Action::kReadInstrument),
                     [&assessments](ApiRequest& r) -> Result<ApiResponse> {
                         ONESTORY_ASSIGN_OR_RETURN(auto in_force, assessments.Instrument(r.actor()));
                         return ApiResponse::Json(InstrumentJson(in_force, assessments.restoration()));
                     });
    instrument.summary = "The assessment instrument in force: its domains and sub-domains, and the restoration rule";
    instrument.tag = "care";
    instrument.response = InstrumentSchema();
    routes.push_back(std::move(instrument));
}

}  // namespace onestory::api
