// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/training_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_COURSE_COLUMNS \
    "id, agency_id, title, curriculum, minutes, topics, valid_months, created_by, created_at, updated_at, version"
#define ONESTORY_SESSION_COLUMNS \
    "id, course_id, agency_id, held_on, place, country, trainer, trainer_staff_id, created_by, created_at, version"
#define ONESTORY_PARTICIPANT_COLUMNS                                                                               \
    "id, session_id, course_id, held_on, name, profession, agency_id, agency_name, country, staff_id, completed, " \
    "completed_on, certificate_id, expires_on, created_by, created_at, updated_at, version"

constexpr std::string_view kInsertCourse =
    "INSERT INTO training_courses (" ONESTORY_COURSE_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kSelectCourse = "SELECT " ONESTORY_COURSE_COLUMNS " FROM training_courses WHERE id = $1";
constexpr std::string_view kListCourses = "SELECT " ONESTORY_COURSE_COLUMNS
                                          " FROM training_courses "
                                          "WHERE ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                          "ORDER BY created_at DESC, id DESC LIMIT $4";

constexpr std::string_view kInsertSession = "INSERT INTO training_sessions (" ONESTORY_SESSION_COLUMNS
                                            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kSelectSession = "SELECT " ONESTORY_SESSION_COLUMNS " FROM training_sessions WHERE id = $1";
constexpr std::string_view kListSessions = "SELECT " ONESTORY_SESSION_COLUMNS
                                           " FROM training_sessions WHERE course_id = $4 "
                                           "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                           "ORDER BY created_at DESC, id DESC LIMIT $5";

constexpr std::string_view kInsertParticipant =
    "INSERT INTO training_participants (" ONESTORY_PARTICIPANT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";
constexpr std::string_view kSelectParticipant =
    "SELECT " ONESTORY_PARTICIPANT_COLUMNS " FROM training_participants WHERE id = $1";
constexpr std::string_view kListParticipants = "SELECT " ONESTORY_PARTICIPANT_COLUMNS
                                               " FROM training_participants WHERE session_id = $4 "
                                               "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                               "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kUpdateParticipant =
    "UPDATE training_participants SET completed = $2, completed_on = $3, certificate_id = $4, expires_on = $5, "
    "updated_at = $6, version = $7 WHERE id = $1 AND version = $7 - 1";
constexpr std::string_view kTrainingsOfStaff =
    "SELECT p.id, p.session_id, p.course_id, p.held_on, p.name, p.profession, p.agency_id, p.agency_name, "
    "p.country, p.staff_id, p.completed, p.completed_on, p.certificate_id, p.expires_on, p.created_by, "
    "p.created_at, p.updated_at, p.version, c.title "
    "FROM training_participants p JOIN training_courses c ON c.id = p.course_id "
    "WHERE p.staff_id = $1 ORDER BY p.held_on DESC, p.id DESC";
constexpr std::string_view kValidCourses =
    "SELECT DISTINCT course_id FROM training_participants "
    "WHERE staff_id = $1 AND completed = 1 AND (expires_on IS NULL OR expires_on > $2) ORDER BY course_id";
#undef ONESTORY_COURSE_COLUMNS
#undef ONESTORY_SESSION_COLUMNS
#undef ONESTORY_PARTICIPANT_COLUMNS

CourseRow CourseFrom(const Row& r) {
    CourseRow c;
    c.id = r[0].AsText();
    c.agency_id = r[1].AsText();
    c.title = r[2].AsText();
    c.curriculum = r[3].AsText();
    c.minutes = r[4].AsInt();
    c.topics = r[5].AsText();
    c.valid_months = r[6].AsOptionalInt();
    c.created_by = r[7].AsText();
    c.created_at = r[8].AsInt();
    c.updated_at = r[9].AsInt();
    c.version = r[10].AsInt();
    return c;
}

TrainingSessionRow SessionFrom(const Row& r) {
    TrainingSessionRow s;
    s.id = r[0].AsText();
    s.course_id = r[1].AsText();
    s.agency_id = r[2].AsText();
    s.held_on = r[3].AsText();
    s.place = r[4].AsText();
    s.country = r[5].AsText();
    s.trainer = r[6].AsText();
    s.trainer_staff_id = r[7].AsOptionalText();
    s.created_by = r[8].AsText();
    s.created_at = r[9].AsInt();
    s.version = r[10].AsInt();
    return s;
}

ParticipantRow ParticipantFrom(const Row& r) {
    ParticipantRow p;
    p.id = r[0].AsText();
    p.session_id = r[1].AsText();
    p.course_id = r[2].AsText();
    p.held_on = r[3].AsText();
    p.name = r[4].AsText();
    p.profession = r[5].AsText();
    p.agency_id = r[6].AsOptionalText();
    p.agency_name = r[7].AsText();
    p.country = r[8].AsText();
    p.staff_id = r[9].AsOptionalText();
    p.completed = r[10].AsBool();
    p.completed_on = r[11].AsOptionalText();
    p.certificate_id = r[12].AsOptionalText();
    p.expires_on = r[13].AsOptionalText();
    p.created_by = r[14].AsText();
    p.created_at = r[15].AsInt();
    p.updated_at = r[16].AsInt();
    p.version = r[17].AsInt();
    return p;
}

template <class T, class From>
Result<Page<T>> PageOf(Transaction& tx, std::string_view sql, const PageRequest& page,
                       std::optional<std::string_view> scope, From from) {
    const bool has = page.after.has_value();
    std::vector<SqlValue> params{has ? 1 : 0, has ? page.after->created_at : 0, has ? page.after->id : std::string()};
    if (scope) params.emplace_back(*scope);
    params.emplace_back(page.limit + 1);
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(sql, std::span<const SqlValue>(params)));
    std::vector<T> items;
    items.reserve(rows.size());
    for (const auto& r : rows) items.push_back(from(r));
    return MakePage(std::move(items), page.limit, [](const T& t) { return PageCursor{t.created_at, t.id}; });
}

}  // namespace

Status InsertCourse(Transaction& tx, const CourseRow& c) {
    return tx
        .Exec(kInsertCourse, {c.id, c.agency_id, c.title, c.curriculum, c.minutes, c.topics, c.valid_months,
                              c.created_by, c.created_at, c.updated_at, c.version})
        .status();
}

Result<std::optional<CourseRow>> GetCourse(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectCourse, {id}));
    if (rows.empty()) return std::optional<CourseRow>();
    return std::optional<CourseRow>(CourseFrom(rows[0]));
}

Result<Page<CourseRow>> ListCourses(Transaction& tx, const PageRequest& page) {
    return PageOf<CourseRow>(tx, kListCourses, page, std::nullopt, CourseFrom);
}

Status InsertTrainingSession(Transaction& tx, const TrainingSessionRow& s) {
    return tx
        .Exec(kInsertSession, {s.id, s.course_id, s.agency_id, s.held_on, s.place, s.country, s.trainer,
                               s.trainer_staff_id, s.created_by, s.created_at, s.version})
        .status();
}

Result<std::optional<TrainingSessionRow>> GetTrainingSession(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectSession, {id}));
    if (rows.empty()) return std::optional<TrainingSessionRow>();
    return std::optional<TrainingSessionRow>(SessionFrom(rows[0]));
}

Result<Page<TrainingSessionRow>> ListSessionsOfCourse(Transaction& tx, std::string_view course_id,
                                                      const PageRequest& page) {
    return PageOf<TrainingSessionRow>(tx, kListSessions, page, course_id, SessionFrom);
}

Status InsertParticipant(Transaction& tx, const ParticipantRow& p) {
    return tx
        .Exec(kInsertParticipant, {p.id, p.session_id, p.course_id, p.held_on, p.name, p.profession, p.agency_id,
                                   p.agency_name, p.country, p.staff_id, p.completed, p.completed_on, p.certificate_id,
                                   p.expires_on, p.created_by, p.created_at, p.updated_at, p.version})
        .status();
}

Result<std::optional<ParticipantRow>> GetParticipant(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectParticipant, {id}));
    if (rows.empty()) return std::optional<ParticipantRow>();
    return std::optional<ParticipantRow>(ParticipantFrom(rows[0]));
}

Result<Page<ParticipantRow>> ListParticipantsOfSession(Transaction& tx, std::string_view session_id,
                                                       const PageRequest& page) {
    return PageOf<ParticipantRow>(tx, kListParticipants, page, session_id, ParticipantFrom);
}

Result<std::int64_t> UpdateParticipant(Transaction& tx, const ParticipantRow& p) {
    return tx.Exec(kUpdateParticipant,
                   {p.id, p.completed, p.completed_on, p.certificate_id, p.expires_on, p.updated_at, p.version});
}

Result<std::vector<StaffTrainingRow>> ListTrainingsOfStaff(Transaction& tx, std::string_view staff_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kTrainingsOfStaff, {staff_id}));
    std::vector<StaffTrainingRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back({ParticipantFrom(r), r[18].AsText()});
    return out;
}

Result<std::vector<std::string>> ListValidCourseIdsOfStaff(Transaction& tx, std::string_view staff_id,
                                                           std::string_view today) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kValidCourses, {staff_id, today}));
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r[0].AsText());
    return out;
}

}  // namespace onestory::store
