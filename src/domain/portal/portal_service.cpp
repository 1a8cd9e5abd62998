// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/portal/portal_service.hpp"

#include <algorithm>
#include <map>

#include "common/strings.hpp"
#include "crypto/blind_index.hpp"
#include "crypto/hash.hpp"
#include "crypto/password.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/venues/venue_service.hpp"
#include "store/account_rows.hpp"
#include "store/case_rows.hpp"
#include "store/interview_rows.hpp"
#include "store/portal_rows.hpp"
#include "store/session_rows.hpp"
#include "store/venue_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

// Crockford's base 32: no I, L, O or U, so a code read aloud or copied by
// hand is hard to get wrong. 12 characters carry 60 random bits.
constexpr std::string_view kCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kCodeLength = 12;
constexpr std::size_t kMaxUsernameBytes = 200;
constexpr std::size_t kMaxCommentBytes = 4000;
// Interviews that began up to a day ago and have not ended are still shown.
constexpr std::chrono::hours kRecentInterview{24};

std::size_t CodePoints(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string NewCode() {
    const std::string random = crypto::RandomBytes(kCodeLength);
    std::string code;
    for (const char byte : random) code += kCodeAlphabet[static_cast<unsigned char>(byte) % kCodeAlphabet.size()];
    return code;
}

std::string Grouped(const std::string& code) {
    return code.substr(0, 4) + "-" + code.substr(4, 4) + "-" + code.substr(8);
}

std::string CodeHash(const std::string& normalized) {
    return crypto::HashHex("portal-invite:" + normalized);
}

std::string UsernameIndex(const crypto::SecretBytes& key, std::string_view username) {
    return crypto::BlindIndex(key, "portal_username", crypto::NormalizeForIndex(username));
}

// Throttled per username, known or not, like staff logins.
std::string ThrottleKey(const std::string& username_index) {
    return crypto::HashHex("portal-login:" + username_index);
}

// ...and per network address, which many usernames tried from one place
// would otherwise get round. Kept as a hash, like the username's key.
std::string AddressThrottleKey(std::string_view remote) {
    return crypto::HashHex("portal-login-address:" + std::string(remote));
}

// An address is locked after this many lockouts' worth of failures within
// one lock period: looser than one account's bound, since survivors may
// share a shelter's network.
constexpr int kAddressFailureFactor = 4;

// Counts one failure against an account's throttle row; true when it locks now.
bool CountFailure(store::LoginThrottleRow& row, const std::optional<store::LoginThrottleRow>& current, std::int64_t now,
                  int threshold, std::int64_t lock_micros) {
    row.failures = current ? current->failures + 1 : 1;
    row.locked_until = 0;
    if (current && current->locked_until != 0 && current->locked_until <= now) row.failures = 1;
    if (row.failures < threshold) return false;
    row.failures = 0;
    row.locked_until = now + lock_micros;
    return true;
}

// An address's row counts failures within a window: while counting,
// `failures` > 0 and `locked_until` is when the window ends; once locked,
// `failures` is 0 and `locked_until` is when the lock ends.
bool AddressLocked(const std::optional<store::LoginThrottleRow>& row, std::int64_t now) {
    return row && row->failures == 0 && row->locked_until > now;
}

void CountAddressFailure(store::LoginThrottleRow& row, const std::optional<store::LoginThrottleRow>& current,
                         std::int64_t now, int threshold, std::int64_t window_micros) {
    const bool counting = current && current->failures > 0 && current->locked_until > now;
    row.failures = counting ? current->failures + 1 : 1;
    row.locked_until = counting ? current->locked_until : now + window_micros;
    if (row.failures < threshold) return;
    row.failures = 0;
    row.locked_until = now + window_micros;
}

Status ValidateCredentials(std::string_view username, std::string_view passphrase, int min_length) {
    const std::string normalized = crypto::NormalizeForIndex(username);
    if (CodePoints(normalized) < 3 || username.size() > kMaxUsernameBytes) {
        return Status::Invalid("username", "must be 3 to 200 characters");
    }
    if (std::any_of(username.begin(), username.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        return Status::Invalid("username", "must not hold control characters");
    }
    if (CodePoints(passphrase) < static_cast<std::size_t>(min_length)) {
        return Status::Invalid("passphrase", "must be at least " + std::to_string(min_length) + " characters");
    }
    if (passphrase.size() > 1024) return Status::Invalid("passphrase", "must be at most 1024 bytes");
    return Status::Ok();
}

Status InvalidCode() {
    return {StatusCode::kInvalidArgument, "invalid_code",
            "this code is not valid: it may have been used already, or it is more than 72 hours old; ask your "
            "caseworker for a new one",
            "code"};
}

Status InvalidCredentials() {
    return {StatusCode::kUnauthenticated, "invalid_credentials", "the username or passphrase is not right"};
}

Status Locked(std::int64_t seconds_left) {
    Status s(StatusCode::kRateLimited, "account_locked", "too many attempts to sign in; try again later");
    s.WithRetryAfter(static_cast<int>(std::max<std::int64_t>(1, seconds_left)));
    return s;
}

audit::AuditEvent SurvivorEvent(std::string actor_kind, const std::string& survivor_id, std::string action,
                                std::string outcome) {
    audit::AuditEvent e;
    e.actor_kind = std::move(actor_kind);
    e.actor_id = e.actor_kind == "survivor" ? survivor_id : "";
    e.action = std::move(action);
    e.outcome = std::move(outcome);
    e.resource_kind = "portal_account";
    e.resource_id = survivor_id;
    e.survivor_id = survivor_id;
    return e;
}

}  // namespace

std::string NormalizePortalCode(std::string_view code) {
    std::string out;
    for (const char raw : code) {
        if (raw == ' ' || raw == '-' || raw == '\t') continue;
        char c = raw >= 'a' && raw <= 'z' ? static_cast<char>(raw - 'a' + 'A') : raw;
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        if (kCodeAlphabet.find(c) == std::string_view::npos) return "";
        out += c;
        if (out.size() > kCodeLength) return "";
    }
    return out.size() == kCodeLength ? out : "";
}

Result<PortalInvite> PortalService::Invite(const Actor& actor, std::string_view survivor_id) {
    const Instant now = ctx_.clock.Now();
    std::optional<SurvivorAccess> access;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, survivor_id, now));
        return Status::Ok();
    }));
    const auto& survivor = access->survivor;
    const auto decision = policy::Decide(actor, Action::kInvitePortal, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "portal.invite", "survivor", survivor.id, survivor.id);
    }
    const std::string code = NewCode();
    store::PortalInviteRow row;
    row.code_hash = CodeHash(code);
    row.id = crypto::NewIdString("pi");
    row.survivor_id = survivor.id;
    row.created_by = actor.id;
    row.created_at = ToMicros(now);
    row.expires_at = ToMicros(now + kInviteLifetime);

    audit::AuditEvent event = EventBy(actor, "portal.invite", "success");
    event.resource_kind = "survivor";
    event.resource_id = survivor.id;
    event.survivor_id = survivor.id;
    event.reason = decision.reason;
    event.detail = "invite=" + row.id + " expires_at=" + FormatInstant(FromMicros(row.expires_at));
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::DeleteUnusedPortalInvites(tx, survivor.id));
        ONESTORY_RETURN_IF_ERROR(store::InsertPortalInvite(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return PortalInvite{row.id, survivor.id, Grouped(code), now, FromMicros(row.expires_at)};
}

Status PortalService::StartSession(store::Transaction& tx, const std::string& survivor_id,
                                   const audit::AuditEvent& event, PortalSession& session) {
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, survivor_id));
    if (!survivor) return Status::NotFound("no such survivor");
    ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, survivor->agency_id));
    store::SessionRow row{crypto::HashHex(session.token),      "survivor", survivor_id,
                          crypto::HashHex(session.csrf_token), now,        now};
    ONESTORY_RETURN_IF_ERROR(store::InsertSession(tx, row));
    ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
    session.survivor = {survivor->id, survivor->code_name, SplitList(survivor->languages), survivor->agency_id,
                        agency ? agency->name : std::string()};
    return Status::Ok();
}

Result<PortalSession> PortalService::Activate(std::string_view code, std::string_view username,
                                              std::string_view passphrase, std::string_view remote) {
    ONESTORY_RETURN_IF_ERROR(ValidateCredentials(username, passphrase, ctx_.settings.min_password_length));
    const std::string normalized = NormalizePortalCode(code);
    if (normalized.empty()) return InvalidCode();
    const std::string code_hash = CodeHash(normalized);
    const std::string username_index = UsernameIndex(ctx_.blind_index_key, username);
    const Instant now = ctx_.clock.Now();

    std::optional<store::PortalInviteRow> invite;
    std::optional<store::PortalAccountRow> holder;
    std::optional<store::PortalAccountRow> existing;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(invite, store::GetPortalInvite(tx, code_hash));
        ONESTORY_ASSIGN_OR_RETURN(holder, store::GetPortalAccountByUsername(tx, username_index));
        if (invite) {
            ONESTORY_ASSIGN_OR_RETURN(existing, store::GetPortalAccount(tx, invite->survivor_id));
        }
        return Status::Ok();
    }));
    if (!invite) return InvalidCode();
    if (invite->used_at || invite->expires_at <= ToMicros(now)) {
        // Someone holds a real code that no longer works: the survivor's log says so.
        audit::AuditEvent event = SurvivorEvent("anonymous", invite->survivor_id, "portal.activate_failed", "failure");
        event.reason = invite->used_at ? "code_used" : "code_expired";
        event.detail = "invite=" + invite->id + " from " + std::string(remote);
        ONESTORY_RETURN_IF_ERROR(
            ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); }));
        return InvalidCode();
    }
    const Status taken =
        Status(StatusCode::kConflict, "username_taken", "this username is taken; choose another", "username");
    if (holder && holder->survivor_id != invite->survivor_id) return taken;

    ONESTORY_ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(passphrase));
    store::PortalAccountRow account;
    account.survivor_id = invite->survivor_id;
    account.username_index = username_index;
    account.passphrase_hash = std::move(hash);
    account.active = true;
    account.created_at = existing ? existing->created_at : ToMicros(now);
    account.updated_at = ToMicros(now);
    account.version = 1;

    audit::AuditEvent event = SurvivorEvent("survivor", invite->survivor_id, "portal.activate", "success");
    event.detail = "invite=" + invite->id + (existing ? " renewed" : "") + " from " + std::string(remote);
    PortalSession session;
    session.token = crypto::RandomToken();
    session.csrf_token = crypto::RandomToken();
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto used, store::UsePortalInvite(tx, code_hash, ToMicros(now)));
        if (used != 1) return InvalidCode();  // redeemed at the same moment elsewhere
        ONESTORY_RETURN_IF_ERROR(store::PutPortalAccount(tx, account));
        // Whoever held the old passphrase is signed out.
        ONESTORY_RETURN_IF_ERROR(store::DeleteSessionsOf(tx, account.survivor_id));
        ONESTORY_RETURN_IF_ERROR(store::ClearLoginThrottle(tx, ThrottleKey(username_index)));
        return StartSession(tx, account.survivor_id, event, session);
    });
    if (written.reason() == "duplicate") return taken;
    ONESTORY_RETURN_IF_ERROR(written);
    return session;
}

Result<PortalSession> PortalService::Login(std::string_view username, std::string_view passphrase,
                                           std::string_view remote) {
    const std::string username_index = UsernameIndex(ctx_.blind_index_key, username);
    const std::string key = ThrottleKey(username_index);
    const std::string address_key = AddressThrottleKey(remote);
    std::optional<store::PortalAccountRow> account;
    std::optional<store::LoginThrottleRow> throttle;
    std::optional<store::LoginThrottleRow> address_throttle;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(account, store::GetPortalAccountByUsername(tx, username_index));
        ONESTORY_ASSIGN_OR_RETURN(throttle, store::GetLoginThrottle(tx, key));
        ONESTORY_ASSIGN_OR_RETURN(address_throttle, store::GetLoginThrottle(tx, address_key));
        return Status::Ok();
    }));
    const std::string survivor_id = account ? account->survivor_id : std::string();
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    const std::string from = "from " + std::string(remote) + (account ? "" : "; unknown username");

    const bool account_locked = throttle && throttle->locked_until > now;
    const bool address_locked = AddressLocked(address_throttle, now);
    if (account_locked || address_locked) {
        audit::AuditEvent event = SurvivorEvent("anonymous", survivor_id, "portal.login_locked", "denied");
        event.reason = account_locked ? "account_locked" : "address_locked";
        event.detail = from;
        ONESTORY_RETURN_IF_ERROR(
            ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); }));
        const std::int64_t until =
            std::max(account_locked ? throttle->locked_until : 0, address_locked ? address_throttle->locked_until : 0);
        return Locked((until - now) / 1'000'000);
    }

    // One Argon2id verification whatever happens, so timing does not tell
    // whether the username exists.
    const bool usable = account && account->active;
    const bool verified =
        crypto::VerifyPassword(usable ? account->passphrase_hash : crypto::DummyPasswordHash(), passphrase);
    if (!(usable && verified)) {
        audit::AuditEvent event = SurvivorEvent("anonymous", survivor_id, "portal.login_failed", "failure");
        event.reason = "invalid_credentials";
        event.detail = from;
        const std::int64_t lock_micros =
            std::chrono::duration_cast<std::chrono::microseconds>(ctx_.settings.lockout_duration).count();
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto current, store::GetLoginThrottle(tx, key));
            store::LoginThrottleRow row{key, 0, 0};
            const bool locked_now = CountFailure(row, current, now, ctx_.settings.lockout_threshold, lock_micros);
            ONESTORY_RETURN_IF_ERROR(store::PutLoginThrottle(tx, row));
            ONESTORY_ASSIGN_OR_RETURN(auto current_address, store::GetLoginThrottle(tx, address_key));
            store::LoginThrottleRow address_row{address_key, 0, 0};
            CountAddressFailure(address_row, current_address, now,
                                ctx_.settings.lockout_threshold * kAddressFailureFactor, lock_micros);
            ONESTORY_RETURN_IF_ERROR(store::PutLoginThrottle(tx, address_row));
            ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
            if (locked_now) {
                audit::AuditEvent lock = SurvivorEvent("system", survivor_id, "portal.locked", "success");
                lock.reason = "too_many_failures";
                ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, lock));
            }
            return Status::Ok();
        }));
        return InvalidCredentials();
    }

    audit::AuditEvent event = SurvivorEvent("survivor", survivor_id, "portal.login", "success");
    event.detail = "from " + std::string(remote);
    PortalSession session;
    session.token = crypto::RandomToken();
    session.csrf_token = crypto::RandomToken();
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::ClearLoginThrottle(tx, key));
        return StartSession(tx, survivor_id, event, session);
    }));
    return session;
}

Result<PortalAgency> PortalService::AgencyOf(std::string_view id) {
    std::optional<store::AgencyRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetAgency(tx, id));
        return Status::Ok();
    }));
    if (!row) return PortalAgency{std::string(id), "", policy::AgencyKind::kOther};
    return PortalAgency{row->id, row->name,
                        ParseEnum<policy::AgencyKind>(row->kind).value_or(policy::AgencyKind::kOther)};
}

namespace {

// The survivor's record and cases, with the policy's answer on reading them
// through the portal.
struct OwnRecord {
    store::SurvivorRow survivor;
    std::vector<store::CaseRow> cases;
};

Result<OwnRecord> LoadOwnRecord(const ServiceContext& ctx, const Actor& actor) {
    OwnRecord out;
    std::optional<store::SurvivorRow> survivor;
    ONESTORY_RETURN_IF_ERROR(ctx.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, actor.id));
        if (survivor) {
            ONESTORY_ASSIGN_OR_RETURN(out.cases, store::ListCasesOfSurvivor(tx, survivor->id));
        }
        return Status::Ok();
    }));
    policy::Resource resource{survivor ? survivor->agency_id : std::string(), survivor ? survivor->id : std::string(),
                              ""};
    const auto decision = policy::Decide(actor, Action::kPortalRead, resource, {});
    if (!decision.allowed || !survivor) {
        return Refuse(ctx, actor, decision, "portal.read", "survivor", actor.id, survivor ? survivor->id : "");
    }
    out.survivor = std::move(*survivor);
    return out;
}

}  // namespace

Result<PortalOverview> PortalService::Overview(const Actor& actor) {
    ONESTORY_ASSIGN_OR_RETURN(OwnRecord own, LoadOwnRecord(ctx_, actor));
    PortalOverview out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, own.survivor.agency_id));
        out.survivor = {own.survivor.id, own.survivor.code_name, SplitList(own.survivor.languages),
                        own.survivor.agency_id, agency ? agency->name : std::string()};
        out.team.clear();
        std::vector<std::string> seen;
        for (const auto& kase : own.cases) {
            ONESTORY_ASSIGN_OR_RETURN(auto members, store::ListTeam(tx, kase.id));
            for (const auto& m : members) {
                if (std::find(seen.begin(), seen.end(), m.staff_id) != seen.end()) continue;
                seen.push_back(m.staff_id);
                ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, m.staff_id));
                if (!staff || !staff->active) continue;
                ONESTORY_ASSIGN_OR_RETURN(auto their_agency, store::GetAgency(tx, staff->agency_id));
                out.team.push_back(
                    {staff->display_name, m.case_role, their_agency ? their_agency->name : std::string()});
            }
        }
        return Status::Ok();
    }));
    return out;
}

Result<std::vector<PortalDisclosure>> PortalService::Disclosures(const Actor& actor) {
    ONESTORY_ASSIGN_OR_RETURN(OwnRecord own, LoadOwnRecord(ctx_, actor));
    std::vector<PortalDisclosure> out;
    std::map<std::string, PortalAgency> agencies;
    auto agency = [&](const std::string& id) -> Result<PortalAgency> {
        if (auto found = agencies.find(id); found != agencies.end()) return found->second;
        ONESTORY_ASSIGN_OR_RETURN(auto a, AgencyOf(id));
        return agencies[id] = a;
    };
    for (const auto& kase : own.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto page, disclosures_.ListOfCase(actor, kase.id, {500, std::nullopt}));
        for (auto& d : page.items) {
            ONESTORY_ASSIGN_OR_RETURN(auto recipient, agency(d.recipient_agency_id));
            ONESTORY_ASSIGN_OR_RETURN(auto discloser, agency(d.agency_id));
            out.push_back({std::move(d), std::move(recipient), std::move(discloser)});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.disclosure.created_at > b.disclosure.created_at; });
    return out;
}

Result<std::vector<PortalConsent>> PortalService::Consents(const Actor& actor) {
    ONESTORY_ASSIGN_OR_RETURN(OwnRecord own, LoadOwnRecord(ctx_, actor));
    ONESTORY_ASSIGN_OR_RETURN(auto page, consents_.List(actor, own.survivor.id, {500, std::nullopt}));
    std::vector<PortalConsent> out;
    for (auto& c : page.items) {
        ONESTORY_ASSIGN_OR_RETURN(auto recipient, AgencyOf(c.recipient_agency_id));
        out.push_back({std::move(c), std::move(recipient)});
    }
    return out;
}

Result<PortalConsent> PortalService::Withdraw(const Actor& actor, std::string_view consent_id,
                                              const std::optional<std::string>& reason) {
    ONESTORY_ASSIGN_OR_RETURN(Consent revoked, consents_.Revoke(actor, consent_id, reason));
    ONESTORY_ASSIGN_OR_RETURN(auto recipient, AgencyOf(revoked.recipient_agency_id));
    return PortalConsent{std::move(revoked), std::move(recipient)};
}

Result<std::vector<Passage>> PortalService::Passages(const Actor& actor) {
    ONESTORY_ASSIGN_OR_RETURN(OwnRecord own, LoadOwnRecord(ctx_, actor));
    std::vector<Passage> out;
    for (const auto& kase : own.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto page, statements_.List(actor, kase.id, {500, std::nullopt}));
        for (auto& p : page.items) out.push_back(std::move(p));
    }
    return out;
}

Result<Passage> PortalService::Review(const Actor& actor, std::string_view passage_id, const PassageReview& review) {
    if (review.status != ReviewStatus::kConfirmed && review.status != ReviewStatus::kCorrected) {
        return Status::Invalid("status", "in the portal a passage is confirmed or corrected");
    }
    return statements_.Review(actor, passage_id, review);
}

Result<Passage> PortalService::Comment(const Actor& actor, std::string_view passage_id, std::string_view comment) {
    if (comment.empty() || comment.size() > kMaxCommentBytes) {
        return Status::Invalid("comment", "must be 1 to 4000 bytes");
    }
    return statements_.Comment(actor, passage_id, comment);
}

Result<std::vector<PortalInterview>> PortalService::Interviews(const Actor& actor) {
    ONESTORY_ASSIGN_OR_RETURN(OwnRecord own, LoadOwnRecord(ctx_, actor));
    const Instant now = ctx_.clock.Now();
    std::vector<PortalInterview> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        out.clear();
        for (const auto& kase : own.cases) {
            const policy::Resource resource{kase.agency_id, kase.survivor_id, kase.id};
            if (!policy::Decide(actor, Action::kListInterviews, resource, {}).allowed) continue;
            std::optional<store::PageCursor> after;
            do {
                ONESTORY_ASSIGN_OR_RETURN(auto page, store::ListInterviewsOfCase(tx, kase.id, {500, after}));
                for (const auto& r : page.items) {
                    if (r.ended_at || FromMicros(r.scheduled_at) + kRecentInterview < now) continue;
                    PortalInterview i;
                    i.id = r.id;
                    i.case_id = r.case_id;
                    i.purpose = ParseEnum<policy::Purpose>(r.purpose).value_or(policy::Purpose::kAftercare);
                    for (const auto& name : SplitList(r.topics)) {
                        if (auto t = ParseEnum<policy::Topic>(name)) i.topics.push_back(*t);
                    }
                    i.scheduled_at = FromMicros(r.scheduled_at);
                    if (r.venue_id) {
                        ONESTORY_ASSIGN_OR_RETURN(auto venue, store::GetVenue(tx, *r.venue_id));
                        if (venue) {
                            const Venue v = VenueFrom(*venue);
                            i.venue_name = v.name;
                            i.venue_features = v.features;
                        }
                    }
                    ONESTORY_ASSIGN_OR_RETURN(auto interviewer, store::GetStaff(tx, r.interviewer_id));
                    if (interviewer) i.interviewer_name = interviewer->display_name;
                    i.accommodations.support_person = r.acc_support_person;
                    i.accommodations.children =
                        ParseEnum<ChildrenArrangement>(r.acc_children).value_or(ChildrenArrangement::kNone);
                    i.accommodations.interpreter_language = r.acc_interpreter_language;
                    if (r.acc_interviewer_gender) {
                        i.accommodations.interviewer_gender = ParseEnum<InterviewerGender>(*r.acc_interviewer_gender);
                    }
                    i.accommodations.breaks = r.acc_breaks;
                    if (r.topics_shared_at) i.topics_shared_at = FromMicros(*r.topics_shared_at);
                    i.survivor_acknowledged = r.survivor_acknowledged;
                    out.push_back(std::move(i));
                }
                after = page.next;
            } while (after);
        }
        return Status::Ok();
    }));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.scheduled_at < b.scheduled_at; });
    return out;
}

Result<AccessLogPage> PortalService::AccessLog(const Actor& actor, std::optional<std::int64_t> before_seq, int limit) {
    return access_log_.Read(actor, actor.id, before_seq, limit);
}

Result<std::vector<Commitment>> PortalService::Promises(const Actor& actor) {
    ONESTORY_ASSIGN_OR_RETURN(OwnRecord own, LoadOwnRecord(ctx_, actor));
    std::vector<Commitment> out;
    for (const auto& kase : own.cases) {
        std::optional<store::PageCursor> after;
        do {
            ONESTORY_ASSIGN_OR_RETURN(auto page, commitments_.List(actor, kase.id, {500, after}));
            for (auto& c : page.items) {
                if (c.to_survivor) out.push_back(std::move(c));
            }
            after = page.next;
        } while (after);
    }
    std::sort(out.begin(), out.end(), [](const Commitment& a, const Commitment& b) {
        const bool a_open = a.status == CommitmentStatus::kOpen;
        const bool b_open = b.status == CommitmentStatus::kOpen;
        if (a_open != b_open) return a_open;
        if (a_open) return a.due < b.due;
        return a.updated_at > b.updated_at;
    });
    return out;
}

Result<std::vector<Hearing>> PortalService::Hearings(const Actor& actor) {
    ONESTORY_ASSIGN_OR_RETURN(OwnRecord own, LoadOwnRecord(ctx_, actor));
    const Instant now = ctx_.clock.Now();
    std::vector<Hearing> out;
    for (const auto& kase : own.cases) {
        std::optional<store::PageCursor> after;
        do {
            ONESTORY_ASSIGN_OR_RETURN(auto page, hearings_.List(actor, kase.id, {500, after}));
            for (auto& h : page.items) {
                if (h.scheduled_at + kRecentInterview >= now) out.push_back(std::move(h));
            }
            after = page.next;
        } while (after);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.scheduled_at < b.scheduled_at; });
    return out;
}

}  // namespace onestory::domain
