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

namespace {

Schema Accommodations() {
    return Schema::Array(Schema::EnumOf<domain::CourtAccommodation>()).MaxItems(6).UniqueItems();
}

Schema Charges() {
    return Schema::Array(Schema::String().MinLength(1).MaxLength(500)).MaxItems(30);
}

std::optional<std::vector<domain::CourtAccommodation>> AccommodationsMember(const json::object& o,
                                                                            std::string_view key) {
    if (!o.if_contains(key)) return std::nullopt;
    return GetEnumList<domain::CourtAccommodation>(o, key);
}

}  // namespace

void AddHearingRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& hearings = services.hearings;

    Route create(Method::kPost, "/api/v1/cases/{id}/hearings", Capability::Of(Action::kCreateHearing),
                 [&hearings](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewHearing h;
                     h.court = GetString(body, "court");
                     h.scheduled_at = *GetOptInstant(body, "scheduled_at");
                     h.kind = *GetOptEnum<domain::HearingKind>(body, "kind");
                     h.charges = GetStringList(body, "charges");
                     h.accommodations_requested =
                         GetEnumList<domain::CourtAccommodation>(body, "accommodations_requested");
                     h.accommodations_granted = GetEnumList<domain::CourtAccommodation>(body, "accommodations_granted");
                     h.survivor_notified_at = GetOptInstant(body, "survivor_notified_at");
                     h.notified_by = GetOptString(body, "notified_by");
                     h.outcome = GetOptEnum<domain::HearingOutcome>(body, "outcome");
                     h.notes = GetOptString(body, "notes");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, hearings.Create(r.actor(), r.Param("id"), h));
                     return ApiResponse::Created(json::value_from(created), "/api/v1/hearings/" + created.id)
                         .WithETag(created.version);
                 });
    create.summary =
        "Record a hearing (the case team, or a prosecutor holding the survivor's prosecution consent covering legal)";
    create.tag = "care";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("court", Schema::String().MinLength(1).MaxLength(300)), Required("scheduled_at", Schema::DateTime()),
         Required("kind", Schema::EnumOf<domain::HearingKind>()), Optional("charges", Charges()),
         Optional("accommodations_requested", Accommodations()), Optional("accommodations_granted", Accommodations()),
         Optional("survivor_notified_at", Schema::DateTime().Nullable().Describe("when the survivor was told")),
         Optional("notified_by", Schema::String().MinLength(1).MaxLength(64).Nullable().Describe("who told them")),
         Optional("outcome", Schema::EnumOf<domain::HearingOutcome>().Nullable()),
         Optional("notes", Schema::String().MinLength(1).MaxLength(4000).Nullable().Describe("protected"))});
    create.response = HearingSchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/cases/{id}/hearings", Capability::Of(Action::kListHearings),
               [&hearings](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, hearings.List(r.actor(), r.Param("id"), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "The case's hearings";
    list.tag = "care";
    list.list = true;
    list.response = HearingSchema();
    routes.push_back(std::move(list));

    Route get(Method::kGet, "/api/v1/hearings/{id}", Capability::Of(Action::kListHearings),
              [&hearings](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto hearing, hearings.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(hearing)).WithETag(hearing.version);
              });
    get.summary = "A hearing";
    get.tag = "care";
    get.response = HearingSchema();
    routes.push_back(std::move(get));

    Route patch(Method::kPatch, "/api/v1/hearings/{id}", Capability::Of(Action::kUpdateHearing),
                [&hearings](ApiRequest& r) -> Result<ApiResponse> {
                    const auto& body = r.Object();
                    domain::HearingPatch p;
                    p.court = GetOptString(body, "court");
                    p.scheduled_at = GetOptInstant(body, "scheduled_at");
                    p.kind = GetOptEnum<domain::HearingKind>(body, "kind");
                    if (body.if_contains("charges")) p.charges = GetStringList(body, "charges");
                    p.accommodations_requested = AccommodationsMember(body, "accommodations_requested");
                    p.accommodations_granted = AccommodationsMember(body, "accommodations_granted");
                    p.survivor_notified_at = GetInstantPatch(body, "survivor_notified_at");
                    p.notified_by = GetStringPatch(body, "notified_by");
                    p.outcome = GetEnumPatch<domain::HearingOutcome>(body, "outcome");
                    p.notes = GetStringPatch(body, "notes");
                    ONESTORY_ASSIGN_OR_RETURN(auto updated, hearings.Update(r.actor(), r.Param("id"), *r.if_match, p));
                    return ApiResponse::Json(json::value_from(updated)).WithETag(updated.version);
                });
    patch.summary =
        "Change a hearing: date, accommodations granted, the survivor told, the outcome (JSON merge-patch; If-Match "
        "required)";
    patch.tag = "care";
    patch.requires_if_match = true;
    patch.request = Schema::Object(
        {Optional("court", Schema::String().MinLength(1).MaxLength(300)), Optional("scheduled_at", Schema::DateTime()),
         Optional("kind", Schema::EnumOf<domain::HearingKind>()), Optional("charges", Charges()),
         Optional("accommodations_requested", Accommodations()), Optional("accommodations_granted", Accommodations()),
         Optional("survivor_notified_at", Schema::DateTime().Nullable()),
         Optional("notified_by", Schema::String().MinLength(1).MaxLength(64).Nullable()),
         Optional("outcome", Schema::EnumOf<domain::HearingOutcome>().Nullable()),
         Optional("notes", Schema::String().MinLength(1).MaxLength(4000).Nullable().Describe("protected"))});
    patch.response = HearingSchema();
    routes.push_back(std::move(patch));
}

}  // namespace onestory::api
