// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/enum_names.hpp"
#include "common/result.hpp"
#include "domain/sealer.hpp"
#include "store/preference_rows.hpp"

namespace onestory::domain {

enum class InterviewerGender { kFemale, kMale, kNoPreference };
enum class ChildrenArrangement { kPresent, kCaredFor, kNone };

// What the survivor asked for when they are interviewed; shown with every
// interview plan. The free-text members are protected and sealed at rest.
struct Preferences {
    std::optional<InterviewerGender> interviewer_gender;
    std::optional<std::string> interpreter_language;  // ISO 639-1
    std::optional<std::string> support_person;        // protected
    std::optional<ChildrenArrangement> children;
    std::optional<std::string> breaks;  // protected
    std::optional<std::string> notes;   // protected

    bool empty() const;
};

// A JSON merge-patch member: absent (nullopt) keeps the value, a present
// empty optional clears it.
template <class T>
using FieldPatch = std::optional<std::optional<T>>;

struct PreferencesPatch {
    FieldPatch<InterviewerGender> interviewer_gender;
    FieldPatch<std::string> interpreter_language;
    FieldPatch<std::string> support_person;
    FieldPatch<ChildrenArrangement> children;
    FieldPatch<std::string> breaks;
    FieldPatch<std::string> notes;
};

// Applies a patch; `changed` gets the names of the members it touched.
Preferences ApplyPreferencesPatch(Preferences prefs, const PreferencesPatch& patch, std::vector<std::string>& changed);
Status ValidatePreferences(const Preferences& prefs);
// The names of the protected members that hold a value (for audit events).
std::vector<std::string> ProtectedPreferenceFields(const Preferences& prefs);

store::PreferencesRow SealPreferences(const SurvivorSealer& sealer, const std::string& survivor_id,
                                      const Preferences& prefs, std::int64_t now);
Result<Preferences> OpenPreferences(const SurvivorSealer& sealer, const store::PreferencesRow& row);
// The survivor's preferences, empty when none were recorded.
Result<Preferences> LoadPreferences(store::Transaction& tx, const SurvivorSealer& sealer,
                                    const std::string& survivor_id);

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::InterviewerGender> {
    using G = domain::InterviewerGender;
    static constexpr std::array<std::pair<G, std::string_view>, 3> kTable{{
        {G::kFemale, "female"},
        {G::kMale, "male"},
        {G::kNoPreference, "no_preference"},
    }};
};
template <>
struct EnumNames<domain::ChildrenArrangement> {
    using C = domain::ChildrenArrangement;
    static constexpr std::array<std::pair<C, std::string_view>, 3> kTable{{
        {C::kPresent, "present"},
        {C::kCaredFor, "cared_for"},
        {C::kNone, "none"},
    }};
};
}  // namespace onestory
