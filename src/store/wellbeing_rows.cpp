// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/wellbeing_rows.hpp"

#include <map>

namespace onestory::store {
namespace {

constexpr std::string_view kInsertExposure =
    "INSERT INTO staff_exposures (id, staff_id, agency_id, on_date, week, minutes, kind, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kListExposures =
    "SELECT id, staff_id, agency_id, on_date, week, minutes, kind, created_at FROM staff_exposures "
    "WHERE staff_id = $4 AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
    "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kSumExposure =
    "SELECT COALESCE(SUM(minutes), 0) FROM staff_exposures WHERE staff_id = $1 AND week = $2";

constexpr std::string_view kInsertDebrief =
    "INSERT INTO staff_debriefs (id, staff_id, agency_id, on_date, week, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kHasDebrief =
    "SELECT (SELECT COUNT(*) FROM staff_debriefs WHERE staff_id = $1 AND week = $2) + "
    "(SELECT COUNT(*) FROM interviews WHERE interviewer_id = $1 AND debriefed_at >= $3 AND debriefed_at < $4)";

#define ONESTORY_CHECKIN_COLUMNS "id, staff_id, agency_id, week, instrument_id, instrument_version, answers, created_at"
constexpr std::string_view kInsertCheckin =
    "INSERT INTO staff_checkins (" ONESTORY_CHECKIN_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kSelectCheckin = "SELECT " ONESTORY_CHECKIN_COLUMNS " FROM staff_checkins WHERE id = $1";
constexpr std::string_view kCheckinsOfStaff = "SELECT " ONESTORY_CHECKIN_COLUMNS
                                              " FROM staff_checkins WHERE staff_id = $1 "
                                              "ORDER BY created_at DESC, id DESC LIMIT $2";
#undef ONESTORY_CHECKIN_COLUMNS

#define ONESTORY_NUDGE_COLUMNS \
    "id, staff_id, week, exposure_minutes, threshold_minutes, status, created_at, closed_at, version"
constexpr std::string_view kInsertNudge =
    "INSERT INTO wellbeing_nudges (" ONESTORY_NUDGE_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (staff_id, week) DO NOTHING";
constexpr std::string_view kSelectNudge = "SELECT " ONESTORY_NUDGE_COLUMNS " FROM wellbeing_nudges WHERE id = $1";
constexpr std::string_view kOpenNudges = "SELECT " ONESTORY_NUDGE_COLUMNS
                                         " FROM wellbeing_nudges WHERE staff_id = $1 AND status = 'open' "
                                         "ORDER BY created_at DESC, id DESC";
#undef ONESTORY_NUDGE_COLUMNS
constexpr std::string_view kCloseNudge =
    "UPDATE wellbeing_nudges SET status = $2, closed_at = $3, version = version + 1 "
    "WHERE id = $1 AND status = 'open'";
constexpr std::string_view kResolveWeek =
    "UPDATE wellbeing_nudges SET status = 'resolved', closed_at = $3, version = version + 1 "
    "WHERE staff_id = $1 AND week = $2 AND status = 'open'";

constexpr std::string_view kWeeklyExposure =
    "SELECT week, COUNT(DISTINCT staff_id), SUM(minutes) FROM staff_exposures "
    "WHERE agency_id = $1 AND week >= $2 AND week <= $3 GROUP BY week";
constexpr std::string_view kWeeklyCheckins =
    "SELECT week, COUNT(DISTINCT staff_id) FROM staff_checkins "
    "WHERE agency_id = $1 AND week >= $2 AND week <= $3 GROUP BY week";
constexpr std::string_view kActiveStaff = "SELECT COUNT(*) FROM staff WHERE agency_id = $1 AND active = 1";

ExposureRow ExposureFrom(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(),
            r[4].AsText(), r[5].AsInt(),  r[6].AsText(), r[7].AsInt()};
}

CheckinRow CheckinFrom(const Row& r) {
    return {r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(),
            r[4].AsText(), r[5].AsText(), r[6].AsBlob(), r[7].AsInt()};
}

NudgeRow NudgeFrom(const Row& r) {
    NudgeRow n;
    n.id = r[0].AsText();
    n.staff_id = r[1].AsText();
    n.week = r[2].AsText();
    n.exposure_minutes = r[3].AsInt();
    n.threshold_minutes = r[4].AsInt();
    n.status = r[5].AsText();
    n.created_at = r[6].AsInt();
    n.closed_at = r[7].AsOptionalInt();
    n.version = r[8].AsInt();
    return n;
}

}  // namespace

Status InsertExposure(Transaction& tx, const ExposureRow& e) {
    return tx.Exec(kInsertExposure, {e.id, e.staff_id, e.agency_id, e.on_date, e.week, e.minutes, e.kind, e.created_at})
        .status();
}

Result<Page<ExposureRow>> ListExposuresOfStaff(Transaction& tx, std::string_view staff_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(
        Rows rows, tx.Query(kListExposures, {has ? 1 : 0, has ? page.after->created_at : 0,
                                             has ? page.after->id : std::string(), staff_id, page.limit + 1}));
    std::vector<ExposureRow> items;
    for (const auto& r : rows) items.push_back(ExposureFrom(r));
    return MakePage(std::move(items), page.limit, [](const ExposureRow& e) { return PageCursor{e.created_at, e.id}; });
}

Result<std::int64_t> SumExposureMinutes(Transaction& tx, std::string_view staff_id, std::string_view week) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSumExposure, {staff_id, week}));
    return rows.at(0).at(0).AsInt();
}

Status InsertDebrief(Transaction& tx, const DebriefRow& d) {
    return tx.Exec(kInsertDebrief, {d.id, d.staff_id, d.agency_id, d.on_date, d.week, d.created_at}).status();
}

Result<bool> HasDebriefInWeek(Transaction& tx, std::string_view staff_id, std::string_view week,
                              std::int64_t week_start, std::int64_t week_end) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kHasDebrief, {staff_id, week, week_start, week_end}));
    return rows.at(0).at(0).AsInt() > 0;
}

Status InsertCheckin(Transaction& tx, const CheckinRow& c) {
    return tx
        .Exec(kInsertCheckin, {c.id, c.staff_id, c.agency_id, c.week, c.instrument_id, c.instrument_version,
                               Blob{c.answers}, c.created_at})
        .status();
}

Result<std::optional<CheckinRow>> GetCheckin(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectCheckin, {id}));
    if (rows.empty()) return std::optional<CheckinRow>();
    return std::optional<CheckinRow>(CheckinFrom(rows[0]));
}

Result<std::vector<CheckinRow>> ListCheckinsOfStaff(Transaction& tx, std::string_view staff_id, int limit) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kCheckinsOfStaff, {staff_id, limit}));
    std::vector<CheckinRow> out;
    out.reserve(rows.size());
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) out.push_back(CheckinFrom(*it));
    return out;
}

Result<bool> InsertNudgeOnce(Transaction& tx, const NudgeRow& n) {
    ONESTORY_ASSIGN_OR_RETURN(auto changed,
                              tx.Exec(kInsertNudge, {n.id, n.staff_id, n.week, n.exposure_minutes, n.threshold_minutes,
                                                     n.status, n.created_at, n.closed_at, n.version}));
    return changed == 1;
}

Result<std::optional<NudgeRow>> GetNudge(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelectNudge, {id}));
    if (rows.empty()) return std::optional<NudgeRow>();
    return std::optional<NudgeRow>(NudgeFrom(rows[0]));
}

Result<std::vector<NudgeRow>> ListOpenNudges(Transaction& tx, std::string_view staff_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kOpenNudges, {staff_id}));
    std::vector<NudgeRow> out;
    for (const auto& r : rows) out.push_back(NudgeFrom(r));
    return out;
}

Result<std::int64_t> CloseNudge(Transaction& tx, std::string_view id, std::string_view status, std::int64_t closed_at) {
    return tx.Exec(kCloseNudge, {id, status, closed_at});
}

Result<std::int64_t> ResolveNudgesOfWeek(Transaction& tx, std::string_view staff_id, std::string_view week,
                                         std::int64_t closed_at) {
    return tx.Exec(kResolveWeek, {staff_id, week, closed_at});
}

Result<std::vector<WeeklyWellbeingRow>> WeeklyWellbeing(Transaction& tx, std::string_view agency_id,
                                                        std::string_view first_week, std::string_view last_week) {
    std::map<std::string, WeeklyWellbeingRow> weeks;
    ONESTORY_ASSIGN_OR_RETURN(Rows exposure, tx.Query(kWeeklyExposure, {agency_id, first_week, last_week}));
    for (const auto& r : exposure) {
        auto& w = weeks[r[0].AsText()];
        w.week = r[0].AsText();
        w.staff_with_exposure = r[1].AsInt();
        w.exposure_minutes = r[2].AsInt();
    }
    ONESTORY_ASSIGN_OR_RETURN(Rows checkins, tx.Query(kWeeklyCheckins, {agency_id, first_week, last_week}));
    for (const auto& r : checkins) {
        auto& w = weeks[r[0].AsText()];
        w.week = r[0].AsText();
        w.staff_checked_in = r[1].AsInt();
    }
    std::vector<WeeklyWellbeingRow> out;
    for (auto& [week, row] : weeks) out.push_back(std::move(row));
    return out;
}

Result<std::int64_t> CountActiveStaff(Transaction& tx, std::string_view agency_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kActiveStaff, {agency_id}));
    return rows.at(0).at(0).AsInt();
}

}  // namespace onestory::store
