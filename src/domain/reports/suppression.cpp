// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/reports/suppression.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>

namespace onestory::domain {
namespace {

// An entry of the grid by row and column.
struct At {
    std::size_t row;
    std::size_t column;
};

// The table with its totals satisfies one equation per row and column once
// the totals are negated (each line then sums to zero); `Sign` is the
// factor between an entry's value and its term in those equations.
int Sign(const CountGrid& g, At a) {
    return ((a.row == g.rows) != (a.column == g.columns)) ? -1 : 1;
}

// Whether a value fits what its mark tells a reader: "<t" is 0..t-1, "x" at
// least t. A shown entry never changes, so it fits nothing else.
bool Fits(CellMark mark, std::int64_t value, int t) {
    switch (mark) {
        case CellMark::kSmall:
            return value >= 0 && value <= t - 1;
        case CellMark::kWithheld:
            return value >= t;
        case CellMark::kShown:
            return false;
    }
    return false;
}

// Moving term d, -d, -d, d around the rectangle (the equations' terms, so
// every line keeps its sum). A shown corner counts as withheld: it is what
// it would become if the rectangle were chosen.
bool RectangleFits(const CountGrid& g, At e, At other, int d, int t) {
    const std::array<std::pair<At, int>, 4> corners{
        {{e, d}, {{e.row, other.column}, -d}, {{other.row, e.column}, -d}, {other, d}}};
    for (const auto& [a, term] : corners) {
        CellMark mark = g.Mark(a.row, a.column);
        if (mark == CellMark::kShown) mark = CellMark::kWithheld;
        if (!Fits(mark, g.Value(a.row, a.column) + Sign(g, a) * term, t)) return false;
    }
    return true;
}

bool Suppressed(const CountGrid& g, At a) {
    return g.Mark(a.row, a.column) != CellMark::kShown;
}

bool GridCanMove(const CountGrid& g, At e, int t) {
    for (std::size_t r = 0; r <= g.rows; ++r) {
        if (r == e.row) continue;
        for (std::size_t c = 0; c <= g.columns; ++c) {
            if (c == e.column) continue;
            if (!Suppressed(g, {e.row, c}) || !Suppressed(g, {r, e.column}) || !Suppressed(g, {r, c})) continue;
            if (RectangleFits(g, e, {r, c}, 1, t) || RectangleFits(g, e, {r, c}, -1, t)) return true;
        }
    }
    return false;
}

// The cheapest rectangle that would let `e` move: fewest entries to
// withhold, then not the grand total, then fewest totals, then the smallest
// sum of what is withheld.
std::optional<At> CheapestRectangle(const CountGrid& g, At e, int t) {
    using Cost = std::tuple<int, int, int, std::int64_t>;
    std::optional<std::pair<Cost, At>> best;
    for (std::size_t r = 0; r <= g.rows; ++r) {
        if (r == e.row) continue;
        for (std::size_t c = 0; c <= g.columns; ++c) {
            if (c == e.column) continue;
            if (!RectangleFits(g, e, {r, c}, 1, t) && !RectangleFits(g, e, {r, c}, -1, t)) continue;
            Cost cost{0, 0, 0, 0};
            for (const At a : {At{e.row, c}, At{r, e.column}, At{r, c}}) {
                if (Suppressed(g, a)) continue;
                ++std::get<0>(cost);
                if (a.row == g.rows && a.column == g.columns) ++std::get<1>(cost);
                if (a.row == g.rows || a.column == g.columns) ++std::get<2>(cost);
                std::get<3>(cost) += g.Value(a.row, a.column);
            }
            if (!best || cost < best->first) best = std::make_pair(cost, At{r, c});
        }
    }
    if (!best) return std::nullopt;
    return best->second;
}

void ProtectTwoWay(CountGrid& g, int t) {
    // Small entries in a fixed order: cells, row totals, column totals, the grand total.
    std::vector<At> small;
    for (std::size_t r = 0; r < g.rows; ++r) {
        for (std::size_t c = 0; c < g.columns; ++c) small.push_back({r, c});
    }
    for (std::size_t r = 0; r < g.rows; ++r) small.push_back({r, g.columns});
    for (std::size_t c = 0; c < g.columns; ++c) small.push_back({g.rows, c});
    small.push_back({g.rows, g.columns});
    for (const At e : small) {
        if (g.Mark(e.row, e.column) != CellMark::kSmall || GridCanMove(g, e, t)) continue;
        if (const auto other = CheapestRectangle(g, e, t)) {
            for (const At a : {At{e.row, other->column}, At{other->row, e.column}, *other}) {
                if (!Suppressed(g, a)) g.marks[g.Index(a.row, a.column)] = CellMark::kWithheld;
            }
            continue;
        }
        // No rectangle fits (a degenerate table): withhold everything.
        for (auto& m : g.marks) {
            if (m == CellMark::kShown) m = CellMark::kWithheld;
        }
    }
}

// A distribution: cells 0..rows-1 and the total at `rows`, one equation
// (the cells sum to the total). Two suppressed entries can move together:
// two cells in opposite directions, or a cell and the total in the same one.
bool PairFits(const CountGrid& g, std::size_t e, std::size_t other, int d, int t) {
    const std::size_t total = g.rows;
    // Cells minus the total is zero: a cell and the total move together,
    // two cells against each other.
    const int other_delta = (e == total || other == total) ? d : -d;
    for (const auto& [i, delta] : {std::pair{e, d}, std::pair{other, other_delta}}) {
        CellMark mark = g.Mark(i, 0);
        if (mark == CellMark::kShown) mark = CellMark::kWithheld;
        if (!Fits(mark, g.Value(i, 0) + delta, t)) return false;
    }
    return true;
}

bool DistributionCanMove(const CountGrid& g, std::size_t e, int t) {
    for (std::size_t i = 0; i <= g.rows; ++i) {
        if (i == e || g.Mark(i, 0) == CellMark::kShown) continue;
        if (PairFits(g, e, i, 1, t) || PairFits(g, e, i, -1, t)) return true;
    }
    return false;
}

void ProtectOneWay(CountGrid& g, int t) {
    for (std::size_t e = 0; e <= g.rows; ++e) {
        if (g.Mark(e, 0) != CellMark::kSmall || DistributionCanMove(g, e, t)) continue;
        // The smallest shown cell that fits, else the total.
        std::optional<std::size_t> best;
        for (std::size_t i = 0; i <= g.rows; ++i) {
            if (i == e || g.Mark(i, 0) != CellMark::kShown) continue;
            if (!PairFits(g, e, i, 1, t) && !PairFits(g, e, i, -1, t)) continue;
            const bool better =
                !best || (*best == g.rows && i != g.rows) || (i != g.rows && g.Value(i, 0) < g.Value(*best, 0));
            if (better) best = i;
        }
        if (best) {
            g.marks[g.Index(*best, 0)] = CellMark::kWithheld;
            continue;
        }
        for (std::size_t i = 0; i <= g.rows; ++i) {
            if (g.Mark(i, 0) == CellMark::kShown) g.marks[g.Index(i, 0)] = CellMark::kWithheld;
        }
    }
    // The unpublished row totals repeat their cells.
    for (std::size_t i = 0; i <= g.rows; ++i) g.marks[g.Index(i, 1)] = g.Mark(i, 0);
}

}  // namespace

CountGrid CountGrid::FromCounts(const std::vector<std::vector<std::int64_t>>& counts, std::size_t columns) {
    CountGrid g;
    g.rows = counts.size();
    g.columns = columns;
    g.values.assign((g.rows + 1) * (columns + 1), 0);
    g.marks.assign(g.values.size(), CellMark::kShown);
    for (std::size_t r = 0; r < g.rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            const std::int64_t v = c < counts[r].size() ? counts[r][c] : 0;
            g.values[g.Index(r, c)] = v;
            g.values[g.Index(r, columns)] += v;
            g.values[g.Index(g.rows, c)] += v;
            g.values[g.Index(g.rows, columns)] += v;
        }
    }
    return g;
}

CountGrid CountGrid::Distribution(const std::vector<std::int64_t>& counts) {
    std::vector<std::vector<std::int64_t>> rows;
    rows.reserve(counts.size());
    for (const auto v : counts) rows.push_back({v});
    CountGrid g = FromCounts(rows, 1);
    g.distribution = true;
    return g;
}

void Protect(CountGrid& grid, int threshold) {
    const int t = std::max(threshold, 2);
    for (std::size_t i = 0; i < grid.values.size(); ++i) {
        if (grid.values[i] < t) grid.marks[i] = CellMark::kSmall;
    }
    if (grid.distribution) {
        ProtectOneWay(grid, t);
    } else {
        ProtectTwoWay(grid, t);
    }
}

bool CanMove(const CountGrid& grid, std::size_t row, std::size_t column, int threshold) {
    const int t = std::max(threshold, 2);
    if (grid.distribution) return column == 0 && DistributionCanMove(grid, row, t);
    return GridCanMove(grid, {row, column}, t);
}

}  // namespace onestory::domain
