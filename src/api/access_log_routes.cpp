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

json::value EntryJson(const domain::AccessLogEntry& e) {
    json::object who{{"kind", e.who.kind},
                     {"id", e.who.id},
                     {"display_name", e.who.display_name},
                     {"agency_id", e.who.agency_id},
                     {"agency_name", e.who.agency_name},
                     {"roles", ToJsonArray(e.who.roles)}};
    json::object what{{"fields", ToJsonArray(e.what.fields)},
                      {"topics", ToJsonArray(e.what.topics)},
                      {"categories", ToJsonArray(e.what.categories)},
                      {"passages", e.what.passages ? json::value(*e.what.passages) : json::value(nullptr)}};
    return json::object{{"at", FormatInstant(e.at)}, {"who", std::move(who)},   {"action", e.action},
                        {"outcome", e.outcome},      {"what", std::move(what)}, {"purpose", e.purpose},
                        {"summary", e.summary}};
}

Schema EntrySchema() {
    return Schema::Object(
        {Required("at", Schema::DateTime()),
         Required("who",
                  Schema::Object({Required("kind", Schema::Enum({"staff", "survivor", "system", "anonymous"})),
                                  Required("id", Schema::String()), Required("display_name", Schema::String()),
                                  Required("agency_id", Schema::String()), Required("agency_name", Schema::String()),
                                  Required("roles", Schema::Array(Schema::String()))})),
         Required("action", Schema::String()), Required("outcome", Schema::Enum({"success", "denied", "failure"})),
         Required("what", Schema::Object({Required("fields", Schema::Array(Schema::String())),
                                          Required("topics", Schema::Array(Schema::String())),
                                          Required("categories", Schema::Array(Schema::String())),
                                          Required("passages", Schema::Integer().Nullable())})),
         Required("purpose", Schema::String()),
         Required("summary", Schema::String().Describe("the access in plain words"))});
}

}  // namespace

void AddAccessLogRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& access_log = services.access_log;
    Route log(Method::kGet, "/api/v1/survivors/{id}/access-log", Capability::Of(Action::kReadAccessLog),
              [&access_log](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                  std::optional<std::int64_t> before;
                  if (page.after) before = page.after->created_at;
                  ONESTORY_ASSIGN_OR_RETURN(auto result, access_log.Read(r.actor(), r.Param("id"), before, page.limit));
                  json::array items;
                  for (const auto& e : result.entries) items.push_back(EntryJson(e));
                  std::optional<store::PageCursor> next;
                  if (result.next_before_seq) next = store::PageCursor{*result.next_before_seq, "access-log"};
                  return ApiResponse::Json(ListBody(std::move(items), next));
              });
    log.summary =
        "Who accessed the survivor's record, newest first: when, who (name, role, agency), what, why, "
        "in plain words";
    log.tag = "access log";
    log.list = true;
    log.response = EntrySchema();
    routes.push_back(std::move(log));
}

}  // namespace onestory::api
