// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string_view>

#include "common/result.hpp"
#include "domain/alerts/alert_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Alerts and the emergency access that raises one.
//
// Breaking the glass grants the requester read access to one case for 60
// minutes, outside the usual rules. It needs a written reason (at least 20
// characters, sealed with the survivor's key), is audited, and raises an
// alert for the supervisors of the agency that owns the case, who see who
// did it, on which case, until when, and why (that read is audited too).
//
// GET /alerts lists the actor's open alerts: those addressed to them and to
// their roles in their agency (so a supervisor sees every care-coordination
// alert of the agency). Before listing, the care-coordination conditions are
// evaluated against the clock (care_alerts.hpp). Someone in an alert's
// audience acknowledges it, once; that is audited.
class AlertService {
  public:
    static constexpr std::chrono::minutes kBreakGlassDuration{60};

    explicit AlertService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<BreakGlassGrant> BreakGlass(const policy::Actor& actor, std::string_view case_id, std::string_view reason);
    Result<store::Page<Alert>> List(const policy::Actor& actor, const store::PageRequest& page);
    Result<Alert> Acknowledge(const policy::Actor& actor, std::string_view id);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
