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

void AddVenueRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& venues = services.venues;

    Route create(Method::kPost, "/api/v1/venues", Capability::Of(Action::kCreateVenue),
                 [&venues](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewVenue v{GetString(body, "name"), GetString(body, "agency_id"),
                                        GetEnumList<domain::VenueFeature>(body, "features")};
                     ONESTORY_ASSIGN_OR_RETURN(auto created, venues.Create(r.actor(), v));
                     return ApiResponse::Created(json::value_from(created), "/api/v1/venues/" + created.id)
                         .WithETag(created.version);
                 });
    create.summary = "Register an interview venue and its safety features (administrators; supervisors: own agency)";
    create.tag = "venues";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("name", Schema::String().MinLength(1).MaxLength(200)),
         Required("agency_id", Schema::String().MinLength(1).MaxLength(64)),
         Required("features", Schema::Array(Schema::EnumOf<domain::VenueFeature>()).MaxItems(6).UniqueItems())});
    create.response = VenueSchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/venues", Capability::Of(Action::kListVenues),
               [&venues](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   std::optional<std::string> agency;
                   if (const auto a = r.http.Query("agency_id")) agency = std::string(*a);
                   ONESTORY_ASSIGN_OR_RETURN(auto result, venues.List(r.actor(), agency, page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "Interview venues of every agency, with their safety features";
    list.tag = "venues";
    list.list = true;
    list.query = {{"agency_id", Schema::String().MaxLength(64), "only this agency's venues"}};
    list.response = VenueSchema();
    routes.push_back(std::move(list));

    Route get(Method::kGet, "/api/v1/venues/{id}", Capability::Of(Action::kListVenues),
              [&venues](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto venue, venues.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(venue)).WithETag(venue.version);
              });
    get.summary = "An interview venue";
    get.tag = "venues";
    get.response = VenueSchema();
    routes.push_back(std::move(get));
}

}  // namespace onestory::api
