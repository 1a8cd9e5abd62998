// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/survivors/survivor_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/blind_index.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/sealer.hpp"
#include "store/interview_rows.hpp"
#include "store/preference_rows.hpp"
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
    std::optional<store::PreferencesRow> prefs_row;
    std::int64_t interview_count = 0;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, id, ctx_.clock.Now()));
        ONESTORY_ASSIGN_OR_RETURN(prefs_row, store::GetPreferences(tx, id));
        ONESTORY_ASSIGN_OR_RETURN(interview_count, store::CountInterviewsOfSurvivor(tx, id));
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
    Preferences preferences;
    if (prefs_row) {
        ONESTORY_ASSIGN_OR_RETURN(preferences, OpenPreferences(sealer, *prefs_row));
    }

    // The read is answered only once its audit event is committed.
    audit::AuditEvent event = EventBy(actor, "survivor.read", "success");
    event.resource_kind = "survivor";
    event.resource_id = row.id;
    event.survivor_id = row.id;
    event.fields = PresentIdentityFields(row);
    for (auto& f : ProtectedPreferenceFields(preferences)) event.fields.push_back(std::move(f));
    event.purpose = std::string(purpose);
    event.reason = decision.reason;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));

    Survivor out = SurvivorFrom(row);
    out.identity = std::move(identity);
    out.preferences = std::move(preferences);
    out.interview_count = interview_count;
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

Result<Survivor> SurvivorService::Update(const Actor& actor, std::string_view id, std::int64_t expected_version,
                                         const SurvivorPatch& patch) {
    const Instant now = ctx_.clock.Now();
    std::optional<Survivor> updated;
    std::optional<policy::Decision> refused;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto access, LoadSurvivorAccess(tx, actor, id, now));
        const auto decision = policy::Decide(actor, Action::kUpdateSurvivor, access.resource, access.context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        store::SurvivorRow row = access.survivor;
        if (row.version != expected_version) return StaleVersion("this survivor's record");
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SurvivorSealer::Open(ctx_.keyring, row.id, row.data_key));

        // The whole record as it will be, in plaintext, so that it is
        // validated exactly like a registration.
        NewSurvivor merged;
        merged.code_name = patch.code_name.value_or(row.code_name);
        ONESTORY_ASSIGN_OR_RETURN(merged.identity.legal_name, sealer.Unseal("legal_name", row.legal_name));
        ONESTORY_ASSIGN_OR_RETURN(auto birth, sealer.UnsealOptional("birth_date", row.birth_date));
        if (birth) merged.identity.birth_date = ParseDate(*birth);
        ONESTORY_ASSIGN_OR_RETURN(merged.identity.contact, sealer.UnsealOptional("contact", row.contact));
        ONESTORY_ASSIGN_OR_RETURN(merged.identity.address, sealer.UnsealOptional("address", row.address));
        if (row.gender) merged.gender = ParseEnum<Gender>(*row.gender);
        merged.languages = SplitList(row.languages);
        merged.nationality = row.nationality;

        std::vector<std::string> changed;
        if (patch.code_name) changed.emplace_back("code_name");
        if (patch.legal_name) {
            merged.identity.legal_name = *patch.legal_name;
            changed.emplace_back("legal_name");
        }
        if (patch.birth_date) {
            merged.identity.birth_date = *patch.birth_date;
            changed.emplace_back("birth_date");
        }
        if (patch.contact) {
            merged.identity.contact = *patch.contact;
            changed.emplace_back("contact");
        }
        if (patch.address) {
            merged.identity.address = *patch.address;
            changed.emplace_back("address");
        }
        if (patch.gender) {
            merged.gender = *patch.gender;
            changed.emplace_back("gender");
        }
        if (patch.languages) {
            merged.languages = *patch.languages;
            changed.emplace_back("languages");
        }
        if (patch.nationality) {
            merged.nationality = *patch.nationality;
            changed.emplace_back("nationality");
        }
        ONESTORY_RETURN_IF_ERROR(ValidateNewSurvivor(merged));

        ONESTORY_ASSIGN_OR_RETURN(Preferences prefs, LoadPreferences(tx, sealer, row.id));
        const bool prefs_touched = patch.clear_preferences || patch.preferences.has_value();
        if (patch.clear_preferences) {
            if (!prefs.empty()) changed.emplace_back("preferences");
            prefs = Preferences{};
        }
        if (patch.preferences) prefs = ApplyPreferencesPatch(std::move(prefs), *patch.preferences, changed);
        ONESTORY_RETURN_IF_ERROR(ValidatePreferences(prefs));

        row.code_name = merged.code_name;
        row.legal_name = sealer.Seal("legal_name", merged.identity.legal_name);
        row.birth_date.reset();
        row.age_band.reset();
        row.match_index.reset();
        if (merged.identity.birth_date) {
            row.birth_date = sealer.Seal("birth_date", FormatDate(*merged.identity.birth_date));
            row.age_band = std::string(AgeBand(*merged.identity.birth_date, DateOf(now)));
            row.match_index = MatchIndex(ctx_.blind_index_key, merged.identity.legal_name, *merged.identity.birth_date);
        }
        row.contact = sealer.SealOptional("contact", merged.identity.contact);
        row.address = sealer.SealOptional("address", merged.identity.address);
        row.gender.reset();
        if (merged.gender) row.gender = std::string(NameOf(*merged.gender));
        row.languages = JoinList(merged.languages);
        row.nationality = merged.nationality;
        row.updated_at = ToMicros(now);
        row.version = expected_version + 1;
        ONESTORY_ASSIGN_OR_RETURN(auto count, store::UpdateSurvivor(tx, row));
        if (count != 1) return StaleVersion("this survivor's record");
        if (prefs_touched) {
            ONESTORY_RETURN_IF_ERROR(store::PutPreferences(tx, SealPreferences(sealer, row.id, prefs, row.updated_at)));
        }

        audit::AuditEvent event = EventBy(actor, "survivor.update", "success");
        event.resource_kind = "survivor";
        event.resource_id = row.id;
        event.survivor_id = row.id;
        event.fields = changed;
        event.reason = decision.reason;
        event.detail = "version=" + std::to_string(row.version);
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));

        Survivor out = SurvivorFrom(row);
        out.preferences = std::move(prefs);
        ONESTORY_ASSIGN_OR_RETURN(out.interview_count, store::CountInterviewsOfSurvivor(tx, row.id));
        updated = std::move(out);
        return Status::Ok();
    });
    if (refused) return Refuse(ctx_, actor, *refused, "survivor.update", "survivor", std::string(id), std::string(id));
    ONESTORY_RETURN_IF_ERROR(written);
    return *updated;
}

}  // namespace onestory::domain
