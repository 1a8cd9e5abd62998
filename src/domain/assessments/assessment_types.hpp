// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/enum_names.hpp"
#include "common/status.hpp"
#include "common/time.hpp"
#include "domain/assessments/instrument.hpp"

namespace onestory::domain {

// Where an assessment falls in the schedule: at intake, six months after the
// intake assessment, then every year.
enum class AssessmentKind { kIntake, kSixMonths, kYearly };

// How long after a case is opened its intake assessment is due.
inline constexpr int kIntakeAssessmentDays = 30;

// domain -> sub-domain -> score (1..4).
using AssessmentScores = std::map<std::string, std::map<std::string, int>>;

struct DomainScore {
    std::string domain;
    double score = 0;  // the mean of its sub-domains
};

struct Assessment {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    Date assessed_on;
    AssessmentKind kind = AssessmentKind::kIntake;
    std::string instrument;
    AssessmentScores scores;
    std::vector<DomainScore> domain_scores;  // in the order of kAssessmentDomains
    bool restored = false;
    std::optional<std::string> notes;  // protected
    std::string created_by;
    Instant created_at;
};

struct NewAssessment {
    Date assessed_on;
    AssessmentScores scores;
    std::optional<std::string> notes;
};

struct AssessmentDue {
    AssessmentKind kind = AssessmentKind::kIntake;
    Date due;
};

// The domain scores over time, oldest first, for charting.
struct AssessmentTrend {
    std::vector<Assessment> points;  // without notes
    std::optional<AssessmentDue> next_due;
};

// Every domain and sub-domain of the instrument scored 1..4, nothing else;
// the error names the member ("scores.safety.safe_housing").
Status CheckScores(const AssessmentInstrument& instrument, const AssessmentScores& scores);
// Each domain's mean over the sub-domains scored, in kAssessmentDomains order.
std::vector<DomainScore> DomainMeans(const AssessmentScores& scores);
bool MeetsRestoration(const RestorationRule& rule, const std::vector<DomainScore>& domain_scores);
// The next assessment due, given the day the case was opened, the date of
// its first assessment and how many it has had.
AssessmentDue NextAssessmentDue(Date case_opened_on, const std::optional<Date>& first_assessed_on, int assessments);
// The kind of the n-th assessment (0 is the intake).
AssessmentKind KindOfAssessment(std::size_t index);

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::AssessmentKind> {
    using K = domain::AssessmentKind;
    static constexpr std::array<std::pair<K, std::string_view>, 3> kTable{{
        {K::kIntake, "intake"},
        {K::kSixMonths, "six_months"},
        {K::kYearly, "yearly"},
    }};
};
}  // namespace onestory
