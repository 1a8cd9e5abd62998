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

// A consent as stored. Witness, guardian and the withdrawal reason are sealed
// values; recipient, purpose and scope are plain so that the policy's facts
// can be gathered without opening anything.
struct ConsentRow {
    std::string id;
    std::string survivor_id;
    std::string agency_id;
    std::string recipient_agency_id;
    std::string purpose;
    std::string topics;      // comma-joined
    std::string categories;  // comma-joined
    std::int64_t valid_from = 0;
    std::int64_t valid_until = 0;
    std::string given_as;
    std::optional<std::string> witnessed_by;  // sealed
    std::string consent_text_version;
    std::string language;
    std::optional<std::string> guardian;  // sealed
    std::optional<bool> child_assent;
    std::string recorded_by;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> revoked_at;
    std::optional<std::string> revoked_by;
    std::optional<std::string> revoke_reason;  // sealed
    std::int64_t version = 1;
};

Status InsertConsent(Transaction& tx, const ConsentRow& row);
Result<std::optional<ConsentRow>> GetConsent(Transaction& tx, std::string_view id);
// Newest first.
Result<Page<ConsentRow>> ListConsentsOfSurvivor(Transaction& tx, std::string_view survivor_id, const PageRequest& page);
// Every consent of the survivor naming this recipient, whatever its state.
Result<std::vector<ConsentRow>> ListConsentsForRecipient(Transaction& tx, std::string_view survivor_id,
                                                         std::string_view recipient_agency_id);
// Every consent of every survivor whose id lies in [first, last], by
// survivor id then age (exports).
Result<std::vector<ConsentRow>> ListConsentsOfSurvivorRange(Transaction& tx, std::string_view first_survivor_id,
                                                            std::string_view last_survivor_id);
// Records the withdrawal once: changes nothing (returns 0) when the consent
// was already revoked or its version is not row.version - 1.
Result<std::int64_t> RevokeConsent(Transaction& tx, const ConsentRow& row);

}  // namespace onestory::store
