// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "domain/safety/safety_plan_types.hpp"
#include "domain/service_context.hpp"

namespace onestory::domain {

// A case's safety plan and risk level.
//
// Read by the owning agency's case team and supervisors (and under break
// glass), and by another agency only when a disclosure or a sent referral to
// it, under a consent still active, released the safety_plan category to a
// role that works on the consent's purpose. Written by the case team: the
// first PUT creates the plan, every later one replaces it and needs If-Match.
// The items are sealed like location data; reads and changes are audited. A
// review_by date that has passed raises an alert.
class SafetyPlanService {
  public:
    explicit SafetyPlanService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<SafetyPlan> Get(const policy::Actor& actor, std::string_view case_id);
    // Creates the plan (no version given) or replaces it (the version read).
    Result<SafetyPlan> Put(const policy::Actor& actor, std::string_view case_id,
                           std::optional<std::int64_t> expected_version, const SafetyPlanInput& plan);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
