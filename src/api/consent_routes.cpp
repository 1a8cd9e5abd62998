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

void AddConsentRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& consents = services.consents;

    Route grant(Method::kPost, "/api/v1/survivors/{id}/consents", Capability::Of(Action::kGrantConsent),
                [&consents](ApiRequest& r) -> Result<ApiResponse> {
                    const auto& body = r.Object();
                    domain::NewConsent c;
                    c.recipient_agency_id = GetString(body, "recipient_agency_id");
                    c.purpose = *GetOptEnum<policy::Purpose>(body, "purpose");
                    const auto& scope = body.at("scope").as_object();
                    c.topics = GetEnumList<policy::Topic>(scope, "topics");
                    c.categories = GetEnumList<policy::RecordCategory>(scope, "categories");
                    c.valid_until = *GetOptInstant(body, "valid_until");
                    c.given_as = *GetOptEnum<domain::GivenAs>(body, "given_as");
                    c.witnessed_by = GetOptString(body, "witnessed_by");
                    c.consent_text_version = GetString(body, "consent_text_version");
                    c.language = GetString(body, "language");
                    c.guardian = GetOptString(body, "guardian");
                    c.child_assent = GetOptBool(body, "child_assent");
                    ONESTORY_ASSIGN_OR_RETURN(auto created, consents.Grant(r.actor(), r.Param("id"), c));
                    return ApiResponse::Created(json::value_from(created), "/api/v1/consents/" + created.id)
                        .WithETag(created.version);
                });
    grant.summary = "Record a consent: one recipient agency, one purpose, a scope, time-limited (own case team only)";
    grant.tag = "consents";
    grant.success_status = 201;
    grant.request = Schema::Object({
        Required("recipient_agency_id", Schema::String().MinLength(1).MaxLength(64)),
        Required("purpose", Schema::EnumOf<policy::Purpose>()),
        Required("scope",
                 Schema::Object(
                     {Optional("topics", Schema::Array(Schema::EnumOf<policy::Topic>()).MaxItems(10).UniqueItems()),
                      Optional("categories",
                               Schema::Array(Schema::EnumOf<policy::RecordCategory>()).MaxItems(10).UniqueItems())})),
        Required("valid_until", Schema::DateTime().Describe("when the consent ends; must be in the future")),
        Required("given_as", Schema::EnumOf<domain::GivenAs>()),
        Optional("witnessed_by", Schema::String().MinLength(1).MaxLength(500).Nullable().Describe(
                                     "who witnessed it (required for verbal consent); protected")),
        Required("consent_text_version", Schema::String().MinLength(1).MaxLength(40)),
        Required("language", Schema::String().MinLength(2).MaxLength(2).Describe(
                                 "ISO 639-1 language of the consent text the survivor was shown")),
        Optional("guardian", Schema::String().MinLength(1).MaxLength(500).Nullable().Describe(
                                 "the guardian who consented for a child; protected")),
        Optional("child_assent", Schema::Boolean().Nullable()),
    });
    grant.response = ConsentSchema();
    routes.push_back(std::move(grant));

    Route list(Method::kGet, "/api/v1/survivors/{id}/consents", Capability::Of(Action::kListConsents),
               [&consents](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, consents.List(r.actor(), r.Param("id"), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "The survivor's consents with their state now: active, expired or revoked";
    list.tag = "consents";
    list.list = true;
    list.response = ConsentSchema();
    routes.push_back(std::move(list));

    Route revoke(Method::kPost, "/api/v1/consents/{id}/revoke", Capability::Of(Action::kRevokeConsent),
                 [&consents](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     ONESTORY_ASSIGN_OR_RETURN(auto revoked,
                                               consents.Revoke(r.actor(), r.Param("id"), GetOptString(body, "reason")));
                     return ApiResponse::Json(json::value_from(revoked)).WithETag(revoked.version);
                 });
    revoke.summary = "Withdraw a consent; it takes effect on the very next request";
    revoke.tag = "consents";
    revoke.request =
        Schema::Object({Optional("reason", Schema::String().MinLength(1).MaxLength(2000).Nullable().Describe(
                                               "why, in the survivor's words if they wish; protected"))});
    revoke.response = ConsentSchema();
    routes.push_back(std::move(revoke));
}

}  // namespace onestory::api
