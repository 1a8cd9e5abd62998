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

// A survivor as stored: identity fields are sealed values the store cannot
// read; the code name, gender, languages, nationality and age band are plain
// because reports and lists need them and they do not identify on their own.
struct SurvivorRow {
    std::string id;
    std::string agency_id;
    std::string registered_by;
    std::string code_name;
    std::string data_key;  // wrapped
    std::string legal_name;
    std::optional<std::string> birth_date;
    std::optional<std::string> contact;
    std::optional<std::string> address;
    std::optional<std::string> gender;
    std::string languages;  // comma-joined ISO 639 codes
    std::optional<std::string> nationality;
    std::optional<std::string> age_band;
    std::optional<std::string> match_index;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

// Which survivors a list may include; the policy decides, the store filters.
struct SurvivorFilter {
    std::string agency_id;
    std::optional<std::string> visible_to_staff;  // registrant or on a case team; unset = the whole agency
    std::optional<std::string> code_name_contains;
};

Status InsertSurvivor(Transaction& tx, const SurvivorRow& row);
Result<std::optional<SurvivorRow>> GetSurvivor(Transaction& tx, std::string_view id);
Result<Page<SurvivorRow>> ListSurvivors(Transaction& tx, const SurvivorFilter& filter, const PageRequest& page);
Result<std::vector<SurvivorRow>> FindSurvivorsByMatchIndex(Transaction& tx, std::string_view match_index);
// Exports walk survivors in id order: up to `limit` after `after_id` ("" from
// the start), of one agency or ("" ) of all.
Result<std::vector<SurvivorRow>> ListSurvivorsAfter(Transaction& tx, std::string_view after_id,
                                                    std::string_view agency_id, int limit);
Result<std::int64_t> CountSurvivors(Transaction& tx, std::string_view agency_id);
// Optimistic update: writes only when the stored version equals row.version - 1.
Result<std::int64_t> UpdateSurvivor(Transaction& tx, const SurvivorRow& row);
// Every survivor's (id, wrapped data key), and re-wrapping one (master key rotation).
Result<std::vector<std::pair<std::string, std::string>>> ListSurvivorDataKeys(Transaction& tx);
Status UpdateSurvivorDataKey(Transaction& tx, std::string_view id, const std::string& wrapped);

}  // namespace onestory::store
