// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/exports/k_anonymity.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "domain/exports/bulk_export.hpp"

namespace onestory::domain {
namespace {

// Records shaped like a programme's survivors: a few common values and a
// long tail of rare ones in every quasi-identifier.
std::vector<std::vector<std::string>> Generate(std::mt19937& rng, int n) {
    const std::vector<std::string> genders{"female", "female", "female", "male", "male", "non_binary", "undisclosed"};
    const std::vector<std::string> ages{"0-8",   "9-17",  "9-17",  "18-20", "21-23",
                                        "24-26", "27-29", "30-38", "39-47", "48+"};
    const std::vector<std::string> countries{"KE", "KE", "KE", "UG", "UG", "TZ", "ET", "SO", "NG", "PH", "NP", "MM"};
    const std::vector<std::string> types{"forced_labour",      "forced_labour",  "sexual_exploitation",
                                         "domestic_servitude", "forced_begging", "forced_labour;sexual_exploitation",
                                         "organ_removal",      "not_recorded"};
    const std::vector<std::string> means{"debt_bondage", "threats", "debt_bondage;withholds_documents", "not_recorded",
                                         "physical_abuse;restricts_movement;threats"};
    const std::vector<std::string> where{"AE", "SA", "KE", "KE", "QA", "unknown", "LB"};
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    std::vector<std::vector<std::string>> out;
    for (int i = 0; i < n; ++i) {
        out.push_back({std::to_string(2018 + static_cast<int>(rng() % 9)), pick(genders), pick(ages), pick(countries),
                       pick(types), pick(means), pick(where)});
    }
    return out;
}

TEST(KAnonymityTest, EveryReleasedCombinationOccursAtLeastKTimes) {
    for (const int k : {2, 5, 11, 25}) {
        for (const int n : {0, 7, 60, 400, 3000}) {
            std::mt19937 rng(static_cast<unsigned>(k * 7919 + n));
            const auto records = Generate(rng, n);
            KAnonymiser anonymiser(CtdcQuasiIdentifiers(), k);
            for (const auto& r : records) anonymiser.Count(r);
            anonymiser.Decide();
            std::map<std::vector<std::string>, int> combinations;
            std::vector<std::string> released;
            int written = 0;
            for (const auto& r : records) {
                if (anonymiser.Release(r, released)) {
                    ++combinations[released];
                    ++written;
                }
            }
            for (const auto& [combination, count] : combinations) {
                EXPECT_GE(count, k) << "k=" << k << " n=" << n;
            }
            EXPECT_EQ(written + anonymiser.suppressed(), n) << "k=" << k << " n=" << n;
            // Generalising first keeps suppression small: never more than k records, unless all of them.
            EXPECT_TRUE(anonymiser.suppressed() <= k || written == 0) << "k=" << k << " n=" << n;
            if (n >= 10 * k) {
                EXPECT_GT(written, 0) << "k=" << k << " n=" << n;
            }
        }
    }
}

TEST(KAnonymityTest, GeneralisationClimbsTheHierarchies) {
    const auto qi = CtdcQuasiIdentifiers();
    ASSERT_EQ(qi.size(), kCtdcColumns.size());
    EXPECT_EQ(qi[0].generalise("2023", 1), "2020-2024");
    EXPECT_EQ(qi[2].generalise("9-17", 1), "0-17");
    EXPECT_EQ(qi[2].generalise("30-38", 1), "18+");
    EXPECT_EQ(qi[4].generalise("domestic_servitude;forced_begging", 1), "forced_labour");
    EXPECT_EQ(qi[4].generalise("forced_labour;organ_removal;sexual_exploitation", 1),
              "forced_labour;sexual_exploitation;other");
    EXPECT_EQ(qi[5].generalise("debt_bondage;threats", 1), "recorded");
    EXPECT_EQ(qi[5].generalise("not_recorded", 1), "not_recorded");
    // The top of every hierarchy withholds the value.
    KAnonymiser everything(qi, 3);
    for (int i = 0; i < 3; ++i) everything.Count({"2020", "female", "9-17", "KE", "forced_labour", "threats", "AE"});
    everything.Count({"2021", "male", "48+", "PH", "organ_removal", "debt_bondage", "SA"});
    everything.Decide();
    std::vector<std::string> out;
    EXPECT_TRUE(everything.Release({"2020", "female", "9-17", "KE", "forced_labour", "threats", "AE"}, out));
    EXPECT_FALSE(everything.Release({"2021", "male", "48+", "PH", "organ_removal", "debt_bondage", "SA"}, out));
    EXPECT_EQ(everything.suppressed(), 1);
}

}  // namespace
}  // namespace onestory::domain
