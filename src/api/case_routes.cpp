// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/json_access.hpp"
#include "api/json_mapping.hpp"
#include "api/paging.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

void AddCaseRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& cases = services.cases;

    Route create(Method::kPost, "/api/v1/cases", Capability::Of(Action::kCreateCase),
                 [&cases](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewCase c;
                     c.survivor_id = GetString(body, "survivor_id");
                     c.stage = GetOptEnum<domain::Stage>(body, "stage").value_or(domain::Stage::kIdentification);
                     c.exploitation_types = GetEnumList<domain::ExploitationType>(body, "exploitation_types");
                     ONESTORY_ASSIGN_OR_RETURN(auto created, cases.Create(r.actor(), c));
                     return ApiResponse::Created(json::value_from(created), "/api/v1/cases/" + created.id)
                         .WithETag(created.version);
                 });
    create.summary = "Open a case; your agency owns it and you lead its team";
    create.tag = "cases";
    create.success_status = 201;
    create.request =
        Schema::Object({Required("survivor_id", Schema::String().MinLength(1).MaxLength(64)),
                        Optional("stage", Schema::EnumOf<domain::Stage>()),
                        Optional("exploitation_types",
                                 Schema::Array(Schema::EnumOf<domain::ExploitationType>()).MaxItems(9).UniqueItems())});
    create.response = CaseSchema();
    routes.push_back(std::move(create));

    Route list(Method::kGet, "/api/v1/cases", Capability::Of(Action::kListCases),
               [&cases](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   std::optional<std::string> survivor;
                   if (const auto s = r.http.Query("survivor_id")) survivor = std::string(*s);
                   ONESTORY_ASSIGN_OR_RETURN(auto result, cases.List(r.actor(), page, survivor));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "Cases you may see (your teams; supervisors: the agency's)";
    list.tag = "cases";
    list.list = true;
    list.query = {{"survivor_id", Schema::String().MaxLength(64), "only this survivor's cases"}};
    list.response = CaseSchema();
    routes.push_back(std::move(list));

    Route get(Method::kGet, "/api/v1/cases/{id}", Capability::Of(Action::kReadCase),
              [&cases](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto kase, cases.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(kase)).WithETag(kase.version);
              });
    get.summary = "A case";
    get.tag = "cases";
    get.response = CaseSchema();
    routes.push_back(std::move(get));

    Route patch(Method::kPatch, "/api/v1/cases/{id}", Capability::Of(Action::kUpdateCase),
                [&cases](ApiRequest& r) -> Result<ApiResponse> {
                    const auto& body = r.Object();
                    domain::CasePatch p;
                    p.stage = GetOptEnum<domain::Stage>(body, "stage");
                    p.status = GetOptEnum<domain::CaseStatus>(body, "status");
                    if (Has(body, "exploitation_types")) {
                        p.exploitation_types = GetEnumList<domain::ExploitationType>(body, "exploitation_types");
                    }
                    ONESTORY_ASSIGN_OR_RETURN(auto kase, cases.Update(r.actor(), r.Param("id"), *r.if_match, p));
                    return ApiResponse::Json(json::value_from(kase)).WithETag(kase.version);
                });
    patch.summary = "Change a case (JSON merge-patch; If-Match required)";
    patch.tag = "cases";
    patch.requires_if_match = true;
    patch.request = Schema::Object(
        {Optional("stage", Schema::EnumOf<domain::Stage>()), Optional("status", Schema::EnumOf<domain::CaseStatus>()),
         Optional("exploitation_types",
                  Schema::Array(Schema::EnumOf<domain::ExploitationType>()).MaxItems(9).UniqueItems())});
    patch.response = CaseSchema();
    routes.push_back(std::move(patch));

    Route team(Method::kGet, "/api/v1/cases/{id}/team", Capability::Of(Action::kReadCaseTeam),
               [&cases](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto members, cases.ListTeam(r.actor(), r.Param("id")));
                   return ApiResponse::Json(ListBody(ToArray(members), std::nullopt));
               });
    team.summary = "The case team";
    team.tag = "cases";
    team.list = true;
    team.response = TeamMemberSchema();
    routes.push_back(std::move(team));

    Route add(Method::kPost, "/api/v1/cases/{id}/team", Capability::Of(Action::kManageCaseTeam),
              [&cases](ApiRequest& r) -> Result<ApiResponse> {
                  const auto& body = r.Object();
                  ONESTORY_ASSIGN_OR_RETURN(auto member,
                                            cases.AddTeamMember(r.actor(), r.Param("id"), GetString(body, "staff_id"),
                                                                *GetOptEnum<domain::CaseRole>(body, "case_role")));
                  return ApiResponse::Created(json::value_from(member), "/api/v1/cases/" + r.Param("id") + "/team");
              });
    add.summary = "Add a member of your agency to the case team";
    add.tag = "cases";
    add.success_status = 201;
    add.request = Schema::Object({Required("staff_id", Schema::String().MinLength(1).MaxLength(64)),
                                  Required("case_role", Schema::EnumOf<domain::CaseRole>())});
    add.response = TeamMemberSchema();
    routes.push_back(std::move(add));
}

}  // namespace onestory::api
