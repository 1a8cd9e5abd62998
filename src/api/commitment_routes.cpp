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

void AddCommitmentRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& commitments = services.commitments;

    Route create(Method::kPost, "/api/v1/cases/{id}/commitments", Capability::Of(Action::kCreateCommitment),
                 [&commitments](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewCommitment c;
                     c.what = GetString(body, "what");
                     c.owner_id = GetString(body, "owner_id");
                     c.due = *GetOptDate(body, "due");
                     c.to_survivor = GetOptBool(body, "to_survivor").value_or(true);
                     ONESTORY_ASSIGN_OR_RETURN(auto created, commitments.Create(r.actor(), r.Param("id"), c));
                     return ApiResponse::Created(json::value_from(created), "/api/v1/commitments/" + created.id)
                         .WithETag(created.version);
                 });
    create.summary = "Record a promise made to the survivor (or, with to_survivor false, a commitment of the team)";
    create.tag = "care";
    create.success_status = 201;
    create.request = Schema::Object(
        {Required("what", Schema::String().MinLength(1).MaxLength(2000).Describe("protected")),
         Required("owner_id", Schema::String().MinLength(1).MaxLength(64)), Required("due", Schema::Date()),
         Optional("to_survivor", Schema::Boolean().Describe("default true"))});
    create.response = CommitmentSchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/cases/{id}/commitments", Capability::Of(Action::kListCommitments),
               [&commitments](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, commitments.List(r.actor(), r.Param("id"), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "The case's commitments: promises to the survivor and the team's, with whether each is overdue";
    list.tag = "care";
    list.list = true;
    list.response = CommitmentSchema();
    routes.push_back(std::move(list));

    Route patch(Method::kPatch, "/api/v1/commitments/{id}", Capability::Of(Action::kUpdateCommitment),
                [&commitments](ApiRequest& r) -> Result<ApiResponse> {
                    const auto& body = r.Object();
                    domain::CommitmentPatch p;
                    p.what = GetOptString(body, "what");
                    p.owner_id = GetOptString(body, "owner_id");
                    p.due = GetOptDate(body, "due");
                    p.status = GetOptEnum<domain::CommitmentStatus>(body, "status");
                    p.note = GetStringPatch(body, "note");
                    p.survivor_told = GetStringPatch(body, "survivor_told");
                    ONESTORY_ASSIGN_OR_RETURN(auto updated,
                                              commitments.Update(r.actor(), r.Param("id"), *r.if_match, p));
                    return ApiResponse::Json(json::value_from(updated)).WithETag(updated.version);
                });
    patch.summary =
        "Update a commitment: kept, changed or missed, with a note. A promise to the survivor that is changed or "
        "missed needs survivor_told, how the survivor was told (JSON merge-patch; If-Match required)";
    patch.tag = "care";
    patch.requires_if_match = true;
    patch.request = Schema::Object(
        {Optional("what", Schema::String().MinLength(1).MaxLength(2000)),
         Optional("owner_id", Schema::String().MinLength(1).MaxLength(64)), Optional("due", Schema::Date()),
         Optional("status", Schema::EnumOf<domain::CommitmentStatus>()),
         Optional("note", Schema::String().MinLength(1).MaxLength(2000).Nullable().Describe("protected")),
         Optional("survivor_told", Schema::String().MinLength(1).MaxLength(2000).Nullable().Describe(
                                       "how and when the survivor was told of a change or a miss; protected"))});
    patch.response = CommitmentSchema();
    routes.push_back(std::move(patch));
}

}  // namespace onestory::api
