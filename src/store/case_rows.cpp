// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/case_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_CASE_COLUMNS \
    "id, survivor_id, agency_id, opened_by, stage, status, exploitation_types, created_at, updated_at, version"

// closed_at (retention counts from it) is kept by these statements: set when
// a case is created or changed closed, kept while it stays closed, cleared
// when it is reopened.
constexpr std::string_view kInsert = "INSERT INTO cases (" ONESTORY_CASE_COLUMNS
                                     ", closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                                     "CASE WHEN $6 IN ('closed', 'closed_referred') THEN $9 ELSE 0 END)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_CASE_COLUMNS " FROM cases WHERE id = $1";
constexpr std::string_view kSelectOfSurvivor =
    "SELECT " ONESTORY_CASE_COLUMNS " FROM cases WHERE survivor_id = $1 ORDER BY created_at";
// $5: staff id or '' for the whole agency; $6: survivor id or ''.
constexpr std::string_view kList =
    "SELECT " ONESTORY_CASE_COLUMNS
    " FROM cases c WHERE agency_id = $4 "
    "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
    "AND ($5 = '' OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.staff_id = $5)) "
    "AND ($6 = '' OR survivor_id = $6) "
    "ORDER BY created_at DESC, id DESC LIMIT $7";
constexpr std::string_view kUpdate =
    "UPDATE cases SET stage = $2, status = $3, exploitation_types = $4, updated_at = $5, version = $6, "
    "closed_at = CASE WHEN $3 NOT IN ('closed', 'closed_referred') THEN 0 WHEN closed_at = 0 THEN $5 "
    "ELSE closed_at END "
    "WHERE id = $1 AND version = $6 - 1";
constexpr std::string_view kSelectOfSurvivorRange = "SELECT " ONESTORY_CASE_COLUMNS
                                                    " FROM cases WHERE survivor_id >= $1 AND survivor_id <= $2 "
                                                    "ORDER BY survivor_id, created_at, id";
#undef ONESTORY_CASE_COLUMNS

constexpr std::string_view kInsertMember =
    "INSERT INTO case_team (case_id, staff_id, case_role, added_by, added_at) VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kListTeam =
    "SELECT case_id, staff_id, case_role, added_by, added_at FROM case_team WHERE case_id = $1 "
    "ORDER BY added_at, staff_id";
constexpr std::string_view kSelectMember =
    "SELECT case_id, staff_id, case_role, added_by, added_at FROM case_team WHERE case_id = $1 AND staff_id = $2";
constexpr std::string_view kOnSurvivorTeam =
    "SELECT COUNT(*) FROM cases c JOIN case_team t ON t.case_id = c.id "
    "WHERE c.survivor_id = $1 AND c.agency_id = $2 AND t.staff_id = $3";

CaseRow FromRow(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsText(),
            r[5].AsText(), r[6].AsText(), r[7].AsInt(),  r[8].AsInt(),  r[9].AsInt()};
}

TeamMemberRow MemberFrom(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsInt()};
}

}  // namespace

Status InsertCase(Transaction& tx, const CaseRow& c) {
    return tx
        .Exec(kInsert, {c.id, c.survivor_id, c.agency_id, c.opened_by, c.stage, c.status, c.exploitation_types,
                        c.created_at, c.updated_at, c.version})
        .status();
}

Result<std::optional<CaseRow>> GetCase(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<CaseRow>();
    return std::optional<CaseRow>(FromRow(rows[0]));
}

Result<Page<CaseRow>> ListCases(Transaction& tx, const CaseFilter& filter, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(
        Rows rows, tx.Query(kList, {has ? 1 : 0, has ? page.after->created_at : 0, has ? page.after->id : std::string(),
                                    filter.agency_id, filter.team_member.value_or(std::string()),
                                    filter.survivor_id.value_or(std::string()), page.limit + 1}));
    std::vector<CaseRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const CaseRow& c) { return PageCursor{c.created_at, c.id}; });
}

Result<std::vector<CaseRow>> ListCasesOfSurvivor(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectOfSurvivor, {survivor_id}));
    std::vector<CaseRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<std::int64_t> UpdateCase(Transaction& tx, const CaseRow& c) {
    return tx.Exec(kUpdate, {c.id, c.stage, c.status, c.exploitation_types, c.updated_at, c.version});
}

Status InsertTeamMember(Transaction& tx, const TeamMemberRow& m) {
    return tx.Exec(kInsertMember, {m.case_id, m.staff_id, m.case_role, m.added_by, m.added_at}).status();
}

Result<std::vector<TeamMemberRow>> ListTeam(Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListTeam, {case_id}));
    std::vector<TeamMemberRow> out;
    for (const auto& r : rows) out.push_back(MemberFrom(r));
    return out;
}

Result<std::optional<TeamMemberRow>> GetTeamMember(Transaction& tx, std::string_view case_id,
                                                   std::string_view staff_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectMember, {case_id, staff_id}));
    if (rows.empty()) return std::optional<TeamMemberRow>();
    return std::optional<TeamMemberRow>(MemberFrom(rows[0]));
}

Result<bool> IsOnSurvivorTeam(Transaction& tx, std::string_view survivor_id, std::string_view agency_id,
                              std::string_view staff_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kOnSurvivorTeam, {survivor_id, agency_id, staff_id}));
    return rows[0][0].AsInt() > 0;
}

Result<std::vector<CaseRow>> ListCasesOfSurvivorRange(Transaction& tx, std::string_view first_survivor_id,
                                                      std::string_view last_survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectOfSurvivorRange, {first_survivor_id, last_survivor_id}));
    std::vector<CaseRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace onestory::store
