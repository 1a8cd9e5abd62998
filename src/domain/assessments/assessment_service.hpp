// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "domain/assessments/assessment_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Outcome assessments of a case, scored with the instrument in force
// (Settings::instrument) and judged by the restoration rule
// (Settings::restoration).
//
// The owning agency's case team records and reads them. Scores are plain,
// notes sealed; recording and reading are audited. Each answer carries the
// domain scores (means of their sub-domains) and whether the survivor meets
// the restoration rule. The next assessment is due kIntakeAssessmentDays
// after the case is opened, six months after the intake assessment, then
// yearly; an overdue one raises an alert.
class AssessmentService {
  public:
    explicit AssessmentService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Assessment> Record(const policy::Actor& actor, std::string_view case_id, const NewAssessment& assessment);
    Result<store::Page<Assessment>> List(const policy::Actor& actor, std::string_view case_id,
                                         const store::PageRequest& page);
    Result<AssessmentTrend> Trend(const policy::Actor& actor, std::string_view case_id);
    // The instrument in force and the restoration rule, for any staff member.
    Result<AssessmentInstrument> Instrument(const policy::Actor& actor);
    const RestorationRule& restoration() const { return ctx_.settings.restoration; }

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
