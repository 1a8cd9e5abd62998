// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "domain/reviews/review_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Multidisciplinary case reviews, recorded by the owning agency's case team.
// Attendees are staff of any agency; each decision's text is sealed; a
// decision with an owner and a due date becomes a team commitment (not a
// promise to the survivor) in the same transaction, tracked and alerted on
// like every commitment. Recording and reading are audited.
class ReviewService {
  public:
    explicit ReviewService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<CaseReview> Create(const policy::Actor& actor, std::string_view case_id, const NewCaseReview& review);
    Result<store::Page<CaseReview>> List(const policy::Actor& actor, std::string_view case_id,
                                         const store::PageRequest& page);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
