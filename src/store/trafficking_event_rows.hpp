// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// One trafficking event of a case (HTCDS "historic trafficking event"). The
// place and the description are sealed with the survivor's key; the country,
// dates, exploitation types and means of control are plain because reports
// and the anonymised export count them.
struct TraffickingEventRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string kind;
    std::string country;
    std::optional<std::string> place;  // sealed
    std::optional<std::string> began_on;
    std::optional<std::string> ended_on;
    std::string exploitation_types;          // comma-joined
    std::string means_of_control;            // comma-joined
    std::optional<std::string> description;  // sealed
    std::string recorded_by;
    std::int64_t created_at = 0;
    std::int64_t version = 1;
};

Status InsertTraffickingEvent(Transaction& tx, const TraffickingEventRow& row);
// Oldest first.
Result<std::vector<TraffickingEventRow>> ListTraffickingEventsOfCase(Transaction& tx, std::string_view case_id);
Result<std::vector<TraffickingEventRow>> ListTraffickingEventsOfSurvivor(Transaction& tx, std::string_view survivor_id);
// Events of every survivor whose id lies in [first, last], by survivor id
// then age (exports walk survivors in id order, one batch at a time).
Result<std::vector<TraffickingEventRow>> ListTraffickingEventsOfSurvivorRange(Transaction& tx,
                                                                              std::string_view first_survivor_id,
                                                                              std::string_view last_survivor_id);

}  // namespace onestory::store
