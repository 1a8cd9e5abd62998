// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/cases/case_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Cases and their teams. The creator's agency owns a case and the creator
// joins its team as lead; updates are optimistic (the caller states the
// version it read, and a stale version is a conflict, never a lost update).
class CaseService {
  public:
    explicit CaseService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Case> Create(const policy::Actor& actor, const NewCase& kase);
    Result<Case> Get(const policy::Actor& actor, std::string_view id);
    Result<store::Page<Case>> List(const policy::Actor& actor, const store::PageRequest& page,
                                   std::optional<std::string> survivor_id);
    Result<Case> Update(const policy::Actor& actor, std::string_view id, std::int64_t expected_version,
                        const CasePatch& patch);

    Result<std::vector<TeamMember>> ListTeam(const policy::Actor& actor, std::string_view case_id);
    Result<TeamMember> AddTeamMember(const policy::Actor& actor, std::string_view case_id, std::string_view staff_id,
                                     CaseRole role);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
