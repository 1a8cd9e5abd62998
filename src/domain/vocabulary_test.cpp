// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/vocabulary.hpp"

#include <gtest/gtest.h>

namespace onestory::domain {
namespace {

TEST(VocabularyTest, AgeBandsFollowTheCtdcBoundaries) {
    const Date today = *ParseDate("2026-11-26");
    struct Case {
        const char* birth;
        const char* band;
    };
    const Case cases[] = {
        {"2026-01-01", "0-8"},   {"2017-11-27", "0-8"},   {"2017-11-26", "9-17"},  {"2008-11-27", "9-17"},
        {"2008-11-26", "18-20"}, {"2005-11-26", "21-23"}, {"2002-11-26", "24-26"}, {"1999-11-26", "27-29"},
        {"1996-11-26", "30-38"}, {"1987-11-26", "39-47"}, {"1978-11-26", "48+"},   {"1940-01-01", "48+"},
    };
    for (const auto& c : cases) EXPECT_EQ(AgeBand(*ParseDate(c.birth), today), c.band) << c.birth;
}

TEST(VocabularyTest, CountryAndLanguageCodes) {
    for (const char* ok : {"KE", "TH", "US", "ZZ", "SS"}) EXPECT_TRUE(IsCountryCode(ok)) << ok;
    for (const char* bad : {"XX", "ke", "KEN", "", "UK"}) EXPECT_FALSE(IsCountryCode(bad)) << bad;
    for (const char* ok : {"sw", "en", "am", "ti", "zh"}) EXPECT_TRUE(IsLanguageCode(ok)) << ok;
    for (const char* bad : {"xx", "EN", "swa", ""}) EXPECT_FALSE(IsLanguageCode(bad)) << bad;
}

TEST(VocabularyTest, EnumerationsRoundTripTheirNames) {
    for (const auto& [value, name] : EnumNames<ExploitationType>::kTable) {
        EXPECT_EQ(ParseEnum<ExploitationType>(name), value);
    }
    EXPECT_FALSE(ParseEnum<Stage>("Intake").has_value());
}

}  // namespace
}  // namespace onestory::domain
