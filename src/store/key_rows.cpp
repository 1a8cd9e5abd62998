// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/key_rows.hpp"

namespace onestory::store {
namespace {

constexpr std::string_view kSelect = "SELECT name, wrapped, created_at FROM system_keys WHERE name = $1";
constexpr std::string_view kSelectAll = "SELECT name, wrapped, created_at FROM system_keys ORDER BY name";
constexpr std::string_view kInsert = "INSERT INTO system_keys (name, wrapped, created_at) VALUES ($1, $2, $3)";
constexpr std::string_view kUpdate = "UPDATE system_keys SET wrapped = $2 WHERE name = $1";

SystemKeyRow FromRow(const Row& r) {
    return {r[0].AsText(), r[1].AsBlob(), r[2].AsInt()};
}

}  // namespace

Result<std::optional<SystemKeyRow>> GetSystemKey(Transaction& tx, std::string_view name) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {name}));
    if (rows.empty()) return std::optional<SystemKeyRow>();
    return std::optional<SystemKeyRow>(FromRow(rows[0]));
}

Status InsertSystemKey(Transaction& tx, const SystemKeyRow& row) {
    return tx.Exec(kInsert, {row.name, Blob{row.wrapped}, row.created_at}).status();
}

Result<std::vector<SystemKeyRow>> ListSystemKeys(Transaction& tx) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectAll));
    std::vector<SystemKeyRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Status UpdateSystemKeyWrapping(Transaction& tx, std::string_view name, const std::string& wrapped) {
    return tx.Exec(kUpdate, {name, Blob{wrapped}}).status();
}

}  // namespace onestory::store
