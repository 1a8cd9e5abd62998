// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// One dated happening of a case, in plain words that hold no protected value.
struct TimelineEntry {
    Instant at;
    std::string kind;       // interview, disclosure, referral, referral_transition, commitment,
                            // commitment_resolved, hearing, review, assessment
    std::string id;         // unique in the timeline
    std::string record_id;  // the record to open (a transition's referral, a resolution's commitment)
    std::string summary;
    std::optional<std::string> status;
};

// A case's interviews, disclosures, referrals and their transitions,
// commitments, hearings, case reviews and outcome assessments, merged into
// one list, newest first. Each part is included only when the actor may
// list it (the policy decides per part: a prosecutor holding a prosecution
// consent sees the hearings alone). The read is audited.
class TimelineService {
  public:
    explicit TimelineService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<store::Page<TimelineEntry>> Get(const policy::Actor& actor, std::string_view case_id,
                                           const store::PageRequest& page);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
