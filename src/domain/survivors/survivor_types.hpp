// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/survivors/preferences.hpp"
#include "domain/vocabulary.hpp"

namespace onestory::domain {

// The protected identity of a survivor: sealed at rest with the survivor's
// data key, shown only to those the policy allows, every read audited.
struct Identity {
    std::string legal_name;
    std::optional<Date> birth_date;
    std::optional<std::string> contact;
    std::optional<std::string> address;
};

struct NewSurvivor {
    std::string code_name;
    Identity identity;
    std::optional<Gender> gender;
    std::vector<std::string> languages;      // ISO 639-1
    std::optional<std::string> nationality;  // ISO 3166-1 alpha-2
};

struct Survivor {
    std::string id;
    std::string agency_id;
    std::string registered_by;
    std::string code_name;
    std::optional<Gender> gender;
    std::vector<std::string> languages;
    std::optional<std::string> nationality;
    std::optional<std::string> age_band;
    Instant created_at;
    Instant updated_at;
    std::int64_t version = 1;
    std::optional<Identity> identity;             // present only on an audited read
    std::optional<Preferences> preferences;       // on a single record's read or update
    std::optional<std::int64_t> interview_count;  // every interview of the survivor, in any agency
};

// A JSON merge-patch of a survivor: absent members stay as they are; a null
// clears an optional one. Identity changes are sealed again and the
// duplicate-check index is recomputed.
struct SurvivorPatch {
    std::optional<std::string> code_name;
    std::optional<std::string> legal_name;
    FieldPatch<Date> birth_date;
    FieldPatch<std::string> contact;
    FieldPatch<std::string> address;
    FieldPatch<Gender> gender;
    std::optional<std::vector<std::string>> languages;
    FieldPatch<std::string> nationality;
    bool clear_preferences = false;  // "preferences": null
    std::optional<PreferencesPatch> preferences;
};

struct SurvivorMatch {
    std::string id;
    std::string code_name;
    std::string agency_id;
};

}  // namespace onestory::domain
