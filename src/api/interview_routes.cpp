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

namespace {

// A merge-patch member holding an instant or null.
domain::FieldPatch<Instant> InstantPatch(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_null()) return std::optional<Instant>();
    return GetOptInstant(o, key);
}

}  // namespace

void AddInterviewRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& interviews = services.interviews;

    Route plan(Method::kPost, "/api/v1/cases/{id}/interviews", Capability::Of(Action::kPlanInterview),
               [&interviews](ApiRequest& r) -> Result<ApiResponse> {
                   const auto& body = r.Object();
                   domain::NewInterview i;
                   i.purpose = *GetOptEnum<policy::Purpose>(body, "purpose");
                   i.topics = GetEnumList<policy::Topic>(body, "topics");
                   i.scheduled_at = *GetOptInstant(body, "scheduled_at");
                   i.venue_id = GetOptString(body, "venue_id");
                   i.interviewer_id = GetString(body, "interviewer_id");
                   i.accommodations = AccommodationsFrom(body.at("accommodations").as_object());
                   i.reask_reason = GetOptString(body, "reask_reason");
                   ONESTORY_ASSIGN_OR_RETURN(auto created, interviews.Plan(r.actor(), r.Param("id"), i));
                   return ApiResponse::Created(json::value_from(created), "/api/v1/interviews/" + created.id)
                       .WithETag(created.version);
               });
    plan.summary =
        "Plan an interview. Tell once: topics the survivor already confirmed are refused (409 "
        "topics_already_covered, with \"covered\") unless reask_reason says why they must be asked again";
    plan.tag = "interviews";
    plan.success_status = 201;
    plan.request = Schema::Object({
        Required("purpose", Schema::EnumOf<policy::Purpose>().Describe("why; shown to the survivor")),
        Required("topics", Schema::Array(Schema::EnumOf<policy::Topic>()).MinItems(1).MaxItems(10).UniqueItems()),
        Required("scheduled_at", Schema::DateTime()),
        Optional("venue_id", Schema::String().MinLength(1).MaxLength(64).Nullable()),
        Required("interviewer_id", Schema::String().MinLength(1).MaxLength(64)),
        Required("accommodations", AccommodationsSchema()),
        Optional("reask_reason", Schema::String().MinLength(1).MaxLength(4000).Nullable().Describe(
                                     "why topics already on record must be asked again; protected, audited")),
    });
    plan.response = InterviewSchema();
    routes.push_back(std::move(plan));

    Route list(Method::kGet, "/api/v1/cases/{id}/interviews", Capability::Of(Action::kListInterviews),
               [&interviews](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, interviews.List(r.actor(), r.Param("id"), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "The case's interviews, with the survivor's preferences and interview count";
    list.tag = "interviews";
    list.list = true;
    list.response = InterviewSchema();
    routes.push_back(std::move(list));

    Route case_coverage(Method::kGet, "/api/v1/cases/{id}/coverage", Capability::Of(Action::kListInterviews),
                        [&interviews](ApiRequest& r) -> Result<ApiResponse> {
                            ONESTORY_ASSIGN_OR_RETURN(auto coverage, interviews.CaseCoverage(r.actor(), r.Param("id")));
                            return ApiResponse::Json(json::value_from(coverage));
                        });
    case_coverage.summary =
        "Which topics of the survivor's statement are already on record (confirmed or corrected, in any agency)";
    case_coverage.tag = "interviews";
    case_coverage.response = CoverageSchema();
    routes.push_back(std::move(case_coverage));

    Route get(Method::kGet, "/api/v1/interviews/{id}", Capability::Of(Action::kReadInterview),
              [&interviews](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto interview, interviews.Get(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(interview)).WithETag(interview.version);
              });
    get.summary = "An interview";
    get.tag = "interviews";
    get.response = InterviewSchema();
    routes.push_back(std::move(get));

    Route patch(
        Method::kPatch, "/api/v1/interviews/{id}", Capability::Of(Action::kUpdateInterview),
        [&interviews](ApiRequest& r) -> Result<ApiResponse> {
            const auto& body = r.Object();
            domain::InterviewPatch p;
            p.topics_shared_at = InstantPatch(body, "topics_shared_at");
            p.survivor_acknowledged = GetOptBool(body, "survivor_acknowledged");
            p.started_at = InstantPatch(body, "started_at");
            p.ended_at = InstantPatch(body, "ended_at");
            p.debriefed_at = InstantPatch(body, "debriefed_at");
            if (const auto* notes = body.if_contains("debrief_notes")) {
                p.debrief_notes = notes->is_null() ? std::optional<std::string>()
                                                   : std::optional<std::string>(GetString(body, "debrief_notes"));
            }
            p.recording_sha256 = GetOptString(body, "recording_sha256");
            ONESTORY_ASSIGN_OR_RETURN(auto updated, interviews.Update(r.actor(), r.Param("id"), *r.if_match, p));
            return ApiResponse::Json(json::value_from(updated)).WithETag(updated.version);
        });
    patch.summary =
        "Record what happened: topics shared ahead, acknowledged, start, end, debrief, recording "
        "(JSON merge-patch; If-Match required)";
    patch.tag = "interviews";
    patch.requires_if_match = true;
    patch.request = Schema::Object({
        Optional("topics_shared_at", Schema::DateTime().Nullable().Describe("when the topics were given to the "
                                                                            "survivor ahead of time")),
        Optional("survivor_acknowledged", Schema::Boolean()),
        Optional("started_at", Schema::DateTime().Nullable()),
        Optional("ended_at", Schema::DateTime().Nullable()),
        Optional("debriefed_at", Schema::DateTime().Nullable()),
        Optional("debrief_notes", Schema::String().MinLength(1).MaxLength(4000).Nullable().Describe("protected")),
        Optional("recording_sha256", Schema::String().MinLength(64).MaxLength(64).Describe(
                                         "SHA-256 of the recording's media file; set once")),
    });
    patch.response = InterviewSchema();
    routes.push_back(std::move(patch));

    Route coverage(Method::kGet, "/api/v1/interviews/{id}/coverage", Capability::Of(Action::kReadInterview),
                   [&interviews](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto result, interviews.Coverage(r.actor(), r.Param("id")));
                       return ApiResponse::Json(json::value_from(result));
                   });
    coverage.summary = "Which of the interview's topics are already on record, with the passages, and which are new";
    coverage.tag = "interviews";
    coverage.response = CoverageSchema();
    routes.push_back(std::move(coverage));
}

}  // namespace onestory::api
