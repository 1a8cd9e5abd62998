// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/access_log/access_log_service.hpp"
#include "domain/commitments/commitment_service.hpp"
#include "domain/consents/consent_service.hpp"
#include "domain/disclosures/disclosure_service.hpp"
#include "domain/hearings/hearing_service.hpp"
#include "domain/portal/portal_types.hpp"
#include "domain/service_context.hpp"
#include "domain/statements/statement_service.hpp"

namespace onestory::domain {

// The survivor portal: how a survivor comes to it, and what it shows them.
//
// A member of the survivor's case team issues a one-time code (Invite),
// valid for 72 hours and answered once; only its hash is kept, and a newer
// code replaces any unused one. The survivor redeems it (Activate), choosing
// a username and a passphrase: the passphrase is hashed with Argon2id, the
// username kept only as a blind index, the code spent, and any earlier
// portal session of theirs ended. Activation signs them in at once; later
// they sign in with Login, which is throttled and locked like a staff login
// and answers an unknown username exactly like a wrong passphrase. Failures
// are also counted per network address, so that one address cannot try many
// usernames (a looser bound than the per-account one, as several survivors
// may share a shelter's connection).
//
// Signed in, the survivor is a policy::Actor of kind kSurvivor whose id is
// their survivor id. Everything below goes through the same services and
// the same policy as staff work, with that actor: the policy allows a
// survivor their own record only, so a consent, passage or case of anyone
// else is refused (403 not_own_record) and audited. What the survivor does
// (withdraw a consent, confirm, correct or comment on a passage) is recorded
// as done by the survivor themself. Codes and passphrases never reach the
// audit log, the logs or an error message.
class PortalService {
  public:
    static constexpr std::chrono::hours kInviteLifetime{72};

    PortalService(const ServiceContext& ctx, ConsentService& consents, StatementService& statements,
                  DisclosureService& disclosures, AccessLogService& access_log, CommitmentService& commitments,
                  HearingService& hearings)
        : ctx_(ctx),
          consents_(consents),
          statements_(statements),
          disclosures_(disclosures),
          access_log_(access_log),
          commitments_(commitments),
          hearings_(hearings) {}

    Result<PortalInvite> Invite(const policy::Actor& actor, std::string_view survivor_id);
    Result<PortalSession> Activate(std::string_view code, std::string_view username, std::string_view passphrase,
                                   std::string_view remote);
    Result<PortalSession> Login(std::string_view username, std::string_view passphrase, std::string_view remote);

    // The survivor's own record. `actor` is the portal session's.
    Result<PortalOverview> Overview(const policy::Actor& actor);
    Result<std::vector<PortalDisclosure>> Disclosures(const policy::Actor& actor);
    Result<std::vector<PortalConsent>> Consents(const policy::Actor& actor);
    Result<PortalConsent> Withdraw(const policy::Actor& actor, std::string_view consent_id,
                                   const std::optional<std::string>& reason);
    Result<std::vector<Passage>> Passages(const policy::Actor& actor);
    Result<Passage> Review(const policy::Actor& actor, std::string_view passage_id, const PassageReview& review);
    Result<Passage> Comment(const policy::Actor& actor, std::string_view passage_id, std::string_view comment);
    // Interviews still to come (not yet ended, scheduled no more than a day ago), soonest first.
    Result<std::vector<PortalInterview>> Interviews(const policy::Actor& actor);
    Result<AccessLogPage> AccessLog(const policy::Actor& actor, std::optional<std::int64_t> before_seq, int limit);
    // The promises made to the survivor (not the team's own commitments):
    // open ones first, soonest due first, then those resolved, latest first.
    Result<std::vector<Commitment>> Promises(const policy::Actor& actor);
    // Court hearings still to come (or begun within the last day), soonest first.
    Result<std::vector<Hearing>> Hearings(const policy::Actor& actor);

  private:
    // Inside a write: stores the session whose tokens `session` holds, audits
    // `event`, and fills in who the survivor is.
    Status StartSession(store::Transaction& tx, const std::string& survivor_id, const audit::AuditEvent& event,
                        PortalSession& session);
    Result<PortalAgency> AgencyOf(std::string_view id);

    const ServiceContext& ctx_;
    ConsentService& consents_;
    StatementService& statements_;
    DisclosureService& disclosures_;
    AccessLogService& access_log_;
    CommitmentService& commitments_;
    HearingService& hearings_;
};

// A code as the survivor may type it ("abcd efgh-jkmn", O for 0, I or L for
// 1), in its canonical form, or "" when it cannot be one.
std::string NormalizePortalCode(std::string_view code);

}  // namespace onestory::domain
