// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/reports/report_builder.hpp"

#include <algorithm>
#include <map>
#include <memory>

namespace onestory::domain {
namespace {

ReportCell CellOf(const CountGrid& g, std::size_t row, std::size_t column) {
    ReportCell cell;
    cell.mark = g.Mark(row, column);
    if (cell.mark == CellMark::kShown) cell.value = g.Value(row, column);
    return cell;
}

}  // namespace

ReportTable MakeTable(std::string name, std::string title, std::string row_dimension, std::string column_dimension,
                      std::vector<std::string> row_labels, std::vector<std::string> column_labels,
                      const std::vector<std::vector<std::int64_t>>& counts, int threshold) {
    CountGrid g = CountGrid::FromCounts(counts, column_labels.size());
    Protect(g, threshold);
    ReportTable t;
    t.name = std::move(name);
    t.title = std::move(title);
    t.row_dimension = std::move(row_dimension);
    t.column_dimension = std::move(column_dimension);
    t.row_labels = std::move(row_labels);
    t.column_labels = std::move(column_labels);
    for (std::size_t r = 0; r < g.rows; ++r) {
        std::vector<ReportCell> row;
        for (std::size_t c = 0; c < g.columns; ++c) row.push_back(CellOf(g, r, c));
        t.cells.push_back(std::move(row));
        t.row_totals.push_back(CellOf(g, r, g.columns));
    }
    for (std::size_t c = 0; c < g.columns; ++c) t.column_totals.push_back(CellOf(g, g.rows, c));
    t.total = CellOf(g, g.rows, g.columns);
    return t;
}

ReportTable MakeDistribution(std::string name, std::string title, std::string row_dimension,
                             std::vector<std::string> row_labels, const std::vector<std::int64_t>& counts,
                             int threshold) {
    CountGrid g = CountGrid::Distribution(counts);
    Protect(g, threshold);
    ReportTable t;
    t.name = std::move(name);
    t.title = std::move(title);
    t.row_dimension = std::move(row_dimension);
    t.column_dimension = "count";
    t.row_labels = std::move(row_labels);
    t.column_labels = {"count"};
    for (std::size_t r = 0; r < g.rows; ++r) t.cells.push_back({CellOf(g, r, 0)});
    t.column_totals.push_back(CellOf(g, g.rows, 0));
    t.total = CellOf(g, g.rows, 0);
    return t;
}

ReportMeasure MakeShare(std::string name, std::string title, std::int64_t part, std::int64_t whole, int threshold) {
    ReportMeasure m;
    m.name = std::move(name);
    m.title = std::move(title);
    m.unit = "share";
    const int t = std::max(threshold, 2);
    m.basis = whole < t ? ReportCell{std::nullopt, CellMark::kSmall} : ReportCell{whole, CellMark::kShown};
    if (part >= t && whole - part >= t) {
        m.value = static_cast<double>(part) / static_cast<double>(whole);
    } else {
        m.note = "withheld: fewer than " + std::to_string(t) + " on one side of the share";
    }
    return m;
}

ReportMeasure MakeShareOfRows(std::string name, std::string title, const ReportTable& table,
                              const std::vector<std::size_t>& rows) {
    ReportMeasure m;
    m.name = std::move(name);
    m.title = std::move(title);
    m.unit = "share";
    m.basis = table.total;
    std::int64_t part = 0;
    bool shown = table.total.mark == CellMark::kShown;
    for (const auto r : rows) {
        const ReportCell& cell = table.cells.at(r).at(0);
        if (cell.mark != CellMark::kShown) shown = false;
        part += cell.value.value_or(0);
    }
    if (shown && *table.total.value > 0) {
        m.value = static_cast<double>(part) / static_cast<double>(*table.total.value);
    } else {
        m.note = "withheld: it would reveal counts the table withholds";
    }
    return m;
}

ReportMeasure MakeStatistic(std::string name, std::string title, std::string unit, std::optional<double> value,
                            std::int64_t n, int threshold) {
    ReportMeasure m;
    m.name = std::move(name);
    m.title = std::move(title);
    m.unit = std::move(unit);
    const int t = std::max(threshold, 2);
    if (n < t) {
        m.basis = {std::nullopt, CellMark::kSmall};
        m.note = "withheld: computed over fewer than " + std::to_string(t);
    } else {
        m.basis = {n, CellMark::kShown};
        m.value = value;
    }
    return m;
}

MergedLabels MergeRareLabels(const std::vector<std::pair<std::string, std::int64_t>>& totals, int threshold) {
    std::map<std::string, std::int64_t> sums;
    for (const auto& [label, n] : totals) sums[label] += n;
    auto rows = std::make_shared<std::map<std::string, std::size_t>>();
    MergedLabels out;
    bool merged = false;
    for (const auto& [label, n] : sums) {
        if (n >= threshold && !label.empty() && label != "other") {
            (*rows)[label] = out.labels.size();
            out.labels.push_back(label);
        } else if (n > 0) {
            merged = true;
        }
    }
    // "other" only when something is in it (an empty one would force the
    // grand total to be withheld to protect its zeros), or as the one label
    // of an empty table.
    const std::size_t other = out.labels.size();
    if (merged || out.labels.empty()) out.labels.emplace_back("other");
    out.row_of = [rows, other](const std::string& label) {
        const auto found = rows->find(label);
        return found == rows->end() ? other : found->second;
    };
    return out;
}

}  // namespace onestory::domain
