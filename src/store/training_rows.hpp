// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::store {

// The training registry: courses, their sessions, and the professionals who
// took part. Nothing here is about a survivor, so nothing is sealed.
struct CourseRow {
    std::string id;
    std::string agency_id;
    std::string title;
    std::string curriculum;
    std::int64_t minutes = 0;
    std::string topics;  // comma-joined
    std::optional<std::int64_t> valid_months;
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

struct TrainingSessionRow {
    std::string id;
    std::string course_id;
    std::string agency_id;
    std::string held_on;  // YYYY-MM-DD
    std::string place;
    std::string country;
    std::string trainer;
    std::optional<std::string> trainer_staff_id;
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t version = 1;
};

struct ParticipantRow {
    std::string id;
    std::string session_id;
    std::string course_id;
    std::string held_on;
    std::string name;
    std::string profession;
    std::optional<std::string> agency_id;
    std::string agency_name;
    std::string country;
    std::optional<std::string> staff_id;
    bool completed = false;
    std::optional<std::string> completed_on;
    std::optional<std::string> certificate_id;
    std::optional<std::string> expires_on;
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

// A staff member's participation with its course's title.
struct StaffTrainingRow {
    ParticipantRow participant;
    std::string course_title;
};

Status InsertCourse(Transaction& tx, const CourseRow& row);
Result<std::optional<CourseRow>> GetCourse(Transaction& tx, std::string_view id);
// Newest first, every agency's.
Result<Page<CourseRow>> ListCourses(Transaction& tx, const PageRequest& page);

Status InsertTrainingSession(Transaction& tx, const TrainingSessionRow& row);
Result<std::optional<TrainingSessionRow>> GetTrainingSession(Transaction& tx, std::string_view id);
// Newest first.
Result<Page<TrainingSessionRow>> ListSessionsOfCourse(Transaction& tx, std::string_view course_id,
                                                      const PageRequest& page);

Status InsertParticipant(Transaction& tx, const ParticipantRow& row);
Result<std::optional<ParticipantRow>> GetParticipant(Transaction& tx, std::string_view id);
// Newest first.
Result<Page<ParticipantRow>> ListParticipantsOfSession(Transaction& tx, std::string_view session_id,
                                                       const PageRequest& page);
// Optimistic update of the completion fields: writes only when the stored
// version equals row.version - 1.
Result<std::int64_t> UpdateParticipant(Transaction& tx, const ParticipantRow& row);
// Every participation of a staff member, newest session first.
Result<std::vector<StaffTrainingRow>> ListTrainingsOfStaff(Transaction& tx, std::string_view staff_id);
// The courses a staff member holds a valid completion of on `today`
// (completed, and not expired: no expiry date, or one after today).
Result<std::vector<std::string>> ListValidCourseIdsOfStaff(Transaction& tx, std::string_view staff_id,
                                                           std::string_view today);

}  // namespace onestory::store
