// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/preference_rows.hpp"

#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT survivor_id, interviewer_gender, interpreter_language, children, support_person, breaks, notes, "
    "updated_at FROM survivor_preferences WHERE survivor_id = $1";
constexpr std::string_view kUpsert =
    "INSERT INTO survivor_preferences (survivor_id, interviewer_gender, interpreter_language, children, "
    "support_person, breaks, notes, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (survivor_id) DO UPDATE SET interviewer_gender = excluded.interviewer_gender, "
    "interpreter_language = excluded.interpreter_language, children = excluded.children, "
    "support_person = excluded.support_person, breaks = excluded.breaks, notes = excluded.notes, "
    "updated_at = excluded.updated_at";

}  // namespace

Result<std::optional<PreferencesRow>> GetPreferences(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {survivor_id}));
    if (rows.empty()) return std::optional<PreferencesRow>();
    const Row& r = rows[0];
    return std::optional<PreferencesRow>(PreferencesRow{r[0].AsText(), r[1].AsOptionalText(), r[2].AsOptionalText(),
                                                        r[3].AsOptionalText(), OptionalBlob(r[4]), OptionalBlob(r[5]),
                                                        OptionalBlob(r[6]), r[7].AsInt()});
}

Status PutPreferences(Transaction& tx, const PreferencesRow& p) {
    return tx
        .Exec(kUpsert, {p.survivor_id, p.interviewer_gender, p.interpreter_language, p.children,
                        BlobOrNull(p.support_person), BlobOrNull(p.breaks), BlobOrNull(p.notes), p.updated_at})
        .status();
}

}  // namespace onestory::store
