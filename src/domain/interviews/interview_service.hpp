// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/interviews/interview_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"
#include "store/passage_rows.hpp"

namespace onestory::domain {

// Planning and recording interviews, and the tell-once check.
//
// Before an interview is planned, every planned topic is looked up in the
// survivor's statement across all their cases in every agency: a topic with
// a confirmed or corrected passage is already on record, and planning to ask
// it again is refused (409 topics_already_covered, with the topics) unless a
// written reason is given; a re-ask with a reason is accepted, audited as a
// re-ask, and the reason is sealed. Every plan shows the survivor's
// preferences and the survivor's interview count. The owning agency's case
// team (and supervisors) plan and record; reads are audited.
class InterviewService {
  public:
    explicit InterviewService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Interview> Plan(const policy::Actor& actor, std::string_view case_id, const NewInterview& interview);
    Result<Interview> Get(const policy::Actor& actor, std::string_view id);
    Result<store::Page<Interview>> List(const policy::Actor& actor, std::string_view case_id,
                                        const store::PageRequest& page);
    Result<Interview> Update(const policy::Actor& actor, std::string_view id, std::int64_t expected_version,
                             const InterviewPatch& patch);
    // Coverage of the interview's planned topics.
    Result<TopicCoverage> Coverage(const policy::Actor& actor, std::string_view interview_id);
    // Coverage of every topic, for the survivor of a case (planning forms).
    Result<TopicCoverage> CaseCoverage(const policy::Actor& actor, std::string_view case_id);

  private:
    const ServiceContext& ctx_;
};

// Splits `topics` into those the passages cover and the new ones.
TopicCoverage CoverageOf(const std::vector<policy::Topic>& topics, const std::vector<store::CoveredPassage>& passages);
// The preferences the accommodations leave unmet, by name.
std::vector<std::string> UnmetPreferences(const Preferences& preferences, const Accommodations& accommodations);

}  // namespace onestory::domain
