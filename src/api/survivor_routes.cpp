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

namespace {

// Purposes a read can state; recorded in the audit and the survivor's access log.
const std::vector<std::string> kReadPurposes{"case_work", "investigation", "prosecution", "aftercare",
                                             "health",    "statistics",    "supervision", "safety"};

json::value SummaryJson(const domain::Survivor& s) {
    // Lists never carry identity, even if a record had it.
    domain::Survivor summary = s;
    summary.identity.reset();
    return json::value_from(summary);
}

}  // namespace

void AddSurvivorRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& survivors = services.survivors;

    Route create(Method::kPost, "/api/v1/survivors", Capability::Of(Action::kRegisterSurvivor),
                 [&survivors](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewSurvivor s;
                     s.code_name = GetString(body, "code_name");
                     s.identity.legal_name = GetString(body, "legal_name");
                     s.identity.birth_date = GetOptDate(body, "birth_date");
                     s.identity.contact = GetOptString(body, "contact");
                     s.identity.address = GetOptString(body, "address");
                     s.gender = GetOptEnum<domain::Gender>(body, "gender");
                     s.languages = GetStringList(body, "languages");
                     s.nationality = GetOptString(body, "nationality");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, survivors.Register(r.actor(), s));
                     return ApiResponse::Created(SummaryJson(created), "/api/v1/survivors/" + created.id)
                         .WithETag(created.version);
                 });
    create.summary = "Register a survivor; identity fields are sealed at rest";
    create.tag = "survivors";
    create.success_status = 201;
    create.request = Schema::Object({
        Required("code_name",
                 Schema::String().MinLength(1).MaxLength(80).Describe("a chosen name, never the legal name")),
        Required("legal_name", Schema::String().MinLength(1).MaxLength(1000)),
        Optional("birth_date", Schema::Date().Nullable()),
        Optional("gender", Schema::EnumOf<domain::Gender>().Nullable()),
        Optional("languages", Schema::Array(Schema::String().MinLength(2).MaxLength(3)).MaxItems(20).UniqueItems()),
        Optional("nationality", Schema::String().MinLength(2).MaxLength(2).Nullable()),
        Optional("contact", Schema::String().MaxLength(2000).Nullable()),
        Optional("address", Schema::String().MaxLength(2000).Nullable()),
    });
    create.response = SurvivorSummarySchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/survivors", Capability::Of(Action::kListSurvivors),
               [&survivors](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   std::optional<std::string> query;
                   if (const auto q = r.http.Query("code_name")) query = std::string(*q);
                   ONESTORY_ASSIGN_OR_RETURN(auto result, survivors.List(r.actor(), page, query));
                   json::array items;
                   for (const auto& s : result.items) items.push_back(SummaryJson(s));
                   return ApiResponse::Json(ListBody(std::move(items), result.next));
               });
    list.summary = "Survivors you may see, by code name only";
    list.tag = "survivors";
    list.list = true;
    list.query = {{"code_name", Schema::String().MaxLength(80), "code names containing this text"}};
    list.response = SurvivorSummarySchema();
    routes.push_back(std::move(list));

    Route get(Method::kGet, "/api/v1/survivors/{id}", Capability::Of(Action::kReadSurvivor),
              [&survivors](ApiRequest& r) -> Result<ApiResponse> {
                  const std::string purpose(r.http.Query("purpose").value_or("case_work"));
                  ONESTORY_ASSIGN_OR_RETURN(auto survivor, survivors.Get(r.actor(), r.Param("id"), purpose));
                  return ApiResponse::Json(json::value_from(survivor)).WithETag(survivor.version);
              });
    get.summary = "A survivor's record with identity; the read is audited with its purpose";
    get.tag = "survivors";
    get.query = {{"purpose", Schema::Enum(kReadPurposes), "why you read it (default case_work)"}};
    get.response = SurvivorSchema();
    routes.push_back(std::move(get));

    Route patch(Method::kPatch, "/api/v1/survivors/{id}", Capability::Of(Action::kUpdateSurvivor),
                [&survivors](ApiRequest& r) -> Result<ApiResponse> {
                    const auto& body = r.Object();
                    domain::SurvivorPatch p;
                    p.code_name = GetOptString(body, "code_name");
                    p.legal_name = GetOptString(body, "legal_name");
                    if (body.contains("birth_date")) p.birth_date = GetOptDate(body, "birth_date");
                    if (body.contains("contact")) p.contact = GetOptString(body, "contact");
                    if (body.contains("address")) p.address = GetOptString(body, "address");
                    if (body.contains("gender")) p.gender = GetOptEnum<domain::Gender>(body, "gender");
                    if (body.contains("languages")) p.languages = GetStringList(body, "languages");
                    if (body.contains("nationality")) p.nationality = GetOptString(body, "nationality");
                    if (const auto* prefs = body.if_contains("preferences")) {
                        if (prefs->is_null()) {
                            p.clear_preferences = true;
                        } else {
                            p.preferences = PreferencesPatchFrom(prefs->as_object());
                        }
                    }
                    ONESTORY_ASSIGN_OR_RETURN(auto updated, survivors.Update(r.actor(), r.Param("id"), *r.if_match, p));
                    return ApiResponse::Json(json::value_from(updated)).WithETag(updated.version);
                });
    patch.summary =
        "Change a survivor's record and interview preferences (JSON merge-patch; If-Match required); answers the "
        "record with preferences, without identity";
    patch.tag = "survivors";
    patch.requires_if_match = true;
    patch.request = Schema::Object({
        Optional("code_name", Schema::String().MinLength(1).MaxLength(80)),
        Optional("legal_name", Schema::String().MinLength(1).MaxLength(1000)),
        Optional("birth_date", Schema::Date().Nullable()),
        Optional("gender", Schema::EnumOf<domain::Gender>().Nullable()),
        Optional("languages", Schema::Array(Schema::String().MinLength(2).MaxLength(3)).MaxItems(20).UniqueItems()),
        Optional("nationality", Schema::String().MinLength(2).MaxLength(2).Nullable()),
        Optional("contact", Schema::String().MaxLength(2000).Nullable()),
        Optional("address", Schema::String().MaxLength(2000).Nullable()),
        Optional("preferences", PreferencesPatchSchema().Nullable()),
    });
    patch.response = SurvivorSchema();
    routes.push_back(std::move(patch));

    Route match(Method::kPost, "/api/v1/survivors/match", Capability::Of(Action::kMatchSurvivors),
                [&survivors](ApiRequest& r) -> Result<ApiResponse> {
                    const auto& body = r.Object();
                    ONESTORY_ASSIGN_OR_RETURN(auto matches, survivors.Match(r.actor(), GetString(body, "legal_name"),
                                                                            *GetOptDate(body, "birth_date")));
                    return ApiResponse::Json(json::object{{"matches", ToArray(matches)}});
                });
    match.summary = "Find an existing registration by name and birth date, without plaintext in the store";
    match.tag = "survivors";
    match.request = Schema::Object({Required("legal_name", Schema::String().MinLength(1).MaxLength(1000)),
                                    Required("birth_date", Schema::Date())});
    match.response =
        Schema::Object({Required("matches", Schema::Array(Schema::Object({Required("id", Schema::String()),
                                                                          Required("code_name", Schema::String()),
                                                                          Required("agency_id", Schema::String())})))});
    routes.push_back(std::move(match));
}

}  // namespace onestory::api
