// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/statements/passage_types.hpp"
#include "domain/vocabulary.hpp"
#include "policy/policy.hpp"

namespace onestory::domain {

// The parts of the survivor's record a disclosure releases, by category:
// identity (legal name, birth date, age band, gender, nationality,
// languages), contact, location (address). Categories whose records do not
// exist yet are listed by the disclosure and carry no data here.
struct DisclosedRecord {
    std::string code_name;
    std::optional<std::string> legal_name;
    std::optional<Date> birth_date;
    std::optional<std::string> age_band;
    std::optional<Gender> gender;
    std::optional<std::string> nationality;
    std::optional<std::vector<std::string>> languages;
    std::optional<std::string> contact;
    std::optional<std::string> address;
};

// A set of passages and record categories released to another agency for
// one purpose, under one live consent.
struct Disclosure {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string survivor_code_name;
    std::string agency_id;
    std::string recipient_agency_id;
    policy::Purpose purpose = policy::Purpose::kInvestigation;
    std::string consent_id;
    policy::ConsentState consent_status = policy::ConsentState::kActive;  // now
    std::vector<policy::RecordCategory> categories;
    std::vector<policy::Topic> topics;
    std::vector<std::string> passage_ids;  // the passages' original ids
    std::string created_by;
    Instant created_at;
    // On the recipient's read only: the current survivor-reviewed text of
    // each passage, with the survivor's comments, and the record categories.
    std::optional<std::vector<Passage>> passages;
    std::optional<DisclosedRecord> record;
};

struct NewDisclosure {
    std::string recipient_agency_id;
    policy::Purpose purpose = policy::Purpose::kInvestigation;
    std::vector<std::string> passage_ids;
    std::vector<policy::RecordCategory> categories;
};

}  // namespace onestory::domain
