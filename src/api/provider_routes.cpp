// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <charconv>

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

namespace {

std::optional<int> OptionalIntMember(const json::object& o, std::string_view key) {
    const auto v = GetOptInt(o, key);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

}  // namespace

void AddProviderRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& providers = services.providers;

    Route create(Method::kPost, "/api/v1/providers", Capability::Of(Action::kCreateProvider),
                 [&providers](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewProvider p;
                     p.name = GetString(body, "name");
                     p.agency_id = GetOptString(body, "agency_id");
                     p.service_types = GetEnumList<domain::ServiceType>(body, "service_types");
                     p.languages = GetStringList(body, "languages");
                     if (const auto* ages = body.if_contains("ages_served"); ages != nullptr && ages->is_object()) {
                         p.age_min = OptionalIntMember(ages->get_object(), "min");
                         p.age_max = OptionalIntMember(ages->get_object(), "max");
                     }
                     p.genders_served = GetEnumList<domain::Gender>(body, "genders_served");
                     p.capacity = OptionalIntMember(body, "capacity");
                     p.location_area = GetOptString(body, "location_area");
                     p.contact = GetOptString(body, "contact");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, providers.Create(r.actor(), p));
                     return ApiResponse::Created(json::value_from(created), "/api/v1/providers/" + created.id)
                         .WithETag(created.version);
                 });
    create.summary =
        "Register a provider in the service directory (administrators; supervisors for their own agency's services "
        "and services outside onestory)";
    create.tag = "care";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("name", Schema::String().MinLength(1).MaxLength(200)),
         Optional("agency_id", Schema::String().MinLength(1).MaxLength(64).Nullable().Describe(
                                   "the onestory agency that provides the service, if any")),
         Required("service_types",
                  Schema::Array(Schema::EnumOf<domain::ServiceType>()).MinItems(1).MaxItems(10).UniqueItems()),
         Optional("languages", Schema::Array(Schema::String().MinLength(2).MaxLength(2)).MaxItems(30).UniqueItems()),
         Optional("ages_served",
                  Schema::Object({Optional("min", Schema::Integer().Minimum(0).Maximum(120).Nullable()),
                                  Optional("max", Schema::Integer().Minimum(0).Maximum(120).Nullable())})),
         Optional("genders_served", Schema::Array(Schema::EnumOf<domain::Gender>()).MaxItems(5).UniqueItems()),
         Optional("capacity", Schema::Integer().Minimum(0).Maximum(1000000).Nullable()),
         Optional("location_area", Schema::String().MinLength(1).MaxLength(200).Nullable()),
         Optional("contact", Schema::String().MinLength(1).MaxLength(500).Nullable().Describe(
                                 "the provider's public contact details"))});
    create.response = ProviderSchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/providers", Capability::Of(Action::kListProviders),
               [&providers](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   domain::ProviderSearch search;
                   if (const auto type = r.http.Query("service_type")) {
                       search.service_type = ParseEnum<domain::ServiceType>(*type);
                   }
                   if (const auto language = r.http.Query("language")) search.language = std::string(*language);
                   if (const auto age = r.http.Query("age")) {
                       int n = -1;
                       const auto [ptr, ec] = std::from_chars(age->data(), age->data() + age->size(), n);
                       if (ec != std::errc() || ptr != age->data() + age->size() || n < 0 || n > 120) {
                           return Status::Invalid("age", "must be a whole number of years from 0 to 120");
                       }
                       search.age = n;
                   }
                   ONESTORY_ASSIGN_OR_RETURN(auto result, providers.List(r.actor(), search, page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "Search the service directory by service type, language and the age served";
    list.tag = "care";
    list.list = true;
    list.query = {{"service_type", Schema::EnumOf<domain::ServiceType>(), "providers offering this service"},
                  {"language", Schema::String().MinLength(2).MaxLength(2), "providers working in this language"},
                  {"age", Schema::String().MinLength(1).MaxLength(3), "providers serving someone of this age"}};
    list.response = ProviderSchema();
    routes.push_back(std::move(list));

    Route get(Method::kGet, "/api/v1/providers/{id}", Capability::Of(Action::kListProviders),
              [&providers](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto provider, providers.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(provider)).WithETag(provider.version);
              });
    get.summary = "A provider of the service directory";
    get.tag = "care";
    get.response = ProviderSchema();
    routes.push_back(std::move(get));
}

}  // namespace onestory::api
