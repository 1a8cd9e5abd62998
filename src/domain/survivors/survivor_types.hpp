// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
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
    std::optional<Identity> identity;  // present only on an audited read
};

struct SurvivorMatch {
    std::string id;
    std::string code_name;
    std::string agency_id;
};

}  // namespace onestory::domain
