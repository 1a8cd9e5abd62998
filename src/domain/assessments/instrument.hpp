// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

// The outcome assessment instrument: six domains of a survivor's life
// (DESIGN.md §3), each with named sub-domains scored 1 (most vulnerable) to
// 4 (least). The instrument in force comes from the data directory
// (assessment_instrument.json, read by cli) or, without that file, is
// DefaultInstrument(); the sub-domain names are its own.
namespace onestory::domain {

inline constexpr std::array<std::string_view, 6> kAssessmentDomains{
    "safety",         "legal_protection",  "mental_wellbeing", "economic_empowerment_education",
    "social_support", "physical_wellbeing"};

inline constexpr int kMinScore = 1;  // most vulnerable
inline constexpr int kMaxScore = 4;  // least vulnerable

struct SubDomain {
    std::string key;  // snake_case, unique within its domain
    std::string label;
};

struct InstrumentDomain {
    std::string key;  // one of kAssessmentDomains
    std::string label;
    std::vector<SubDomain> sub_domains;
};

struct AssessmentInstrument {
    std::string name;
    std::string version;
    std::vector<InstrumentDomain> domains;  // every domain of kAssessmentDomains, once

    // How assessments name the instrument they were scored with.
    std::string Id() const { return name + " " + version; }
    const InstrumentDomain* Find(std::string_view domain) const;
};

// When a survivor counts as restored: every listed domain's score (the mean
// of its sub-domains) is at least min_domain_score. No list: every domain.
struct RestorationRule {
    double min_domain_score = 3.0;
    std::vector<std::string> domains;
};

// onestory's own instrument: three sub-domains per domain.
AssessmentInstrument DefaultInstrument();

// Keys are lower-case snake_case (1 to 48 characters), labels 1 to 200
// bytes, names and versions 1 to 100; each of the six domains appears once
// with 1 to 8 sub-domains of distinct keys. The error names the member
// ("domains[2].sub_domains[1].key").
Status ValidateInstrument(const AssessmentInstrument& instrument);
Status ValidateRestorationRule(const RestorationRule& rule);
bool IsInstrumentKey(std::string_view key);

}  // namespace onestory::domain
