// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "common/result.hpp"
#include "domain/service_context.hpp"

namespace onestory::domain {

struct AuditQuery {
    std::optional<std::string> survivor_id;
    std::optional<std::string> case_id;
    std::optional<std::int64_t> before_seq;
    int limit = 50;
};

struct AuditPage {
    std::vector<audit::StoredAuditEvent> events;
    std::optional<std::int64_t> next_before_seq;
};

// Reading the audit log: administrators read all of it; supervisors read the
// events of their own agency's staff. The events hold no protected plaintext.
class AuditQueryService {
  public:
    explicit AuditQueryService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<AuditPage> List(const policy::Actor& actor, const AuditQuery& query);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
