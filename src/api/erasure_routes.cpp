// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/json_access.hpp"
#include "api/paging.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

namespace {

json::value ErasureJson(const domain::Erasure& e) {
    auto optional_instant = [](const std::optional<Instant>& t) {
        return t ? json::value(FormatInstant(*t)) : json::value(nullptr);
    };
    return json::object{{"id", e.id},
                        {"survivor_id", e.survivor_id},
                        {"agency_id", e.agency_id},
                        {"reason", NameOf(e.reason)},
                        {"status", NameOf(e.status)},
                        {"requested_by", e.requested_by},
                        {"requested_at", FormatInstant(e.requested_at)},
                        {"decided_by", OptionalString(e.decided_by)},
                        {"decided_at", optional_instant(e.decided_at)},
                        {"completed_at", optional_instant(e.completed_at)},
                        {"version", e.version}};
}

Schema ErasureSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("survivor_id", Schema::String()),
         Required("agency_id", Schema::String()), Required("reason", Schema::EnumOf<domain::ErasureReason>()),
         Required("status", Schema::EnumOf<domain::ErasureStatus>()),
         Required("requested_by", Schema::String().Describe("staff id; empty for the system")),
         Required("requested_at", Schema::DateTime()), Required("decided_by", Schema::String().Nullable()),
         Required("decided_at", Schema::DateTime().Nullable()), Required("completed_at", Schema::DateTime().Nullable()),
         Required("version", Schema::Integer())});
}

// The reasons a supervisor may give (retention_expired is the system's own).
std::vector<std::string> RequestReasons() {
    std::vector<std::string> out;
    for (const auto& [reason, name] : EnumNames<domain::ErasureReason>::kTable) {
        if (reason != domain::ErasureReason::kRetentionExpired) out.emplace_back(name);
    }
    return out;
}

}  // namespace

void AddErasureRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& erasures = services.erasures;

    Route request(Method::kPost, "/api/v1/survivors/{id}/erase", Capability::Of(Action::kRequestErasure),
                  [&erasures](ApiRequest& r) -> Result<ApiResponse> {
                      const auto reason = *GetOptEnum<domain::ErasureReason>(r.Object(), "reason");
                      ONESTORY_ASSIGN_OR_RETURN(auto erasure, erasures.Request(r.actor(), r.Param("id"), reason));
                      ApiResponse response = ApiResponse::Json(ErasureJson(erasure), 202);
                      response.headers.emplace_back("Location", "/api/v1/erasures/" + erasure.id);
                      return response.WithETag(erasure.version);
                  });
    request.summary =
        "Ask that a survivor's record be erased (a supervisor of the owning agency); a second supervisor approves";
    request.tag = "erasure";
    request.success_status = 202;
    request.request = Schema::Object({Required(
        "reason", Schema::Enum(RequestReasons()).Describe("a reason code; free text would outlive the erasure"))});
    request.response = ErasureSchema();
    routes.push_back(std::move(request));

    Route approve(Method::kPost, "/api/v1/erasures/{id}/approve", Capability::Of(Action::kDecideErasure),
                  [&erasures](ApiRequest& r) -> Result<ApiResponse> {
                      ONESTORY_ASSIGN_OR_RETURN(auto erasure, erasures.Approve(r.actor(), r.Param("id")));
                      return ApiResponse::Json(ErasureJson(erasure)).WithETag(erasure.version);
                  });
    approve.summary =
        "Approve an erasure (a second supervisor of the agency): the data key is destroyed and the survivor's "
        "records deleted";
    approve.tag = "erasure";
    approve.response = ErasureSchema();
    routes.push_back(std::move(approve));

    Route reject(Method::kPost, "/api/v1/erasures/{id}/reject", Capability::Of(Action::kDecideErasure),
                 [&erasures](ApiRequest& r) -> Result<ApiResponse> {
                     ONESTORY_ASSIGN_OR_RETURN(auto erasure, erasures.Reject(r.actor(), r.Param("id")));
                     return ApiResponse::Json(ErasureJson(erasure)).WithETag(erasure.version);
                 });
    reject.summary = "Reject an erasure request (or withdraw your own)";
    reject.tag = "erasure";
    reject.response = ErasureSchema();
    routes.push_back(std::move(reject));

    Route get(Method::kGet, "/api/v1/erasures/{id}", Capability::Of(Action::kListErasures),
              [&erasures](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto erasure, erasures.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(ErasureJson(erasure)).WithETag(erasure.version);
              });
    get.summary = "An erasure request or tombstone";
    get.tag = "erasure";
    get.response = ErasureSchema();
    routes.push_back(std::move(get));

    Route list(Method::kGet, "/api/v1/erasures", Capability::Of(Action::kListErasures),
               [&erasures](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   std::optional<domain::ErasureStatus> status;
                   if (const auto s = r.http.Query("status")) status = ParseEnum<domain::ErasureStatus>(*s);
                   ONESTORY_ASSIGN_OR_RETURN(auto result, erasures.List(r.actor(), page, status));
                   json::array items;
                   for (const auto& e : result.items) items.push_back(ErasureJson(e));
                   return ApiResponse::Json(ListBody(std::move(items), result.next));
               });
    list.summary = "Erasures of your agency, newest first (supervisors)";
    list.tag = "erasure";
    list.list = true;
    list.query = {{"status", Schema::EnumOf<domain::ErasureStatus>(), "only erasures in this status"}};
    list.response = ErasureSchema();
    routes.push_back(std::move(list));
}

}  // namespace onestory::api
