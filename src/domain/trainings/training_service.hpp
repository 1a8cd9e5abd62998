// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/service_context.hpp"
#include "domain/trainings/training_types.hpp"
#include "policy/policy.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::domain {

// The training registry: courses (owned by the agency that runs them), their
// sessions, and the professionals who took part, by profession and country.
// Trainers manage their agency's courses; administrators any. Every staff
// member can see the catalogue; who took part is shown to the running
// agency's trainers and supervisors and to administrators. Participants need
// not be onestory users; when one is, a completion attaches to their staff
// record, where it counts for the trainings a setting can require
// (require_training.interviewer, require_training.assessor). Changes are
// audited.
class TrainingService {
  public:
    explicit TrainingService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Course> CreateCourse(const policy::Actor& actor, const NewCourse& course);
    Result<store::Page<Course>> ListCourses(const policy::Actor& actor, const store::PageRequest& page);
    Result<Course> GetCourse(const policy::Actor& actor, std::string_view id);

    Result<TrainingSession> CreateSession(const policy::Actor& actor, std::string_view course_id,
                                          const NewTrainingSession& session);
    Result<store::Page<TrainingSession>> ListSessions(const policy::Actor& actor, std::string_view course_id,
                                                      const store::PageRequest& page);

    Result<Participant> AddParticipant(const policy::Actor& actor, std::string_view session_id,
                                       const NewParticipant& participant);
    Result<store::Page<Participant>> ListParticipants(const policy::Actor& actor, std::string_view session_id,
                                                      const store::PageRequest& page);
    Result<Participant> UpdateParticipant(const policy::Actor& actor, std::string_view id,
                                          std::int64_t expected_version, const ParticipantPatch& patch);

    Result<std::vector<StaffTraining>> TrainingsOfStaff(const policy::Actor& actor, std::string_view staff_id);

  private:
    const ServiceContext& ctx_;
};

// The facts policy::DecideTrainingGate needs for one staff member, read in
// the caller's transaction: the course a setting requires (its title for
// the refusal; an id no course has is still required, and never held), and
// the courses the staff member holds a valid completion of on `today`.
struct TrainingGateFacts {
    std::optional<policy::TrainingRequirement> required;
    std::vector<std::string> valid_course_ids;
};
Result<TrainingGateFacts> LoadTrainingGate(store::Transaction& tx, const std::optional<std::string>& required_course_id,
                                           std::string_view staff_id, Date today);

}  // namespace onestory::domain
