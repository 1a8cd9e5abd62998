// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/care_mapping.hpp"
#include "api/json_access.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

void AddSafetyPlanRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& plans = services.safety_plans;

    Route get(Method::kGet, "/api/v1/cases/{id}/safety-plan", Capability::Of(Action::kReadSafetyPlan),
              [&plans](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto plan, plans.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(plan)).WithETag(plan.version);
              });
    get.summary =
        "The case's safety plan and risk level: for the case team, or another agency it was disclosed to under a "
        "consent covering safety_plan (audited). 404 while there is none";
    get.tag = "care";
    get.response = SafetyPlanSchema();
    routes.push_back(std::move(get));

    Route put(
        Method::kPut, "/api/v1/cases/{id}/safety-plan", Capability::Of(Action::kUpdateSafetyPlan),
        [&plans](ApiRequest& r) -> Result<ApiResponse> {
            const auto& body = r.Object();
            domain::SafetyPlanInput p;
            p.risk_level = *GetOptEnum<domain::RiskLevel>(body, "risk_level");
            for (const auto& item : body.at("items").get_array()) {
                const auto& o = item.get_object();
                p.items.push_back({*GetOptEnum<domain::SafetyItemKind>(o, "kind"), GetString(o, "text")});
            }
            p.review_by = *GetOptDate(body, "review_by");
            ONESTORY_ASSIGN_OR_RETURN(auto plan, plans.Put(r.actor(), r.Param("id"), r.if_match, p));
            return ApiResponse::Json(json::value_from(plan), plan.version == 1 ? 201 : 200).WithETag(plan.version);
        });
    put.summary =
        "Write the safety plan: the first PUT creates it (201); replacing it needs If-Match (428 without, 409 when "
        "stale). Items are sealed like location data";
    put.tag = "care";
    put.accepts_if_match = true;
    put.request = Schema::Object(
        {Required("risk_level", Schema::EnumOf<domain::RiskLevel>()),
         Required("items",
                  Schema::Array(Schema::Object({Required("kind", Schema::EnumOf<domain::SafetyItemKind>()),
                                                Required("text", Schema::String().MinLength(1).MaxLength(2000).Describe(
                                                                     "protected"))}))
                      .MaxItems(50)),
         Required("review_by", Schema::Date().Describe("when the plan is reviewed next; an alert follows if not"))});
    put.response = SafetyPlanSchema();
    routes.push_back(std::move(put));
}

}  // namespace onestory::api
