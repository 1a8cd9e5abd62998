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

void AddReviewRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& reviews = services.reviews;

    Route create(Method::kPost, "/api/v1/cases/{id}/reviews", Capability::Of(Action::kCreateReview),
                 [&reviews](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewCaseReview v;
                     v.held_at = *GetOptInstant(body, "held_at");
                     v.attendees = GetStringList(body, "attendees");
                     v.agencies = GetStringList(body, "agencies");
                     if (const auto* decisions = body.if_contains("decisions")) {
                         for (const auto& d : decisions->get_array()) {
                             const auto& o = d.get_object();
                             v.decisions.push_back(
                                 {GetString(o, "text"), GetOptString(o, "owner_id"), GetOptDate(o, "due"), {}});
                         }
                     }
                     ONESTORY_ASSIGN_OR_RETURN(auto created, reviews.Create(r.actor(), r.Param("id"), v));
                     return ApiResponse::Created(json::value_from(created),
                                                 "/api/v1/cases/" + created.case_id + "/reviews");
                 });
    create.summary =
        "Record a multidisciplinary case review; each decision with an owner and a due date becomes a team "
        "commitment, tracked like a promise";
    create.tag = "care";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("held_at", Schema::DateTime()),
         Required("attendees",
                  Schema::Array(Schema::String().MinLength(1).MaxLength(64)).MinItems(1).MaxItems(50).UniqueItems()),
         Optional("agencies", Schema::Array(Schema::String().MinLength(1).MaxLength(64)).MaxItems(20).UniqueItems()),
         Optional(
             "decisions",
             Schema::Array(
                 Schema::Object({Required("text", Schema::String().MinLength(1).MaxLength(2000).Describe("protected")),
                                 Optional("owner_id", Schema::String().MinLength(1).MaxLength(64).Nullable()),
                                 Optional("due", Schema::Date().Nullable())}))
                 .MaxItems(50))});
    create.response = CaseReviewSchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/cases/{id}/reviews", Capability::Of(Action::kListReviews),
               [&reviews](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, reviews.List(r.actor(), r.Param("id"), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "The case's reviews and their decisions";
    list.tag = "care";
    list.list = true;
    list.response = CaseReviewSchema();
    routes.push_back(std::move(list));
}

}  // namespace onestory::api
