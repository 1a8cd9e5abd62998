// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::store {

// Staff wellbeing: exposure to traumatic material, debriefs, private
// check-ins and the nudges raised for the staff member alone. `week` is
// always the Monday (YYYY-MM-DD) of the ISO week a record belongs to.
struct ExposureRow {
    std::string id;
    std::string staff_id;
    std::string agency_id;
    std::string on_date;
    std::string week;
    std::int64_t minutes = 0;
    std::string kind;
    std::int64_t created_at = 0;
};

struct DebriefRow {
    std::string id;
    std::string staff_id;
    std::string agency_id;
    std::string on_date;
    std::string week;
    std::int64_t created_at = 0;
};

struct CheckinRow {
    std::string id;
    std::string staff_id;
    std::string agency_id;
    std::string week;
    std::string instrument_id;
    std::string instrument_version;
    std::string answers;  // sealed
    std::int64_t created_at = 0;
};

struct NudgeRow {
    std::string id;
    std::string staff_id;
    std::string week;
    std::int64_t exposure_minutes = 0;
    std::int64_t threshold_minutes = 0;
    std::string status = "open";
    std::int64_t created_at = 0;
    std::optional<std::int64_t> closed_at;
    std::int64_t version = 1;
};

// One week of an agency, counted over distinct staff.
struct WeeklyWellbeingRow {
    std::string week;
    std::int64_t staff_with_exposure = 0;
    std::int64_t exposure_minutes = 0;
    std::int64_t staff_checked_in = 0;
};

Status InsertExposure(Transaction& tx, const ExposureRow& row);
Result<Page<ExposureRow>> ListExposuresOfStaff(Transaction& tx, std::string_view staff_id, const PageRequest& page);
Result<std::int64_t> SumExposureMinutes(Transaction& tx, std::string_view staff_id, std::string_view week);

Status InsertDebrief(Transaction& tx, const DebriefRow& row);
// A debrief in the week: one the staff member logged, or the debrief of an
// interview they conducted, recorded between week_start and week_end
// (microseconds, end exclusive).
Result<bool> HasDebriefInWeek(Transaction& tx, std::string_view staff_id, std::string_view week,
                              std::int64_t week_start, std::int64_t week_end);

Status InsertCheckin(Transaction& tx, const CheckinRow& row);
Result<std::optional<CheckinRow>> GetCheckin(Transaction& tx, std::string_view id);
// Oldest first, at most `limit`, the newest ones.
Result<std::vector<CheckinRow>> ListCheckinsOfStaff(Transaction& tx, std::string_view staff_id, int limit);

// Raises the nudge for its staff member and week unless one exists; returns
// whether it was raised.
Result<bool> InsertNudgeOnce(Transaction& tx, const NudgeRow& row);
Result<std::optional<NudgeRow>> GetNudge(Transaction& tx, std::string_view id);
// Open nudges of the staff member, newest first.
Result<std::vector<NudgeRow>> ListOpenNudges(Transaction& tx, std::string_view staff_id);
// Closes an open nudge (status "resolved" or "dismissed"); returns rows changed.
Result<std::int64_t> CloseNudge(Transaction& tx, std::string_view id, std::string_view status, std::int64_t closed_at);
Result<std::int64_t> ResolveNudgesOfWeek(Transaction& tx, std::string_view staff_id, std::string_view week,
                                         std::int64_t closed_at);

// Weeks [first_week, last_week] of the agency, each with distinct-staff
// counts; weeks without any record are absent.
Result<std::vector<WeeklyWellbeingRow>> WeeklyWellbeing(Transaction& tx, std::string_view agency_id,
                                                        std::string_view first_week, std::string_view last_week);
Result<std::int64_t> CountActiveStaff(Transaction& tx, std::string_view agency_id);

}  // namespace onestory::store
