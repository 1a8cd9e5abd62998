// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <algorithm>

#include "domain/assessments/assessment_types.hpp"
#include "domain/care_records.hpp"

namespace onestory::domain {

Status CheckScores(const AssessmentInstrument& instrument, const AssessmentScores& scores) {
    for (const auto& [domain, subs] : scores) {
        const InstrumentDomain* d = instrument.Find(domain);
        if (d == nullptr) return Status::Invalid("scores." + domain, "is not a domain of the instrument in force");
        for (const auto& [sub, score] : subs) {
            const std::string at = "scores." + domain + "." + sub;
            const bool known = std::any_of(d->sub_domains.begin(), d->sub_domains.end(),
                                           [&](const SubDomain& s) { return s.key == sub; });
            if (!known) return Status::Invalid(at, "is not a sub-domain of " + domain + " in the instrument in force");
            if (score < kMinScore || score > kMaxScore) {
                return Status::Invalid(at, "must be a score from 1 (most vulnerable) to 4 (least)");
            }
        }
    }
    for (const auto& d : instrument.domains) {
        const auto found = scores.find(d.key);
        if (found == scores.end()) return Status::Invalid("scores." + d.key, "is required");
        for (const auto& s : d.sub_domains) {
            if (!found->second.count(s.key)) return Status::Invalid("scores." + d.key + "." + s.key, "is required");
        }
    }
    return Status::Ok();
}

std::vector<DomainScore> DomainMeans(const AssessmentScores& scores) {
    std::vector<DomainScore> out;
    for (const auto domain : kAssessmentDomains) {
        const auto found = scores.find(std::string(domain));
        if (found == scores.end() || found->second.empty()) continue;
        double sum = 0;
        for (const auto& [sub, score] : found->second) sum += score;
        out.push_back({std::string(domain), sum / static_cast<double>(found->second.size())});
    }
    return out;
}

bool MeetsRestoration(const RestorationRule& rule, const std::vector<DomainScore>& domain_scores) {
    std::vector<std::string> needed = rule.domains;
    if (needed.empty()) needed.assign(kAssessmentDomains.begin(), kAssessmentDomains.end());
    for (const auto& domain : needed) {
        const auto found = std::find_if(domain_scores.begin(), domain_scores.end(),
                                        [&](const DomainScore& s) { return s.domain == domain; });
        if (found == domain_scores.end() || found->score < rule.min_domain_score) return false;
    }
    return true;
}

AssessmentDue NextAssessmentDue(Date case_opened_on, const std::optional<Date>& first_assessed_on, int assessments) {
    if (assessments <= 0 || !first_assessed_on) {
        return {AssessmentKind::kIntake, AddDays(case_opened_on, kIntakeAssessmentDays)};
    }
    return {KindOfAssessment(static_cast<std::size_t>(assessments)),
            AddMonths(*first_assessed_on, 6 + 12 * (assessments - 1))};
}

AssessmentKind KindOfAssessment(std::size_t index) {
    if (index == 0) return AssessmentKind::kIntake;
    if (index == 1) return AssessmentKind::kSixMonths;
    return AssessmentKind::kYearly;
}

}  // namespace onestory::domain
