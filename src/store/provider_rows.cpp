// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/provider_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_PROVIDER_COLUMNS                                                                                \
    "id, name, agency_id, service_types, languages, age_min, age_max, genders_served, capacity, location_area, " \
    "contact, created_by, created_at, updated_at, version"

constexpr std::string_view kInsert = "INSERT INTO providers (" ONESTORY_PROVIDER_COLUMNS
                                     ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_PROVIDER_COLUMNS " FROM providers WHERE id = $1";
// $4: service type or ''; $5: language or ''; $6: 1 to filter by the age in $7.
constexpr std::string_view kList =
    "SELECT " ONESTORY_PROVIDER_COLUMNS
    " FROM providers WHERE ($4 = '' OR ',' || service_types || ',' LIKE '%,' || $4 || ',%') "
    "AND ($5 = '' OR ',' || languages || ',' LIKE '%,' || $5 || ',%') "
    "AND ($6 = 0 OR ((age_min IS NULL OR age_min <= $7) AND (age_max IS NULL OR age_max >= $7))) "
    "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
    "ORDER BY created_at DESC, id DESC LIMIT $8";
#undef ONESTORY_PROVIDER_COLUMNS

ProviderRow FromRow(const Row& r) {
    ProviderRow p;
    p.id = r[0].AsText();
    p.name = r[1].AsText();
    p.agency_id = r[2].AsOptionalText();
    p.service_types = r[3].AsText();
    p.languages = r[4].AsText();
    p.age_min = r[5].AsOptionalInt();
    p.age_max = r[6].AsOptionalInt();
    p.genders_served = r[7].AsText();
    p.capacity = r[8].AsOptionalInt();
    p.location_area = r[9].AsOptionalText();
    p.contact = r[10].AsOptionalText();
    p.created_by = r[11].AsText();
    p.created_at = r[12].AsInt();
    p.updated_at = r[13].AsInt();
    p.version = r[14].AsInt();
    return p;
}

}  // namespace

Status InsertProvider(Transaction& tx, const ProviderRow& p) {
    return tx
        .Exec(kInsert, {p.id, p.name, p.agency_id, p.service_types, p.languages, p.age_min, p.age_max, p.genders_served,
                        p.capacity, p.location_area, p.contact, p.created_by, p.created_at, p.updated_at, p.version})
        .status();
}

Result<std::optional<ProviderRow>> GetProvider(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<ProviderRow>();
    return std::optional<ProviderRow>(FromRow(rows[0]));
}

Result<Page<ProviderRow>> ListProviders(Transaction& tx, const ProviderFilter& f, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(
        Rows rows, tx.Query(kList, {has ? 1 : 0, has ? page.after->created_at : 0, has ? page.after->id : std::string(),
                                    f.service_type.value_or(std::string()), f.language.value_or(std::string()),
                                    f.age ? 1 : 0, f.age.value_or(0), page.limit + 1}));
    std::vector<ProviderRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const ProviderRow& p) { return PageCursor{p.created_at, p.id}; });
}

}  // namespace onestory::store
