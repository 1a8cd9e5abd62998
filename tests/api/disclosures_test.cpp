// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Disclosures: allowed only under one active consent covering everything,
// never partial, read by the recipient's fitting roles while the consent
// stands, refused on the next read once it is revoked or expires.
#include <gtest/gtest.h>

#include <set>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class DisclosuresTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Amber Willow", "Test Disclosure Person");
        auto& cw = world_->As("caseworker");
        const auto interview = cw.Post("/api/v1/cases/" + case_ + "/interviews",
                                       json::object{{"purpose", "aftercare"},
                                                    {"topics", json::array{"recruitment", "exploitation", "transport"}},
                                                    {"scheduled_at", "2026-11-26T10:00:00Z"},
                                                    {"interviewer_id", world_->StaffId("caseworker")},
                                                    {"accommodations", json::object{}}});
        interview_ = interview.Str("id");
        recruitment_ = Passage("recruitment", "I was promised a job in a restaurant in the city.", true);
        exploitation_ = Passage("exploitation", "I worked every day and was never paid.", true);
        transport_ = Passage("transport", "We travelled in a closed van.", true);
        unreviewed_ = Passage("exploitation", "My documents were kept by the owner.", false);
        consent_ = Consent("investigation", "2027-06-01T00:00:00Z").Str("id");
    }
    std::string Passage(const std::string& topic, const std::string& text, bool confirm) {
        auto& cw = world_->As("caseworker");
        const auto p = cw.Post(
            "/api/v1/cases/" + case_ + "/passages",
            json::object{{"interview_id", interview_}, {"topic", topic}, {"text", text}, {"sensitivity", "sensitive"}});
        EXPECT_EQ(p.status, 201) << p.raw.body;
        if (confirm) {
            EXPECT_EQ(
                cw.Post("/api/v1/passages/" + p.Str("id") + "/review", json::object{{"status", "confirmed"}}).status,
                200);
        }
        return p.Str("id");
    }
    ApiResult Consent(const std::string& purpose, const std::string& until) {
        return world_->As("caseworker")
            .Post("/api/v1/survivors/" + survivor_ + "/consents",
                  json::object{{"recipient_agency_id", world_->AgencyId("police")},
                               {"purpose", purpose},
                               {"scope",
                                {{"topics", json::array{"recruitment", "exploitation"}},
                                 {"categories", json::array{"identity"}}}},
                               {"valid_until", until},
                               {"given_as", "written"},
                               {"consent_text_version", "2026-01"},
                               {"language", "en"}});
    }
    ApiResult Disclose(std::vector<std::string> passages, std::vector<std::string> categories,
                       const std::string& purpose = "investigation", const std::string& agency = "police") {
        json::array p, c;
        for (const auto& id : passages) p.emplace_back(id);
        for (const auto& name : categories) c.emplace_back(name);
        return world_->As("caseworker")
            .Post("/api/v1/cases/" + case_ + "/disclosures",
                  json::object{{"recipient_agency_id", world_->AgencyId(agency)},
                               {"purpose", purpose},
                               {"passage_ids", p},
                               {"categories", c}});
    }
    std::size_t DisclosureCount() {
        const auto list = world_->As("caseworker").Get("/api/v1/cases/" + case_ + "/disclosures");
        EXPECT_EQ(list.status, 200);
        return list.obj().at("items").as_array().size();
    }
    static std::vector<std::string> Strings(const json::value& array) {
        std::vector<std::string> out;
        for (const auto& v : array.as_array()) out.emplace_back(v.as_string());
        return out;
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_, interview_, consent_;
    std::string recruitment_, exploitation_, transport_, unreviewed_;
};

TEST_F(DisclosuresTest, TheInvestigatorReadsWhatTheConsentCovers) {
    const auto d = Disclose({recruitment_, exploitation_}, {"identity"});
    ASSERT_EQ(d.status, 201) << d.raw.body;
    EXPECT_TRUE(d.Str("id").starts_with("dc_"));
    EXPECT_EQ(d.Str("consent_id"), consent_);
    EXPECT_EQ(d.Str("consent_status"), "active");
    EXPECT_FALSE(d.obj().contains("passages"));
    EXPECT_EQ(*d.raw.Header("location"), "/api/v1/disclosures/" + d.Str("id"));

    const auto read = world_->As("investigator").Get("/api/v1/disclosures/" + d.Str("id"));
    ASSERT_EQ(read.status, 200) << read.raw.body;
    const auto& passages = read.obj().at("passages").as_array();
    ASSERT_EQ(passages.size(), 2u);
    std::set<std::string> texts;
    for (const auto& p : passages) texts.insert(std::string(p.at("text").as_string()));
    EXPECT_TRUE(texts.count("I was promised a job in a restaurant in the city."));
    EXPECT_TRUE(texts.count("I worked every day and was never paid."));
    const auto& record = read.obj().at("record").as_object();
    EXPECT_EQ(record.at("legal_name").as_string(), "Test Disclosure Person");
    EXPECT_EQ(record.at("code_name").as_string(), "Amber Willow");
    EXPECT_FALSE(record.contains("contact"));
    EXPECT_FALSE(record.contains("address"));
    // A police supervisor who is also an investigator fits the purpose too.
    EXPECT_EQ(world_->As("police-supervisor").Get("/api/v1/disclosures/" + d.Str("id")).status, 200);
    // Nothing else of the case.
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/cases/" + case_ + "/passages").ErrorCode(), "other_agency");
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/survivors/" + survivor_).ErrorCode(), "other_agency");
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/cases/" + case_ + "/disclosures").ErrorCode(), "other_agency");
}

TEST_F(DisclosuresTest, NothingIsDisclosedBeyondTheConsent) {
    const auto topic = Disclose({recruitment_, transport_}, {});
    ASSERT_EQ(topic.status, 403) << topic.raw.body;
    EXPECT_EQ(topic.ErrorCode(), "no_consent");
    EXPECT_EQ(Strings(topic.obj().at("uncovered")), std::vector<std::string>{"transport"});
    const auto category = Disclose({recruitment_}, {"identity", "contact", "location"});
    EXPECT_EQ(category.ErrorCode(), "no_consent");
    EXPECT_EQ(Strings(category.obj().at("uncovered")), (std::vector<std::string>{"contact", "location"}));
    // Another purpose, or another agency, has no consent at all.
    const auto purpose = Disclose({recruitment_}, {}, "prosecution");
    EXPECT_EQ(purpose.ErrorCode(), "no_consent");
    EXPECT_EQ(Strings(purpose.obj().at("uncovered")), std::vector<std::string>{"recruitment"});
    EXPECT_EQ(Disclose({recruitment_}, {}, "investigation", "prosecution").ErrorCode(), "no_consent");
    EXPECT_EQ(Disclose({recruitment_}, {}, "investigation", "ngo").ErrorCode(), "own_agency");
    // No partial disclosure happened.
    EXPECT_EQ(DisclosureCount(), 0u);
    // Only passages the survivor confirmed or corrected.
    const auto unreviewed = Disclose({recruitment_, unreviewed_}, {});
    EXPECT_EQ(unreviewed.status, 400);
    EXPECT_EQ(unreviewed.ErrorCode(), "passage_not_reviewed");
    EXPECT_EQ(unreviewed.ErrorField(), "passage_ids[1]");
    EXPECT_EQ(Disclose({"ps_nowhere"}, {}).ErrorField(), "passage_ids[0]");
    EXPECT_EQ(Disclose({}, {}).status, 400);
    EXPECT_EQ(DisclosureCount(), 0u);
    // Only the case team discloses.
    const auto outsider = world_->As("caseworker2")
                              .Post("/api/v1/cases/" + case_ + "/disclosures",
                                    json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                                 {"purpose", "investigation"},
                                                 {"passage_ids", json::array{recruitment_}}});
    EXPECT_EQ(outsider.ErrorCode(), "not_on_case_team");
    EXPECT_FALSE(outsider.obj().contains("uncovered"));
}

TEST_F(DisclosuresTest, OnlyTheRecipientsFittingRolesRead) {
    const auto d = Disclose({recruitment_}, {});
    ASSERT_EQ(d.status, 201);
    const std::string path = "/api/v1/disclosures/" + d.Str("id");
    EXPECT_EQ(world_->As("prosecutor").Get(path).ErrorCode(), "not_recipient");
    EXPECT_EQ(world_->As("clinician").Get(path).ErrorCode(), "not_recipient");
    EXPECT_EQ(world_->As("caseworker2").Get(path).ErrorCode(), "not_on_case_team");
    EXPECT_EQ(world_->As("caseworker").Get(path).status, 200);  // the disclosing team reviews what it shared
    EXPECT_EQ(world_->Admin().Get(path).status, 403);
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/disclosures/dc_nothing").status, 404);
    // Lists: the recipient's fitting staff see it; others see nothing.
    const auto mine = world_->As("investigator").Get("/api/v1/disclosures");
    ASSERT_EQ(mine.status, 200);
    ASSERT_EQ(mine.obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(mine.obj().at("items").as_array()[0].at("survivor_code_name").as_string(), "Amber Willow");
    EXPECT_FALSE(mine.obj().at("items").as_array()[0].as_object().contains("passages"));
    EXPECT_EQ(world_->As("prosecutor").Get("/api/v1/disclosures").obj().at("items").as_array().size(), 0u);
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/disclosures").obj().at("items").as_array().size(), 0u);
}

TEST_F(DisclosuresTest, TheRecipientSeesTheSurvivorsCorrectionAndComments) {
    const auto d = Disclose({exploitation_}, {});
    ASSERT_EQ(d.status, 201);
    const auto corrected = world_->As("caseworker")
                               .Post("/api/v1/passages/" + exploitation_ + "/review",
                                     json::object{{"status", "corrected"},
                                                  {"corrected_text", "I worked every day and was paid almost nothing."},
                                                  {"survivor_comment", "The owner paid a little at the start."}});
    ASSERT_EQ(corrected.status, 200) << corrected.raw.body;
    const auto read = world_->As("investigator").Get("/api/v1/disclosures/" + d.Str("id"));
    ASSERT_EQ(read.status, 200);
    const auto& p = read.obj().at("passages").as_array().at(0);
    EXPECT_EQ(p.at("text").as_string(), "I worked every day and was paid almost nothing.");
    EXPECT_EQ(p.at("version").as_int64(), 2);
    EXPECT_EQ(p.at("review_status").as_string(), "corrected");
    EXPECT_EQ(p.at("survivor_comments").as_array().at(0).at("text").as_string(),
              "The owner paid a little at the start.");
}

TEST_F(DisclosuresTest, RevocationRefusesTheVeryNextRead) {
    const auto d = Disclose({recruitment_}, {"identity"});
    ASSERT_EQ(d.status, 201);
    const std::string path = "/api/v1/disclosures/" + d.Str("id");
    ASSERT_EQ(world_->As("investigator").Get(path).status, 200);
    ASSERT_EQ(world_->As("caseworker").Post("/api/v1/consents/" + consent_ + "/revoke").status, 200);
    const auto refused = world_->As("investigator").Get(path);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.ErrorCode(), "consent_revoked");
    EXPECT_EQ(refused.raw.body.find("restaurant"), std::string::npos);
    const auto list = world_->As("investigator").Get("/api/v1/disclosures");
    EXPECT_EQ(list.obj().at("items").as_array()[0].at("consent_status").as_string(), "revoked");
    // With the consent gone, nothing more is disclosed either.
    EXPECT_EQ(Disclose({recruitment_}, {}).ErrorCode(), "no_consent");
}

TEST_F(DisclosuresTest, ExpiryRefusesTheNextRead) {
    ASSERT_EQ(world_->As("caseworker").Post("/api/v1/consents/" + consent_ + "/revoke").status, 200);
    ASSERT_EQ(Consent("investigation", "2026-11-26T09:10:00Z").status, 201);
    const auto d = Disclose({recruitment_}, {});
    ASSERT_EQ(d.status, 201) << d.raw.body;
    const std::string path = "/api/v1/disclosures/" + d.Str("id");
    ASSERT_EQ(world_->As("investigator").Get(path).status, 200);
    ASSERT_EQ(world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", 600}}).status, 200);
    EXPECT_EQ(world_->As("investigator").Get(path).ErrorCode(), "consent_expired");
}

TEST_F(DisclosuresTest, EveryDisclosureAndEveryReadIsAudited) {
    const auto d = Disclose({recruitment_, exploitation_}, {"identity"});
    ASSERT_EQ(d.status, 201);
    world_->As("investigator").Get("/api/v1/disclosures/" + d.Str("id"));
    world_->As("investigator").Get("/api/v1/disclosures/" + d.Str("id"));
    world_->As("prosecutor").Get("/api/v1/disclosures/" + d.Str("id"));
    Disclose({transport_}, {});
    const auto audit = world_->Admin().Get("/api/v1/audit?limit=500&survivor_id=" + survivor_);
    int created = 0, reads = 0, denied_reads = 0, denied_creates = 0;
    for (const auto& e : audit.obj().at("items").as_array()) {
        const std::string action(e.at("action").as_string());
        const bool ok = e.at("outcome") == "success";
        if (action == "disclosure.create") (ok ? created : denied_creates)++;
        if (action == "disclosure.read") {
            (ok ? reads : denied_reads)++;
            if (ok) {
                EXPECT_EQ(e.at("actor_id").as_string(), world_->StaffId("investigator"));
                EXPECT_EQ(e.at("purpose").as_string(), "investigation");
                EXPECT_NE(std::string(e.at("detail").as_string()).find("topics=exploitation,recruitment"),
                          std::string::npos);
            }
        }
    }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(reads, 2);
    EXPECT_EQ(denied_reads, 1);
    EXPECT_EQ(denied_creates, 1);
}

}  // namespace
}  // namespace onestory::testing
