// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/enum_names.hpp"
#include "common/time.hpp"
#include "policy/vocabulary.hpp"

namespace onestory::domain {

enum class Sensitivity { kStandard, kSensitive, kHighlySensitive };

// Where the survivor's own review of a passage stands: read back to them,
// confirmed as said, or corrected (a correction is a new version).
enum class ReviewStatus { kUnreviewed, kReadBack, kConfirmed, kCorrected };

// A comment the survivor made on their statement. It travels with every
// later version of the passage, and with every disclosure of it.
struct SurvivorComment {
    std::string id;
    std::string passage_id;  // the version it was made on
    std::string text;        // protected
    std::string recorded_by;
    Instant created_at;
};

// One version of one passage of the survivor's statement. Passages are
// immutable: a correction is a new version that supersedes the old, which
// stays for the record. `original_id` is the first version's id and names
// the passage across its versions.
struct Passage {
    std::string id;
    std::string original_id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string interview_id;
    policy::Topic topic = policy::Topic::kOther;
    Sensitivity sensitivity = Sensitivity::kStandard;
    std::string text;  // protected
    std::int64_t version = 1;
    ReviewStatus review_status = ReviewStatus::kUnreviewed;
    std::optional<std::string> reviewed_by;
    std::optional<Instant> reviewed_at;
    std::optional<std::string> supersedes;
    std::optional<std::string> superseded_by;
    std::vector<SurvivorComment> survivor_comments;
    std::string created_by;
    Instant created_at;
};

struct NewPassage {
    std::string interview_id;
    policy::Topic topic = policy::Topic::kOther;
    std::string text;
    Sensitivity sensitivity = Sensitivity::kStandard;
};

struct PassageReview {
    ReviewStatus status = ReviewStatus::kReadBack;
    std::optional<std::string> corrected_text;
    std::optional<std::string> survivor_comment;
};

// Whether the survivor has reviewed the passage as it stands (only such
// passages count as on record, and only they can be disclosed).
inline bool IsSurvivorReviewed(ReviewStatus status) {
    return status == ReviewStatus::kConfirmed || status == ReviewStatus::kCorrected;
}

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::Sensitivity> {
    using S = domain::Sensitivity;
    static constexpr std::array<std::pair<S, std::string_view>, 3> kTable{{
        {S::kStandard, "standard"},
        {S::kSensitive, "sensitive"},
        {S::kHighlySensitive, "highly_sensitive"},
    }};
};
template <>
struct EnumNames<domain::ReviewStatus> {
    using R = domain::ReviewStatus;
    static constexpr std::array<std::pair<R, std::string_view>, 4> kTable{{
        {R::kUnreviewed, "unreviewed"},
        {R::kReadBack, "read_back"},
        {R::kConfirmed, "confirmed"},
        {R::kCorrected, "corrected"},
    }};
};
}  // namespace onestory
