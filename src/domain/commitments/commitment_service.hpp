// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/care_records.hpp"
#include "domain/commitments/commitment_types.hpp"
#include "domain/service_context.hpp"
#include "store/commitment_rows.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Promises made to the survivor, and the team's commitments from case
// reviews, each with an owner and a due date.
//
// The owning agency's case team records them and updates them with If-Match;
// the owner of a team commitment (who may work in another agency) reports on
// it too. A promise to the survivor that is changed or missed needs a note of
// how the survivor was told. What was promised, notes and that account are
// sealed; everything is audited. An open commitment past its due date raises
// an alert for its owner and the agency's supervisors.
class CommitmentService {
  public:
    explicit CommitmentService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Commitment> Create(const policy::Actor& actor, std::string_view case_id, const NewCommitment& commitment);
    Result<store::Page<Commitment>> List(const policy::Actor& actor, std::string_view case_id,
                                         const store::PageRequest& page);
    Result<Commitment> Update(const policy::Actor& actor, std::string_view id, std::int64_t expected_version,
                              const CommitmentPatch& patch);

  private:
    const ServiceContext& ctx_;
};

// Builds the team commitment a case review's decision becomes (sealed with
// the survivor's key), for the review to insert in its own transaction.
store::CommitmentRow TeamCommitmentRow(const store::CaseRow& kase, const SurvivorSealer& sealer,
                                       const std::string& review_id, const std::string& what,
                                       const std::string& owner_id, Date due, const std::string& created_by,
                                       Instant now);

bool KeptOnTime(const store::CommitmentRow& row);
CommitmentSummary SummarizeCommitments(const std::vector<store::CommitmentRow>& rows, Date today);

}  // namespace onestory::domain
