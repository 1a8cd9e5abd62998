// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace onestory {

// A point in time, UTC, microsecond precision. Stored as integer microseconds
// since the Unix epoch; shown as RFC 3339 with a trailing Z.
using Instant = std::chrono::sys_time<std::chrono::microseconds>;
// A calendar date without a time zone (birth dates, due dates).
using Date = std::chrono::year_month_day;

std::string FormatInstant(Instant t);                        // 2026-11-26T14:22:39.123456Z (fraction omitted when zero)
std::optional<Instant> ParseInstant(std::string_view text);  // RFC 3339; offsets are converted to UTC
std::string FormatDate(Date d);                              // 2026-11-26
std::optional<Date> ParseDate(std::string_view text);        // strict YYYY-MM-DD, a real calendar date

std::int64_t ToMicros(Instant t);
Instant FromMicros(std::int64_t micros);
Date DateOf(Instant t);  // the UTC calendar day of an instant

}  // namespace onestory
