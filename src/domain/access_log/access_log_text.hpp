// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"

namespace onestory::domain {

// Who acted, as the survivor's access log names them.
struct AccessLogActor {
    std::string kind;  // "staff", "survivor", "system", "anonymous"
    std::string id;
    std::string display_name;
    std::string agency_id;
    std::string agency_name;
    std::vector<std::string> roles;
};

// What an audit event says was done, read back from its fields and detail.
struct AccessLogWhat {
    std::vector<std::string> fields;
    std::vector<std::string> topics;
    std::optional<int> passages;
    std::vector<std::string> categories;
    std::string recipient_agency_id;
    std::string status;  // a review: read_back, confirmed, corrected
};

// The parts of an audit event's detail ("passages=2 topics=a,b
// recipient=ag_…") that the access log puts into words.
AccessLogWhat WhatOf(const audit::AuditEvent& event);

// One audit event in plain words, e.g. "Kofi Marelu (investigator, Metro
// Police) read 2 passages of your statement (recruitment, exploitation) for
// investigation". `agency_names` names agencies the event refers to (a
// recipient). Never contains protected values: audit events hold none.
std::string DescribeAccess(const audit::AuditEvent& event, const AccessLogActor& actor,
                           const std::map<std::string, std::string>& agency_names);

}  // namespace onestory::domain
