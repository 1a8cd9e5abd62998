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

json::value OptionalInstantJson(const std::optional<Instant>& t) {
    if (!t) return nullptr;
    return json::value(FormatInstant(*t));
}

json::value AlertJson(const domain::Alert& a) {
    return json::object{{"id", a.id},
                        {"kind", a.kind},
                        {"agency_id", a.agency_id},
                        {"audience", json::object{{"role", OptionalString(a.audience_role)},
                                                  {"staff_id", OptionalString(a.audience_staff_id)}}},
                        {"case_id", OptionalString(a.case_id)},
                        {"survivor_id", OptionalString(a.survivor_id)},
                        {"survivor_code_name", a.survivor_code_name},
                        {"subject_id", OptionalString(a.subject_id)},
                        {"subject_staff_id", OptionalString(a.subject_staff_id)},
                        {"subject_staff_name", a.subject_staff_name},
                        {"due_at", OptionalInstantJson(a.due_at)},
                        {"status", a.status},
                        {"created_at", FormatInstant(a.created_at)},
                        {"message", a.message},
                        {"reason", OptionalString(a.reason)},
                        {"acknowledged_at", OptionalInstantJson(a.acknowledged_at)},
                        {"acknowledged_by", OptionalString(a.acknowledged_by)},
                        {"version", a.version}};
}

Schema AlertSchema() {
    return Schema::Object(
               {Required("id", Schema::String()),
                Required("kind", Schema::String().Describe(
                                     "break_glass, commitment_overdue, referral_unanswered, referral_not_completed, "
                                     "safety_plan_review, hearing_not_notified, assessment_overdue; more may follow")),
                Required("agency_id", Schema::String()),
                Required("audience", Schema::Object({Required("role", Schema::String().Nullable()),
                                                     Required("staff_id", Schema::String().Nullable())})),
                Required("case_id", Schema::String().Nullable()), Required("survivor_id", Schema::String().Nullable()),
                Required("survivor_code_name", Schema::String()),
                Required("subject_id", Schema::String().Nullable().Describe("the record the alert is about")),
                Required("subject_staff_id", Schema::String().Nullable()),
                Required("subject_staff_name", Schema::String()), Required("due_at", Schema::DateTime().Nullable()),
                Required("status", Schema::Enum({"open", "acknowledged", "resolved"})),
                Required("created_at", Schema::DateTime()), Required("message", Schema::String()),
                Required("reason", Schema::String().Nullable().Describe("break glass: the reason given; protected")),
                Required("acknowledged_at", Schema::DateTime().Nullable()),
                Required("acknowledged_by", Schema::String().Nullable()), Required("version", Schema::Integer())})
        .Open();
}

}  // namespace

void AddAlertRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& alerts = services.alerts;

    Route breaking(Method::kPost, "/api/v1/cases/{id}/break-glass", Capability::Of(Action::kBreakGlass),
                   [&alerts](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(
                           auto grant, alerts.BreakGlass(r.actor(), r.Param("id"), GetString(r.Object(), "reason")));
                       return ApiResponse::Created(json::object{{"id", grant.id},
                                                                {"case_id", grant.case_id},
                                                                {"staff_id", grant.staff_id},
                                                                {"granted_at", FormatInstant(grant.granted_at)},
                                                                {"expires_at", FormatInstant(grant.expires_at)},
                                                                {"alert_id", grant.alert_id}},
                                                   "/api/v1/cases/" + grant.case_id);
                   });
    breaking.summary =
        "Emergency read access to a case for 60 minutes, outside the usual rules; needs a written reason, is "
        "audited, and alerts the owning agency's supervisors";
    breaking.tag = "alerts";
    breaking.success_status = 201;
    breaking.request = Schema::Object({Required(
        "reason", Schema::String().MinLength(20).MaxLength(2000).Describe("why, at least 20 characters; protected"))});
    breaking.response =
        Schema::Object({Required("id", Schema::String()), Required("case_id", Schema::String()),
                        Required("staff_id", Schema::String()), Required("granted_at", Schema::DateTime()),
                        Required("expires_at", Schema::DateTime()), Required("alert_id", Schema::String())});
    routes.push_back(std::move(breaking));

    Route list(Method::kGet, "/api/v1/alerts", Capability::Of(Action::kListAlerts),
               [&alerts](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, alerts.List(r.actor(), page));
                   json::array items;
                   for (const auto& a : result.items) items.push_back(AlertJson(a));
                   return ApiResponse::Json(ListBody(std::move(items), result.next));
               });
    list.summary =
        "Your open alerts, with the case and the due date: those addressed to you and to your roles in your agency "
        "(supervisors: every care-coordination alert of the agency). Overdue commitments, unanswered or unfinished "
        "referrals, safety plans past review, hearings within 14 days the survivor was not told of and overdue "
        "assessments are evaluated against the clock";
    list.tag = "alerts";
    list.list = true;
    list.response = AlertSchema();
    routes.push_back(std::move(list));

    Route acknowledge(Method::kPost, "/api/v1/alerts/{id}/acknowledge", Capability::Of(Action::kAcknowledgeAlert),
                      [&alerts](ApiRequest& r) -> Result<ApiResponse> {
                          ONESTORY_ASSIGN_OR_RETURN(auto alert, alerts.Acknowledge(r.actor(), r.Param("id")));
                          return ApiResponse::Json(AlertJson(alert)).WithETag(alert.version);
                      });
    acknowledge.summary =
        "Acknowledge an alert addressed to you or your role; it leaves the open list for good (409 when it is not "
        "open)";
    acknowledge.tag = "alerts";
    acknowledge.response = AlertSchema();
    routes.push_back(std::move(acknowledge));
}

}  // namespace onestory::api
