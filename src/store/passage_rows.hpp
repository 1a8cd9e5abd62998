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

// One version of one passage of a survivor's statement. The text is sealed
// and never changes; only the review fields and superseded_by are written
// after the insert. chain_id is the id of the passage's first version.
struct PassageRow {
    std::string id;
    std::string chain_id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string interview_id;
    std::string topic;
    std::string sensitivity;
    std::string text;  // sealed
    std::int64_t version = 1;
    std::string review_status;
    std::optional<std::string> reviewed_by;
    std::optional<std::int64_t> reviewed_at;
    std::optional<std::string> supersedes;
    std::optional<std::string> superseded_by;
    std::string created_by;
    std::int64_t created_at = 0;
};

struct PassageCommentRow {
    std::string id;
    std::string chain_id;
    std::string passage_id;  // the version commented on
    std::string survivor_id;
    std::string comment;  // sealed
    std::string recorded_by;
    std::int64_t created_at = 0;
};

// A current passage on a topic the survivor has confirmed or corrected.
struct CoveredPassage {
    std::string topic;
    std::string id;
};

Status InsertPassage(Transaction& tx, const PassageRow& row);
Result<std::optional<PassageRow>> GetPassage(Transaction& tx, std::string_view id);
// The version of the chain nothing supersedes.
Result<std::optional<PassageRow>> GetCurrentPassage(Transaction& tx, std::string_view chain_id);
// Current versions only, newest first.
Result<Page<PassageRow>> ListCurrentPassagesOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);
// Current confirmed or corrected passages of the survivor, in every case of every agency.
Result<std::vector<CoveredPassage>> ListCoveredPassages(Transaction& tx, std::string_view survivor_id);
// Records a review of a current version whose status is still `from_status`;
// returns 0 when the passage was superseded or reviewed in the meantime.
Result<std::int64_t> ReviewPassage(Transaction& tx, std::string_view id, std::string_view from_status,
                                   std::string_view to_status, std::string_view reviewed_by, std::int64_t reviewed_at);
// Marks a current version as superseded by `by_id`, once; returns 0 when it
// was superseded already or reviewed since it was read (`from_status`).
Result<std::int64_t> SupersedePassage(Transaction& tx, std::string_view id, std::string_view from_status,
                                      std::string_view by_id);

// Every version of every passage of the survivor, oldest first, and every
// comment on them (the survivor's own copy).
Result<std::vector<PassageRow>> ListAllPassagesOfSurvivor(Transaction& tx, std::string_view survivor_id);
Result<std::vector<PassageCommentRow>> ListPassageCommentsOfSurvivor(Transaction& tx, std::string_view survivor_id);

Status InsertPassageComment(Transaction& tx, const PassageCommentRow& row);
// Oldest first.
Result<std::vector<PassageCommentRow>> ListPassageComments(Transaction& tx, std::string_view chain_id);

}  // namespace onestory::store
