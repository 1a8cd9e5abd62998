// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The whole story of "tell it once", end to end through the API, and the
// promise that none of it is stored, logged or audited in plaintext.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class TellOnceStoryTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
};

TEST_F(TellOnceStoryTest, ASurvivorTellsTheirStoryOnceAndSeesWhoReadIt) {
    auto& cw = world_->As("caseworker");
    auto& police = world_->As("investigator");

    // A caseworker registers the survivor and opens a case.
    const auto survivor = cw.Post("/api/v1/survivors", json::object{{"code_name", "Brave Lark"},
                                                                    {"legal_name", "Test Story Person"},
                                                                    {"birth_date", "2000-05-06"},
                                                                    {"languages", json::array{"sw"}}});
    ASSERT_EQ(survivor.status, 201);
    const std::string survivor_id = survivor.Str("id");
    const auto kase = cw.Post("/api/v1/cases", json::object{{"survivor_id", survivor_id}, {"stage", "intake"}});
    ASSERT_EQ(kase.status, 201);
    const std::string case_path = "/api/v1/cases/" + kase.Str("id");

    // Records their preferences and a consent for the police: investigation, recruitment and exploitation.
    ASSERT_EQ(cw.Patch("/api/v1/survivors/" + survivor_id,
                       json::object{{"preferences",
                                     {{"interviewer_gender", "female"},
                                      {"interpreter_language", "sw"},
                                      {"support_person", "a friend from church"},
                                      {"breaks", "whenever she asks"}}}},
                       1)
                  .status,
              200);
    const auto consent = cw.Post("/api/v1/survivors/" + survivor_id + "/consents",
                                 json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                              {"purpose", "investigation"},
                                              {"scope", {{"topics", json::array{"recruitment", "exploitation"}}}},
                                              {"valid_until", "2027-05-31T23:59:59Z"},
                                              {"given_as", "written"},
                                              {"consent_text_version", "2026-01"},
                                              {"language", "sw"}});
    ASSERT_EQ(consent.status, 201) << consent.raw.body;

    // Plans and holds an interview; the plan shows the preferences.
    const auto interview =
        cw.Post(case_path + "/interviews", json::object{{"purpose", "aftercare"},
                                                        {"topics", json::array{"recruitment", "exploitation"}},
                                                        {"scheduled_at", "2026-11-26T13:00:00Z"},
                                                        {"interviewer_id", world_->StaffId("caseworker")},
                                                        {"accommodations",
                                                         {{"interpreter_language", "sw"},
                                                          {"interviewer_gender", "female"},
                                                          {"support_person", true},
                                                          {"breaks", true}}}});
    ASSERT_EQ(interview.status, 201) << interview.raw.body;
    EXPECT_EQ(interview.obj().at("preferences").at("support_person").as_string(), "a friend from church");
    EXPECT_TRUE(interview.obj().at("unmet_preferences").as_array().empty());
    const std::string interview_path = "/api/v1/interviews/" + interview.Str("id");
    ASSERT_EQ(cw.Patch(interview_path,
                       json::object{{"topics_shared_at", "2026-11-26T09:00:00Z"}, {"survivor_acknowledged", true}}, 1)
                  .status,
              200);
    ASSERT_EQ(cw.Patch(interview_path,
                       json::object{{"started_at", "2026-11-26T13:05:00Z"}, {"ended_at", "2026-11-26T14:00:00Z"}}, 2)
                  .status,
              200);

    // Adds passages; the survivor confirms one and corrects another, with a comment.
    auto add = [&](const char* topic, const char* text) {
        const auto p = cw.Post(
            case_path + "/passages",
            json::object{
                {"interview_id", interview.Str("id")}, {"topic", topic}, {"text", text}, {"sensitivity", "sensitive"}});
        EXPECT_EQ(p.status, 201) << p.raw.body;
        return p.Str("id");
    };
    const auto recruitment = add("recruitment", "I was promised a job in a restaurant in the city.");
    const auto exploitation = add("exploitation", "I cleaned the house from morning to night.");
    ASSERT_EQ(cw.Post("/api/v1/passages/" + recruitment + "/review", json::object{{"status", "confirmed"}}).status,
              200);
    const auto corrected = cw.Post("/api/v1/passages/" + exploitation + "/review",
                                   json::object{{"status", "corrected"},
                                                {"corrected_text", "I cleaned two houses from morning to night."},
                                                {"survivor_comment", "There were two houses, not one."}});
    ASSERT_EQ(corrected.status, 200) << corrected.raw.body;

    // The caseworker discloses both to the police; the investigator reads the corrected text and the comment.
    const auto disclosure =
        cw.Post(case_path + "/disclosures", json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                                         {"purpose", "investigation"},
                                                         {"passage_ids", json::array{recruitment, exploitation}}});
    ASSERT_EQ(disclosure.status, 201) << disclosure.raw.body;
    const std::string disclosure_path = "/api/v1/disclosures/" + disclosure.Str("id");
    const auto received = police.Get("/api/v1/disclosures");
    ASSERT_EQ(received.obj().at("items").as_array().size(), 1u);
    const auto read = police.Get(disclosure_path);
    ASSERT_EQ(read.status, 200) << read.raw.body;
    bool saw_correction = false;
    for (const auto& p : read.obj().at("passages").as_array()) {
        if (p.at("topic") != "exploitation") continue;
        saw_correction = true;
        EXPECT_EQ(p.at("text").as_string(), "I cleaned two houses from morning to night.");
        EXPECT_EQ(p.at("survivor_comments").as_array().at(0).at("text").as_string(), "There were two houses, not one.");
    }
    EXPECT_TRUE(saw_correction);
    ASSERT_EQ(police.Get(disclosure_path).status, 200);  // a second read, audited too

    // Planning a second interview on a covered topic is refused until a reason is given.
    json::object second{{"purpose", "investigation"},
                        {"topics", json::array{"exploitation", "escape"}},
                        {"scheduled_at", "2026-12-02T10:00:00Z"},
                        {"interviewer_id", world_->StaffId("caseworker")},
                        {"accommodations", json::object{}}};
    const auto refused = cw.Post(case_path + "/interviews", second);
    ASSERT_EQ(refused.status, 409);
    EXPECT_EQ(refused.ErrorCode(), "topics_already_covered");
    EXPECT_EQ(refused.obj().at("covered").as_array().at(0).as_string(), "exploitation");
    second["reask_reason"] = "The investigator must confirm the addresses of the two houses.";
    ASSERT_EQ(cw.Post(case_path + "/interviews", second).status, 201);
    EXPECT_EQ(cw.Get("/api/v1/survivors/" + survivor_id).obj().at("interview_count").as_int64(), 2);

    // The consent is revoked: the investigator's next read is refused.
    ASSERT_EQ(cw.Post("/api/v1/consents/" + consent.Str("id") + "/revoke",
                      json::object{{"reason", "she wants to think again"}})
                  .status,
              200);
    const auto after = police.Get(disclosure_path);
    EXPECT_EQ(after.status, 403);
    EXPECT_EQ(after.ErrorCode(), "consent_revoked");

    // The access log shows the investigator's reads in plain words, newest first.
    const auto log = cw.Get("/api/v1/survivors/" + survivor_id + "/access-log?limit=500");
    ASSERT_EQ(log.status, 200) << log.raw.body;
    const auto& entries = log.obj().at("items").as_array();
    ASSERT_GT(entries.size(), 10u);
    const std::string investigator_read =
        "Test investigator (investigator, Test Police Unit) read 2 passages of your statement (exploitation and "
        "recruitment) shared with them for investigation";
    int reads = 0;
    std::string previous_at = "9999";
    bool refusal_seen = false;
    for (const auto& e : entries) {
        const std::string at(e.at("at").as_string());
        EXPECT_LE(at, previous_at);  // newest first
        previous_at = at;
        const std::string summary(e.at("summary").as_string());
        if (summary == investigator_read) {
            ++reads;
            EXPECT_EQ(e.at("who").at("display_name").as_string(), "Test investigator");
            EXPECT_EQ(e.at("who").at("agency_name").as_string(), "Test Police Unit");
            EXPECT_EQ(e.at("who").at("roles").as_array().at(0).as_string(), "investigator");
            EXPECT_EQ(e.at("purpose").as_string(), "investigation");
            EXPECT_EQ(e.at("what").at("passages").as_int64(), 2);
        }
        if (e.at("action") == "disclosure.read" && e.at("outcome") == "denied") {
            refusal_seen = true;
            EXPECT_EQ(summary,
                      "Test investigator (investigator, Test Police Unit) tried to read what was shared with them and "
                      "was refused");
        }
    }
    EXPECT_EQ(reads, 2);
    EXPECT_TRUE(refusal_seen);
    // The newest entry is the refused read; the disclosure itself is there in words too.
    EXPECT_EQ(entries[0].at("action").as_string(), "disclosure.read");
    EXPECT_NE(log.raw.body.find("shared 2 passages of your statement (exploitation and recruitment) with Test Police "
                                "Unit for investigation"),
              std::string::npos);
    // Never the statement itself.
    EXPECT_EQ(log.raw.body.find("restaurant"), std::string::npos);
}

TEST_F(TellOnceStoryTest, TheAccessLogIsForTheSurvivorsOwnAgency) {
    const auto [survivor, kase] = world_->SurvivorWithCase("caseworker", "Young Hazel", "Test Log Person");
    const std::string path = "/api/v1/survivors/" + survivor + "/access-log";
    EXPECT_EQ(world_->As("caseworker").Get(path).status, 200);
    EXPECT_EQ(world_->As("supervisor").Get(path).status, 200);
    EXPECT_EQ(world_->As("caseworker2").Get(path).ErrorCode(), "not_on_case_team");
    EXPECT_EQ(world_->As("investigator").Get(path).ErrorCode(), "other_agency");
    EXPECT_EQ(world_->Admin().Get(path).status, 403);
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/survivors/sv_nobody/access-log").status, 404);
    // Paging walks the whole log once.
    const auto first = world_->As("caseworker").Get(path + "?limit=2");
    ASSERT_EQ(first.obj().at("items").as_array().size(), 2u);
    ASSERT_FALSE(first.obj().at("next_cursor").is_null());
    const auto rest = world_->As("caseworker")
                          .Get(path + "?limit=500&cursor=" + std::string(first.obj().at("next_cursor").as_string()));
    ASSERT_EQ(rest.status, 200);
    EXPECT_NE(rest.obj().at("items").as_array().at(0).at("at"), nullptr);
    EXPECT_TRUE(rest.obj().at("next_cursor").is_null());
}

TEST_F(TellOnceStoryTest, NoPartOfTheStoryIsStoredLoggedOrAuditedInPlaintext) {
    // Distinctive values, so a hit can only mean a leak.
    const std::vector<std::string> secrets{
        "Passage canary: the orchard by the quarry",
        "Correction canary: the vineyard by the mill",
        "Comment canary: I remember the blue gate",
        "Witness canary Wekesa",
        "Guardian canary Auntie Nerima",
        "Withdrawal canary: not now",
        "Preference canary: her cousin Atieno",
        "Breaks canary every twenty minutes",
        "Notes canary prefers the garden room",
        "Reask canary: the court asked for the dates",
        "Debrief canary: tired but calm afterwards",
        "Emergency canary: she called from a stranger's phone",
    };
    auto& cw = world_->As("caseworker");
    const auto [survivor, kase] = world_->SurvivorWithCase("caseworker", "Hidden Finch", "Test Canary Person");
    ASSERT_EQ(cw.Patch("/api/v1/survivors/" + survivor,
                       json::object{{"preferences",
                                     {{"support_person", secrets[6]}, {"breaks", secrets[7]}, {"notes", secrets[8]}}}},
                       1)
                  .status,
              200);
    const auto consent = cw.Post("/api/v1/survivors/" + survivor + "/consents",
                                 json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                              {"purpose", "investigation"},
                                              {"scope", {{"topics", json::array{"recruitment"}}}},
                                              {"valid_until", "2027-01-01T00:00:00Z"},
                                              {"given_as", "guardian"},
                                              {"guardian", secrets[4]},
                                              {"child_assent", true},
                                              {"witnessed_by", secrets[3]},
                                              {"consent_text_version", "2026-01"},
                                              {"language", "sw"}});
    ASSERT_EQ(consent.status, 201) << consent.raw.body;
    const auto interview =
        cw.Post("/api/v1/cases/" + kase + "/interviews", json::object{{"purpose", "aftercare"},
                                                                      {"topics", json::array{"recruitment"}},
                                                                      {"scheduled_at", "2026-11-26T13:00:00Z"},
                                                                      {"interviewer_id", world_->StaffId("caseworker")},
                                                                      {"accommodations", json::object{}}});
    ASSERT_EQ(interview.status, 201);
    const auto passage =
        cw.Post("/api/v1/cases/" + kase + "/passages", json::object{{"interview_id", interview.Str("id")},
                                                                    {"topic", "recruitment"},
                                                                    {"text", secrets[0]},
                                                                    {"sensitivity", "sensitive"}});
    ASSERT_EQ(passage.status, 201);
    ASSERT_EQ(
        cw.Post("/api/v1/passages/" + passage.Str("id") + "/review",
                json::object{{"status", "corrected"}, {"corrected_text", secrets[1]}, {"survivor_comment", secrets[2]}})
            .status,
        200);
    const auto reask =
        cw.Post("/api/v1/cases/" + kase + "/interviews", json::object{{"purpose", "prosecution"},
                                                                      {"topics", json::array{"recruitment"}},
                                                                      {"scheduled_at", "2026-11-30T13:00:00Z"},
                                                                      {"interviewer_id", world_->StaffId("caseworker")},
                                                                      {"accommodations", json::object{}},
                                                                      {"reask_reason", secrets[9]}});
    ASSERT_EQ(reask.status, 201);
    ASSERT_EQ(cw.Patch("/api/v1/interviews/" + interview.Str("id"),
                       json::object{{"started_at", "2026-11-26T13:00:00Z"},
                                    {"ended_at", "2026-11-26T14:00:00Z"},
                                    {"debriefed_at", "2026-11-26T14:30:00Z"},
                                    {"debrief_notes", secrets[10]}},
                       1)
                  .status,
              200);
    const auto disclosure = cw.Post("/api/v1/cases/" + kase + "/disclosures",
                                    json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                                 {"purpose", "investigation"},
                                                 {"passage_ids", json::array{passage.Str("id")}}});
    ASSERT_EQ(disclosure.status, 201);
    // Every read path, including the recipient's.
    const auto read = world_->As("investigator").Get("/api/v1/disclosures/" + disclosure.Str("id"));
    ASSERT_EQ(read.status, 200);
    EXPECT_NE(read.raw.body.find(secrets[1]), std::string::npos);  // the check itself can find the text
    cw.Get("/api/v1/cases/" + kase + "/passages");
    cw.Get("/api/v1/cases/" + kase + "/interviews");
    cw.Get("/api/v1/survivors/" + survivor + "/consents");
    ASSERT_EQ(cw.Post("/api/v1/consents/" + consent.Str("id") + "/revoke", json::object{{"reason", secrets[5]}}).status,
              200);
    world_->As("investigator").Get("/api/v1/disclosures/" + disclosure.Str("id"));  // refused, audited
    // An emergency read, and the supervisor reading its reason in their alerts.
    ASSERT_EQ(world_->As("prosecutor")
                  .Post("/api/v1/cases/" + kase + "/break-glass", json::object{{"reason", secrets[11]}})
                  .status,
              201);
    EXPECT_NE(world_->As("supervisor").Get("/api/v1/alerts").raw.body.find(secrets[11]), std::string::npos);
    // A bad request carrying a protected value must not echo it back.
    const auto bad = cw.Post("/api/v1/cases/" + kase + "/passages", json::object{{"interview_id", "iv_nowhere"},
                                                                                 {"topic", "recruitment"},
                                                                                 {"text", secrets[0]},
                                                                                 {"sensitivity", "sensitive"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.raw.body.find(secrets[0]), std::string::npos);

    const std::string audit = world_->Admin().Get("/api/v1/audit?limit=500").raw.body;
    const std::string access_log = cw.Get("/api/v1/survivors/" + survivor + "/access-log?limit=500").raw.body;
    const std::string log = server_->Log();
    ASSERT_EQ(server_->Stop(), 0);  // flush everything to disk first
    // The SQLite files (and whatever WAL remains), or a pg_dump of the database.
    const std::string files = server_->DumpStore();
    ASSERT_GT(files.size(), 10000u);
    for (const auto& secret : secrets) {
        EXPECT_EQ(files.find(secret), std::string::npos) << "database holds " << secret;
        EXPECT_EQ(audit.find(secret), std::string::npos) << "audit holds " << secret;
        EXPECT_EQ(access_log.find(secret), std::string::npos) << "access log holds " << secret;
        EXPECT_EQ(log.find(secret), std::string::npos) << "log holds " << secret;
    }
    EXPECT_NE(files.find("Hidden Finch"), std::string::npos);  // the check itself can find text
}

}  // namespace
}  // namespace onestory::testing
