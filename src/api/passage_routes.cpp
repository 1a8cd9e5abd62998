// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/json_access.hpp"
#include "api/json_mapping.hpp"
#include "api/paging.hpp"
#include "api/tell_once_mapping.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

void AddPassageRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& statements = services.statements;

    Route add(Method::kPost, "/api/v1/cases/{id}/passages", Capability::Of(Action::kAddPassage),
              [&statements](ApiRequest& r) -> Result<ApiResponse> {
                  const auto& body = r.Object();
                  domain::NewPassage p;
                  p.interview_id = GetString(body, "interview_id");
                  p.topic = *GetOptEnum<policy::Topic>(body, "topic");
                  p.text = GetString(body, "text");
                  p.sensitivity =
                      GetOptEnum<domain::Sensitivity>(body, "sensitivity").value_or(domain::Sensitivity::kStandard);
                  ONESTORY_ASSIGN_OR_RETURN(auto created, statements.Add(r.actor(), r.Param("id"), p));
                  return ApiResponse::Created(json::value_from(created), "/api/v1/passages/" + created.id);
              });
    add.summary = "Add a passage of the survivor's statement, from one of the case's interviews; the text is sealed";
    add.tag = "statement";
    add.success_status = 201;
    add.request =
        Schema::Object({Required("interview_id", Schema::String().MinLength(1).MaxLength(64)),
                        Required("topic", Schema::EnumOf<policy::Topic>()),
                        Required("text", Schema::String().MinLength(1).MaxLength(20000).Describe("protected")),
                        Required("sensitivity", Schema::EnumOf<domain::Sensitivity>())});
    add.response = PassageSchema();
    routes.push_back(std::move(add));

    Route list(Method::kGet, "/api/v1/cases/{id}/passages", Capability::Of(Action::kReadStatement),
               [&statements](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, statements.List(r.actor(), r.Param("id"), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary =
        "The statement: current versions of the case's passages, with review status and the survivor's "
        "comments; the read is audited";
    list.tag = "statement";
    list.list = true;
    list.response = PassageSchema();
    routes.push_back(std::move(list));

    Route get(Method::kGet, "/api/v1/passages/{id}", Capability::Of(Action::kReadStatement),
              [&statements](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto passage, statements.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(passage));
              });
    get.summary = "One version of a passage, superseded ones included (they stay for the record)";
    get.tag = "statement";
    get.response = PassageSchema();
    routes.push_back(std::move(get));

    Route review(Method::kPost, "/api/v1/passages/{id}/review", Capability::Of(Action::kReviewPassage),
                 [&statements](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::PassageReview review;
                     review.status = *GetOptEnum<domain::ReviewStatus>(body, "status");
                     review.corrected_text = GetOptString(body, "corrected_text");
                     review.survivor_comment = GetOptString(body, "survivor_comment");
                     ONESTORY_ASSIGN_OR_RETURN(auto passage, statements.Review(r.actor(), r.Param("id"), review));
                     return ApiResponse::Json(json::value_from(passage));
                 });
    review.summary =
        "Record the survivor's review: read back, confirmed, or corrected (a correction is a new version "
        "that supersedes this one); a comment travels with the passage";
    review.tag = "statement";
    review.request = Schema::Object(
        {Required("status", Schema::Enum({"read_back", "confirmed", "corrected"})),
         Optional("corrected_text", Schema::String().MinLength(1).MaxLength(20000).Describe("protected")),
         Optional("survivor_comment", Schema::String().MinLength(1).MaxLength(4000).Describe("protected"))});
    review.response = PassageSchema();
    routes.push_back(std::move(review));
}

}  // namespace onestory::api
