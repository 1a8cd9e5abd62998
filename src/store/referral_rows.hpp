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

// A referral as stored: the reason and a decline's reason are sealed; the
// rest (provider, service type, state, dates) is plain so that follow-ups
// and reports need not open anything. Dates are YYYY-MM-DD text.
struct ReferralRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string provider_id;
    std::optional<std::string> recipient_agency_id;
    std::string service_type;
    std::string reason;  // sealed
    std::string share_categories;
    std::optional<std::string> purpose;
    std::optional<std::string> consent_id;
    std::string follow_up_by;
    std::optional<std::string> complete_by;
    std::string status;
    std::optional<std::string> decline_reason;  // sealed
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

struct ReferralTransitionRow {
    std::string id;
    std::string referral_id;
    std::int64_t seq = 1;  // the referral's version the move produced
    std::string case_id;
    std::string survivor_id;
    std::optional<std::string> from_status;
    std::string to_status;
    std::optional<std::string> note;  // sealed
    std::string by_staff;
    std::string by_agency;
    std::int64_t at = 0;
};

Status InsertReferral(Transaction& tx, const ReferralRow& row);
Result<std::optional<ReferralRow>> GetReferral(Transaction& tx, std::string_view id);
// Newest first.
Result<Page<ReferralRow>> ListReferralsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);
// Referrals addressed to an agency that have been sent (not merely proposed), newest first.
Result<Page<ReferralRow>> ListReferralsToAgency(Transaction& tx, std::string_view agency_id, const PageRequest& page);
// Every referral of an agency's cases in one of the given states (the closed-loop check).
Result<std::vector<ReferralRow>> ListReferralsOfAgencyIn(Transaction& tx, std::string_view agency_id,
                                                         const std::vector<std::string>& statuses);
// Optimistic update of status, consent, dates and decline reason: writes only
// when the stored version equals row.version - 1.
Result<std::int64_t> UpdateReferral(Transaction& tx, const ReferralRow& row);

Status InsertReferralTransition(Transaction& tx, const ReferralTransitionRow& row);
// In order.
Result<std::vector<ReferralTransitionRow>> ListReferralTransitions(Transaction& tx, std::string_view referral_id);
Result<std::vector<ReferralTransitionRow>> ListReferralTransitionsOfCase(Transaction& tx, std::string_view case_id);

}  // namespace onestory::store
