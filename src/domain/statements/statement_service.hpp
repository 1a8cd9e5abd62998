// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "domain/sealer.hpp"
#include "domain/service_context.hpp"
#include "domain/statements/passage_types.hpp"
#include "store/page.hpp"
#include "store/passage_rows.hpp"

namespace onestory::domain {

// The survivor's statement: passages by topic, recorded in interviews and
// reviewed by the survivor.
//
// Passage text, corrections and the survivor's comments are sealed with the
// survivor's data key (associated data: survivor, field and row id). A
// passage never changes: reading back or confirming records the review on
// it, and a correction adds a new version that supersedes it. Concurrent
// reviews of one version cannot fork it: the second finds it superseded or
// already reviewed (409). The owning agency's case team records and reviews;
// every read of the text is audited. Methods take any policy::Actor, so the
// survivor's own portal session can review once the policy allows it.
class StatementService {
  public:
    explicit StatementService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Passage> Add(const policy::Actor& actor, std::string_view case_id, const NewPassage& passage);
    // Current versions of the case's passages, with the survivor's comments.
    Result<store::Page<Passage>> List(const policy::Actor& actor, std::string_view case_id,
                                      const store::PageRequest& page);
    // Any version, superseded ones included.
    Result<Passage> Get(const policy::Actor& actor, std::string_view passage_id);
    // Answers the passage as it now stands (the new version after a correction).
    Result<Passage> Review(const policy::Actor& actor, std::string_view passage_id, const PassageReview& review);

  private:
    const ServiceContext& ctx_;
};

// A stored passage version with its text unsealed and its chain's comments.
Result<Passage> OpenPassage(store::Transaction& tx, const SurvivorSealer& sealer, const store::PassageRow& row);

}  // namespace onestory::domain
