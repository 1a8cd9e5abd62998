// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

// Small-cell suppression for published counts.
//
// Every count below the threshold t (including zero) is withheld and shown
// as "<t" (kSmall). Then, because a table is published with its row, column
// and grand totals, more counts are withheld (kWithheld, shown as "x") until
// no small count can be worked out from what is shown: not by subtracting
// the shown counts from a total, and not by any combination of the table's
// equations together with what a reader knows about the marks themselves
// ("<t" is 0 to t-1, "x" is at least t).
//
// The guarantee, checked for every small count: there is a second table,
// consistent with everything published (shown counts, the totals' equations,
// and the ranges the marks imply), in which that count differs. It is found
// as a rectangle of withheld entries (two rows, two columns of the table
// with its totals as an extra row and column) around which the counts can
// move by one, up and down alternately, without breaking any total or
// leaving any range. Rectangles are chosen to withhold as little as
// possible: fewest new entries, the grand total last, totals after cells,
// small counts before large.
//
// This protects one table against its own totals. The reports publish no
// two tables of one population (a report that needs a third dimension
// publishes one table per value of it, as the training report does per
// year); figures from different reports or different periods are not
// linked, and a reader who runs a report twice with overlapping periods can
// difference them.
namespace onestory::domain {

enum class CellMark { kShown, kSmall, kWithheld };

// A two-way table with its totals: (rows + 1) x (columns + 1) entries,
// row-major. Entry (i, columns) is row i's total, (rows, j) column j's
// total, (rows, columns) the grand total.
struct CountGrid {
    std::size_t rows = 0;
    std::size_t columns = 0;
    bool distribution = false;  // one column, row totals not published
    std::vector<std::int64_t> values;
    std::vector<CellMark> marks;

    // Builds the totals from the interior counts; every mark kShown.
    static CountGrid FromCounts(const std::vector<std::vector<std::int64_t>>& counts, std::size_t columns);
    static CountGrid Distribution(const std::vector<std::int64_t>& counts);

    std::size_t Index(std::size_t row, std::size_t column) const { return row * (columns + 1) + column; }
    std::int64_t Value(std::size_t row, std::size_t column) const { return values[Index(row, column)]; }
    CellMark Mark(std::size_t row, std::size_t column) const { return marks[Index(row, column)]; }
};

// Marks the grid (entries already marked kWithheld stay so). A threshold
// below 2 is treated as 2: with a threshold of 1 a "<1" would say "exactly 0".
// A distribution's unpublished row totals carry the marks of their cells.
void Protect(CountGrid& grid, int threshold);

// Whether a small count of the grid can move by one with every published
// constraint kept (the guarantee above), for tests and checks.
bool CanMove(const CountGrid& grid, std::size_t row, std::size_t column, int threshold);

}  // namespace onestory::domain
