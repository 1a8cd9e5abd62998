// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/assessments/instrument.hpp"
#include "domain/reports/report_types.hpp"
#include "store/report_rows.hpp"
#include "store/store.hpp"

namespace onestory::domain {

// What a report is built from: the period and agency, in the store's terms
// and as the caller gave them, and the suppression threshold.
struct ReportRequest {
    store::ReportScope scope;
    Date first_day;
    Date last_day;
    Date today;  // the day the report is run
    int threshold = 5;
    RestorationRule restoration;  // when an outcome assessment counts a survivor as restored
};

// One report of the catalogue: how it is built. `build` runs inside a read
// transaction and fills the tables and measures (already suppressed).
struct ReportDefinition {
    std::string name;
    std::string title;
    std::string description;
    std::function<Status(store::Transaction&, const ReportRequest&, Report&)> build;
};

// Every report onestory offers, in the order listed.
const std::vector<ReportDefinition>& ReportCatalogue();

// Building blocks for the definitions.

// A suppressed table from interior counts (rows x columns).
ReportTable MakeTable(std::string name, std::string title, std::string row_dimension, std::string column_dimension,
                      std::vector<std::string> row_labels, std::vector<std::string> column_labels,
                      const std::vector<std::vector<std::int64_t>>& counts, int threshold);
// A suppressed distribution (one column of counts, with its total).
ReportTable MakeDistribution(std::string name, std::string title, std::string row_dimension,
                             std::vector<std::string> row_labels, const std::vector<std::int64_t>& counts,
                             int threshold);
// A share part / whole, withheld unless both the part and the rest are at
// least the threshold (a share near 0 or 1 would otherwise reveal a small count).
ReportMeasure MakeShare(std::string name, std::string title, std::int64_t part, std::int64_t whole, int threshold);
// The share of a table's total that some of its rows make up, shown only
// when those rows and the total are all shown (so it reveals nothing the
// table does not).
ReportMeasure MakeShareOfRows(std::string name, std::string title, const ReportTable& table,
                              const std::vector<std::size_t>& rows);
// A mean or median over `n` people, withheld when n is below the threshold.
ReportMeasure MakeStatistic(std::string name, std::string title, std::string unit, std::optional<double> value,
                            std::int64_t n, int threshold);

// Labels that hold fewer than `threshold` in total are merged into "other"
// before suppression (countries, nationalities), so rare ones never stand
// alone. Returns the kept labels (in order) plus "other" when anything was
// merged, and maps every label to its row.
struct MergedLabels {
    std::vector<std::string> labels;
    std::function<std::size_t(const std::string&)> row_of;
};
MergedLabels MergeRareLabels(const std::vector<std::pair<std::string, std::int64_t>>& totals, int threshold);

}  // namespace onestory::domain
