// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Outcome assessments: the instrument in force (onestory's own, or the data
// directory's), strict scores, domain means and the restoration rule
// (configurable in settings.json), the schedule and its overdue alert, and
// the trend for charting.
#include <gtest/gtest.h>

#include <fstream>

#include "care_world.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

// Every sub-domain of the instrument scored `score`, with `overrides` per "domain.sub".
json::object ScoresFor(const json::value& instrument, int score, const std::map<std::string, int>& overrides = {}) {
    json::object scores;
    for (const auto& d : instrument.at("domains").as_array()) {
        json::object subs;
        const std::string domain(d.at("key").as_string());
        for (const auto& s : d.at("sub_domains").as_array()) {
            const std::string sub(s.at("key").as_string());
            const auto found = overrides.find(domain + "." + sub);
            subs[sub] = found == overrides.end() ? score : found->second;
        }
        scores[domain] = subs;
    }
    return scores;
}

class AssessmentsTest : public ::testing::Test {
  protected:
    void Start(ServerProcess::Options options = {}) {
        server_ = std::make_unique<ServerProcess>(std::move(options));
        world_ = std::make_unique<World>(*server_);
        sessions_ = std::make_unique<Sessions>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Brave Otter", "Test Outcome Person");
        instrument_ = As("caseworker").Get("/api/v1/assessments/instrument");
        ASSERT_EQ(instrument_.status, 200) << instrument_.raw.body;
    }
    ApiClient& As(const std::string& username) { return sessions_->As(username); }
    ApiResult Assess(const std::string& on, const json::object& scores) {
        return As("caseworker")
            .Post("/api/v1/cases/" + case_ + "/assessments",
                  json::object{{"assessed_on", on}, {"scores", scores}, {"notes", "Met at the drop-in centre."}});
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::unique_ptr<Sessions> sessions_;
    std::string survivor_, case_;
    ApiResult instrument_;
};

TEST_F(AssessmentsTest, TheDefaultInstrumentNamesTwoToFourSubDomainsInEachOfTheSixDomains) {
    Start();
    const auto& doc = instrument_.obj();
    std::vector<std::string> domains;
    for (const auto& d : doc.at("domains").as_array()) {
        domains.emplace_back(d.at("key").as_string());
        const auto subs = d.at("sub_domains").as_array().size();
        EXPECT_GE(subs, 2u);
        EXPECT_LE(subs, 4u);
        for (const auto& s : d.at("sub_domains").as_array()) EXPECT_FALSE(s.at("label").as_string().empty());
    }
    EXPECT_EQ(domains,
              (std::vector<std::string>{"safety", "legal_protection", "mental_wellbeing",
                                        "economic_empowerment_education", "social_support", "physical_wellbeing"}));
    EXPECT_EQ(doc.at("score_range").at("min").as_int64(), 1);
    EXPECT_EQ(doc.at("score_range").at("max").as_int64(), 4);
    EXPECT_EQ(doc.at("restoration_rule").at("min_domain_score").as_double(), 3.0);
    EXPECT_EQ(As("analyst").Get("/api/v1/assessments/instrument").status, 200);
}

TEST_F(AssessmentsTest, DomainScoresAreTheMeansOfTheirSubDomainsAndRestorationNeedsEveryDomainAtThree) {
    Start();
    // safety: 4, 2, 2 -> 2.67; legal: 3, 3, 4 -> 3.33; the rest all 3.
    const auto first = Assess("2026-11-20", ScoresFor(instrument_.json, 3,
                                                      {{"safety.safe_housing", 4},
                                                       {"safety.freedom_from_threats", 2},
                                                       {"safety.safety_knowledge", 2},
                                                       {"legal_protection.legal_support", 4}}));
    ASSERT_EQ(first.status, 201) << first.raw.body;
    const auto& means = first.obj().at("domain_scores").as_object();
    EXPECT_NEAR(means.at("safety").as_double(), 8.0 / 3.0, 1e-9);
    EXPECT_NEAR(means.at("legal_protection").as_double(), 10.0 / 3.0, 1e-9);
    EXPECT_NEAR(means.at("mental_wellbeing").as_double(), 3.0, 1e-9);
    EXPECT_FALSE(first.obj().at("restored").as_bool());  // safety is below 3
    EXPECT_EQ(first.Str("kind"), "intake");
    EXPECT_EQ(first.obj().at("scores").at("safety").at("safe_housing").as_int64(), 4);

    const auto second = Assess("2026-11-26", ScoresFor(instrument_.json, 3, {{"safety.freedom_from_threats", 4}}));
    ASSERT_EQ(second.status, 201);
    EXPECT_TRUE(second.obj().at("restored").as_bool());  // every domain at 3 or more
    EXPECT_EQ(second.Str("kind"), "six_months");

    // Strict scores: other keys, missing sub-domains and scores outside 1..4 are 400, naming the member.
    auto extra = ScoresFor(instrument_.json, 3);
    extra["safety"].as_object()["pets"] = 2;
    EXPECT_EQ(Assess("2026-11-26", extra).ErrorField(), "scores.safety.pets");
    auto unknown = ScoresFor(instrument_.json, 3);
    unknown["happiness"] = json::object{{"mood", 3}};
    EXPECT_EQ(Assess("2026-11-26", unknown).ErrorField(), "scores.happiness");
    auto missing = ScoresFor(instrument_.json, 3);
    missing["social_support"].as_object().erase("community");
    EXPECT_EQ(Assess("2026-11-26", missing).ErrorField(), "scores.social_support.community");
    EXPECT_EQ(Assess("2026-11-26", ScoresFor(instrument_.json, 5)).status, 400);
    EXPECT_EQ(Assess("2026-11-26", ScoresFor(instrument_.json, 0)).status, 400);
    auto text = ScoresFor(instrument_.json, 3);
    text["safety"].as_object()["safe_housing"] = "high";
    EXPECT_EQ(Assess("2026-11-26", text).ErrorField(), "scores.safety.safe_housing");
    EXPECT_EQ(Assess("2026-12-26", ScoresFor(instrument_.json, 3)).ErrorField(), "assessed_on");
    EXPECT_EQ(As("caseworker2")
                  .Post("/api/v1/cases/" + case_ + "/assessments",
                        json::object{{"assessed_on", "2026-11-26"}, {"scores", ScoresFor(instrument_.json, 3)}})
                  .status,
              403);

    // The trend: oldest first, domain scores for charting, and what is due next.
    const auto trend = As("caseworker").Get("/api/v1/cases/" + case_ + "/assessments/trend");
    ASSERT_EQ(trend.status, 200) << trend.raw.body;
    const auto& points = trend.obj().at("points").as_array();
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].at("assessed_on").as_string(), "2026-11-20");
    EXPECT_NEAR(points[0].at("domain_scores").at("safety").as_double(), 8.0 / 3.0, 1e-9);
    EXPECT_NEAR(points[1].at("domain_scores").at("safety").as_double(), 10.0 / 3.0, 1e-9);
    EXPECT_TRUE(points[1].at("restored").as_bool());
    EXPECT_EQ(trend.obj().at("next_due").at("kind").as_string(), "yearly");
    // Intake on 2026-11-20, six months on 2027-05-20, then yearly: 2028-05-20.
    EXPECT_EQ(trend.obj().at("next_due").at("due").as_string(), "2028-05-20");
    EXPECT_EQ(trend.obj().at("domains").as_array().size(), 6u);
    EXPECT_FALSE(trend.raw.body.find("drop-in") != std::string::npos);  // notes stay out of the trend
    const auto list = As("caseworker").Get("/api/v1/cases/" + case_ + "/assessments");
    EXPECT_EQ(list.obj().at("items").as_array().size(), 2u);
}

TEST_F(AssessmentsTest, TheScheduleRunsFromIntakeAndAnOverdueAssessmentIsAnAlert) {
    Start();
    auto kase = As("caseworker").Get("/api/v1/cases/" + case_);
    EXPECT_EQ(kase.obj().at("next_assessment").at("kind").as_string(), "intake");
    EXPECT_EQ(kase.obj().at("next_assessment").at("due").as_string(), "2026-12-26");  // 30 days after opening
    EXPECT_TRUE(AlertsOfKind(As("caseworker").Get("/api/v1/alerts"), "assessment_overdue").empty());
    sessions_->AdvanceDays(31);  // 2026-12-27
    const auto overdue = AlertsOfKind(As("caseworker").Get("/api/v1/alerts"), "assessment_overdue");
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(Str(overdue[0], "case_id"), case_);
    EXPECT_EQ(Str(overdue[0], "due_at"), "2026-12-27T00:00:00Z");
    EXPECT_EQ(AlertsOfKind(As("supervisor").Get("/api/v1/alerts"), "assessment_overdue").size(), 1u);

    // The intake assessment is done: resolved, and the next one is due six months after it.
    ASSERT_EQ(Assess("2026-12-27", ScoresFor(instrument_.json, 2)).status, 201);
    EXPECT_TRUE(AlertsOfKind(As("supervisor").Get("/api/v1/alerts"), "assessment_overdue").empty());
    kase = As("caseworker").Get("/api/v1/cases/" + case_);
    EXPECT_EQ(kase.obj().at("next_assessment").at("kind").as_string(), "six_months");
    EXPECT_EQ(kase.obj().at("next_assessment").at("due").as_string(), "2027-06-27");
    // A closed case is due nothing.
    ASSERT_EQ(
        As("caseworker").Patch("/api/v1/cases/" + case_, json::object{{"status", "closed"}}, kase.Version()).status,
        200);
    EXPECT_TRUE(As("caseworker").Get("/api/v1/cases/" + case_).obj().at("next_assessment").is_null());
}

TEST_F(AssessmentsTest, TheRestorationRuleAndTheInstrumentComeFromTheDataDirectory) {
    ServerProcess::Options options;
    options.settings_json = R"({"restoration": {"min_domain_score": 2.5, "domains": ["safety", "mental_wellbeing"]}})";
    Start(options);
    EXPECT_EQ(instrument_.obj().at("restoration_rule").at("min_domain_score").as_double(), 2.5);
    // Safety and mental wellbeing at 2.67 restore under this rule whatever the rest.
    const auto a = Assess("2026-11-26", ScoresFor(instrument_.json, 1,
                                                  {{"safety.safe_housing", 3},
                                                   {"safety.freedom_from_threats", 3},
                                                   {"safety.safety_knowledge", 2},
                                                   {"mental_wellbeing.emotional_balance", 3},
                                                   {"mental_wellbeing.self_worth", 3},
                                                   {"mental_wellbeing.coping", 2}}));
    ASSERT_EQ(a.status, 201) << a.raw.body;
    EXPECT_TRUE(a.obj().at("restored").as_bool());

    // An instrument of the installation's own replaces onestory's.
    ASSERT_EQ(server_->Stop(), 0);
    json::array domains;
    for (const char* key : {"safety", "legal_protection", "mental_wellbeing", "economic_empowerment_education",
                            "social_support", "physical_wellbeing"}) {
        domains.push_back(
            json::object{{"key", key},
                         {"label", std::string("Our ") + key},
                         {"sub_domains",
                          json::array{json::object{{"key", "overall"}, {"label", "Overall, as the survivor sees it"}},
                                      json::object{{"key", "worker_view"}, {"label", "As the caseworker sees it"}}}}});
    }
    {
        std::ofstream out(server_->data_dir() / "assessment_instrument.json");
        out << json::serialize(
            json::object{{"name", "Test programme instrument"}, {"version", "2"}, {"domains", domains}});
    }
    server_->Restart();
    sessions_ = std::make_unique<Sessions>(*server_);
    const auto ours = As("caseworker").Get("/api/v1/assessments/instrument");
    ASSERT_EQ(ours.status, 200);
    EXPECT_EQ(ours.Str("name"), "Test programme instrument");
    EXPECT_EQ(ours.obj().at("domains").at(0).at("sub_domains").as_array().size(), 2u);
    const auto scored = As("caseworker")
                            .Post("/api/v1/cases/" + case_ + "/assessments",
                                  json::object{{"assessed_on", "2026-11-26"}, {"scores", ScoresFor(ours.json, 4)}});
    ASSERT_EQ(scored.status, 201) << scored.raw.body;
    EXPECT_EQ(scored.Str("instrument"), "Test programme instrument 2");
    // The old sub-domains are not the new instrument's.
    EXPECT_EQ(As("caseworker")
                  .Post("/api/v1/cases/" + case_ + "/assessments",
                        json::object{{"assessed_on", "2026-11-26"}, {"scores", ScoresFor(instrument_.json, 4)}})
                  .status,
              400);

    // A mistyped instrument stops the server from starting, naming the member.
    ASSERT_EQ(server_->Stop(), 0);
    domains[2].as_object()["sub_domains"].as_array()[1].as_object()["key"] = "Worker View";
    {
        std::ofstream out(server_->data_dir() / "assessment_instrument.json");
        out << json::serialize(
            json::object{{"name", "Test programme instrument"}, {"version", "3"}, {"domains", domains}});
    }
    const auto refused = RunOnestory({"serve", "--data", server_->data_dir().string(), "--listen", "127.0.0.1:0"});
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_NE(refused.err.find("domains[2].sub_domains[1].key"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace onestory::testing
