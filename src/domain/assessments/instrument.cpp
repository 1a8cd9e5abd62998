// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/assessments/instrument.hpp"

#include <algorithm>
#include <set>

namespace onestory::domain {
namespace {

constexpr std::size_t kMaxKey = 48;
constexpr std::size_t kMaxLabel = 200;
constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxSubDomains = 8;

Status CheckLabel(const std::string& field, const std::string& text, std::size_t max) {
    if (text.find_first_not_of(' ') == std::string::npos) return Status::Invalid(field, "must not be empty");
    if (text.size() > max) return Status::Invalid(field, "must be at most " + std::to_string(max) + " bytes");
    return Status::Ok();
}

}  // namespace

const InstrumentDomain* AssessmentInstrument::Find(std::string_view domain) const {
    for (const auto& d : domains) {
        if (d.key == domain) return &d;
    }
    return nullptr;
}

bool IsInstrumentKey(std::string_view key) {
    if (key.empty() || key.size() > kMaxKey || key.front() == '_' || key.back() == '_') return false;
    return std::all_of(key.begin(), key.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

AssessmentInstrument DefaultInstrument() {
    return {"onestory outcome assessment",
            "1",
            {
                {"safety",
                 "Safety",
                 {{"safe_housing", "Lives somewhere safe and stable"},
                  {"freedom_from_threats", "Is free from threats and from contact with those who exploited them"},
                  {"safety_knowledge", "Knows how to stay safe and where to find help"}}},
                {"legal_protection",
                 "Legal protection",
                 {{"documents", "Holds the identity and residence documents they need"},
                  {"access_to_justice", "Understands the legal process and takes part in it as they choose"},
                  {"legal_support", "Has legal advice or representation when they need it"}}},
                {"mental_wellbeing",
                 "Mental wellbeing",
                 {{"emotional_balance", "Manages distress and everyday emotions"},
                  {"self_worth", "Feels self-worth and hope for the future"},
                  {"coping", "Uses healthy ways of coping"}}},
                {"economic_empowerment_education",
                 "Economic empowerment and education",
                 {{"income", "Has a steady and fair source of income"},
                  {"learning", "Is learning or building skills"},
                  {"money_management", "Manages money and avoids risky debt"}}},
                {"social_support",
                 "Social support",
                 {{"trusted_people", "Has people they trust and can turn to"},
                  {"community", "Takes part in community life"},
                  {"family", "Has safe family relationships, where they want them"}}},
                {"physical_wellbeing",
                 "Physical wellbeing",
                 {{"health_care", "Gets the health care they need"},
                  {"daily_needs", "Has enough food, rest and other daily needs"},
                  {"physical_health", "Their physical health allows their daily activities"}}},
            }};
}

Status ValidateInstrument(const AssessmentInstrument& instrument) {
    ONESTORY_RETURN_IF_ERROR(CheckLabel("name", instrument.name, kMaxName));
    ONESTORY_RETURN_IF_ERROR(CheckLabel("version", instrument.version, kMaxName));
    std::set<std::string> seen;
    for (std::size_t i = 0; i < instrument.domains.size(); ++i) {
        const auto& d = instrument.domains[i];
        const std::string at = "domains[" + std::to_string(i) + "]";
        if (std::find(kAssessmentDomains.begin(), kAssessmentDomains.end(), d.key) == kAssessmentDomains.end()) {
            return Status::Invalid(at + ".key",
                                   "must be one of safety, legal_protection, mental_wellbeing, "
                                   "economic_empowerment_education, social_support, physical_wellbeing");
        }
        if (!seen.insert(d.key).second) return Status::Invalid(at + ".key", "names a domain listed before");
        ONESTORY_RETURN_IF_ERROR(CheckLabel(at + ".label", d.label, kMaxLabel));
        if (d.sub_domains.empty() || d.sub_domains.size() > kMaxSubDomains) {
            return Status::Invalid(at + ".sub_domains", "must hold 1 to 8 sub-domains");
        }
        std::set<std::string> keys;
        for (std::size_t j = 0; j < d.sub_domains.size(); ++j) {
            const auto& s = d.sub_domains[j];
            const std::string sub = at + ".sub_domains[" + std::to_string(j) + "]";
            if (!IsInstrumentKey(s.key)) {
                return Status::Invalid(sub + ".key", "must be lower-case letters, digits and _ (at most 48)");
            }
            if (!keys.insert(s.key).second) return Status::Invalid(sub + ".key", "names a sub-domain listed before");
            ONESTORY_RETURN_IF_ERROR(CheckLabel(sub + ".label", s.label, kMaxLabel));
        }
    }
    for (const auto key : kAssessmentDomains) {
        if (!seen.count(std::string(key))) return Status::Invalid("domains", "has no domain " + std::string(key));
    }
    return Status::Ok();
}

Status ValidateRestorationRule(const RestorationRule& rule) {
    if (!(rule.min_domain_score >= kMinScore && rule.min_domain_score <= kMaxScore)) {
        return Status::Invalid("restoration.min_domain_score", "must be a number from 1 to 4");
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < rule.domains.size(); ++i) {
        const std::string at = "restoration.domains[" + std::to_string(i) + "]";
        if (std::find(kAssessmentDomains.begin(), kAssessmentDomains.end(), rule.domains[i]) ==
            kAssessmentDomains.end()) {
            return Status::Invalid(at, "is not an assessment domain");
        }
        if (!seen.insert(rule.domains[i]).second) return Status::Invalid(at, "is listed twice");
    }
    return Status::Ok();
}

}  // namespace onestory::domain
