// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/access_log/access_log_text.hpp"
#include "domain/service_context.hpp"

namespace onestory::domain {

// One access to a survivor's record, as the survivor reads it.
struct AccessLogEntry {
    std::int64_t seq = 0;
    Instant at;
    AccessLogActor who;
    std::string action;
    std::string outcome;
    AccessLogWhat what;
    std::string purpose;
    std::string summary;  // plain words
};

struct AccessLogPage {
    std::vector<AccessLogEntry> entries;
    std::optional<std::int64_t> next_before_seq;
};

// The survivor's access log: every audited access to their record (reads,
// changes, disclosures, refusals), newest first, with who (name, role,
// agency), what (fields, passages and their topics), why (the purpose) and a
// sentence in plain words. Built from the audit log, which holds no
// protected values. Read by the survivor's own agency (the case team and
// supervisors); the read itself is audited. Takes any policy::Actor, so that
// the survivor's own portal session can be allowed by the policy later.
class AccessLogService {
  public:
    explicit AccessLogService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<AccessLogPage> Read(const policy::Actor& actor, std::string_view survivor_id,
                               std::optional<std::int64_t> before_seq, int limit);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
