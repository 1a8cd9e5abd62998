// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/reports/suppression.hpp"

namespace onestory::domain {

// One published count: its value when shown, its mark when withheld. A
// withheld count's value never leaves the report service.
struct ReportCell {
    std::optional<std::int64_t> value;
    CellMark mark = CellMark::kShown;
};

// A table of counts with its totals, after suppression. A distribution has
// one column and no row totals.
struct ReportTable {
    std::string name;
    std::string title;
    std::string row_dimension;
    std::string column_dimension;
    std::vector<std::string> row_labels;
    std::vector<std::string> column_labels;
    std::vector<std::vector<ReportCell>> cells;
    std::vector<ReportCell> row_totals;  // empty for a distribution
    std::vector<ReportCell> column_totals;
    ReportCell total;
};

// A figure derived from counts (a share, a median, a mean), withheld when
// the counts behind it are too few.
struct ReportMeasure {
    std::string name;
    std::string title;
    std::string unit;             // "share" (0..1), "days", "score"
    std::optional<double> value;  // empty when withheld
    ReportCell basis;             // how many it is computed over
    std::string note;             // why it is withheld, when it is
};

struct Report {
    std::string name;
    std::string title;
    std::string description;
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<std::string> agency_id;  // empty: every agency
    int threshold = 5;
    Instant generated_at;
    std::vector<ReportTable> tables;
    std::vector<ReportMeasure> measures;
    std::vector<std::string> notes;
};

// What a caller can ask of a report.
struct ReportParameters {
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<std::string> agency_id;
};

struct ReportInfo {
    std::string name;
    std::string title;
    std::string description;
};

}  // namespace onestory::domain
