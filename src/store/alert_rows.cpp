// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/alert_rows.hpp"

#include "common/strings.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_ALERT_COLUMNS                                                                                    \
    "id, kind, agency_id, audience_role, audience_staff_id, case_id, survivor_id, subject_id, subject_staff_id, " \
    "due_at, dedupe_key, status, created_at, acknowledged_at, acknowledged_by, version, resolved_at"

constexpr std::string_view kInsert =
    "INSERT INTO alerts (" ONESTORY_ALERT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";
constexpr std::string_view kInsertOnce =
    "INSERT INTO alerts (" ONESTORY_ALERT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) "
    "ON CONFLICT (dedupe_key) DO NOTHING";
constexpr std::string_view kRaised = "SELECT 1 FROM alerts WHERE dedupe_key = $1";
// $3: ",kind1,kind2," (kind names hold no commas).
constexpr std::string_view kOpenOfKinds = "SELECT " ONESTORY_ALERT_COLUMNS
                                          " FROM alerts WHERE status = 'open' AND $3 LIKE '%,' || kind || ',%' "
                                          "AND (agency_id = $1 OR audience_staff_id = $2) ORDER BY created_at, id";
constexpr std::string_view kResolve =
    "UPDATE alerts SET status = 'resolved', resolved_at = $2, version = version + 1 WHERE id = $1 AND status = 'open'";
constexpr std::string_view kAcknowledge =
    "UPDATE alerts SET status = 'acknowledged', acknowledged_at = $3, acknowledged_by = $2, version = version + 1 "
    "WHERE id = $1 AND status = 'open'";
constexpr std::string_view kSelect = "SELECT " ONESTORY_ALERT_COLUMNS " FROM alerts WHERE id = $1";
// $5: the staff id; $6: the agency; $7: ",role1,role2," (role names hold no commas).
constexpr std::string_view kListOpen =
    "SELECT " ONESTORY_ALERT_COLUMNS
    " FROM alerts WHERE status = 'open' "
    "AND (audience_staff_id = $5 OR (audience_staff_id IS NULL AND agency_id = $6 AND audience_role IS NOT NULL "
    "AND $7 LIKE '%,' || audience_role || ',%')) "
    "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
    "ORDER BY created_at DESC, id DESC LIMIT $4";
constexpr std::string_view kListOfSurvivor =
    "SELECT " ONESTORY_ALERT_COLUMNS " FROM alerts WHERE survivor_id = $1 ORDER BY created_at, id";
#undef ONESTORY_ALERT_COLUMNS

AlertRow FromRow(const Row& r) {
    AlertRow a;
    a.id = r[0].AsText();
    a.kind = r[1].AsText();
    a.agency_id = r[2].AsText();
    a.audience_role = r[3].AsOptionalText();
    a.audience_staff_id = r[4].AsOptionalText();
    a.case_id = r[5].AsOptionalText();
    a.survivor_id = r[6].AsOptionalText();
    a.subject_id = r[7].AsOptionalText();
    a.subject_staff_id = r[8].AsOptionalText();
    a.due_at = r[9].AsOptionalInt();
    a.dedupe_key = r[10].AsOptionalText();
    a.status = r[11].AsText();
    a.created_at = r[12].AsInt();
    a.acknowledged_at = r[13].AsOptionalInt();
    a.acknowledged_by = r[14].AsOptionalText();
    a.version = r[15].AsInt();
    a.resolved_at = r[16].AsOptionalInt();
    return a;
}

}  // namespace

Status InsertAlert(Transaction& tx, const AlertRow& a) {
    return tx
        .Exec(kInsert, {a.id, a.kind, a.agency_id, a.audience_role, a.audience_staff_id, a.case_id, a.survivor_id,
                        a.subject_id, a.subject_staff_id, a.due_at, a.dedupe_key, a.status, a.created_at,
                        a.acknowledged_at, a.acknowledged_by, a.version, a.resolved_at})
        .status();
}

Result<std::int64_t> InsertAlertOnce(Transaction& tx, const AlertRow& a) {
    return tx.Exec(kInsertOnce, {a.id, a.kind, a.agency_id, a.audience_role, a.audience_staff_id, a.case_id,
                                 a.survivor_id, a.subject_id, a.subject_staff_id, a.due_at, a.dedupe_key, a.status,
                                 a.created_at, a.acknowledged_at, a.acknowledged_by, a.version, a.resolved_at});
}

Result<bool> AlertRaised(Transaction& tx, std::string_view dedupe_key) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kRaised, {dedupe_key}));
    return !rows.empty();
}

Result<std::vector<AlertRow>> ListOpenAlertsOfKinds(Transaction& tx, std::string_view agency_id,
                                                    std::string_view staff_id, const std::vector<std::string>& kinds) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kOpenOfKinds, {agency_id, staff_id, "," + JoinList(kinds) + ","}));
    std::vector<AlertRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<std::int64_t> ResolveAlert(Transaction& tx, std::string_view id, std::int64_t at) {
    return tx.Exec(kResolve, {id, at});
}

Result<std::int64_t> AcknowledgeAlert(Transaction& tx, std::string_view id, std::string_view staff_id,
                                      std::int64_t at) {
    return tx.Exec(kAcknowledge, {id, staff_id, at});
}

Result<std::optional<AlertRow>> GetAlert(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<AlertRow>();
    return std::optional<AlertRow>(FromRow(rows[0]));
}

Result<Page<AlertRow>> ListOpenAlerts(Transaction& tx, const AlertAudience& audience, const PageRequest& page) {
    const bool has = page.after.has_value();
    const std::string roles = "," + JoinList(audience.roles) + ",";
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListOpen, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                              has ? page.after->id : std::string(), page.limit + 1,
                                                              audience.staff_id, audience.agency_id, roles}));
    std::vector<AlertRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const AlertRow& a) { return PageCursor{a.created_at, a.id}; });
}

Result<std::vector<AlertRow>> ListAlertsOfSurvivor(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListOfSurvivor, {survivor_id}));
    std::vector<AlertRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace onestory::store
