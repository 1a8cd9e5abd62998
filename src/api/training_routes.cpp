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

namespace {

domain::FieldPatch<Date> DatePatch(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_null()) return std::optional<Date>();
    return GetOptDate(o, key);
}

}  // namespace

void AddTrainingRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& trainings = services.trainings;

    Route list(Method::kGet, "/api/v1/trainings", Capability::Of(Action::kListTrainings),
               [&trainings](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                   ONESTORY_ASSIGN_OR_RETURN(auto result, trainings.ListCourses(r.actor(), page));
                   return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
               });
    list.summary = "The training courses of every agency";
    list.tag = "trainings";
    list.list = true;
    list.response = CourseSchema();
    routes.push_back(std::move(list));

    Route create(Method::kPost, "/api/v1/trainings", Capability::Of(Action::kManageTrainings),
                 [&trainings](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::NewCourse c;
                     c.agency_id = GetOptString(body, "agency_id");
                     c.title = GetString(body, "title");
                     c.curriculum = GetString(body, "curriculum");
                     c.hours = body.at("hours").to_number<double>();
                     if (Has(body, "topics")) c.topics = GetStringList(body, "topics");
                     if (const auto m = GetOptInt(body, "valid_months")) c.valid_months = static_cast<int>(*m);
                     ONESTORY_ASSIGN_OR_RETURN(auto created, trainings.CreateCourse(r.actor(), c));
                     return ApiResponse::Created(json::value_from(created), "/api/v1/trainings/" + created.id)
                         .WithETag(created.version);
                 });
    create.summary = "Register a training course (trainers of the agency, administrators)";
    create.tag = "trainings";
    create.success_status = 201;
    create.request = Schema::Object({
        Optional("agency_id", Schema::String().MinLength(1).MaxLength(64).Describe("default: your agency")),
        Required("title", Schema::String().MinLength(1).MaxLength(200)),
        Required("curriculum", Schema::String().MinLength(1).MaxLength(20000)),
        Required("hours", Schema::Number().Describe("more than 0")),
        Optional("topics", Schema::Array(Schema::String().MinLength(1).MaxLength(60)).MaxItems(50).UniqueItems()),
        Optional("valid_months", Schema::Integer().Minimum(1).Maximum(240).Nullable().Describe(
                                     "a completion expires this many months after it; absent: never")),
    });
    create.response = CourseSchema();
    routes.push_back(std::move(create));

    Route get(Method::kGet, "/api/v1/trainings/{id}", Capability::Of(Action::kListTrainings),
              [&trainings](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto course, trainings.GetCourse(r.actor(), r.Param("id")));
                  return ApiResponse::Json(json::value_from(course)).WithETag(course.version);
              });
    get.summary = "A training course";
    get.tag = "trainings";
    get.response = CourseSchema();
    routes.push_back(std::move(get));

    Route sessions(Method::kGet, "/api/v1/trainings/{id}/sessions", Capability::Of(Action::kListTrainings),
                   [&trainings](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                       ONESTORY_ASSIGN_OR_RETURN(auto result, trainings.ListSessions(r.actor(), r.Param("id"), page));
                       return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
                   });
    sessions.summary = "The sessions of a training course";
    sessions.tag = "trainings";
    sessions.list = true;
    sessions.response = TrainingSessionSchema();
    routes.push_back(std::move(sessions));

    Route add_session(Method::kPost, "/api/v1/trainings/{id}/sessions", Capability::Of(Action::kManageTrainings),
                      [&trainings](ApiRequest& r) -> Result<ApiResponse> {
                          const auto& body = r.Object();
                          domain::NewTrainingSession s;
                          s.held_on = *GetOptDate(body, "date");
                          s.place = GetString(body, "place");
                          s.country = GetString(body, "country");
                          s.trainer = GetOptString(body, "trainer");
                          s.trainer_staff_id = GetOptString(body, "trainer_staff_id");
                          ONESTORY_ASSIGN_OR_RETURN(auto created, trainings.CreateSession(r.actor(), r.Param("id"), s));
                          return ApiResponse::Created(json::value_from(created),
                                                      "/api/v1/sessions/" + created.id + "/participants")
                              .WithETag(created.version);
                      });
    add_session.summary = "Record a session of a training course";
    add_session.tag = "trainings";
    add_session.success_status = 201;
    add_session.request = Schema::Object({
        Required("date", Schema::Date()),
        Required("place", Schema::String().MinLength(1).MaxLength(200)),
        Required("country", Schema::String().MinLength(2).MaxLength(2)),
        Optional("trainer", Schema::String().MinLength(1).MaxLength(200).Describe("the trainer's name")),
        Optional("trainer_staff_id", Schema::String().MinLength(1).MaxLength(64)),
    });
    add_session.response = TrainingSessionSchema();
    routes.push_back(std::move(add_session));

    Route participants(
        Method::kGet, "/api/v1/sessions/{id}/participants", Capability::Of(Action::kListTrainingParticipants),
        [&trainings](ApiRequest& r) -> Result<ApiResponse> {
            ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
            ONESTORY_ASSIGN_OR_RETURN(auto result, trainings.ListParticipants(r.actor(), r.Param("id"), page));
            return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
        });
    participants.summary = "Who took part in a session (the running agency's trainers and supervisors)";
    participants.tag = "trainings";
    participants.list = true;
    participants.response = ParticipantSchema();
    routes.push_back(std::move(participants));

    Route add_participant(
        Method::kPost, "/api/v1/sessions/{id}/participants", Capability::Of(Action::kManageTrainings),
        [&trainings](ApiRequest& r) -> Result<ApiResponse> {
            const auto& body = r.Object();
            domain::NewParticipant p;
            p.name = GetOptString(body, "name");
            p.profession = *GetOptEnum<domain::Profession>(body, "profession");
            p.agency_id = GetOptString(body, "agency_id");
            p.agency_name = GetOptString(body, "agency_name");
            p.country = GetOptString(body, "country");
            p.staff_id = GetOptString(body, "staff_id");
            p.completed = GetOptBool(body, "completed").value_or(false);
            p.completed_on = GetOptDate(body, "completed_on");
            p.certificate_id = GetOptString(body, "certificate_id");
            p.expires_on = GetOptDate(body, "expires");
            ONESTORY_ASSIGN_OR_RETURN(auto created, trainings.AddParticipant(r.actor(), r.Param("id"), p));
            return ApiResponse::Created(json::value_from(created), "/api/v1/participants/" + created.id)
                .WithETag(created.version);
        });
    add_participant.summary =
        "Record a participant; with staff_id (a onestory user) the completion attaches to their staff record";
    add_participant.tag = "trainings";
    add_participant.success_status = 201;
    add_participant.request = Schema::Object({
        Optional("name", Schema::String().MinLength(1).MaxLength(200).Describe("default: the staff member's name")),
        Required("profession", Schema::EnumOf<domain::Profession>()),
        Optional("agency_id", Schema::String().MinLength(1).MaxLength(64)),
        Optional("agency_name", Schema::String().MinLength(1).MaxLength(200).Describe(
                                    "an agency outside onestory; default: agency_id's name")),
        Optional("country", Schema::String().MinLength(2).MaxLength(2).Describe("default: the agency's country")),
        Optional("staff_id", Schema::String().MinLength(1).MaxLength(64)),
        Optional("completed", Schema::Boolean()),
        Optional("completed_on", Schema::Date().Describe("default: the session's date")),
        Optional("certificate_id", Schema::String().MinLength(1).MaxLength(100).Describe("issued when absent")),
        Optional("expires", Schema::Date().Describe("default: completed_on plus the course's valid_months")),
    });
    add_participant.response = ParticipantSchema();
    routes.push_back(std::move(add_participant));

    Route update_participant(
        Method::kPatch, "/api/v1/participants/{id}", Capability::Of(Action::kManageTrainings),
        [&trainings](ApiRequest& r) -> Result<ApiResponse> {
            const auto& body = r.Object();
            domain::ParticipantPatch p;
            p.completed = GetOptBool(body, "completed");
            p.completed_on = DatePatch(body, "completed_on");
            if (const auto* cert = body.if_contains("certificate_id")) {
                p.certificate_id = cert->is_null() ? std::optional<std::string>()
                                                   : std::optional<std::string>(GetString(body, "certificate_id"));
            }
            p.expires_on = DatePatch(body, "expires");
            ONESTORY_ASSIGN_OR_RETURN(auto updated,
                                      trainings.UpdateParticipant(r.actor(), r.Param("id"), *r.if_match, p));
            return ApiResponse::Json(json::value_from(updated)).WithETag(updated.version);
        });
    update_participant.summary = "Record a completion, certificate or expiry (JSON merge-patch; If-Match required)";
    update_participant.tag = "trainings";
    update_participant.requires_if_match = true;
    update_participant.request =
        Schema::Object({Optional("completed", Schema::Boolean()), Optional("completed_on", Schema::Date().Nullable()),
                        Optional("certificate_id", Schema::String().MinLength(1).MaxLength(100).Nullable()),
                        Optional("expires", Schema::Date().Nullable())});
    update_participant.response = ParticipantSchema();
    routes.push_back(std::move(update_participant));

    Route of_staff(Method::kGet, "/api/v1/staff/{id}/trainings", Capability::Of(Action::kReadStaffTrainings),
                   [&trainings](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto items, trainings.TrainingsOfStaff(r.actor(), r.Param("id")));
                       return ApiResponse::Json(ListBody(ToArray(items), std::nullopt));
                   });
    of_staff.summary =
        "The trainings attached to a staff record, with whether each is valid today (the person, their agency's "
        "supervisors and trainers, administrators)";
    of_staff.tag = "trainings";
    of_staff.list = true;
    of_staff.response = StaffTrainingSchema();
    routes.push_back(std::move(of_staff));
}

}  // namespace onestory::api
