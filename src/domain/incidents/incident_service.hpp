// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "domain/incidents/incident_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Incidents of a case with their GBVIMS classification (ClassifyIncident),
// recorded and read by the owning agency's case team. The answers and the
// type are plain, for reports; a description is sealed. Audited.
class IncidentService {
  public:
    explicit IncidentService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Incident> Record(const policy::Actor& actor, std::string_view case_id, const NewIncident& incident);
    Result<store::Page<Incident>> List(const policy::Actor& actor, std::string_view case_id,
                                       const store::PageRequest& page);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
