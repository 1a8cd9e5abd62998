// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/consents/consent_types.hpp"
#include "domain/service_context.hpp"
#include "store/consent_rows.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Recording, listing and withdrawing a survivor's consents.
//
// Only the survivor's own agency records a consent (its case team) or a
// withdrawal (the team or a supervisor, so that a withdrawal never waits).
// A consent is always time-limited; its state (active, expired, revoked) is
// computed against the clock at every request, so a withdrawal or an expiry
// takes effect on the very next request. Witness, guardian and withdrawal
// reason are sealed with the survivor's data key. Every grant, withdrawal and
// read is audited. Methods take any policy::Actor, so that the survivor's own
// portal session can be allowed by the policy later without changes here.
class ConsentService {
  public:
    explicit ConsentService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Consent> Grant(const policy::Actor& actor, std::string_view survivor_id, const NewConsent& consent);
    Result<store::Page<Consent>> List(const policy::Actor& actor, std::string_view survivor_id,
                                      const store::PageRequest& page);
    Result<Consent> Revoke(const policy::Actor& actor, std::string_view consent_id,
                           const std::optional<std::string>& reason);

  private:
    const ServiceContext& ctx_;
};

// The state of a stored consent at `now`.
policy::ConsentState ConsentStateAt(const store::ConsentRow& row, Instant now);
// The policy's facts about the survivor's consents naming a recipient agency.
Result<std::vector<policy::ConsentFact>> LoadConsentFacts(store::Transaction& tx, std::string_view survivor_id,
                                                          std::string_view recipient_agency_id, Instant now);
policy::ConsentFact ConsentFactOf(const store::ConsentRow& row, Instant now);

}  // namespace onestory::domain
