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

void AddReferralRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& referrals = services.referrals;

    Route create(Method::kPost, "/api/v1/cases/{id}/referrals", Capability::Of(Action::kCreateReferral),
                 [&referrals](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewReferral x;
                     x.provider_id = GetString(body, "provider_id");
                     x.service_type = *GetOptEnum<domain::ServiceType>(body, "service_type");
                     x.reason = GetString(body, "reason");
                     x.share_categories = GetEnumList<policy::RecordCategory>(body, "share_categories");
                     x.follow_up_by = *GetOptDate(body, "follow_up_by");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, referrals.Create(r.actor(), r.Param("id"), x));
                     return ApiResponse::Created(json::value_from(created), "/api/v1/referrals/" + created.id)
                         .WithETag(created.version);
                 });
    create.summary =
        "Propose a referral to a provider. Sharing categories of the survivor's record with a provider of another "
        "agency needs one active consent (aftercare or health) for that agency covering them all; otherwise 403 "
        "no_consent with \"uncovered\"";
    create.tag = "care";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("provider_id", Schema::String().MinLength(1).MaxLength(64)),
         Required("service_type", Schema::EnumOf<domain::ServiceType>()),
         Required("reason", Schema::String().MinLength(1).MaxLength(4000).Describe("protected; shown to the provider")),
         Optional("share_categories",
                  Schema::Array(Schema::EnumOf<policy::RecordCategory>()).MaxItems(10).UniqueItems()),
         Required("follow_up_by", Schema::Date().Describe("an answer is expected by then; an alert follows if not"))});
    create.response = ReferralSchema();
    routes.push_back(std::move(create));

    Route of_case(Method::kGet, "/api/v1/cases/{id}/referrals", Capability::Of(Action::kListReferrals),
                  [&referrals](ApiRequest& r) -> Result<ApiResponse> {
                      ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                      ONESTORY_ASSIGN_OR_RETURN(auto result, referrals.ListOfCase(r.actor(), r.Param("id"), page));
                      return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
                  });
    of_case.summary = "The case's referrals, with every transition";
    of_case.tag = "care";
    of_case.list = true;
    of_case.response = ReferralSchema();
    routes.push_back(std::move(of_case));

    Route received(Method::kGet, "/api/v1/referrals", Capability::Of(Action::kListReceivedReferrals),
                   [&referrals](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                       ONESTORY_ASSIGN_OR_RETURN(auto result, referrals.ListReceived(r.actor(), page));
                       return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
                   });
    received.summary = "Referrals sent to your agency, to answer";
    received.tag = "care";
    received.list = true;
    received.response = ReferralSchema();
    routes.push_back(std::move(received));

    Route get(Method::kGet, "/api/v1/referrals/{id}", Capability::Of(Action::kReadReferral),
              [&referrals](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto referral, referrals.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(referral)).WithETag(referral.version);
              });
    get.summary =
        "A referral. To the receiving agency, while the consent stands and for a role that works on its purpose: "
        "the shared categories of the survivor's record (audited)";
    get.tag = "care";
    get.response = ReferralSchema();
    routes.push_back(std::move(get));

    Route move(Method::kPost, "/api/v1/referrals/{id}/transition", Capability::Of(Action::kTransitionReferral),
               [&referrals](ApiRequest& r) -> Result<ApiResponse> {
                   const auto& body = r.Object();
                   domain::ReferralMove m;
                   m.to = *GetOptEnum<domain::ReferralStatus>(body, "to");
                   m.note = GetOptString(body, "note");
                   m.decline_reason = GetOptString(body, "decline_reason");
                   m.complete_by = GetOptDate(body, "complete_by");
                   ONESTORY_ASSIGN_OR_RETURN(auto moved, referrals.Transition(r.actor(), r.Param("id"), m));
                   return ApiResponse::Json(json::value_from(moved)).WithETag(moved.version);
               });
    move.summary =
        "Move a referral along proposed -> sent -> accepted | declined -> in_service -> completed | closed. The "
        "case team sends (consent checked again); the receiving agency answers and records the service; either "
        "closes. An illegal move is 409 illegal_transition";
    move.tag = "care";
    move.request = Schema::Object(
        {Required("to", Schema::EnumOf<domain::ReferralStatus>()),
         Optional("note", Schema::String().MinLength(1).MaxLength(4000).Describe("protected")),
         Optional("decline_reason",
                  Schema::String().MinLength(1).MaxLength(4000).Describe("required when declining; protected")),
         Optional("complete_by", Schema::Date().Describe("when accepting or starting the service: the date it should "
                                                         "be completed by (default 30 days after acceptance)"))});
    move.response = ReferralSchema();
    routes.push_back(std::move(move));
}

}  // namespace onestory::api
