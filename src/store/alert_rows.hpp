// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::store {

// Something a person should look at. Every kind of alert lives in this one
// table: its audience is a role within an agency (say, that agency's
// supervisors) or one staff member (who alone sees it when both are set);
// `dedupe_key` (unique when set) lets a recurring check raise an alert for a
// condition only once.
struct AlertRow {
    std::string id;
    std::string kind;
    std::string agency_id;
    std::optional<std::string> audience_role;
    std::optional<std::string> audience_staff_id;
    std::optional<std::string> case_id;
    std::optional<std::string> survivor_id;
    std::optional<std::string> subject_id;
    std::optional<std::string> subject_staff_id;
    std::optional<std::int64_t> due_at;
    std::optional<std::string> dedupe_key;
    std::string status = "open";
    std::int64_t created_at = 0;
    std::optional<std::int64_t> acknowledged_at;
    std::optional<std::string> acknowledged_by;
    std::int64_t version = 1;
    std::optional<std::int64_t> resolved_at;
};

// Whose open alerts: those addressed to the staff member, and those
// addressed to any of their roles within their agency.
struct AlertAudience {
    std::string agency_id;
    std::string staff_id;
    std::vector<std::string> roles;
};

Status InsertAlert(Transaction& tx, const AlertRow& row);
Result<std::optional<AlertRow>> GetAlert(Transaction& tx, std::string_view id);
// Every alert about the survivor, whatever its status, oldest first (the survivor's own copy).
Result<std::vector<AlertRow>> ListAlertsOfSurvivor(Transaction& tx, std::string_view survivor_id);
// Open alerts, newest first.
Result<Page<AlertRow>> ListOpenAlerts(Transaction& tx, const AlertAudience& audience, const PageRequest& page);

// Recurring checks. Inserts the alert unless one with its dedupe_key exists
// (in any status): returns 1 when inserted, 0 when it was already raised.
// The conflict is settled inside the statement, so the transaction goes on.
Result<std::int64_t> InsertAlertOnce(Transaction& tx, const AlertRow& row);
Result<bool> AlertRaised(Transaction& tx, std::string_view dedupe_key);
// Open alerts of these kinds about an agency's records, or addressed to one staff member.
Result<std::vector<AlertRow>> ListOpenAlertsOfKinds(Transaction& tx, std::string_view agency_id,
                                                    std::string_view staff_id, const std::vector<std::string>& kinds);
// open -> resolved (the condition ended); returns the rows changed (0 when no longer open).
Result<std::int64_t> ResolveAlert(Transaction& tx, std::string_view id, std::int64_t at);
// open -> acknowledged by someone in its audience; returns the rows changed.
Result<std::int64_t> AcknowledgeAlert(Transaction& tx, std::string_view id, std::string_view staff_id, std::int64_t at);

}  // namespace onestory::store
