// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/trainings/training_service.hpp"

#include <algorithm>
#include <cmath>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/vocabulary.hpp"
#include "store/account_rows.hpp"
#include "store/training_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;

bool IsPlainText(std::string_view text, std::size_t max) {
    return !text.empty() && text.size() <= max && IsValidUtf8(text);
}

Course CourseFrom(const store::CourseRow& r) {
    Course c;
    c.id = r.id;
    c.agency_id = r.agency_id;
    c.title = r.title;
    c.curriculum = r.curriculum;
    c.hours = static_cast<double>(r.minutes) / 60.0;
    c.topics = SplitList(r.topics);
    if (r.valid_months) c.valid_months = static_cast<int>(*r.valid_months);
    c.created_by = r.created_by;
    c.created_at = FromMicros(r.created_at);
    c.updated_at = FromMicros(r.updated_at);
    c.version = r.version;
    return c;
}

TrainingSession SessionFrom(const store::TrainingSessionRow& r) {
    TrainingSession s;
    s.id = r.id;
    s.course_id = r.course_id;
    s.agency_id = r.agency_id;
    s.held_on = ParseDate(r.held_on).value_or(Date{});
    s.place = r.place;
    s.country = r.country;
    s.trainer = r.trainer;
    s.trainer_staff_id = r.trainer_staff_id;
    s.created_by = r.created_by;
    s.created_at = FromMicros(r.created_at);
    s.version = r.version;
    return s;
}

std::optional<Date> DateOrNull(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return ParseDate(*text);
}

std::optional<std::string> TextOrNull(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return FormatDate(*d);
}

Participant ParticipantFrom(const store::ParticipantRow& r, Date today) {
    Participant p;
    p.id = r.id;
    p.session_id = r.session_id;
    p.course_id = r.course_id;
    p.held_on = ParseDate(r.held_on).value_or(Date{});
    p.name = r.name;
    p.profession = ParseEnum<Profession>(r.profession).value_or(Profession::kOther);
    p.agency_id = r.agency_id;
    p.agency_name = r.agency_name;
    p.country = r.country;
    p.staff_id = r.staff_id;
    p.completed = r.completed;
    p.completed_on = DateOrNull(r.completed_on);
    p.certificate_id = r.certificate_id;
    p.expires_on = DateOrNull(r.expires_on);
    p.valid = p.completed && (!p.expires_on || *p.expires_on > today);
    p.created_at = FromMicros(r.created_at);
    p.updated_at = FromMicros(r.updated_at);
    p.version = r.version;
    return p;
}

Date AddMonths(Date d, int months) {
    std::chrono::year_month_day moved = d + std::chrono::months(months);
    if (!moved.ok()) moved = moved.year() / moved.month() / std::chrono::last;
    return moved;
}

std::string NewCertificateId(Date day) {
    std::string token = crypto::RandomToken().substr(0, 10);
    for (auto& c : token) {
        if (c == '-' || c == '_') c = 'X';
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return "OS-" + std::to_string(static_cast<int>(day.year())) + "-" + token;
}

Status ValidateCompletion(const store::ParticipantRow& row) {
    if (!row.completed && (row.completed_on || row.certificate_id || row.expires_on)) {
        return Status::Invalid("completed", "a completion date, certificate or expiry needs completed: true");
    }
    if (row.completed_on && *row.completed_on < row.held_on) {
        return Status::Invalid("completed_on", "must not be before the session");
    }
    if (row.expires_on && row.completed_on && *row.expires_on <= *row.completed_on) {
        return Status::Invalid("expires_on", "must be after completed_on");
    }
    if (row.certificate_id && !IsPlainText(*row.certificate_id, 100)) {
        return Status::Invalid("certificate_id", "must be 1 to 100 bytes");
    }
    return Status::Ok();
}

audit::AuditEvent TrainingEvent(const policy::Actor& actor, std::string action, std::string kind, std::string id,
                                const std::string& reason) {
    audit::AuditEvent e = EventBy(actor, std::move(action), "success");
    e.resource_kind = std::move(kind);
    e.resource_id = std::move(id);
    e.reason = reason;
    return e;
}

}  // namespace

Result<Course> TrainingService::CreateCourse(const policy::Actor& actor, const NewCourse& in) {
    policy::Resource resource;
    resource.owning_agency_id = in.agency_id.value_or(actor.agency_id);
    const auto decision = policy::Decide(actor, Action::kManageTrainings, resource, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "training.create", "training", "");
    if (!IsPlainText(in.title, 200)) return Status::Invalid("title", "must be 1 to 200 bytes");
    if (!IsPlainText(in.curriculum, 20000)) return Status::Invalid("curriculum", "must be 1 to 20000 bytes");
    if (!(in.hours > 0) || in.hours > 10000) return Status::Invalid("hours", "must be more than 0 and at most 10000");
    for (const auto& t : in.topics) {
        if (!IsPlainText(t, 60) || t.find(',') != std::string::npos) {
            return Status::Invalid("topics", "each topic is 1 to 60 bytes without commas");
        }
    }
    if (in.valid_months && (*in.valid_months < 1 || *in.valid_months > 240)) {
        return Status::Invalid("valid_months", "must be from 1 to 240");
    }
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    store::CourseRow row;
    row.id = crypto::NewIdString("tr");
    row.agency_id = resource.owning_agency_id;
    row.title = in.title;
    row.curriculum = in.curriculum;
    row.minutes = static_cast<std::int64_t>(std::llround(in.hours * 60.0));
    row.topics = JoinList(in.topics);
    if (in.valid_months) row.valid_months = *in.valid_months;
    row.created_by = actor.id;
    row.created_at = row.updated_at = now;
    const auto event = TrainingEvent(actor, "training.create", "training", row.id, decision.reason);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, row.agency_id));
        if (!agency) return Status::Invalid("agency_id", "no such agency");
        ONESTORY_RETURN_IF_ERROR(store::InsertCourse(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return CourseFrom(row);
}

Result<store::Page<Course>> TrainingService::ListCourses(const policy::Actor& actor, const store::PageRequest& page) {
    const auto decision = policy::Decide(actor, Action::kListTrainings, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "training.list", "training", "");
    store::Page<Course> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListCourses(tx, page));
        out.items.clear();
        for (const auto& r : rows.items) out.items.push_back(CourseFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<Course> TrainingService::GetCourse(const policy::Actor& actor, std::string_view id) {
    const auto decision = policy::Decide(actor, Action::kListTrainings, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "training.read", "training", std::string(id));
    std::optional<store::CourseRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetCourse(tx, id));
        return Status::Ok();
    }));
    if (!row) return Status::NotFound("no such training");
    return CourseFrom(*row);
}

Result<TrainingSession> TrainingService::CreateSession(const policy::Actor& actor, std::string_view course_id,
                                                       const NewTrainingSession& in) {
    std::optional<store::CourseRow> course;
    std::optional<store::StaffRow> trainer;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(course, store::GetCourse(tx, course_id));
        if (in.trainer_staff_id) {
            ONESTORY_ASSIGN_OR_RETURN(trainer, store::GetStaff(tx, *in.trainer_staff_id));
        }
        return Status::Ok();
    }));
    if (!course) return Status::NotFound("no such training");
    policy::Resource resource;
    resource.owning_agency_id = course->agency_id;
    const auto decision = policy::Decide(actor, Action::kManageTrainings, resource, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "training_session.create", "training", course->id);
    if (in.trainer_staff_id && !trainer) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such staff member", "trainer_staff_id");
    }
    const std::string trainer_name = in.trainer.value_or(trainer ? trainer->display_name : std::string());
    if (!IsPlainText(trainer_name, 200)) {
        return Status::Invalid("trainer", "name the trainer (1 to 200 bytes), or give trainer_staff_id");
    }
    if (!IsPlainText(in.place, 200)) return Status::Invalid("place", "must be 1 to 200 bytes");
    if (!IsCountryCode(in.country)) return Status::Invalid("country", "must be an ISO 3166-1 alpha-2 code");
    store::TrainingSessionRow row;
    row.id = crypto::NewIdString("ts");
    row.course_id = course->id;
    row.agency_id = course->agency_id;
    row.held_on = FormatDate(in.held_on);
    row.place = in.place;
    row.country = in.country;
    row.trainer = trainer_name;
    row.trainer_staff_id = in.trainer_staff_id;
    row.created_by = actor.id;
    row.created_at = ToMicros(ctx_.clock.Now());
    auto event = TrainingEvent(actor, "training_session.create", "training_session", row.id, decision.reason);
    event.detail = "training=" + course->id;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertTrainingSession(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return SessionFrom(row);
}

Result<store::Page<TrainingSession>> TrainingService::ListSessions(const policy::Actor& actor,
                                                                   std::string_view course_id,
                                                                   const store::PageRequest& page) {
    const auto decision = policy::Decide(actor, Action::kListTrainings, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "training_session.list", "training", "");
    std::optional<store::CourseRow> course;
    store::Page<TrainingSession> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(course, store::GetCourse(tx, course_id));
        if (!course) return Status::NotFound("no such training");
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListSessionsOfCourse(tx, course_id, page));
        out.items.clear();
        for (const auto& r : rows.items) out.items.push_back(SessionFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<Participant> TrainingService::AddParticipant(const policy::Actor& actor, std::string_view session_id,
                                                    const NewParticipant& in) {
    std::optional<store::TrainingSessionRow> session;
    std::optional<store::CourseRow> course;
    std::optional<store::StaffRow> staff;
    std::optional<store::AgencyRow> agency;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(session, store::GetTrainingSession(tx, session_id));
        if (!session) return Status::NotFound("no such training session");
        ONESTORY_ASSIGN_OR_RETURN(course, store::GetCourse(tx, session->course_id));
        if (in.staff_id) {
            ONESTORY_ASSIGN_OR_RETURN(staff, store::GetStaff(tx, *in.staff_id));
        }
        const std::optional<std::string> agency_id = in.agency_id ? in.agency_id
                                                     : staff      ? std::optional<std::string>(staff->agency_id)
                                                                  : std::nullopt;
        if (agency_id) {
            ONESTORY_ASSIGN_OR_RETURN(agency, store::GetAgency(tx, *agency_id));
        }
        return Status::Ok();
    }));
    policy::Resource resource;
    resource.owning_agency_id = session->agency_id;
    const auto decision = policy::Decide(actor, Action::kManageTrainings, resource, {});
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "training_participant.create", "training_session", session->id);
    }
    if (in.staff_id && !staff) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such staff member", "staff_id");
    }
    if (in.agency_id && !agency) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such agency", "agency_id");
    }
    store::ParticipantRow row;
    row.id = crypto::NewIdString("tp");
    row.session_id = session->id;
    row.course_id = session->course_id;
    row.held_on = session->held_on;
    row.name = in.name.value_or(staff ? staff->display_name : std::string());
    if (!IsPlainText(row.name, 200)) return Status::Invalid("name", "must be 1 to 200 bytes (or give staff_id)");
    row.profession = std::string(NameOf(in.profession));
    if (agency) row.agency_id = agency->id;
    row.agency_name = in.agency_name.value_or(agency ? agency->name : std::string());
    if (!IsPlainText(row.agency_name, 200)) {
        return Status::Invalid("agency_name", "name the participant's agency (or give agency_id)");
    }
    row.country = in.country.value_or(agency ? agency->country : std::string());
    if (!IsCountryCode(row.country)) return Status::Invalid("country", "must be an ISO 3166-1 alpha-2 code");
    row.staff_id = in.staff_id;
    const Date held = ParseDate(session->held_on).value_or(Date{});
    row.completed = in.completed;
    if (in.completed) {
        const Date completed_on = in.completed_on.value_or(held);
        row.completed_on = FormatDate(completed_on);
        row.certificate_id = in.certificate_id.value_or(NewCertificateId(completed_on));
        if (in.expires_on) {
            row.expires_on = FormatDate(*in.expires_on);
        } else if (course && course->valid_months) {
            row.expires_on = FormatDate(AddMonths(completed_on, static_cast<int>(*course->valid_months)));
        }
    } else {
        row.completed_on = TextOrNull(in.completed_on);
        row.certificate_id = in.certificate_id;
        row.expires_on = TextOrNull(in.expires_on);
    }
    ONESTORY_RETURN_IF_ERROR(ValidateCompletion(row));
    row.created_by = actor.id;
    row.created_at = row.updated_at = ToMicros(ctx_.clock.Now());
    auto event = TrainingEvent(actor, "training_participant.create", "training_participant", row.id, decision.reason);
    event.detail = "session=" + row.session_id + (row.staff_id ? " staff=" + *row.staff_id : std::string()) +
                   " completed=" + (row.completed ? "true" : "false");
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertParticipant(tx, row));
        return ctx_.audit.Append(tx, event);
    });
    if (written.reason() == "duplicate") {
        return Status(StatusCode::kConflict, "duplicate", "this certificate id is already recorded", "certificate_id");
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return ParticipantFrom(row, DateOf(ctx_.clock.Now()));
}

Result<store::Page<Participant>> TrainingService::ListParticipants(const policy::Actor& actor,
                                                                   std::string_view session_id,
                                                                   const store::PageRequest& page) {
    std::optional<store::TrainingSessionRow> session;
    store::Page<store::ParticipantRow> rows;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(session, store::GetTrainingSession(tx, session_id));
        if (!session) return Status::NotFound("no such training session");
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListParticipantsOfSession(tx, session_id, page));
        return Status::Ok();
    }));
    policy::Resource resource;
    resource.owning_agency_id = session->agency_id;
    const auto decision = policy::Decide(actor, Action::kListTrainingParticipants, resource, {});
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "training_participant.list", "training_session", session->id);
    }
    const Date today = DateOf(ctx_.clock.Now());
    store::Page<Participant> out;
    for (const auto& r : rows.items) out.items.push_back(ParticipantFrom(r, today));
    out.next = rows.next;
    return out;
}

Result<Participant> TrainingService::UpdateParticipant(const policy::Actor& actor, std::string_view id,
                                                       std::int64_t expected_version, const ParticipantPatch& patch) {
    const Instant now = ctx_.clock.Now();
    std::optional<store::ParticipantRow> found;
    std::optional<policy::Decision> refused;
    store::ParticipantRow row;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(found, store::GetParticipant(tx, id));
        if (!found) return Status::NotFound("no such participant");
        ONESTORY_ASSIGN_OR_RETURN(auto session, store::GetTrainingSession(tx, found->session_id));
        policy::Resource resource;
        resource.owning_agency_id = session ? session->agency_id : "";
        const auto decision = policy::Decide(actor, Action::kManageTrainings, resource, {});
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        if (found->version != expected_version) return StaleVersion("this participation");
        row = *found;
        ONESTORY_ASSIGN_OR_RETURN(auto course, store::GetCourse(tx, row.course_id));
        std::vector<std::string> changed;
        if (patch.completed) {
            row.completed = *patch.completed;
            changed.emplace_back("completed");
        }
        if (patch.completed_on) {
            row.completed_on = TextOrNull(*patch.completed_on);
            changed.emplace_back("completed_on");
        }
        if (patch.certificate_id) {
            row.certificate_id = *patch.certificate_id;
            changed.emplace_back("certificate_id");
        }
        if (patch.expires_on) {
            row.expires_on = TextOrNull(*patch.expires_on);
            changed.emplace_back("expires_on");
        }
        if (row.completed && !found->completed) {
            // Newly completed: the same defaults as at creation, where not given.
            const Date completed_on = ParseDate(row.completed_on.value_or(row.held_on)).value_or(Date{});
            if (!row.completed_on) row.completed_on = FormatDate(completed_on);
            if (!row.certificate_id && !patch.certificate_id) row.certificate_id = NewCertificateId(completed_on);
            if (!row.expires_on && !patch.expires_on && course && course->valid_months) {
                row.expires_on = FormatDate(AddMonths(completed_on, static_cast<int>(*course->valid_months)));
            }
        }
        if (!row.completed && patch.completed && !*patch.completed) {
            row.completed_on.reset();
            row.certificate_id.reset();
            row.expires_on.reset();
        }
        ONESTORY_RETURN_IF_ERROR(ValidateCompletion(row));
        row.updated_at = ToMicros(now);
        row.version = expected_version + 1;
        ONESTORY_ASSIGN_OR_RETURN(auto count, store::UpdateParticipant(tx, row));
        if (count != 1) return StaleVersion("this participation");
        auto event =
            TrainingEvent(actor, "training_participant.update", "training_participant", row.id, decision.reason);
        event.fields = changed;
        event.detail = "version=" + std::to_string(row.version);
        return ctx_.audit.Append(tx, event);
    });
    if (refused) {
        return Refuse(ctx_, actor, *refused, "training_participant.update", "training_participant", found->id);
    }
    if (written.reason() == "duplicate") {
        return Status(StatusCode::kConflict, "duplicate", "this certificate id is already recorded", "certificate_id");
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return ParticipantFrom(row, DateOf(now));
}

Result<std::vector<StaffTraining>> TrainingService::TrainingsOfStaff(const policy::Actor& actor,
                                                                     std::string_view staff_id) {
    std::optional<store::StaffRow> staff;
    std::vector<store::StaffTrainingRow> rows;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(staff, store::GetStaff(tx, staff_id));
        if (!staff) return Status::NotFound("no such staff member");
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListTrainingsOfStaff(tx, staff_id));
        return Status::Ok();
    }));
    policy::Resource resource;
    resource.owning_agency_id = staff->agency_id;
    resource.subject_staff_id = staff->id;
    const auto decision = policy::Decide(actor, Action::kReadStaffTrainings, resource, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "staff.trainings", "staff", staff->id);
    const Date today = DateOf(ctx_.clock.Now());
    std::vector<StaffTraining> out;
    for (const auto& r : rows) out.push_back({ParticipantFrom(r.participant, today), r.course_title});
    return out;
}

Result<TrainingGateFacts> LoadTrainingGate(store::Transaction& tx, const std::optional<std::string>& required_course_id,
                                           std::string_view staff_id, Date today) {
    TrainingGateFacts facts;
    if (!required_course_id) return facts;
    ONESTORY_ASSIGN_OR_RETURN(auto course, store::GetCourse(tx, *required_course_id));
    facts.required = policy::TrainingRequirement{*required_course_id, course ? course->title : *required_course_id};
    ONESTORY_ASSIGN_OR_RETURN(facts.valid_course_ids,
                              store::ListValidCourseIdsOfStaff(tx, staff_id, FormatDate(today)));
    return facts;
}

}  // namespace onestory::domain
