// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/enum_names.hpp"
#include "common/time.hpp"
#include "domain/survivors/preferences.hpp"

namespace onestory::domain {

// The professions the training registry counts by.
enum class Profession { kPolice, kProsecutor, kJudge, kSocialWorker, kHealthWorker, kCommunityLeader, kOther };

struct Course {
    std::string id;
    std::string agency_id;
    std::string title;
    std::string curriculum;
    double hours = 0;
    std::vector<std::string> topics;
    std::optional<int> valid_months;  // a completion expires this long after it; none: never
    std::string created_by;
    Instant created_at;
    Instant updated_at;
    std::int64_t version = 1;
};

struct NewCourse {
    std::optional<std::string> agency_id;  // administrators choose; trainers create for their own agency
    std::string title;
    std::string curriculum;
    double hours = 0;
    std::vector<std::string> topics;
    std::optional<int> valid_months;
};

struct TrainingSession {
    std::string id;
    std::string course_id;
    std::string agency_id;
    Date held_on;
    std::string place;
    std::string country;
    std::string trainer;
    std::optional<std::string> trainer_staff_id;
    std::string created_by;
    Instant created_at;
    std::int64_t version = 1;
};

struct NewTrainingSession {
    Date held_on;
    std::string place;
    std::string country;
    std::optional<std::string> trainer;           // the name shown; defaults to the staff member's
    std::optional<std::string> trainer_staff_id;  // when the trainer is a onestory user
};

struct Participant {
    std::string id;
    std::string session_id;
    std::string course_id;
    Date held_on;
    std::string name;
    Profession profession = Profession::kOther;
    std::optional<std::string> agency_id;
    std::string agency_name;
    std::string country;
    std::optional<std::string> staff_id;
    bool completed = false;
    std::optional<Date> completed_on;
    std::optional<std::string> certificate_id;
    std::optional<Date> expires_on;
    bool valid = false;  // completed and not expired today
    Instant created_at;
    Instant updated_at;
    std::int64_t version = 1;
};

// A participant; when `staff_id` names a onestory user, the name, agency and
// country default to theirs and the completion attaches to their staff record.
struct NewParticipant {
    std::optional<std::string> name;
    Profession profession = Profession::kOther;
    std::optional<std::string> agency_id;
    std::optional<std::string> agency_name;
    std::optional<std::string> country;
    std::optional<std::string> staff_id;
    bool completed = false;
    std::optional<Date> completed_on;           // defaults to the session's day
    std::optional<std::string> certificate_id;  // issued when completed without one
    std::optional<Date> expires_on;             // defaults to completed_on + the course's valid_months
};

// A JSON merge-patch of a participation's outcome.
struct ParticipantPatch {
    std::optional<bool> completed;
    FieldPatch<Date> completed_on;
    FieldPatch<std::string> certificate_id;
    FieldPatch<Date> expires_on;
};

// A training attached to a staff record.
struct StaffTraining {
    Participant participation;
    std::string course_title;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::Profession> {
    using P = domain::Profession;
    static constexpr std::array<std::pair<P, std::string_view>, 7> kTable{{
        {P::kPolice, "police"},
        {P::kProsecutor, "prosecutor"},
        {P::kJudge, "judge"},
        {P::kSocialWorker, "social_worker"},
        {P::kHealthWorker, "health_worker"},
        {P::kCommunityLeader, "community_leader"},
        {P::kOther, "other"},
    }};
};
}  // namespace onestory
