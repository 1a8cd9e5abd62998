// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/accounts/second_factor.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/hash.hpp"
#include "crypto/random.hpp"
#include "crypto/totp.hpp"
#include "store/session_rows.hpp"
#include "store/totp_rows.hpp"

namespace onestory::domain {
namespace {

constexpr int kRecoveryCodes = 10;
constexpr std::size_t kRecoveryCodeBytes = 10;  // 80 bits
constexpr std::size_t kSaltBytes = 16;
constexpr std::string_view kIssuer = "onestory";

std::string KeyName(std::string_view staff_id) {
    return "totp:" + std::string(staff_id);
}

Status InvalidCode() {
    return {StatusCode::kUnauthenticated, "invalid_totp", "the code is not right, or it was used already"};
}

// Lower case without separators, so "ABCD-efgh ijkl" and "abcdefghijkl" are one code.
std::string Normalise(std::string_view code) {
    std::string out;
    for (const char c : code) {
        if (c == '-' || c == ' ') continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string RecoveryHash(std::string_view salt, std::string_view normalised) {
    return crypto::Mac(crypto::SecretBytes::Copy(salt), "onestory-recovery-code-v1\x1f" + std::string(normalised));
}

audit::AuditEvent StaffEvent(const policy::Actor& actor, std::string action, std::string_view staff_id) {
    audit::AuditEvent e = EventBy(actor, std::move(action), "success");
    e.resource_kind = "staff";
    e.resource_id = std::string(staff_id);
    return e;
}

}  // namespace

bool SecondFactor::Required(const std::vector<policy::Role>& roles) const {
    const auto& required = ctx_.settings.totp_required_roles;
    return std::any_of(roles.begin(), roles.end(), [&](policy::Role r) {
        return std::find(required.begin(), required.end(), r) != required.end();
    });
}

Result<bool> SecondFactor::Enrolled(std::string_view staff_id) {
    std::optional<store::TotpRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetTotp(tx, staff_id));
        return Status::Ok();
    }));
    return row.has_value() && row->confirmed_at != 0;
}

Result<TotpEnrolment> SecondFactor::BeginEnrolment(const Principal& principal) {
    if (principal.actor.kind != policy::Actor::Kind::kStaff) {
        return Status::Forbidden("staff_only", "this is available to staff accounts only");
    }
    const std::string& staff_id = principal.actor.id;
    ONESTORY_ASSIGN_OR_RETURN(const bool enrolled, Enrolled(staff_id));
    if (enrolled) {
        return Status::Conflict("totp_already_enrolled",
                                "an authenticator is already enrolled; an administrator can reset it if it was lost");
    }
    const crypto::SecretBytes secret = crypto::NewTotpSecret();
    store::TotpRow row{staff_id, ctx_.keyring.Wrap(secret, KeyName(staff_id)), 0, 0, ToMicros(ctx_.clock.Now())};
    const audit::AuditEvent event = StaffEvent(principal.actor, "totp.enrolment_start", staff_id);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::PutTotp(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return TotpEnrolment{crypto::TotpSecretText(secret), crypto::OtpauthUri(secret, kIssuer, principal.staff.username)};
}

Result<std::vector<std::string>> SecondFactor::ConfirmEnrolment(const Principal& principal, std::string_view code) {
    const std::string& staff_id = principal.actor.id;
    std::optional<store::TotpRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetTotp(tx, staff_id));
        return Status::Ok();
    }));
    if (!row) return Status::Conflict("totp_not_started", "begin the enrolment first (POST /api/v1/me/totp)");
    if (row->confirmed_at != 0) return Status::Conflict("totp_already_enrolled", "the authenticator is enrolled");
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes secret, ctx_.keyring.Unwrap(row->secret, KeyName(staff_id)));
    const auto step = crypto::MatchTotp(secret, code, ctx_.clock.Now());
    if (!step) return InvalidCode();

    std::vector<std::string> codes;
    std::vector<store::RecoveryCodeRow> rows;
    for (int i = 0; i < kRecoveryCodes; ++i) {
        const std::string text =
            Normalise(crypto::TotpSecretText(crypto::SecretBytes::Copy(crypto::RandomBytes(kRecoveryCodeBytes))));
        codes.push_back(text.substr(0, 4) + "-" + text.substr(4, 4) + "-" + text.substr(8, 4) + "-" + text.substr(12));
        const std::string salt = crypto::RandomBytes(kSaltBytes);
        rows.push_back({staff_id, salt, RecoveryHash(salt, text), 0});
    }
    audit::AuditEvent event = StaffEvent(principal.actor, "totp.enrol", staff_id);
    event.detail = "recovery codes issued=" + std::to_string(kRecoveryCodes);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::ConfirmTotp(tx, staff_id, ToMicros(ctx_.clock.Now()), *step));
        ONESTORY_RETURN_IF_ERROR(store::ReplaceRecoveryCodes(tx, staff_id, rows));
        // The session that enrolled is no longer held to enrolling.
        ONESTORY_RETURN_IF_ERROR(store::LiftSessionRestriction(tx, principal.token_hash));
        return ctx_.audit.Append(tx, event);
    }));
    return codes;
}

Result<std::string> SecondFactor::Verify(std::string_view staff_id, std::string_view code) {
    std::optional<store::TotpRow> row;
    std::vector<store::RecoveryCodeRow> recovery;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetTotp(tx, staff_id));
        ONESTORY_ASSIGN_OR_RETURN(recovery, store::ListUnusedRecoveryCodes(tx, staff_id));
        return Status::Ok();
    }));
    if (!row || row->confirmed_at == 0 || code.empty() || code.size() > 64) return InvalidCode();
    if (code.size() == crypto::kTotpDigits) {
        ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes secret, ctx_.keyring.Unwrap(row->secret, KeyName(staff_id)));
        const auto step = crypto::MatchTotp(secret, code, ctx_.clock.Now());
        if (!step) return InvalidCode();
        std::int64_t advanced = 0;
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(advanced, store::AdvanceTotpStep(tx, staff_id, *step));
            return Status::Ok();
        }));
        if (advanced != 1) return InvalidCode();  // this step's code, or a later one, was used already
        return std::string("totp");
    }
    const std::string normalised = Normalise(code);
    for (const auto& r : recovery) {
        if (!crypto::ConstantTimeEquals(RecoveryHash(r.salt, normalised), r.hash)) continue;
        std::int64_t used = 0;
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(used, store::UseRecoveryCode(tx, staff_id, r.salt, ToMicros(ctx_.clock.Now())));
            return Status::Ok();
        }));
        if (used != 1) return InvalidCode();
        return std::string("recovery_code");
    }
    return InvalidCode();
}

Status SecondFactor::Reset(const policy::Actor& admin, std::string_view staff_id) {
    const auto decision = policy::Decide(admin, policy::Action::kCreateStaff, {}, {});
    if (!decision.allowed) return Refuse(ctx_, admin, decision, "totp.reset", "staff", std::string(staff_id));
    bool existed = false;
    const audit::AuditEvent event = StaffEvent(admin, "totp.reset", staff_id);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto row, store::GetTotp(tx, staff_id));
        existed = row.has_value();
        if (!existed) return Status::Ok();
        ONESTORY_RETURN_IF_ERROR(store::DeleteTotp(tx, staff_id));
        ONESTORY_RETURN_IF_ERROR(store::DeleteSessionsOf(tx, staff_id));
        return ctx_.audit.Append(tx, event);
    }));
    if (!existed) return Status::NotFound("this staff member has no authenticator enrolled");
    return Status::Ok();
}

}  // namespace onestory::domain
