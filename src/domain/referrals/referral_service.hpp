// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "domain/referrals/referral_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Closed-loop referrals to the providers of the service directory.
//
// The owning agency's case team proposes a referral and sends it; the
// agency the provider belongs to sees it once sent, answers it (accepts or
// declines, with a reason) and records the service (in service, completed);
// either side closes it. For a provider outside onestory (or inside the
// owning agency) the case team records every step. Illegal moves are 409.
//
// A referral that shares parts of the survivor's record (share_categories)
// with a provider of another agency needs, when it is proposed and again
// when it is sent, one active consent of the survivor for that agency,
// purpose aftercare or health, covering every category: the same check as a
// disclosure's (policy::ReferralCoverageOf), refused with 403 no_consent and
// what is uncovered. The receiving agency reads the shared categories while
// that consent stays active and only with a role that works on its purpose.
//
// The reason, a decline's reason and every note are sealed; each change and
// read is audited. A referral without an answer by follow_up_by, or accepted
// and not completed by complete_by (set on acceptance, by default
// kDaysToCompleteAfterAcceptance days later), raises an alert.
class ReferralService {
  public:
    explicit ReferralService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Referral> Create(const policy::Actor& actor, std::string_view case_id, const NewReferral& referral);
    Result<Referral> Get(const policy::Actor& actor, std::string_view id);
    Result<store::Page<Referral>> ListOfCase(const policy::Actor& actor, std::string_view case_id,
                                             const store::PageRequest& page);
    // Sent referrals addressed to the actor's agency.
    Result<store::Page<Referral>> ListReceived(const policy::Actor& actor, const store::PageRequest& page);
    Result<Referral> Transition(const policy::Actor& actor, std::string_view id, const ReferralMove& move);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
