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

// A release of passages and record categories to another agency. Nothing
// here is protected: the passages are referred to by id and read (sealed)
// from their own table when the recipient asks.
struct DisclosureRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string recipient_agency_id;
    std::string purpose;
    std::string consent_id;
    std::string categories;  // comma-joined
    std::string created_by;
    std::int64_t created_at = 0;
};

struct DisclosurePassageRow {
    std::string disclosure_id;
    std::string chain_id;
    std::string passage_id;  // the version disclosed
    std::string topic;
};

// Which disclosures a recipient's list holds: those to the agency, for the
// purposes the actor's roles work on (up to five).
struct ReceivedFilter {
    std::string recipient_agency_id;
    std::vector<std::string> purposes;
};

Status InsertDisclosure(Transaction& tx, const DisclosureRow& row);
Status InsertDisclosurePassage(Transaction& tx, const DisclosurePassageRow& row);
Result<std::optional<DisclosureRow>> GetDisclosure(Transaction& tx, std::string_view id);
Result<std::vector<DisclosurePassageRow>> ListDisclosurePassages(Transaction& tx, std::string_view disclosure_id);
// Every disclosure from the survivor's cases, oldest first (the survivor's own copy).
Result<std::vector<DisclosureRow>> ListDisclosuresOfSurvivor(Transaction& tx, std::string_view survivor_id);
// Newest first.
Result<Page<DisclosureRow>> ListDisclosuresOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);
Result<Page<DisclosureRow>> ListReceivedDisclosures(Transaction& tx, const ReceivedFilter& filter,
                                                    const PageRequest& page);

}  // namespace onestory::store
