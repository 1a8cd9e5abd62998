// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor's statement: passages by topic, the survivor's review
// (read back, confirmed, corrected as a new version), comments that travel
// with the passage, and the tell-once check before the next interview.
#include <gtest/gtest.h>

#include <map>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class StatementTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Swift Sparrow", "Test Statement Person");
        interview_ = PlanInterview(case_, {"recruitment", "transport"}, std::nullopt).Str("id");
    }
    ApiResult PlanInterview(const std::string& kase, std::vector<std::string> topics,
                            std::optional<std::string> reason) {
        json::array t;
        for (const auto& topic : topics) t.emplace_back(topic);
        json::object body{{"purpose", "aftercare"},
                          {"topics", t},
                          {"scheduled_at", "2026-11-27T10:00:00Z"},
                          {"interviewer_id", world_->StaffId("caseworker")},
                          {"accommodations", json::object{}}};
        if (reason) body["reask_reason"] = *reason;
        return world_->As("caseworker").Post("/api/v1/cases/" + kase + "/interviews", body);
    }
    ApiResult AddPassage(const std::string& topic, const std::string& text) {
        return world_->As("caseworker")
            .Post("/api/v1/cases/" + case_ + "/passages",
                  json::object{
                      {"interview_id", interview_}, {"topic", topic}, {"text", text}, {"sensitivity", "sensitive"}});
    }
    ApiResult Review(const std::string& passage, json::object body) {
        return world_->As("caseworker").Post("/api/v1/passages/" + passage + "/review", body);
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_, interview_;
};

TEST_F(StatementTest, APassageStartsUnreviewedAtVersionOne) {
    const auto p = AddPassage("recruitment", "I was promised a job in a restaurant in the city.");
    ASSERT_EQ(p.status, 201) << p.raw.body;
    EXPECT_TRUE(p.Str("id").starts_with("ps_"));
    EXPECT_EQ(p.Version(), 1);
    EXPECT_EQ(p.Str("review_status"), "unreviewed");
    EXPECT_EQ(p.Str("original_id"), p.Str("id"));
    EXPECT_EQ(p.Str("text"), "I was promised a job in a restaurant in the city.");
    EXPECT_EQ(p.Str("sensitivity"), "sensitive");
    EXPECT_EQ(*p.raw.Header("location"), "/api/v1/passages/" + p.Str("id"));

    auto& cw = world_->As("caseworker");
    const auto other_case = cw.Post("/api/v1/cases", json::object{{"survivor_id", survivor_}});
    const auto elsewhere = cw.Post(
        "/api/v1/cases/" + other_case.Str("id") + "/passages",
        json::object{{"interview_id", interview_}, {"topic", "needs"}, {"text", "x"}, {"sensitivity", "standard"}});
    EXPECT_EQ(elsewhere.ErrorField(), "interview_id");
    EXPECT_EQ(AddPassage("weather", "x").ErrorField(), "topic");
    EXPECT_EQ(AddPassage("needs", "").ErrorField(), "text");
    EXPECT_EQ(
        world_->As("caseworker2")
            .Post("/api/v1/cases/" + case_ + "/passages",
                  json::object{
                      {"interview_id", interview_}, {"topic", "needs"}, {"text", "x"}, {"sensitivity", "standard"}})
            .ErrorCode(),
        "not_on_case_team");
}

TEST_F(StatementTest, TheSurvivorConfirmsOrCorrectsAndTheOldVersionStays) {
    const auto first = AddPassage("recruitment", "A man at the market offered me work as a cook.");
    const auto second = AddPassage("transport", "We travelled by bus for two days.");
    ASSERT_EQ(first.status, 201);
    ASSERT_EQ(second.status, 201);

    const auto read_back = Review(first.Str("id"), {{"status", "read_back"}});
    ASSERT_EQ(read_back.status, 200) << read_back.raw.body;
    EXPECT_EQ(read_back.Str("review_status"), "read_back");
    const auto confirmed =
        Review(first.Str("id"), {{"status", "confirmed"}, {"survivor_comment", "Yes, that is how it began."}});
    ASSERT_EQ(confirmed.status, 200) << confirmed.raw.body;
    EXPECT_EQ(confirmed.Str("review_status"), "confirmed");
    EXPECT_EQ(confirmed.Version(), 1);
    EXPECT_EQ(Review(first.Str("id"), {{"status", "read_back"}}).ErrorCode(), "illegal_review");

    EXPECT_EQ(Review(second.Str("id"), {{"status", "corrected"}}).ErrorField(), "corrected_text");
    EXPECT_EQ(Review(second.Str("id"), {{"status", "confirmed"}, {"corrected_text", "x"}}).ErrorField(),
              "corrected_text");
    EXPECT_EQ(Review(second.Str("id"), {{"status", "unreviewed"}}).ErrorField(), "status");
    ASSERT_EQ(Review(second.Str("id"), {{"status", "read_back"}, {"survivor_comment", "It was a minibus."}}).status,
              200);
    const auto corrected = Review(second.Str("id"), {{"status", "corrected"},
                                                     {"corrected_text", "We travelled by minibus for three days."},
                                                     {"survivor_comment", "I remember now: three days."}});
    ASSERT_EQ(corrected.status, 200) << corrected.raw.body;
    EXPECT_NE(corrected.Str("id"), second.Str("id"));
    EXPECT_EQ(corrected.Version(), 2);
    EXPECT_EQ(corrected.Str("review_status"), "corrected");
    EXPECT_EQ(corrected.Str("supersedes"), second.Str("id"));
    EXPECT_EQ(corrected.Str("original_id"), second.Str("id"));
    EXPECT_EQ(corrected.Str("text"), "We travelled by minibus for three days.");
    // Comments made on either version travel with the passage.
    ASSERT_EQ(corrected.obj().at("survivor_comments").as_array().size(), 2u);
    EXPECT_EQ(corrected.obj().at("survivor_comments").as_array()[0].at("text").as_string(), "It was a minibus.");

    // The old version stays, immutable, for the record; it can no longer be reviewed.
    const auto old = world_->As("caseworker").Get("/api/v1/passages/" + second.Str("id"));
    ASSERT_EQ(old.status, 200);
    EXPECT_EQ(old.Str("text"), "We travelled by bus for two days.");
    EXPECT_EQ(old.Str("superseded_by"), corrected.Str("id"));
    EXPECT_EQ(Review(second.Str("id"), {{"status", "confirmed"}}).ErrorCode(), "superseded");
    // A correction can itself be corrected.
    const auto again = Review(corrected.Str("id"), {{"status", "corrected"},
                                                    {"corrected_text",
                                                     "We travelled by minibus for three days, "
                                                     "then on foot."}});
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.Version(), 3);

    // The statement lists current versions only.
    const auto list = world_->As("caseworker").Get("/api/v1/cases/" + case_ + "/passages");
    ASSERT_EQ(list.status, 200);
    const auto& items = list.obj().at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    std::map<std::string, std::string> by_topic;
    for (const auto& i : items) by_topic[std::string(i.at("topic").as_string())] = i.at("review_status").as_string();
    EXPECT_EQ(by_topic["recruitment"], "confirmed");
    EXPECT_EQ(by_topic["transport"], "corrected");
    for (const auto& i : items) {
        if (i.at("topic") == "recruitment") {
            EXPECT_EQ(i.at("survivor_comments").as_array()[0].at("text").as_string(), "Yes, that is how it began.");
        }
    }
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/cases/" + case_ + "/passages").ErrorCode(), "other_agency");
    EXPECT_EQ(world_->As("caseworker2").Get("/api/v1/passages/" + first.Str("id")).status, 403);
    EXPECT_EQ(world_->As("supervisor").Get("/api/v1/cases/" + case_ + "/passages").status, 200);
}

TEST_F(StatementTest, ConfirmedTopicsAreNotAskedAgainWithoutAReason) {
    const auto recruitment = AddPassage("recruitment", "A neighbour said there was work abroad.");
    const auto transport = AddPassage("transport", "We crossed the border at night.");
    ASSERT_EQ(Review(recruitment.Str("id"), {{"status", "confirmed"}}).status, 200);
    ASSERT_EQ(Review(transport.Str("id"), {{"status", "read_back"}}).status, 200);  // not yet on record

    const auto refused = PlanInterview(case_, {"recruitment", "transport", "exploitation"}, std::nullopt);
    ASSERT_EQ(refused.status, 409) << refused.raw.body;
    EXPECT_EQ(refused.ErrorCode(), "topics_already_covered");
    ASSERT_EQ(refused.obj().at("covered").as_array().size(), 1u);
    EXPECT_EQ(refused.obj().at("covered").as_array()[0].as_string(), "recruitment");

    // On record across the survivor's cases: a second case of the same survivor is refused too.
    const auto second_case = world_->As("caseworker").Post("/api/v1/cases", json::object{{"survivor_id", survivor_}});
    EXPECT_EQ(PlanInterview(second_case.Str("id"), {"recruitment"}, std::nullopt).ErrorCode(),
              "topics_already_covered");
    EXPECT_EQ(PlanInterview(case_, {"recruitment"}, "too short").ErrorField(), "reask_reason");
    EXPECT_EQ(PlanInterview(case_, {"transport", "exploitation"}, std::nullopt).status, 201);

    const auto reask =
        PlanInterview(case_, {"recruitment", "exploitation"},
                      "The prosecutor needs the dates of the first meeting, which the account does not give.");
    ASSERT_EQ(reask.status, 201) << reask.raw.body;
    ASSERT_EQ(reask.obj().at("reask_topics").as_array().size(), 1u);
    EXPECT_EQ(reask.obj().at("reask_topics").as_array()[0].as_string(), "recruitment");
    EXPECT_FALSE(reask.Str("reask_reason").empty());

    const auto coverage = world_->As("caseworker").Get("/api/v1/interviews/" + reask.Str("id") + "/coverage");
    ASSERT_EQ(coverage.status, 200);
    const auto& covered = coverage.obj().at("covered").as_array();
    ASSERT_EQ(covered.size(), 1u);
    EXPECT_EQ(covered[0].at("topic").as_string(), "recruitment");
    EXPECT_EQ(covered[0].at("passage_ids").as_array()[0].as_string(), recruitment.Str("id"));
    EXPECT_EQ(coverage.obj().at("new").as_array()[0].as_string(), "exploitation");

    // The re-ask is audited as such.
    const auto audit = world_->Admin().Get("/api/v1/audit?case_id=" + case_);
    int reasks = 0;
    for (const auto& e : audit.obj().at("items").as_array()) {
        if (e.at("action") == "interview.reask") {
            ++reasks;
            EXPECT_NE(std::string(e.at("detail").as_string()).find("reask=recruitment"), std::string::npos);
        }
    }
    EXPECT_EQ(reasks, 1);
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/survivors/" + survivor_).obj().at("interview_count").as_int64(), 3);
}

TEST_F(StatementTest, ACorrectionKeepsTheTopicOnRecord) {
    const auto p = AddPassage("recruitment", "I answered an advertisement.");
    ASSERT_EQ(Review(p.Str("id"), {{"status", "corrected"}, {"corrected_text", "A cousin introduced me."}}).status,
              200);
    EXPECT_EQ(PlanInterview(case_, {"recruitment"}, std::nullopt).ErrorCode(), "topics_already_covered");
}

}  // namespace
}  // namespace onestory::testing
