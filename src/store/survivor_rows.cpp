// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/survivor_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_SURVIVOR_COLUMNS                                                                           \
    "id, agency_id, registered_by, code_name, data_key, legal_name, birth_date, contact, address, gender, " \
    "languages, nationality, age_band, match_index, created_at, updated_at, version"

constexpr std::string_view kInsert =
    "INSERT INTO survivors (" ONESTORY_SURVIVOR_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_SURVIVOR_COLUMNS " FROM survivors WHERE id = $1";
constexpr std::string_view kSelectByMatch =
    "SELECT " ONESTORY_SURVIVOR_COLUMNS " FROM survivors WHERE match_index = $1 ORDER BY created_at";
// $5: staff id or '' for the whole agency; $6: lower-cased LIKE pattern or ''.
constexpr std::string_view kList =
    "SELECT " ONESTORY_SURVIVOR_COLUMNS
    " FROM survivors s WHERE agency_id = $4 "
    "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
    "AND ($5 = '' OR registered_by = $5 OR EXISTS (SELECT 1 FROM cases c JOIN case_team t ON t.case_id = c.id "
    "WHERE c.survivor_id = s.id AND c.agency_id = s.agency_id AND t.staff_id = $5)) "
    "AND ($6 = '' OR LOWER(code_name) LIKE $6 ESCAPE '\\') "
    "ORDER BY created_at DESC, id DESC LIMIT $7";
constexpr std::string_view kUpdate =
    "UPDATE survivors SET code_name = $2, legal_name = $3, birth_date = $4, contact = $5, address = $6, "
    "gender = $7, languages = $8, nationality = $9, age_band = $10, match_index = $11, updated_at = $12, "
    "version = $13 WHERE id = $1 AND version = $13 - 1";
constexpr std::string_view kListAfter = "SELECT " ONESTORY_SURVIVOR_COLUMNS
                                        " FROM survivors WHERE id > $1 AND ($2 = '' OR agency_id = $2) "
                                        "ORDER BY id LIMIT $3";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM survivors WHERE ($1 = '' OR agency_id = $1)";
#undef ONESTORY_SURVIVOR_COLUMNS
constexpr std::string_view kSelectDataKeys = "SELECT id, data_key FROM survivors ORDER BY id";
constexpr std::string_view kUpdateDataKey = "UPDATE survivors SET data_key = $2 WHERE id = $1";

std::optional<std::string> OptBlob(const SqlValue& v) {
    if (v.is_null()) return std::nullopt;
    return v.AsBlob();
}

SqlValue BlobOrNull(const std::optional<std::string>& v) {
    if (!v) return SqlValue();
    return SqlValue(Blob{*v});
}

SurvivorRow FromRow(const Row& r) {
    SurvivorRow s;
    s.id = r[0].AsText();
    s.agency_id = r[1].AsText();
    s.registered_by = r[2].AsText();
    s.code_name = r[3].AsText();
    s.data_key = r[4].AsBlob();
    s.legal_name = r[5].AsBlob();
    s.birth_date = OptBlob(r[6]);
    s.contact = OptBlob(r[7]);
    s.address = OptBlob(r[8]);
    s.gender = r[9].AsOptionalText();
    s.languages = r[10].AsText();
    s.nationality = r[11].AsOptionalText();
    s.age_band = r[12].AsOptionalText();
    s.match_index = r[13].AsOptionalText();
    s.created_at = r[14].AsInt();
    s.updated_at = r[15].AsInt();
    s.version = r[16].AsInt();
    return s;
}

std::string LikePattern(const std::string& text) {
    std::string out = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out + "%";
}

}  // namespace

Status InsertSurvivor(Transaction& tx, const SurvivorRow& s) {
    return tx
        .Exec(kInsert, {s.id, s.agency_id, s.registered_by, s.code_name, Blob{s.data_key}, Blob{s.legal_name},
                        BlobOrNull(s.birth_date), BlobOrNull(s.contact), BlobOrNull(s.address), s.gender, s.languages,
                        s.nationality, s.age_band, s.match_index, s.created_at, s.updated_at, s.version})
        .status();
}

Result<std::optional<SurvivorRow>> GetSurvivor(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<SurvivorRow>();
    return std::optional<SurvivorRow>(FromRow(rows[0]));
}

Result<Page<SurvivorRow>> ListSurvivors(Transaction& tx, const SurvivorFilter& filter, const PageRequest& page) {
    const bool has = page.after.has_value();
    const std::string pattern = filter.code_name_contains ? LikePattern(*filter.code_name_contains) : std::string();
    ONESTORY_ASSIGN_OR_RETURN(
        Rows rows,
        tx.Query(kList, {has ? 1 : 0, has ? page.after->created_at : 0, has ? page.after->id : std::string(),
                         filter.agency_id, filter.visible_to_staff.value_or(std::string()), pattern, page.limit + 1}));
    std::vector<SurvivorRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const SurvivorRow& s) { return PageCursor{s.created_at, s.id}; });
}

Result<std::vector<SurvivorRow>> FindSurvivorsByMatchIndex(Transaction& tx, std::string_view match_index) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectByMatch, {match_index}));
    std::vector<SurvivorRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<std::vector<std::pair<std::string, std::string>>> ListSurvivorDataKeys(Transaction& tx) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectDataKeys));
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(rows.size());
    for (auto& r : rows) out.emplace_back(r[0].AsText(), r[1].AsBlob());
    return out;
}

Status UpdateSurvivorDataKey(Transaction& tx, std::string_view id, const std::string& wrapped) {
    return tx.Exec(kUpdateDataKey, {id, Blob{wrapped}}).status();
}

Result<std::int64_t> UpdateSurvivor(Transaction& tx, const SurvivorRow& s) {
    return tx.Exec(kUpdate, {s.id, s.code_name, Blob{s.legal_name}, BlobOrNull(s.birth_date), BlobOrNull(s.contact),
                             BlobOrNull(s.address), s.gender, s.languages, s.nationality, s.age_band, s.match_index,
                             s.updated_at, s.version});
}

Result<std::vector<SurvivorRow>> ListSurvivorsAfter(Transaction& tx, std::string_view after_id,
                                                    std::string_view agency_id, int limit) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListAfter, {after_id, agency_id, limit}));
    std::vector<SurvivorRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<std::int64_t> CountSurvivors(Transaction& tx, std::string_view agency_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kCount, {agency_id}));
    return rows.at(0).at(0).AsInt();
}

}  // namespace onestory::store
