// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/impact_mapping.hpp"
#include "api/json_access.hpp"
#include "api/json_mapping.hpp"
#include "api/paging.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

void AddWellbeingRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& wellbeing = services.wellbeing;

    Route log(Method::kPost, "/api/v1/me/exposures", Capability::Of(Action::kOwnWellbeing),
              [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                  const auto& body = r.Object();
                  domain::NewExposure e;
                  e.on = *GetOptDate(body, "on");
                  e.minutes = GetInt(body, "minutes");
                  e.kind = *GetOptEnum<domain::ExposureKind>(body, "kind");
                  ONESTORY_ASSIGN_OR_RETURN(auto logged, wellbeing.LogExposure(r.actor(), e));
                  json::value out = json::value_from(logged.exposure);
                  out.as_object()["week_minutes"] = logged.week_minutes;
                  out.as_object()["nudge"] = logged.nudge ? json::value_from(*logged.nudge) : json::value(nullptr);
                  return ApiResponse::Created(std::move(out), "/api/v1/me/exposures");
              });
    log.summary =
        "Log time spent with traumatic material; a week past the setting without a debrief raises a private nudge";
    log.tag = "wellbeing";
    log.success_status = 201;
    log.request =
        Schema::Object({Required("on", Schema::Date()), Required("minutes", Schema::Integer().Minimum(1).Maximum(1440)),
                        Required("kind", Schema::EnumOf<domain::ExposureKind>())});
    log.response = ExposureSchema().Open().Describe("with week_minutes and the nudge it raised, if any");
    routes.push_back(std::move(log));

    Route exposures(Method::kGet, "/api/v1/me/exposures", Capability::Of(Action::kOwnWellbeing),
                    [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                        ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                        ONESTORY_ASSIGN_OR_RETURN(auto result, wellbeing.ListExposures(r.actor(), page));
                        return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
                    });
    exposures.summary = "Your own exposure log";
    exposures.tag = "wellbeing";
    exposures.list = true;
    exposures.response = ExposureSchema();
    routes.push_back(std::move(exposures));

    Route debrief(Method::kPost, "/api/v1/me/debriefs", Capability::Of(Action::kOwnWellbeing),
                  [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                      ONESTORY_ASSIGN_OR_RETURN(auto d, wellbeing.LogDebrief(r.actor(), *GetOptDate(r.Object(), "on")));
                      return ApiResponse::Created(json::object{{"id", d.id},
                                                               {"on", FormatDate(d.on)},
                                                               {"week", FormatDate(d.week)},
                                                               {"nudges_resolved", d.nudges_resolved}},
                                                  "/api/v1/me/debriefs");
                  });
    debrief.summary = "Log a debrief you had; it resolves that week's nudge";
    debrief.tag = "wellbeing";
    debrief.success_status = 201;
    debrief.request = Schema::Object({Required("on", Schema::Date())});
    debrief.response =
        Schema::Object({Required("id", Schema::String()), Required("on", Schema::Date()),
                        Required("week", Schema::Date()), Required("nudges_resolved", Schema::Integer())});
    routes.push_back(std::move(debrief));

    Route nudges(Method::kGet, "/api/v1/me/nudges", Capability::Of(Action::kOwnWellbeing),
                 [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                     ONESTORY_ASSIGN_OR_RETURN(auto items, wellbeing.ListNudges(r.actor()));
                     return ApiResponse::Json(ListBody(ToArray(items), std::nullopt));
                 });
    nudges.summary = "Your open nudges (only you see them)";
    nudges.tag = "wellbeing";
    nudges.list = true;
    nudges.response = NudgeSchema();
    routes.push_back(std::move(nudges));

    Route dismiss(Method::kPost, "/api/v1/me/nudges/{id}/dismiss", Capability::Of(Action::kOwnWellbeing),
                  [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                      ONESTORY_ASSIGN_OR_RETURN(auto nudge, wellbeing.DismissNudge(r.actor(), r.Param("id")));
                      return ApiResponse::Json(json::value_from(nudge));
                  });
    dismiss.summary = "Dismiss one of your nudges";
    dismiss.tag = "wellbeing";
    dismiss.response = NudgeSchema();
    routes.push_back(std::move(dismiss));

    Route instrument(Method::kGet, "/api/v1/me/checkins/instrument", Capability::Of(Action::kOwnWellbeing),
                     [&wellbeing](ApiRequest&) -> Result<ApiResponse> {
                         return ApiResponse::Json(InstrumentJson(wellbeing.Instrument()));
                     });
    instrument.summary = "The self-check in use: its items and scale";
    instrument.tag = "wellbeing";
    instrument.response = CheckinInstrumentSchema();
    routes.push_back(std::move(instrument));

    Route take(Method::kPost, "/api/v1/me/checkins", Capability::Of(Action::kOwnWellbeing),
               [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                   const auto& body = r.Object();
                   std::map<std::string, int> answers;
                   for (const auto& [id, value] : body.at("answers").as_object()) {
                       if (!value.is_int64())
                           return Status::Invalid("answers." + std::string(id), "must be a whole number");
                       answers[std::string(id)] = static_cast<int>(value.as_int64());
                   }
                   ONESTORY_ASSIGN_OR_RETURN(auto checkin,
                                             wellbeing.TakeCheckin(r.actor(), answers, GetOptString(body, "note")));
                   return ApiResponse::Created(json::value_from(checkin), "/api/v1/checkins/" + checkin.id);
               });
    take.summary = "Take a private check-in: answers to the instrument's items; only you will ever read it";
    take.tag = "wellbeing";
    take.success_status = 201;
    take.request =
        Schema::Object({Required("answers", Schema::Object({}).Open().Describe("item id to a point of the scale")),
                        Optional("note", Schema::String().MinLength(1).MaxLength(4000).Describe("protected"))});
    take.response = CheckinSchema();
    routes.push_back(std::move(take));

    Route history(Method::kGet, "/api/v1/me/checkins", Capability::Of(Action::kOwnWellbeing),
                  [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                      ONESTORY_ASSIGN_OR_RETURN(auto h, wellbeing.ListCheckins(r.actor()));
                      return ApiResponse::Json(CheckinHistoryJson(h));
                  });
    history.summary = "Your own check-ins, newest first, with your trend";
    history.tag = "wellbeing";
    history.response = CheckinHistorySchema();
    routes.push_back(std::move(history));

    Route one(Method::kGet, "/api/v1/checkins/{id}", Capability::Of(Action::kReadCheckin),
              [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto checkin, wellbeing.GetCheckin(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(checkin));
              });
    one.summary = "One check-in: to the person who took it, and to no one else";
    one.tag = "wellbeing";
    one.response = CheckinSchema();
    routes.push_back(std::move(one));

    Route summary(Method::kGet, "/api/v1/wellbeing/summary", Capability::Of(Action::kReadWellbeingSummary),
                  [&wellbeing](ApiRequest& r) -> Result<ApiResponse> {
                      std::optional<std::string> agency;
                      if (const auto a = r.http.Query("agency_id")) agency = std::string(*a);
                      std::optional<Date> from, to;
                      if (const auto f = r.http.Query("from")) from = ParseDate(*f);
                      if (const auto t = r.http.Query("to")) to = ParseDate(*t);
                      ONESTORY_ASSIGN_OR_RETURN(auto s, wellbeing.Summary(r.actor(), agency, from, to));
                      return ApiResponse::Json(WellbeingSummaryJson(s));
                  });
    summary.summary =
        "An agency's weekly exposure hours and share of staff who checked in, only over at least five staff "
        "(supervisors: their agency; administrators: any)";
    summary.tag = "wellbeing";
    summary.query = {{"agency_id", Schema::String().MinLength(1).MaxLength(64), "default: your agency"},
                     {"from", Schema::Date(), "default: eleven weeks before to"},
                     {"to", Schema::Date(), "default: today"}};
    summary.response = WellbeingSummarySchema();
    routes.push_back(std::move(summary));
}

}  // namespace onestory::api
