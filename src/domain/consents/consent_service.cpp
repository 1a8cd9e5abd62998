// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/consents/consent_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/sealer.hpp"
#include "domain/vocabulary.hpp"
#include "store/account_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxNameBytes = 1000;
constexpr std::size_t kMaxReasonBytes = 2000;

template <class E>
std::vector<E> ParseList(const std::string& joined) {
    std::vector<E> out;
    for (const auto& name : SplitList(joined)) {
        if (auto v = ParseEnum<E>(name)) out.push_back(*v);
    }
    return out;
}

Status ValidateNewConsent(const NewConsent& c, Instant now) {
    if (c.topics.empty() && c.categories.empty()) {
        return Status::Invalid("scope", "name at least one topic or category the consent covers");
    }
    if (c.valid_until <= now) return Status::Invalid("valid_until", "must be in the future");
    if (!IsLanguageCode(c.language)) return Status::Invalid("language", "must be an ISO 639-1 code such as sw");
    if (c.consent_text_version.empty() || c.consent_text_version.size() > 40) {
        return Status::Invalid("consent_text_version", "must be 1 to 40 characters");
    }
    if (c.given_as == GivenAs::kGuardian) {
        if (!c.guardian || c.guardian->empty()) {
            return Status::Invalid("guardian", "a consent given by a guardian names the guardian");
        }
        if (!c.child_assent) {
            return Status::Invalid("child_assent", "record whether the child assented when a guardian consents");
        }
    } else if (c.guardian) {
        return Status::Invalid("guardian", "a guardian is named only when given_as is guardian");
    }
    if (c.given_as == GivenAs::kVerbal && (!c.witnessed_by || c.witnessed_by->empty())) {
        return Status::Invalid("witnessed_by", "a verbal consent needs a witness");
    }
    if (c.guardian && c.guardian->size() > kMaxNameBytes) return Status::Invalid("guardian", "is too long");
    if (c.witnessed_by && c.witnessed_by->size() > kMaxNameBytes) return Status::Invalid("witnessed_by", "is too long");
    return Status::Ok();
}

std::vector<std::string> ProtectedFieldsOf(const store::ConsentRow& row) {
    std::vector<std::string> fields;
    if (row.witnessed_by) fields.emplace_back("witnessed_by");
    if (row.guardian) fields.emplace_back("guardian");
    if (row.revoke_reason) fields.emplace_back("revoke_reason");
    return fields;
}

std::string ScopeDetail(const store::ConsentRow& row) {
    return "recipient=" + row.recipient_agency_id + " purpose=" + row.purpose + " topics=" + row.topics +
           " categories=" + row.categories;
}

Result<Consent> ConsentFrom(const store::ConsentRow& r, const SurvivorSealer& sealer, Instant now) {
    Consent c;
    c.id = r.id;
    c.survivor_id = r.survivor_id;
    c.agency_id = r.agency_id;
    c.recipient_agency_id = r.recipient_agency_id;
    c.purpose = ParseEnum<policy::Purpose>(r.purpose).value_or(policy::Purpose::kStatistics);
    c.topics = ParseList<policy::Topic>(r.topics);
    c.categories = ParseList<policy::RecordCategory>(r.categories);
    c.valid_from = FromMicros(r.valid_from);
    c.valid_until = FromMicros(r.valid_until);
    c.given_as = ParseEnum<GivenAs>(r.given_as).value_or(GivenAs::kWritten);
    ONESTORY_ASSIGN_OR_RETURN(c.witnessed_by, sealer.UnsealOptional("consent.witnessed_by", r.witnessed_by, r.id));
    c.consent_text_version = r.consent_text_version;
    c.language = r.language;
    ONESTORY_ASSIGN_OR_RETURN(c.guardian, sealer.UnsealOptional("consent.guardian", r.guardian, r.id));
    c.child_assent = r.child_assent;
    c.recorded_by = r.recorded_by;
    c.created_at = FromMicros(r.created_at);
    if (r.revoked_at) c.revoked_at = FromMicros(*r.revoked_at);
    c.revoked_by = r.revoked_by;
    ONESTORY_ASSIGN_OR_RETURN(c.revoke_reason, sealer.UnsealOptional("consent.revoke_reason", r.revoke_reason, r.id));
    c.status = ConsentStateAt(r, now);
    c.version = r.version;
    return c;
}

}  // namespace

policy::ConsentState ConsentStateAt(const store::ConsentRow& row, Instant now) {
    if (row.revoked_at) return policy::ConsentState::kRevoked;
    if (ToMicros(now) >= row.valid_until) return policy::ConsentState::kExpired;
    return policy::ConsentState::kActive;
}

policy::ConsentFact ConsentFactOf(const store::ConsentRow& row, Instant now) {
    policy::ConsentFact f;
    f.id = row.id;
    f.recipient_agency_id = row.recipient_agency_id;
    f.purpose = ParseEnum<policy::Purpose>(row.purpose).value_or(policy::Purpose::kStatistics);
    f.topics = ParseList<policy::Topic>(row.topics);
    f.categories = ParseList<policy::RecordCategory>(row.categories);
    f.state = ConsentStateAt(row, now);
    return f;
}

Result<std::vector<policy::ConsentFact>> LoadConsentFacts(store::Transaction& tx, std::string_view survivor_id,
                                                          std::string_view recipient_agency_id, Instant now) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListConsentsForRecipient(tx, survivor_id, recipient_agency_id));
    std::vector<policy::ConsentFact> facts;
    for (const auto& r : rows) facts.push_back(ConsentFactOf(r, now));
    return facts;
}

Result<Consent> ConsentService::Grant(const Actor& actor, std::string_view survivor_id, const NewConsent& consent) {
    const Instant now = ctx_.clock.Now();
    std::optional<SurvivorAccess> access;
    std::optional<store::AgencyRow> recipient;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, survivor_id, now));
        ONESTORY_ASSIGN_OR_RETURN(recipient, store::GetAgency(tx, consent.recipient_agency_id));
        return Status::Ok();
    }));
    const auto& survivor = access->survivor;
    const auto decision = policy::Decide(actor, Action::kGrantConsent, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "consent.grant", "survivor", survivor.id, survivor.id);
    }
    if (!recipient) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such agency", "recipient_agency_id");
    }
    if (recipient->id == survivor.agency_id) {
        return Status::Invalid("recipient_agency_id",
                               "the survivor's own agency works through the case team; a consent is for sharing "
                               "with another agency");
    }
    ONESTORY_RETURN_IF_ERROR(ValidateNewConsent(consent, now));

    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor.id, survivor.data_key));
    store::ConsentRow row;
    row.id = crypto::NewIdString("cn");
    row.survivor_id = survivor.id;
    row.agency_id = survivor.agency_id;
    row.recipient_agency_id = recipient->id;
    row.purpose = std::string(NameOf(consent.purpose));
    row.topics = JoinList(NamesOf(consent.topics));
    row.categories = JoinList(NamesOf(consent.categories));
    row.valid_from = ToMicros(now);
    row.valid_until = ToMicros(consent.valid_until);
    row.given_as = std::string(NameOf(consent.given_as));
    row.witnessed_by = sealer.SealOptional("consent.witnessed_by", consent.witnessed_by, row.id);
    row.consent_text_version = consent.consent_text_version;
    row.language = consent.language;
    row.guardian = sealer.SealOptional("consent.guardian", consent.guardian, row.id);
    row.child_assent = consent.child_assent;
    row.recorded_by = actor.id;
    row.created_at = ToMicros(now);
    row.version = 1;

    audit::AuditEvent event = EventBy(actor, "consent.grant", "success");
    event.resource_kind = "consent";
    event.resource_id = row.id;
    event.survivor_id = survivor.id;
    event.fields = ProtectedFieldsOf(row);
    event.purpose = row.purpose;
    event.reason = decision.reason;
    event.detail = ScopeDetail(row) + " valid_until=" + FormatInstant(consent.valid_until);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertConsent(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return ConsentFrom(row, sealer, now);
}

Result<store::Page<Consent>> ConsentService::List(const Actor& actor, std::string_view survivor_id,
                                                  const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<SurvivorAccess> access;
    store::Page<store::ConsentRow> rows;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, survivor_id, now));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListConsentsOfSurvivor(tx, survivor_id, page));
        return Status::Ok();
    }));
    const auto& survivor = access->survivor;
    const auto decision = policy::Decide(actor, Action::kListConsents, access->resource, access->context);
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "consent.list", "survivor", survivor.id, survivor.id);
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor.id, survivor.data_key));
    store::Page<Consent> out;
    std::vector<std::string> fields;
    for (const auto& r : rows.items) {
        ONESTORY_ASSIGN_OR_RETURN(Consent c, ConsentFrom(r, sealer, now));
        out.items.push_back(std::move(c));
        for (auto& f : ProtectedFieldsOf(r)) {
            if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(std::move(f));
        }
    }
    out.next = rows.next;

    audit::AuditEvent event = EventBy(actor, "consent.list", "success");
    event.resource_kind = "survivor";
    event.resource_id = survivor.id;
    event.survivor_id = survivor.id;
    event.fields = fields;
    event.reason = decision.reason;
    event.detail = "consents=" + std::to_string(out.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<Consent> ConsentService::Revoke(const Actor& actor, std::string_view consent_id,
                                       const std::optional<std::string>& reason) {
    const Instant now = ctx_.clock.Now();
    std::optional<store::ConsentRow> row;
    std::optional<SurvivorAccess> access;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetConsent(tx, consent_id));
        if (!row) return Status::NotFound("no such consent");
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, row->survivor_id, now));
        return Status::Ok();
    }));
    const auto& survivor = access->survivor;
    const auto decision = policy::Decide(actor, Action::kRevokeConsent, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "consent.revoke", "consent", row->id, survivor.id);
    }
    if (row->revoked_at) return Status::Conflict("already_revoked", "this consent was already withdrawn");
    if (reason && reason->size() > kMaxReasonBytes) return Status::Invalid("reason", "is too long");

    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor.id, survivor.data_key));
    store::ConsentRow revoked = *row;
    revoked.revoked_at = ToMicros(now);
    revoked.revoked_by = actor.id;
    revoked.revoke_reason = sealer.SealOptional("consent.revoke_reason", reason, row->id);
    revoked.version = row->version + 1;

    audit::AuditEvent event = EventBy(actor, "consent.revoke", "success");
    event.resource_kind = "consent";
    event.resource_id = row->id;
    event.survivor_id = survivor.id;
    event.fields = reason ? std::vector<std::string>{"revoke_reason"} : std::vector<std::string>{};
    event.purpose = row->purpose;
    event.reason = decision.reason;
    event.detail = ScopeDetail(*row);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto changed, store::RevokeConsent(tx, revoked));
        if (changed != 1) return Status::Conflict("already_revoked", "this consent was already withdrawn");
        return ctx_.audit.Append(tx, event);
    }));
    return ConsentFrom(revoked, sealer, now);
}

}  // namespace onestory::domain
