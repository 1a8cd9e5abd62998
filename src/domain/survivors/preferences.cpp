// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/survivors/preferences.hpp"

#include "domain/vocabulary.hpp"

namespace onestory::domain {
namespace {

constexpr std::size_t kMaxTextBytes = 2000;

template <class T>
void Apply(std::optional<T>& member, const FieldPatch<T>& patch, std::string_view name,
           std::vector<std::string>& changed) {
    if (!patch) return;
    member = *patch;
    changed.emplace_back(name);
}

template <class E>
std::optional<E> EnumOrNull(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return ParseEnum<E>(*text);
}

template <class E>
std::optional<std::string> NameOrNull(const std::optional<E>& value) {
    if (!value) return std::nullopt;
    return std::string(NameOf(*value));
}

}  // namespace

bool Preferences::empty() const {
    return !interviewer_gender && !interpreter_language && !support_person && !children && !breaks && !notes;
}

Preferences ApplyPreferencesPatch(Preferences prefs, const PreferencesPatch& patch, std::vector<std::string>& changed) {
    Apply(prefs.interviewer_gender, patch.interviewer_gender, "preferences.interviewer_gender", changed);
    Apply(prefs.interpreter_language, patch.interpreter_language, "preferences.interpreter_language", changed);
    Apply(prefs.support_person, patch.support_person, "preferences.support_person", changed);
    Apply(prefs.children, patch.children, "preferences.children", changed);
    Apply(prefs.breaks, patch.breaks, "preferences.breaks", changed);
    Apply(prefs.notes, patch.notes, "preferences.notes", changed);
    return prefs;
}

Status ValidatePreferences(const Preferences& p) {
    if (p.interpreter_language && !IsLanguageCode(*p.interpreter_language)) {
        return Status::Invalid("preferences.interpreter_language", "must be an ISO 639-1 code such as sw");
    }
    if (p.support_person && p.support_person->size() > kMaxTextBytes) {
        return Status::Invalid("preferences.support_person", "is too long");
    }
    if (p.breaks && p.breaks->size() > kMaxTextBytes) return Status::Invalid("preferences.breaks", "is too long");
    if (p.notes && p.notes->size() > kMaxTextBytes) return Status::Invalid("preferences.notes", "is too long");
    return Status::Ok();
}

std::vector<std::string> ProtectedPreferenceFields(const Preferences& p) {
    std::vector<std::string> fields;
    if (p.support_person) fields.emplace_back("preferences.support_person");
    if (p.breaks) fields.emplace_back("preferences.breaks");
    if (p.notes) fields.emplace_back("preferences.notes");
    return fields;
}

store::PreferencesRow SealPreferences(const SurvivorSealer& sealer, const std::string& survivor_id,
                                      const Preferences& p, std::int64_t now) {
    store::PreferencesRow row;
    row.survivor_id = survivor_id;
    row.interviewer_gender = NameOrNull(p.interviewer_gender);
    row.interpreter_language = p.interpreter_language;
    row.children = NameOrNull(p.children);
    row.support_person = sealer.SealOptional("preferences.support_person", p.support_person);
    row.breaks = sealer.SealOptional("preferences.breaks", p.breaks);
    row.notes = sealer.SealOptional("preferences.notes", p.notes);
    row.updated_at = now;
    return row;
}

Result<Preferences> OpenPreferences(const SurvivorSealer& sealer, const store::PreferencesRow& row) {
    Preferences p;
    p.interviewer_gender = EnumOrNull<InterviewerGender>(row.interviewer_gender);
    p.interpreter_language = row.interpreter_language;
    p.children = EnumOrNull<ChildrenArrangement>(row.children);
    ONESTORY_ASSIGN_OR_RETURN(p.support_person,
                              sealer.UnsealOptional("preferences.support_person", row.support_person));
    ONESTORY_ASSIGN_OR_RETURN(p.breaks, sealer.UnsealOptional("preferences.breaks", row.breaks));
    ONESTORY_ASSIGN_OR_RETURN(p.notes, sealer.UnsealOptional("preferences.notes", row.notes));
    return p;
}

Result<Preferences> LoadPreferences(store::Transaction& tx, const SurvivorSealer& sealer,
                                    const std::string& survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(auto row, store::GetPreferences(tx, survivor_id));
    if (!row) return Preferences{};
    return OpenPreferences(sealer, *row);
}

}  // namespace onestory::domain
