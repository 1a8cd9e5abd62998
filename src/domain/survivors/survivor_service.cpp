// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/survivors/survivor_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/blind_index.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/sealer.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxFieldBytes = 4096;

std::size_t CodePoints(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Survivor SurvivorFrom(const store::SurvivorRow& r) {
    Survivor s;
    s.id = r.id;
    s.agency_id = r.agency_id;
    s.registered_by = r.registered_by;
    s.code_name = r.code_name;
    if (r.gender) s.gender = ParseEnum<Gender>(*r.gender);
    s.languages = SplitList(r.languages);
    s.nationality = r.nationality;
    s.age_band = r.age_band;
    s.created_at = FromMicros(r.created_at);
    s.updated_at = FromMicros(r.updated_at);
    s.version = r.version;
    return s;
}

std::vector<std::string> PresentIdentityFields(const store::SurvivorRow& r) {
    std::vector<std::string> fields{"legal_name"};
    if (r.birth_date) fields.emplace_back("birth_date");
    if (r.contact) fields.emplace_back("contact");
    if (r.address) fields.emplace_back("address");
    return fields;
}

}  // namespace

std::string MatchIndex(const crypto::SecretBytes& key, std::string_view legal_name, Date birth_date) {
    return crypto::BlindIndex(key, "name_birth", crypto::NormalizeForIndex(legal_name) + "|" + FormatDate(birth_date));
}

Status ValidateNewSurvivor(const NewSurvivor& s) {
    if (s.code_name.empty() || CodePoints(s.code_name) > 80)
        return Status::Invalid("code_name", "must be 1 to 80 characters");
    if (s.identity.legal_name.empty() || s.identity.legal_name.size() > kMaxFieldBytes) {
        return Status::Invalid("legal_name", "must be 1 to 4096 bytes");
    }
    if (crypto::NormalizeForIndex(s.code_name) == crypto::NormalizeForIndex(s.identity.legal_name)) {
        return Status::Invalid("code_name",
                               "must not be the survivor's legal name; choose a name that does not identify them");
    }
    if (s.identity.contact && s.identity.contact->size() > kMaxFieldBytes) {
        return Status::Invalid("contact", "must be at most 4096 bytes");
    }
    if (s.identity.address && s.identity.address->size() > kMaxFieldBytes) {
        return Status::Invalid("address", "must be at most 4096 bytes");
    }
    for (std::size_t i = 0; i < s.languages.size(); ++i) {
        if (!IsLanguageCode(s.languages[i])) {
            return Status::Invalid("languages[" + std::to_string(i) + "]", "must be an ISO 639-1 code such as sw");
        }
    }
    if (s.nationality && !IsCountryCode(*s.nationality)) {
        return Status::Invalid("nationality", "must be an ISO 3166-1 alpha-2 code such as KE");
    }
    return Status::Ok();
}

Result<Survivor> SurvivorService::Register(const Actor& actor, const NewSurvivor& survivor) {
    const auto decision = policy::Decide(actor, Action::kRegisterSurvivor, {actor.agency_id, "", ""}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "survivor.create", "survivor", "");
    ONESTORY_RETURN_IF_ERROR(ValidateNewSurvivor(survivor));

    const Instant now = ctx_.clock.Now();
    store::SurvivorRow row;
    row.id = crypto::NewIdString("sv");
    const SurvivorSealer sealer = SurvivorSealer::Create(ctx_.keyring, row.id);
    row.agency_id = actor.agency_id;
    row.registered_by = actor.id;
    row.code_name = survivor.code_name;
    row.data_key = sealer.wrapped_key();
    row.legal_name = sealer.Seal("legal_name", survivor.identity.legal_name);
    if (survivor.identity.birth_date) {
        row.birth_date = sealer.Seal("birth_date", FormatDate(*survivor.identity.birth_date));
        row.age_band = std::string(AgeBand(*survivor.identity.birth_date, DateOf(now)));
        row.match_index = MatchIndex(ctx_.blind_index_key, survivor.identity.legal_name, *survivor.identity.birth_date);
    }
    row.contact = sealer.SealOptional("contact", survivor.identity.contact);
    row.address = sealer.SealOptional("address", survivor.identity.address);
    if (survivor.gender) row.gender = std::string(NameOf(*survivor.gender));
    row.languages = JoinList(survivor.languages);
    row.nationality = survivor.nationality;
    row.created_at = row.updated_at = ToMicros(now);
    row.version = 1;

    audit::AuditEvent event = EventBy(actor, "survivor.create", "success");
    event.resource_kind = "survivor";
    event.resource_id = row.id;
    event.survivor_id = row.id;
    event.fields = PresentIdentityFields(row);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertSurvivor(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return SurvivorFrom(row);
}

Result<Survivor> SurvivorService::Get(const Actor& actor, std::string_view id, std::string_view purpose) {
    std::optional<SurvivorAccess> access;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, id));
        return Status::Ok();
    }));
    const auto& row = access->survivor;
    const auto decision = policy::Decide(actor, Action::kReadSurvivor, access->resource, access->context);
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "survivor.read", "survivor", row.id, row.id);

    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SurvivorSealer::Open(ctx_.keyring, row.id, row.data_key));
    Identity identity;
    ONESTORY_ASSIGN_OR_RETURN(identity.legal_name, sealer.Unseal("legal_name", row.legal_name));
    ONESTORY_ASSIGN_OR_RETURN(auto birth, sealer.UnsealOptional("birth_date", row.birth_date));
    if (birth) identity.birth_date = ParseDate(*birth);
    ONESTORY_ASSIGN_OR_RETURN(identity.contact, sealer.UnsealOptional("contact", row.contact));
    ONESTORY_ASSIGN_OR_RETURN(identity.address, sealer.UnsealOptional("address", row.address));

    // The read is answered only once its audit event is committed.
    audit::AuditEvent event = EventBy(actor, "survivor.read", "success");
    event.resource_kind = "survivor";
    event.resource_id = row.id;
    event.survivor_id = row.id;
    event.fields = PresentIdentityFields(row);
    event.purpose = std::string(purpose);
    event.reason = decision.reason;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));

    Survivor out = SurvivorFrom(row);
    out.identity = std::move(identity);
    return out;
}

Result<store::Page<Survivor>> SurvivorService::List(const Actor& actor, const store::PageRequest& page,
                                                    std::optional<std::string> code_name_contains) {
    const auto scope = policy::ScopeFor(actor, Action::kListSurvivors);
    if (scope == policy::ListScope::kNone) {
        return Refuse(ctx_, actor, policy::DecideRoute(actor, Action::kListSurvivors), "survivor.list", "survivor", "");
    }
    store::SurvivorFilter filter;
    filter.agency_id = actor.agency_id;
    if (scope == policy::ListScope::kOwnCases) filter.visible_to_staff = actor.id;
    filter.code_name_contains = std::move(code_name_contains);
    store::Page<Survivor> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListSurvivors(tx, filter, page));
        for (const auto& r : rows.items) out.items.push_back(SurvivorFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<std::vector<SurvivorMatch>> SurvivorService::Match(const Actor& actor, std::string_view legal_name,
                                                          Date birth_date) {
    const auto decision = policy::Decide(actor, Action::kMatchSurvivors, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "survivor.match", "survivor", "");
    if (legal_name.empty() || legal_name.size() > kMaxFieldBytes) {
        return Status::Invalid("legal_name", "must be 1 to 4096 bytes");
    }
    const std::string index = MatchIndex(ctx_.blind_index_key, legal_name, birth_date);
    std::vector<SurvivorMatch> matches;
    audit::AuditEvent event = EventBy(actor, "survivor.match", "success");
    event.resource_kind = "survivor";
    event.fields = {"legal_name", "birth_date"};
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        matches.clear();  // a Write's fn may run again (Store::Write)
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::FindSurvivorsByMatchIndex(tx, index));
        for (const auto& r : rows) matches.push_back({r.id, r.code_name, r.agency_id});
        event.detail = "matches=" + std::to_string(matches.size());
        if (matches.empty()) return ctx_.audit.Append(tx, event);
        // Each survivor found sees the check in their own access log.
        for (const auto& m : matches) {
            event.resource_id = m.id;
            event.survivor_id = m.id;
            ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        }
        return Status::Ok();
    }));
    return matches;
}

}  // namespace onestory::domain
