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

// A multidisciplinary case review. Who attended is plain; each decision's
// text is sealed.
struct ReviewRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::int64_t held_at = 0;
    std::string attendees;  // comma-joined staff ids
    std::string agencies;   // comma-joined agency ids
    std::string created_by;
    std::int64_t created_at = 0;
};

struct ReviewDecisionRow {
    std::string review_id;
    std::int64_t position = 0;
    std::string text;  // sealed
    std::optional<std::string> owner_id;
    std::optional<std::string> due;
    std::optional<std::string> commitment_id;
};

Status InsertReview(Transaction& tx, const ReviewRow& row);
Status InsertReviewDecision(Transaction& tx, const ReviewDecisionRow& row);
// Newest first.
Result<Page<ReviewRow>> ListReviewsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);
Result<std::vector<ReviewRow>> AllReviewsOfCase(Transaction& tx, std::string_view case_id);
// In order.
Result<std::vector<ReviewDecisionRow>> ListReviewDecisions(Transaction& tx, std::string_view review_id);

}  // namespace onestory::store
