// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/service_context.hpp"
#include "store/alert_rows.hpp"

// The closed loop of care coordination, as alerts. Each condition below is
// raised once (its dedupe_key names the record, the date it is about and the
// audience), for the person responsible and for the supervisors of the
// agency that owns the case; it is resolved when the condition ends, and an
// acknowledgement stays with the alert:
//   commitment_overdue       an open commitment past its due date (its owner)
//   referral_unanswered      a sent referral without an answer by follow_up_by (its referrer)
//   referral_not_completed   an accepted referral not completed by complete_by (its referrer)
//   safety_plan_review       a safety plan past its review_by date (the case lead)
//   hearing_not_notified     a hearing within 14 days, or past without an
//                            outcome, whose survivor was not told (the case lead)
//   assessment_overdue       an outcome assessment past its due date (the case lead)
// Conditions are evaluated against the clock whenever someone reads their
// alerts (SweepCareAlerts), for their agency's cases and the commitments they
// own wherever they are.
namespace onestory::domain {

std::vector<std::string> CareAlertKinds();

// Every condition that holds at `now` for the viewer's agency and the
// commitments the viewer owns, as the alerts they raise.
Result<std::vector<store::AlertRow>> CareConditions(store::Transaction& tx, const policy::Actor& viewer, Instant now);

// Raises the alerts of new conditions and resolves open ones whose condition ended.
Status SweepCareAlerts(const ServiceContext& ctx, const policy::Actor& viewer);

}  // namespace onestory::domain
