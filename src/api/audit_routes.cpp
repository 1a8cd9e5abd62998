// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <charconv>

#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/json_access.hpp"
#include "api/paging.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

namespace {

json::value EventJson(const audit::StoredAuditEvent& s) {
    const auto& e = s.event;
    return json::object{{"seq", s.seq},
                        {"id", s.id},
                        {"at", FormatInstant(s.at)},
                        {"actor_kind", e.actor_kind},
                        {"actor_id", e.actor_id},
                        {"actor_agency_id", e.actor_agency_id},
                        {"action", e.action},
                        {"outcome", e.outcome},
                        {"resource_kind", e.resource_kind},
                        {"resource_id", e.resource_id},
                        {"survivor_id", e.survivor_id},
                        {"case_id", e.case_id},
                        {"fields", ToJsonArray(e.fields)},
                        {"purpose", e.purpose},
                        {"reason", e.reason},
                        {"detail", e.detail}};
}

}  // namespace

void AddAuditRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& query_service = services.audit_query;
    Route list(Method::kGet, "/api/v1/audit", Capability::Of(Action::kReadAudit),
               [&query_service](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   domain::AuditQuery q;
                   q.limit = page.limit;
                   if (page.after) q.before_seq = page.after->created_at;
                   if (const auto s = r.http.Query("survivor_id")) q.survivor_id = std::string(*s);
                   if (const auto c = r.http.Query("case_id")) q.case_id = std::string(*c);
                   ONESTORY_ASSIGN_OR_RETURN(auto result, query_service.List(r.actor(), q));
                   json::array items;
                   for (const auto& e : result.events) items.push_back(EventJson(e));
                   std::optional<store::PageCursor> next;
                   if (result.next_before_seq) next = store::PageCursor{*result.next_before_seq, "audit"};
                   return ApiResponse::Json(ListBody(std::move(items), next));
               });
    list.summary = "Audit events, newest first (administrators: all; supervisors: their agency's staff)";
    list.tag = "audit";
    list.list = true;
    list.query = {{"survivor_id", Schema::String().MaxLength(64), "events about this survivor"},
                  {"case_id", Schema::String().MaxLength(64), "events about this case"}};
    list.response =
        Schema::Object({Required("seq", Schema::Integer()), Required("id", Schema::String()),
                        Required("at", Schema::DateTime()), Required("actor_kind", Schema::String()),
                        Required("actor_id", Schema::String()), Required("actor_agency_id", Schema::String()),
                        Required("action", Schema::String()), Required("outcome", Schema::String()),
                        Required("resource_kind", Schema::String()), Required("resource_id", Schema::String()),
                        Required("survivor_id", Schema::String()), Required("case_id", Schema::String()),
                        Required("fields", Schema::Array(Schema::String())), Required("purpose", Schema::String()),
                        Required("reason", Schema::String()), Required("detail", Schema::String())});
    routes.push_back(std::move(list));
}

}  // namespace onestory::api
