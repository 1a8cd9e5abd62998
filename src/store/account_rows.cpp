// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/account_rows.hpp"

namespace onestory::store {
namespace {

constexpr std::string_view kInsertAgency =
    "INSERT INTO agencies (id, name, kind, country, created_at, updated_at, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kSelectAgency =
    "SELECT id, name, kind, country, created_at, updated_at, version FROM agencies WHERE id = $1";
constexpr std::string_view kListAgencies =
    "SELECT id, name, kind, country, created_at, updated_at, version FROM agencies "
    "WHERE ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
    "ORDER BY created_at DESC, id DESC LIMIT $4";

constexpr std::string_view kInsertStaff =
    "INSERT INTO staff (id, agency_id, username, display_name, password_hash, roles, active, created_at, "
    "updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
#define ONESTORY_STAFF_COLUMNS \
    "id, agency_id, username, display_name, password_hash, roles, active, created_at, updated_at, version"
constexpr std::string_view kSelectStaff = "SELECT " ONESTORY_STAFF_COLUMNS " FROM staff WHERE id = $1";
constexpr std::string_view kSelectStaffByUsername = "SELECT " ONESTORY_STAFF_COLUMNS " FROM staff WHERE username = $1";
constexpr std::string_view kListStaff =
    "SELECT " ONESTORY_STAFF_COLUMNS
    " FROM staff WHERE ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
    "AND ($5 = '' OR agency_id = $5) ORDER BY created_at DESC, id DESC LIMIT $4";
constexpr std::string_view kListStaffOfAgency =
    "SELECT " ONESTORY_STAFF_COLUMNS " FROM staff WHERE agency_id = $1 AND active = 1 ORDER BY id";
constexpr std::string_view kUpdatePassword =
    "UPDATE staff SET password_hash = $2, updated_at = $3, version = version + 1 WHERE id = $1";
#undef ONESTORY_STAFF_COLUMNS

AgencyRow AgencyFrom(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsInt(), r[5].AsInt(), r[6].AsInt()};
}

StaffRow StaffFrom(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsText(),
            r[5].AsText(), r[6].AsBool(), r[7].AsInt(),  r[8].AsInt(),  r[9].AsInt()};
}

template <class T>
PageCursor CursorOf(const T& row) {
    return {row.created_at, row.id};
}

}  // namespace

Status InsertAgency(Transaction& tx, const AgencyRow& r) {
    return tx.Exec(kInsertAgency, {r.id, r.name, r.kind, r.country, r.created_at, r.updated_at, r.version}).status();
}

Result<std::optional<AgencyRow>> GetAgency(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectAgency, {id}));
    if (rows.empty()) return std::optional<AgencyRow>();
    return std::optional<AgencyRow>(AgencyFrom(rows[0]));
}

Result<Page<AgencyRow>> ListAgencies(Transaction& tx, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows,
                              tx.Query(kListAgencies, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                       has ? page.after->id : std::string(), page.limit + 1}));
    std::vector<AgencyRow> items;
    for (const auto& r : rows) items.push_back(AgencyFrom(r));
    return MakePage(std::move(items), page.limit, CursorOf<AgencyRow>);
}

Status InsertStaff(Transaction& tx, const StaffRow& r) {
    return tx
        .Exec(kInsertStaff, {r.id, r.agency_id, r.username, r.display_name, r.password_hash, r.roles, r.active,
                             r.created_at, r.updated_at, r.version})
        .status();
}

Result<std::optional<StaffRow>> GetStaff(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectStaff, {id}));
    if (rows.empty()) return std::optional<StaffRow>();
    return std::optional<StaffRow>(StaffFrom(rows[0]));
}

Result<std::optional<StaffRow>> GetStaffByUsername(Transaction& tx, std::string_view username) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectStaffByUsername, {username}));
    if (rows.empty()) return std::optional<StaffRow>();
    return std::optional<StaffRow>(StaffFrom(rows[0]));
}

Result<Page<StaffRow>> ListStaff(Transaction& tx, const PageRequest& page, std::optional<std::string> agency_id) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListStaff, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                               has ? page.after->id : std::string(), page.limit + 1,
                                                               agency_id.value_or(std::string())}));
    std::vector<StaffRow> items;
    for (const auto& r : rows) items.push_back(StaffFrom(r));
    return MakePage(std::move(items), page.limit, CursorOf<StaffRow>);
}

Result<std::vector<StaffRow>> ListStaffWithRole(Transaction& tx, std::string_view agency_id, std::string_view role) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListStaffOfAgency, {agency_id}));
    std::vector<StaffRow> out;
    for (const auto& r : rows) {
        StaffRow s = StaffFrom(r);
        const std::string padded = "," + s.roles + ",";
        if (padded.find("," + std::string(role) + ",") != std::string::npos) out.push_back(std::move(s));
    }
    return out;
}

Result<std::int64_t> UpdateStaffPassword(Transaction& tx, std::string_view id, const std::string& password_hash,
                                         std::int64_t now) {
    return tx.Exec(kUpdatePassword, {id, password_hash, now});
}

}  // namespace onestory::store
