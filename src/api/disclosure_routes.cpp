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

void AddDisclosureRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& disclosures = services.disclosures;

    Route create(Method::kPost, "/api/v1/cases/{id}/disclosures", Capability::Of(Action::kCreateDisclosure),
                 [&disclosures](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewDisclosure d;
                     d.recipient_agency_id = GetString(body, "recipient_agency_id");
                     d.purpose = *GetOptEnum<policy::Purpose>(body, "purpose");
                     d.passage_ids = GetStringList(body, "passage_ids");
                     d.categories = GetEnumList<policy::RecordCategory>(body, "categories");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, disclosures.Create(r.actor(), r.Param("id"), d));
                     return ApiResponse::Created(json::value_from(created), "/api/v1/disclosures/" + created.id);
                 });
    create.summary =
        "Disclose passages and record categories to another agency. Allowed only when one active consent for that "
        "agency and purpose covers every passage's topic and every category; otherwise 403 no_consent with "
        "\"uncovered\", and nothing is disclosed";
    create.tag = "disclosures";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("recipient_agency_id", Schema::String().MinLength(1).MaxLength(64)),
         Required("purpose", Schema::EnumOf<policy::Purpose>()),
         Required("passage_ids",
                  Schema::Array(Schema::String().MinLength(1).MaxLength(64)).MaxItems(200).UniqueItems()),
         Optional("categories", Schema::Array(Schema::EnumOf<policy::RecordCategory>()).MaxItems(10).UniqueItems())});
    create.response = DisclosureSchema();
    routes.push_back(std::move(create));

    Route of_case(Method::kGet, "/api/v1/cases/{id}/disclosures", Capability::Of(Action::kListDisclosures),
                  [&disclosures](ApiRequest& r) -> Result<ApiResponse> {
                      ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                      ONESTORY_ASSIGN_OR_RETURN(auto result, disclosures.ListOfCase(r.actor(), r.Param("id"), page));
                      return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
                  });
    of_case.summary = "What this case disclosed, to whom, why, and whether the consent behind it still stands";
    of_case.tag = "disclosures";
    of_case.list = true;
    of_case.response = DisclosureSchema();
    routes.push_back(std::move(of_case));

    Route received(Method::kGet, "/api/v1/disclosures", Capability::Of(Action::kListReceivedDisclosures),
                   [&disclosures](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                       ONESTORY_ASSIGN_OR_RETURN(auto result, disclosures.ListReceived(r.actor(), page));
                       return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
                   });
    received.summary = "What was disclosed to your agency, for the purposes your role works on";
    received.tag = "disclosures";
    received.list = true;
    received.response = DisclosureSchema();
    routes.push_back(std::move(received));

    Route get(Method::kGet, "/api/v1/disclosures/{id}", Capability::Of(Action::kReadDisclosure),
              [&disclosures](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto disclosure, disclosures.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(disclosure));
              });
    get.summary =
        "Read a disclosure: the survivor-reviewed passages with their comments and the disclosed record categories. "
        "Refused (consent_revoked, consent_expired) once the consent no longer stands; every read is audited";
    get.tag = "disclosures";
    get.response = DisclosureSchema();
    routes.push_back(std::move(get));
}

}  // namespace onestory::api
