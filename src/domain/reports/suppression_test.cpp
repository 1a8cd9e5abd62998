// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Small-cell and complementary suppression, attacked. Each test publishes
// generated tables the way a report does (shown counts, "<t" and "x" marks,
// the totals' equations) and then tries to work a suppressed count out
// again: by linear algebra over the totals, by narrowing ranges through
// repeated subtraction, and, on small tables, by listing every table a
// reader could still believe in. Every attack must fail.
#include "domain/reports/suppression.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>

namespace onestory::domain {
namespace {

// What a reader of the published table knows: one linear equation per line
// (terms over the entries; a shown entry is a known number), and a range
// for every suppressed entry.
struct Published {
    std::vector<std::vector<std::pair<std::size_t, int>>> equations;  // (entry index, coefficient)
    std::vector<bool> known;
    std::vector<std::int64_t> value;  // the shown value where known; the truth otherwise (never read by attacks)
    std::vector<std::int64_t> low;
    std::vector<std::int64_t> high;
};

Published Publish(const CountGrid& g, int t) {
    Published p;
    const std::size_t n = g.values.size();
    p.known.assign(n, false);
    p.value = g.values;
    p.low.assign(n, 0);
    p.high.assign(n, 0);
    // A generous bound for "x": nothing in these tables is larger than ten times the truth's total.
    const std::int64_t big = 10 * std::max<std::int64_t>(g.values.back(), 1) + 10 * t;
    for (std::size_t i = 0; i < n; ++i) {
        switch (g.marks[i]) {
            case CellMark::kShown:
                p.known[i] = true;
                p.low[i] = p.high[i] = g.values[i];
                break;
            case CellMark::kSmall:
                p.low[i] = 0;
                p.high[i] = t - 1;
                break;
            case CellMark::kWithheld:
                p.low[i] = t;
                p.high[i] = big;
                break;
        }
    }
    auto sign = [&](std::size_t r, std::size_t c) { return ((r == g.rows) != (c == g.columns)) ? -1 : 1; };
    if (g.distribution) {
        std::vector<std::pair<std::size_t, int>> eq;
        for (std::size_t r = 0; r <= g.rows; ++r) eq.emplace_back(g.Index(r, 0), r == g.rows ? -1 : 1);
        p.equations.push_back(eq);
        return p;
    }
    for (std::size_t r = 0; r <= g.rows; ++r) {
        std::vector<std::pair<std::size_t, int>> eq;
        for (std::size_t c = 0; c <= g.columns; ++c) eq.emplace_back(g.Index(r, c), sign(r, c));
        p.equations.push_back(eq);
    }
    for (std::size_t c = 0; c <= g.columns; ++c) {
        std::vector<std::pair<std::size_t, int>> eq;
        for (std::size_t r = 0; r <= g.rows; ++r) eq.emplace_back(g.Index(r, c), sign(r, c));
        p.equations.push_back(eq);
    }
    return p;
}

// Attack 1: Gaussian elimination over the unknowns. An unknown is
// determined exactly when some combination of the equations mentions it
// alone.
std::set<std::size_t> DeterminedByLinearAlgebra(const Published& p) {
    std::vector<std::size_t> unknowns;
    std::map<std::size_t, std::size_t> column_of;
    for (std::size_t i = 0; i < p.known.size(); ++i) {
        if (!p.known[i]) {
            column_of[i] = unknowns.size();
            unknowns.push_back(i);
        }
    }
    std::vector<std::vector<double>> m;
    for (const auto& eq : p.equations) {
        std::vector<double> row(unknowns.size(), 0.0);
        for (const auto& [i, a] : eq) {
            if (!p.known[i]) row[column_of[i]] += a;
        }
        m.push_back(row);
    }
    // Reduced row echelon form.
    std::size_t lead = 0;
    for (std::size_t c = 0; c < unknowns.size() && lead < m.size(); ++c) {
        std::size_t pivot = lead;
        while (pivot < m.size() && std::fabs(m[pivot][c]) < 1e-9) ++pivot;
        if (pivot == m.size()) continue;
        std::swap(m[pivot], m[lead]);
        const double f = m[lead][c];
        for (auto& x : m[lead]) x /= f;
        for (std::size_t r = 0; r < m.size(); ++r) {
            if (r == lead || std::fabs(m[r][c]) < 1e-9) continue;
            const double g = m[r][c];
            for (std::size_t k = 0; k < unknowns.size(); ++k) m[r][k] -= g * m[lead][k];
        }
        ++lead;
    }
    std::set<std::size_t> determined;
    for (const auto& row : m) {
        std::size_t nonzero = 0, where = 0;
        for (std::size_t k = 0; k < row.size(); ++k) {
            if (std::fabs(row[k]) > 1e-9) {
                ++nonzero;
                where = k;
            }
        }
        if (nonzero == 1) determined.insert(unknowns[where]);
    }
    return determined;
}

// Attack 2: subtraction with ranges. Each equation bounds each of its
// unknowns by the others' ranges; repeat until nothing narrows.
void NarrowBySubtraction(const Published& p, std::vector<std::int64_t>& low, std::vector<std::int64_t>& high) {
    low = p.low;
    high = p.high;
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& eq : p.equations) {
            for (const auto& [i, a] : eq) {
                if (p.known[i]) continue;
                // a * x_i = -(sum of the other terms)
                std::int64_t rest_low = 0, rest_high = 0;
                for (const auto& [j, b] : eq) {
                    if (j == i) continue;
                    rest_low += b > 0 ? b * low[j] : b * high[j];
                    rest_high += b > 0 ? b * high[j] : b * low[j];
                }
                const std::int64_t lo = a > 0 ? -rest_high : rest_low;
                const std::int64_t hi = a > 0 ? -rest_low : rest_high;
                if (lo > low[i]) {
                    low[i] = lo;
                    changed = true;
                }
                if (hi < high[i]) {
                    high[i] = hi;
                    changed = true;
                }
            }
        }
    }
}

// Attack 3 (small tables): every integer table consistent with what is
// published, within the narrowed ranges; which values each small entry can
// take. Stops once every small entry has shown two values.
class Enumerator {
  public:
    Enumerator(const Published& p, std::vector<std::int64_t> low, std::vector<std::int64_t> high,
               std::vector<std::size_t> small)
        : p_(p), low_(std::move(low)), high_(std::move(high)), small_(std::move(small)) {
        for (std::size_t i = 0; i < p.known.size(); ++i) {
            if (!p.known[i]) unknowns_.push_back(i);
        }
        assigned_.assign(p.known.size(), false);
        current_ = p.value;
        for (std::size_t i = 0; i < p.known.size(); ++i) assigned_[i] = p.known[i];
    }

    std::map<std::size_t, std::set<std::int64_t>> Run() {
        Search(0);
        return seen_;
    }

  private:
    bool Done() const {
        for (const auto i : small_) {
            const auto it = seen_.find(i);
            if (it == seen_.end() || it->second.size() < 2) return false;
        }
        return true;
    }

    bool Consistent() const {
        for (const auto& eq : p_.equations) {
            bool complete = true;
            std::int64_t sum = 0;
            for (const auto& [i, a] : eq) {
                if (!assigned_[i]) {
                    complete = false;
                    break;
                }
                sum += a * current_[i];
            }
            if (complete && sum != 0) return false;
        }
        return true;
    }

    void Search(std::size_t k) {
        if (Done() || ++steps_ > 5'000'000) return;
        if (k == unknowns_.size()) {
            for (const auto i : small_) seen_[i].insert(current_[i]);
            return;
        }
        const std::size_t i = unknowns_[k];
        for (std::int64_t v = low_[i]; v <= high_[i]; ++v) {
            current_[i] = v;
            assigned_[i] = true;
            if (Consistent()) Search(k + 1);
            assigned_[i] = false;
            if (Done()) return;
        }
    }

    const Published& p_;
    std::vector<std::int64_t> low_, high_;
    std::vector<std::size_t> small_;
    std::vector<std::size_t> unknowns_;
    std::vector<bool> assigned_;
    std::vector<std::int64_t> current_;
    std::map<std::size_t, std::set<std::int64_t>> seen_;
    long steps_ = 0;
};

std::vector<std::size_t> SmallEntries(const CountGrid& g) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < g.marks.size(); ++i) {
        if (g.marks[i] == CellMark::kSmall) out.push_back(i);
    }
    return out;
}

// The published picture is honest: "<t" exactly for counts below t, shown
// counts are true, and a distribution's hidden row totals follow their cells.
void ExpectHonestMarks(const CountGrid& g, int t) {
    for (std::size_t i = 0; i < g.values.size(); ++i) {
        EXPECT_EQ(g.marks[i] == CellMark::kSmall, g.values[i] < t) << "entry " << i << " = " << g.values[i];
    }
}

// Random counts: many zeros and small numbers, some large, as real tables are.
std::vector<std::vector<std::int64_t>> RandomCounts(std::mt19937& rng, std::size_t rows, std::size_t columns,
                                                    int max_value) {
    std::vector<std::vector<std::int64_t>> counts(rows, std::vector<std::int64_t>(columns));
    const int shape = static_cast<int>(rng() % 3);
    for (auto& row : counts) {
        for (auto& v : row) {
            const int roll = static_cast<int>(rng() % 10);
            if (shape == 0) {
                v = roll < 3 ? 0 : static_cast<std::int64_t>(rng() % static_cast<unsigned>(max_value + 1));
            } else if (shape == 1) {
                v = roll < 6 ? static_cast<std::int64_t>(rng() % 5) : 5 + rng() % static_cast<unsigned>(max_value);
            } else {
                v = roll < 1 ? static_cast<std::int64_t>(rng() % 4) : 5 + rng() % static_cast<unsigned>(max_value);
            }
        }
    }
    return counts;
}

// The attacks are real: against small counts withheld without complementary
// suppression, each of them recovers the count.
TEST(SuppressionTest, TheAttacksRecoverCountsWithheldAlone) {
    CountGrid g = CountGrid::FromCounts({{20, 3, 15}, {12, 8, 30}}, 3);
    g.marks[g.Index(0, 1)] = CellMark::kSmall;  // primary suppression only
    const Published p = Publish(g, 5);
    EXPECT_TRUE(DeterminedByLinearAlgebra(p).count(g.Index(0, 1)));
    std::vector<std::int64_t> low, high;
    NarrowBySubtraction(p, low, high);
    EXPECT_EQ(low[g.Index(0, 1)], 3);
    EXPECT_EQ(high[g.Index(0, 1)], 3);
    const auto seen = Enumerator(p, low, high, {g.Index(0, 1)}).Run();
    EXPECT_EQ(seen.at(g.Index(0, 1)), std::set<std::int64_t>{3});
    EXPECT_FALSE(CanMove(g, 0, 1, 5));
    // Two small cells in one row, with nothing else withheld in their
    // columns: the ranges a reader knows pin them down even though the
    // row's equation alone does not.
    CountGrid pair = CountGrid::FromCounts({{4, 0, 30}, {20, 25, 9}}, 3);
    pair.marks[pair.Index(0, 0)] = CellMark::kSmall;
    pair.marks[pair.Index(0, 1)] = CellMark::kSmall;
    const Published q = Publish(pair, 5);
    NarrowBySubtraction(q, low, high);
    EXPECT_EQ(low[pair.Index(0, 0)], high[pair.Index(0, 0)]);
}

TEST(SuppressionTest, NothingIsWithheldWhenNothingIsSmall) {
    CountGrid g = CountGrid::FromCounts({{20, 30}, {15, 40}}, 2);
    Protect(g, 5);
    for (const auto m : g.marks) EXPECT_EQ(m, CellMark::kShown);
    EXPECT_EQ(g.Value(2, 2), 105);
    EXPECT_EQ(g.Value(0, 2), 50);
    EXPECT_EQ(g.Value(2, 1), 70);
}

TEST(SuppressionTest, OneSmallCellTakesARectangleWithIt) {
    //        A   B   C  | total
    //  r1   20   3  15  |  38
    //  r2   12   8  30  |  50
    CountGrid g = CountGrid::FromCounts({{20, 3, 15}, {12, 8, 30}}, 3);
    Protect(g, 5);
    EXPECT_EQ(g.Mark(0, 1), CellMark::kSmall);
    int withheld = 0;
    for (const auto m : g.marks) withheld += m == CellMark::kWithheld;
    EXPECT_EQ(withheld, 3);                     // the fewest that can hide it: the rest of a rectangle
    EXPECT_EQ(g.Mark(2, 3), CellMark::kShown);  // never the grand total when cells will do
    EXPECT_EQ(g.Mark(0, 3), CellMark::kShown);
    EXPECT_TRUE(CanMove(g, 0, 1, 5));
    // Subtraction from the row or the column no longer gives it away.
    const Published p = Publish(g, 5);
    EXPECT_FALSE(DeterminedByLinearAlgebra(p).count(g.Index(0, 1)));
}

TEST(SuppressionTest, ASmallTotalIsProtectedToo) {
    // Row r2 totals 4: its total is small, and so are its cells.
    CountGrid g = CountGrid::FromCounts({{20, 30, 12}, {1, 3, 0}, {9, 16, 25}}, 3);
    Protect(g, 5);
    EXPECT_EQ(g.Mark(1, 3), CellMark::kSmall);
    for (std::size_t i = 0; i < g.values.size(); ++i) {
        if (g.marks[i] == CellMark::kSmall) {
            EXPECT_TRUE(CanMove(g, i / 4, i % 4, 5)) << i;
        }
    }
}

TEST(SuppressionTest, ZerosAreBelowTheThresholdLikeAnySmallCount) {
    CountGrid g = CountGrid::FromCounts({{0, 12}, {7, 9}}, 2);
    Protect(g, 5);
    EXPECT_EQ(g.Mark(0, 0), CellMark::kSmall);
    EXPECT_TRUE(CanMove(g, 0, 0, 5));
}

TEST(SuppressionTest, ThresholdsBelowTwoActAsTwo) {
    CountGrid g = CountGrid::FromCounts({{0, 12}, {7, 9}}, 2);
    Protect(g, 1);
    EXPECT_EQ(g.Mark(0, 0), CellMark::kSmall);  // "<2": 0 or 1, never "exactly 0"
    EXPECT_TRUE(CanMove(g, 0, 0, 1));
}

TEST(SuppressionTest, DistributionsKeepEverySmallCountAmbiguous) {
    CountGrid one_small = CountGrid::Distribution({40, 3, 22, 17});
    Protect(one_small, 5);
    EXPECT_EQ(one_small.Mark(1, 0), CellMark::kSmall);
    EXPECT_EQ(one_small.Mark(3, 0), CellMark::kWithheld);  // the smallest large cell, not the total
    EXPECT_EQ(one_small.Mark(4, 0), CellMark::kShown);
    EXPECT_EQ(one_small.Mark(1, 1), CellMark::kSmall);  // hidden row totals follow their cells
    EXPECT_TRUE(CanMove(one_small, 1, 0, 5));
    CountGrid tiny = CountGrid::Distribution({3});
    Protect(tiny, 5);
    EXPECT_EQ(tiny.Mark(1, 0), CellMark::kSmall);  // the total is the cell
    EXPECT_TRUE(CanMove(tiny, 0, 0, 5));
    CountGrid empty = CountGrid::Distribution({0, 0, 0});
    Protect(empty, 5);
    for (std::size_t r = 0; r <= 3; ++r) EXPECT_TRUE(CanMove(empty, r, 0, 5)) << r;
}

// The attacks on many generated tables of every shape.
TEST(SuppressionTest, NoSuppressedCountIsRecoveredFromGeneratedTables) {
    std::mt19937 rng(8);
    int tables = 0, small_seen = 0;
    for (int round = 0; round < 600; ++round) {
        const int t = round % 3 == 0 ? 3 : round % 3 == 1 ? 5 : 10;
        const std::size_t rows = 1 + rng() % 7;
        const std::size_t columns = 1 + rng() % 6;
        const bool distribution = round % 5 == 0;
        CountGrid g = distribution ? [&] {
            std::vector<std::int64_t> counts;
            for (const auto& r : RandomCounts(rng, rows + 2, 1, 40)) counts.push_back(r[0]);
            return CountGrid::Distribution(counts);
        }()
                                   : CountGrid::FromCounts(RandomCounts(rng, rows, columns, 40), columns);
        const std::vector<std::int64_t> truth = g.values;
        Protect(g, t);
        ++tables;
        EXPECT_EQ(g.values, truth);
        ExpectHonestMarks(g, t);
        const Published p = Publish(g, t);
        const auto determined = DeterminedByLinearAlgebra(p);
        std::vector<std::int64_t> low, high;
        NarrowBySubtraction(p, low, high);
        for (const auto i : SmallEntries(g)) {
            ++small_seen;
            if (g.distribution && i % 2 == 1) continue;  // a hidden row total, the same as its cell
            EXPECT_FALSE(determined.count(i)) << "round " << round << ": entry " << i << " solved by the totals";
            EXPECT_LT(low[i], high[i]) << "round " << round << ": entry " << i << " narrowed to " << low[i];
            EXPECT_LE(low[i], truth[i]);
            EXPECT_GE(high[i], truth[i]);
            EXPECT_TRUE(CanMove(g, i / (g.columns + 1), i % (g.columns + 1), t)) << "round " << round;
        }
    }
    EXPECT_EQ(tables, 600);
    EXPECT_GT(small_seen, 1000);  // the generated tables really had small counts to protect
}

TEST(SuppressionTest, EveryTableAReaderCouldBelieveInKeepsSmallCountsOpen) {
    std::mt19937 rng(2026);
    int attacked = 0;
    for (int round = 0; round < 250; ++round) {
        const int t = round % 2 == 0 ? 3 : 5;
        const std::size_t rows = 1 + rng() % 3;
        const std::size_t columns = 1 + rng() % 3;
        CountGrid g = CountGrid::FromCounts(RandomCounts(rng, rows, columns, 9), columns);
        const std::vector<std::int64_t> truth = g.values;
        Protect(g, t);
        const Published p = Publish(g, t);
        std::vector<std::int64_t> low, high;
        NarrowBySubtraction(p, low, high);
        const auto small = SmallEntries(g);
        if (small.empty()) continue;
        ++attacked;
        const auto seen = Enumerator(p, low, high, small).Run();
        for (const auto i : small) {
            ASSERT_TRUE(seen.count(i)) << "round " << round;
            EXPECT_GE(seen.at(i).size(), 2u)
                << "round " << round << ": entry " << i << " can only be " << *seen.at(i).begin();
        }
    }
    EXPECT_GT(attacked, 150);
}

}  // namespace
}  // namespace onestory::domain
