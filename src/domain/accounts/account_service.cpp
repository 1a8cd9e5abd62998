// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/accounts/account_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/hash.hpp"
#include "crypto/password.hpp"
#include "crypto/random.hpp"
#include "domain/vocabulary.hpp"
#include "store/account_rows.hpp"
#include "store/portal_rows.hpp"
#include "store/session_rows.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

std::size_t CodePoints(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Agency AgencyFrom(const store::AgencyRow& r) {
    return {r.id,
            r.name,
            ParseEnum<policy::AgencyKind>(r.kind).value_or(policy::AgencyKind::kOther),
            r.country,
            FromMicros(r.created_at),
            r.version};
}

std::vector<policy::Role> RolesFrom(std::string_view joined) {
    std::vector<policy::Role> roles;
    for (const auto& name : SplitList(joined)) {
        if (auto role = ParseEnum<policy::Role>(name)) roles.push_back(*role);
    }
    return roles;
}

StaffMember StaffFrom(const store::StaffRow& r) {
    return {r.id,     r.agency_id, r.username, r.display_name, RolesFrom(r.roles), r.active, FromMicros(r.created_at),
            r.version};
}

std::string UsernameKey(std::string_view username) {
    return crypto::HashHex("login:" + ToLowerAscii(username));
}

Status InvalidCredentials() {
    return {StatusCode::kUnauthenticated, "invalid_credentials", "the username or password is not right"};
}

Status Locked(std::int64_t seconds_left) {
    Status s(StatusCode::kRateLimited, "account_locked",
             "too many failed logins; try again later or ask an administrator");
    s.WithRetryAfter(static_cast<int>(std::max<std::int64_t>(1, seconds_left)));
    return s;
}

}  // namespace

Status ValidateNewAgency(const NewAgency& a) {
    if (a.name.empty() || CodePoints(a.name) > 200) return Status::Invalid("name", "must be 1 to 200 characters");
    if (!IsCountryCode(a.country)) return Status::Invalid("country", "must be an ISO 3166-1 alpha-2 code such as KE");
    return Status::Ok();
}

Status ValidateNewStaff(const NewStaff& s, int min_password_length) {
    if (s.username.size() < 3 || s.username.size() > 64) {
        return Status::Invalid("username", "must be 3 to 64 characters");
    }
    for (const char c : s.username) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) return Status::Invalid("username", "may hold lower-case letters, digits, '.', '_' and '-' only");
    }
    if (CodePoints(s.password) < static_cast<std::size_t>(min_password_length)) {
        return Status::Invalid("password", "must be at least " + std::to_string(min_password_length) + " characters");
    }
    if (s.password.size() > 1024) return Status::Invalid("password", "must be at most 1024 bytes");
    if (s.display_name.empty() || CodePoints(s.display_name) > 200) {
        return Status::Invalid("display_name", "must be 1 to 200 characters");
    }
    if (s.roles.empty()) return Status::Invalid("roles", "must name at least one role");
    return Status::Ok();
}

Result<Agency> AccountService::InsertAgency(const NewAgency& agency, audit::AuditEvent event) {
    ONESTORY_RETURN_IF_ERROR(ValidateNewAgency(agency));
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    store::AgencyRow row{
        crypto::NewIdString("ag"), agency.name, std::string(NameOf(agency.kind)), agency.country, now, now, 1};
    event.resource_kind = "agency";
    event.resource_id = row.id;
    Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertAgency(tx, row));
        return ctx_.audit.Append(tx, event);
    });
    if (written.reason() == "duplicate") return Status::Conflict("duplicate", "an agency with this name exists");
    ONESTORY_RETURN_IF_ERROR(written);
    return AgencyFrom(row);
}

Result<Agency> AccountService::CreateAgency(const Actor& actor, const NewAgency& agency) {
    const auto decision = policy::Decide(actor, Action::kCreateAgency, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "agency.create", "agency", "");
    return InsertAgency(agency, EventBy(actor, "agency.create", "success"));
}

Result<store::Page<Agency>> AccountService::ListAgencies(const Actor& actor, const store::PageRequest& page) {
    const auto decision = policy::Decide(actor, Action::kListAgencies, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "agency.list", "agency", "");
    store::Page<Agency> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListAgencies(tx, page));
        for (const auto& r : rows.items) out.items.push_back(AgencyFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<Agency> AccountService::GetAgency(std::string_view id) {
    std::optional<store::AgencyRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetAgency(tx, id));
        return Status::Ok();
    }));
    if (!row) return Status::NotFound("no such agency");
    return AgencyFrom(*row);
}

Result<StaffMember> AccountService::InsertStaff(const NewStaff& staff, const audit::AuditEvent& event_template) {
    NewStaff normalised = staff;
    normalised.username = ToLowerAscii(staff.username);
    ONESTORY_RETURN_IF_ERROR(ValidateNewStaff(normalised, ctx_.settings.min_password_length));
    ONESTORY_ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(staff.password));
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    store::StaffRow row{crypto::NewIdString("st"),
                        staff.agency_id,
                        normalised.username,
                        staff.display_name,
                        std::move(hash),
                        JoinList(NamesOf(staff.roles)),
                        true,
                        now,
                        now,
                        1};
    audit::AuditEvent event = event_template;
    event.resource_kind = "staff";
    event.resource_id = row.id;
    event.detail = "roles=" + row.roles;
    Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, row.agency_id));
        if (!agency) return Status::Invalid("agency_id", "no such agency");
        ONESTORY_RETURN_IF_ERROR(store::InsertStaff(tx, row));
        return ctx_.audit.Append(tx, event);
    });
    if (written.reason() == "duplicate") {
        return Status(StatusCode::kConflict, "duplicate", "this username is taken", "username");
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return StaffFrom(row);
}

Result<StaffMember> AccountService::CreateStaff(const Actor& actor, const NewStaff& staff) {
    const auto decision = policy::Decide(actor, Action::kCreateStaff, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "staff.create", "staff", "");
    return InsertStaff(staff, EventBy(actor, "staff.create", "success"));
}

Result<store::Page<StaffMember>> AccountService::ListStaff(const Actor& actor, const store::PageRequest& page,
                                                           std::optional<std::string> agency_id) {
    if (policy::ScopeFor(actor, Action::kListStaff) != policy::ListScope::kEverything) {
        if (agency_id && *agency_id != actor.agency_id) {
            const auto decision = policy::Decide(actor, Action::kListStaff, {*agency_id, "", ""}, {});
            if (!decision.allowed) return Refuse(ctx_, actor, decision, "staff.list", "agency", *agency_id);
        }
        agency_id = actor.agency_id;
    }
    store::Page<StaffMember> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListStaff(tx, page, agency_id));
        for (const auto& r : rows.items) out.items.push_back(StaffFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<StaffMember> AccountService::GetStaff(std::string_view id) {
    std::optional<store::StaffRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetStaff(tx, id));
        return Status::Ok();
    }));
    if (!row) return Status::NotFound("no such staff member");
    return StaffFrom(*row);
}

Result<LoginResult> AccountService::Login(std::string_view username, std::string_view password, std::string_view remote,
                                          std::optional<std::string_view> totp) {
    const std::string key = UsernameKey(username);
    const std::string lowered = ToLowerAscii(username);
    std::optional<store::StaffRow> staff;
    std::optional<store::LoginThrottleRow> throttle;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(staff, store::GetStaffByUsername(tx, lowered));
        ONESTORY_ASSIGN_OR_RETURN(throttle, store::GetLoginThrottle(tx, key));
        return Status::Ok();
    }));

    audit::AuditEvent event;
    event.actor_kind = staff ? "staff" : "anonymous";
    event.actor_id = staff ? staff->id : "";
    event.actor_agency_id = staff ? staff->agency_id : "";
    event.resource_kind = "staff";
    event.resource_id = event.actor_id;
    event.detail = "from " + std::string(remote) + (staff ? "" : "; unknown username");

    const std::int64_t now = ToMicros(ctx_.clock.Now());
    if (const auto verdict = failures_by_address_.Check(remote); !verdict.allowed) {
        // Audited once per refusal spell, so a flood cannot flood the audit too.
        if (verdict.first_refusal) {
            event.action = "login.rate_limited";
            event.outcome = "denied";
            event.reason = "too_many_failures_from_address";
            ONESTORY_RETURN_IF_ERROR(
                ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); }));
        }
        Status s(StatusCode::kRateLimited, "rate_limited",
                 "too many failed logins from your address; wait before trying again");
        s.WithRetryAfter(verdict.retry_after_seconds);
        return s;
    }
    if (throttle && throttle->locked_until > now) {
        event.action = "login.locked";
        event.outcome = "denied";
        event.reason = "account_locked";
        ONESTORY_RETURN_IF_ERROR(
            ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); }));
        return Locked((throttle->locked_until - now) / 1'000'000);
    }

    // A failed attempt (wrong password or wrong second factor) counts
    // towards the lock, alike.
    const auto failed = [&](std::string reason) -> Status {
        failures_by_address_.Count(remote);
        bool locked_now = false;
        event.action = "login.failure";
        event.outcome = "failure";
        event.reason = reason;
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
            locked_now = false;  // decided afresh should the store run this again
            ONESTORY_ASSIGN_OR_RETURN(auto current, store::GetLoginThrottle(tx, key));
            store::LoginThrottleRow row{key, current ? current->failures + 1 : 1, 0};
            // A lock that has run out starts the count afresh.
            if (current && current->locked_until != 0 && current->locked_until <= now) row.failures = 1;
            if (row.failures >= ctx_.settings.lockout_threshold) {
                row.failures = 0;
                row.locked_until =
                    now + std::chrono::duration_cast<std::chrono::microseconds>(ctx_.settings.lockout_duration).count();
                locked_now = true;
            }
            ONESTORY_RETURN_IF_ERROR(store::PutLoginThrottle(tx, row));
            ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
            if (locked_now) {
                audit::AuditEvent lock = event;
                lock.action = "account.locked";
                lock.outcome = "success";
                lock.reason = "too_many_failures";
                lock.actor_kind = "system";
                lock.actor_id = "";
                ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, lock));
            }
            return Status::Ok();
        }));
        if (reason == "invalid_totp") {
            return {StatusCode::kUnauthenticated, "invalid_totp", "the code is not right, or it was used already"};
        }
        return InvalidCredentials();
    };

    // Always pay for one Argon2id verification, so timing does not tell
    // whether the username exists.
    const bool usable = staff && staff->active;
    const bool verified = crypto::VerifyPassword(usable ? staff->password_hash : crypto::DummyPasswordHash(), password);
    if (!(usable && verified)) return failed("invalid_credentials");

    const std::vector<policy::Role> roles = RolesFrom(staff->roles);
    ONESTORY_ASSIGN_OR_RETURN(const bool enrolled, second_factor_.Enrolled(staff->id));
    std::string factor = "none";
    bool restricted = false;
    if (enrolled) {
        if (!totp || totp->empty()) {
            event.action = "login.failure";
            event.outcome = "denied";
            event.reason = "totp_required";
            ONESTORY_RETURN_IF_ERROR(
                ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); }));
            return Status(StatusCode::kUnauthenticated, "totp_required",
                          "this account has an authenticator: send the code it shows as \"totp\" (or a recovery "
                          "code)",
                          "totp");
        }
        auto used = second_factor_.Verify(staff->id, *totp);
        if (!used.ok()) {
            if (used.status().reason() != "invalid_totp") return used.status();
            return failed("invalid_totp");
        }
        factor = *used;
    } else if (second_factor_.Required(roles)) {
        restricted = true;
        factor = "enrolment_required";
    }

    LoginResult result;
    result.token = crypto::RandomToken();
    result.csrf_token = crypto::RandomToken();
    result.staff = StaffFrom(*staff);
    result.totp_enrolment_required = restricted;
    store::SessionRow session{
        crypto::HashHex(result.token), "staff", staff->id, crypto::HashHex(result.csrf_token), now, now, restricted};
    event.action = "login.success";
    event.outcome = "success";
    event.detail += "; second factor: " + factor;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::ClearLoginThrottle(tx, key));
        ONESTORY_RETURN_IF_ERROR(store::InsertSession(tx, session));
        return ctx_.audit.Append(tx, event);
    }));
    return result;
}

Status AccountService::Logout(const Principal& principal) {
    audit::AuditEvent event = EventBy(principal.actor, "logout", "success");
    return ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::DeleteSession(tx, principal.token_hash));
        return ctx_.audit.Append(tx, event);
    });
}

Result<Principal> AccountService::Authenticate(std::string_view token) {
    if (token.empty() || token.size() > 256) return Status::Unauthenticated("log in first");
    const std::string token_hash = crypto::HashHex(token);
    std::optional<store::SessionRow> session;
    std::optional<store::StaffRow> staff;
    std::optional<store::AgencyRow> agency;
    std::optional<store::PortalAccountRow> portal;
    std::optional<store::SurvivorRow> survivor;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(session, store::GetSession(tx, token_hash));
        if (!session) return Status::Ok();
        if (session->principal_kind == "survivor") {
            ONESTORY_ASSIGN_OR_RETURN(portal, store::GetPortalAccount(tx, session->principal_id));
            ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, session->principal_id));
            return Status::Ok();
        }
        if (session->principal_kind != "staff") return Status::Ok();
        ONESTORY_ASSIGN_OR_RETURN(staff, store::GetStaff(tx, session->principal_id));
        if (staff) {
            ONESTORY_ASSIGN_OR_RETURN(agency, store::GetAgency(tx, staff->agency_id));
        }
        return Status::Ok();
    }));
    const bool survivor_session = session && session->principal_kind == "survivor";
    if (survivor_session) {
        if (!portal || !portal->active || !survivor) return Status::Unauthenticated("sign in first");
    } else if (!session || !staff || !staff->active || !agency) {
        return Status::Unauthenticated("log in first");
    }

    const std::int64_t now = ToMicros(ctx_.clock.Now());
    const std::int64_t idle = std::chrono::duration_cast<std::chrono::microseconds>(ctx_.settings.idle_timeout).count();
    if (now - session->last_seen_at > idle) {
        ONESTORY_RETURN_IF_ERROR(
            ctx_.store.Write([&](store::Transaction& tx) { return store::DeleteSession(tx, token_hash); }));
        return Status(StatusCode::kUnauthenticated, "session_expired",
                      "your session ended after a period of inactivity; log in again");
    }
    // Refresh the idle clock at most every minute (or a quarter of the
    // timeout), so ordinary reads do not each cost a write.
    const std::int64_t refresh = std::min<std::int64_t>(60'000'000, idle / 4);
    if (now - session->last_seen_at > refresh) {
        ONESTORY_RETURN_IF_ERROR(
            ctx_.store.Write([&](store::Transaction& tx) { return store::TouchSession(tx, token_hash, now); },
                             store::Durability::kDeferred));
    }

    Principal p;
    p.token_hash = token_hash;
    p.csrf_hash = session->csrf_hash;
    if (survivor_session) {
        // A survivor in their portal: the policy lets them reach their own record only.
        p.actor.kind = policy::Actor::Kind::kSurvivor;
        p.actor.id = survivor->id;
        return p;
    }
    p.staff = StaffFrom(*staff);
    p.actor.kind = policy::Actor::Kind::kStaff;
    p.actor.id = staff->id;
    p.actor.agency_id = staff->agency_id;
    p.actor.agency_kind = ParseEnum<policy::AgencyKind>(agency->kind).value_or(policy::AgencyKind::kOther);
    p.actor.roles = p.staff.roles;
    p.token_hash = token_hash;
    p.csrf_hash = session->csrf_hash;
    p.restricted = session->restricted;
    return p;
}

Status AccountService::CheckCsrf(const Principal& principal, std::string_view csrf_token) const {
    if (csrf_token.empty() || !crypto::ConstantTimeEquals(crypto::HashHex(csrf_token), principal.csrf_hash)) {
        return Status::Forbidden("csrf_token_invalid", "this request needs the X-CSRF-Token header returned at login");
    }
    return Status::Ok();
}

Result<StaffMember> AccountService::Bootstrap(const NewAgency& agency, const NewStaff& admin) {
    audit::AuditEvent system;
    system.actor_kind = "system";
    system.action = "agency.create";
    system.outcome = "success";
    ONESTORY_ASSIGN_OR_RETURN(Agency created, InsertAgency(agency, system));
    NewStaff staff = admin;
    staff.agency_id = created.id;
    system.action = "staff.create";
    system.actor_agency_id = created.id;
    return InsertStaff(staff, system);
}

}  // namespace onestory::domain
