// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// A survivor's interview preferences. The free-text ones are sealed; the
// enumerations are plain.
struct PreferencesRow {
    std::string survivor_id;
    std::optional<std::string> interviewer_gender;
    std::optional<std::string> interpreter_language;
    std::optional<std::string> children;
    std::optional<std::string> support_person;  // sealed
    std::optional<std::string> breaks;          // sealed
    std::optional<std::string> notes;           // sealed
    std::int64_t updated_at = 0;
};

Result<std::optional<PreferencesRow>> GetPreferences(Transaction& tx, std::string_view survivor_id);
// Inserts or replaces the survivor's preferences.
Status PutPreferences(Transaction& tx, const PreferencesRow& row);

}  // namespace onestory::store
