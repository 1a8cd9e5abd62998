// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/assessment_instrument_file.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include <boost/json.hpp>

#include "cli/settings_file.hpp"
#include "support/temp_dir.hpp"

namespace onestory::cli {
namespace {

namespace json = boost::json;

// onestory's own instrument, as a file would hold it.
json::object DefaultAsJson() {
    const auto instrument = domain::DefaultInstrument();
    json::array domains;
    for (const auto& d : instrument.domains) {
        json::array subs;
        for (const auto& s : d.sub_domains) subs.push_back(json::object{{"key", s.key}, {"label", s.label}});
        domains.push_back(json::object{{"key", d.key}, {"label", d.label}, {"sub_domains", subs}});
    }
    return json::object{{"name", "Test instrument"}, {"version", "7"}, {"domains", domains}};
}

TEST(AssessmentInstrumentFileTest, AWellFormedInstrumentIsRead) {
    const auto parsed = ParseAssessmentInstrument(json::serialize(DefaultAsJson()));
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(parsed->Id(), "Test instrument 7");
    EXPECT_EQ(parsed->domains.size(), 6u);
    EXPECT_EQ(parsed->domains[0].sub_domains[0].key, "safe_housing");
}

TEST(AssessmentInstrumentFileTest, MistakesAreRefusedNamingTheMember) {
    struct Case {
        const char* what;
        std::function<void(json::object&)> change;
        const char* field;
    };
    const std::vector<Case> cases{
        {"an unknown member", [](auto& o) { o["author"] = "x"; }, "author"},
        {"no version", [](auto& o) { o.erase("version"); }, "version"},
        {"a number for a name", [](auto& o) { o["name"] = 3; }, "name"},
        {"domains not a list", [](auto& o) { o["domains"] = json::object{}; }, "domains"},
        {"an unknown domain member", [](auto& o) { o["domains"].as_array()[1].as_object()["weight"] = 2; },
         "domains[1].weight"},
        {"sub-domains not a list", [](auto& o) { o["domains"].as_array()[4].as_object()["sub_domains"] = "none"; },
         "domains[4].sub_domains"},
        {"a sub-domain without a label",
         [](auto& o) {
             o["domains"].as_array()[2].as_object()["sub_domains"].as_array()[0].as_object().erase("label");
         },
         "domains[2].sub_domains[0].label"},
        {"a bad key",
         [](auto& o) {
             o["domains"].as_array()[2].as_object()["sub_domains"].as_array()[1].as_object()["key"] = "Self worth";
         },
         "domains[2].sub_domains[1].key"},
        {"a domain twice", [](auto& o) { o["domains"].as_array()[5].as_object()["key"] = "safety"; }, "domains[5].key"},
        {"a domain missing", [](auto& o) { o["domains"].as_array().pop_back(); }, "domains"},
    };
    for (const auto& c : cases) {
        json::object doc = DefaultAsJson();
        c.change(doc);
        const auto parsed = ParseAssessmentInstrument(json::serialize(doc));
        EXPECT_FALSE(parsed.ok()) << c.what;
        EXPECT_EQ(parsed.status().field(), c.field) << c.what << ": " << parsed.status().ToString();
    }
    EXPECT_EQ(ParseAssessmentInstrument("{not json").status().field(), "instrument");
    EXPECT_EQ(ParseAssessmentInstrument("[]").status().field(), "instrument");
}

TEST(AssessmentInstrumentFileTest, NoFileMeansOnestorysOwnAndABadFileNamesItself) {
    testing::TempDir dir;
    const auto path = dir.path() / "assessment_instrument.json";
    const auto none = LoadAssessmentInstrumentFile(path);
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value());
    {
        std::ofstream out(path);
        out << R"({"name": "x", "version": "1", "domains": []})";
    }
    const auto bad = LoadAssessmentInstrumentFile(path);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("assessment_instrument.json"), std::string::npos);
    EXPECT_NE(bad.status().message().find("domains"), std::string::npos);
}

TEST(AssessmentInstrumentFileTest, TheRestorationRuleIsASetting) {
    const auto defaults = ParseSettings("{}");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->restoration.min_domain_score, 3.0);
    EXPECT_TRUE(defaults->restoration.domains.empty());
    const auto set = ParseSettings(R"({"restoration": {"min_domain_score": 2.5, "domains": ["safety"]}})");
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    EXPECT_EQ(set->restoration.min_domain_score, 2.5);
    EXPECT_EQ(set->restoration.domains, std::vector<std::string>{"safety"});
    EXPECT_EQ(ParseSettings(R"({"restoration": {"min_domain_score": 3}})")->restoration.min_domain_score, 3.0);
    EXPECT_EQ(ParseSettings(R"({"restoration": {"threshold": 3}})").status().field(), "restoration.threshold");
    EXPECT_EQ(ParseSettings(R"({"restoration": {"min_domain_score": "3"}})").status().field(),
              "restoration.min_domain_score");
    EXPECT_EQ(ParseSettings(R"({"restoration": {"min_domain_score": 0.5}})").status().field(),
              "restoration.min_domain_score");
    EXPECT_EQ(ParseSettings(R"({"restoration": {"domains": ["safety", "fun"]}})").status().field(),
              "restoration.domains[1]");
    EXPECT_EQ(ParseSettings(R"({"restoration": 3})").status().field(), "restoration");
    EXPECT_EQ(ParseSettings(R"({"restoraton": {}})").status().field(), "restoraton");
}

}  // namespace
}  // namespace onestory::cli
