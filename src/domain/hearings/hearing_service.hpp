// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "domain/hearings/hearing_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Court hearings of a case: court, date, kind, charges, the testimony
// accommodations requested and granted, when and by whom the survivor was
// told, and the outcome.
//
// The owning agency's case team keeps them; so may a prosecutor of another
// agency while the survivor's consent for prosecution, to that agency and
// covering the legal part of the record, is active. Notes are sealed;
// changes use If-Match and are audited. A hearing within kHearingNoticeWindow
// whose survivor has not been told raises an alert.
class HearingService {
  public:
    explicit HearingService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Hearing> Create(const policy::Actor& actor, std::string_view case_id, const NewHearing& hearing);
    Result<Hearing> Get(const policy::Actor& actor, std::string_view id);
    Result<store::Page<Hearing>> List(const policy::Actor& actor, std::string_view case_id,
                                      const store::PageRequest& page);
    Result<Hearing> Update(const policy::Actor& actor, std::string_view id, std::int64_t expected_version,
                           const HearingPatch& patch);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
