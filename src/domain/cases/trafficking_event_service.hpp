// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/cases/trafficking_event_types.hpp"
#include "domain/sealer.hpp"
#include "domain/service_context.hpp"
#include "store/trafficking_event_rows.hpp"

namespace onestory::domain {

// The trafficking events of a case: recorded by those who may change the
// case, read by those who may read it (including under break glass), every
// read that opens a place or description audited.
class TraffickingEventService {
  public:
    explicit TraffickingEventService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<TraffickingEvent> Record(const policy::Actor& actor, std::string_view case_id,
                                    const NewTraffickingEvent& event);
    Result<std::vector<TraffickingEvent>> List(const policy::Actor& actor, std::string_view case_id);

  private:
    const ServiceContext& ctx_;
};

// Opens a stored event with the survivor's sealer (exports use it too).
Result<TraffickingEvent> TraffickingEventFrom(const store::TraffickingEventRow& row, const SurvivorSealer& sealer);

}  // namespace onestory::domain
