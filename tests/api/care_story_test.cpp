// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Care coordination end to end: the case timeline merging every kind of
// record, filtered by what the reader may see, and the promise that no free
// text written about the survivor is stored, logged or audited in plaintext.
#include <gtest/gtest.h>

#include <set>

#include "care_world.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class CareStoryTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Hidden Kestrel", "Test Story Person");
    }
    ApiResult Post(const std::string& path, const json::object& body) {
        auto r = world_->As("caseworker").Post(path, body);
        EXPECT_LT(r.status, 300) << path << ": " << r.raw.body;
        return r;
    }
    std::string CasePath(const std::string& rest) { return "/api/v1/cases/" + case_ + rest; }

    // A case with a record of every kind, each free text holding `texts[i]`.
    void RecordEverything(const std::vector<std::string>& texts) {
        auto& cw = world_->As("caseworker");
        const auto interview = Post(CasePath("/interviews"), {{"purpose", "aftercare"},
                                                              {"topics", json::array{"needs"}},
                                                              {"scheduled_at", "2026-11-20T10:00:00Z"},
                                                              {"interviewer_id", world_->StaffId("caseworker")},
                                                              {"accommodations", json::object{}}});
        GrantConsent(*world_, survivor_, "health", "health", {}, {"identity"});
        Post(CasePath("/disclosures"), {{"recipient_agency_id", world_->AgencyId("health")},
                                        {"purpose", "health"},
                                        {"passage_ids", json::array{}},
                                        {"categories", json::array{"identity"}}});
        const auto clinic = MakeProvider(*world_, "Test Story Clinic", "health", {"medical"});
        const auto shelter = MakeProvider(*world_, "Test Story Shelter", "", {"shelter"});
        const auto referral = Post(CasePath("/referrals"), {{"provider_id", clinic},
                                                            {"service_type", "medical"},
                                                            {"reason", texts[0]},
                                                            {"share_categories", json::array{"identity"}},
                                                            {"follow_up_by", "2026-12-01"}});
        Post("/api/v1/referrals/" + referral.Str("id") + "/transition", {{"to", "sent"}, {"note", texts[1]}});
        const auto declined = Post(CasePath("/referrals"), {{"provider_id", shelter},
                                                            {"service_type", "shelter"},
                                                            {"reason", "A bed near the school."},
                                                            {"follow_up_by", "2026-12-01"}});
        Post("/api/v1/referrals/" + declined.Str("id") + "/transition", {{"to", "sent"}});
        Post("/api/v1/referrals/" + declined.Str("id") + "/transition",
             {{"to", "declined"}, {"decline_reason", texts[2]}});
        const auto promise =
            Post(CasePath("/commitments"),
                 {{"what", texts[3]}, {"owner_id", world_->StaffId("caseworker")}, {"due", "2026-12-02"}});
        EXPECT_EQ(cw.Patch("/api/v1/commitments/" + promise.Str("id"),
                           json::object{{"status", "missed"}, {"note", texts[4]}, {"survivor_told", texts[5]}}, 1)
                      .status,
                  200);
        EXPECT_EQ(
            cw.Put(CasePath("/safety-plan"),
                   json::object{{"risk_level", "high"},
                                {"items", json::array{json::object{{"kind", "safe_place"}, {"text", texts[6]}},
                                                      json::object{{"kind", "trusted_person"}, {"text", texts[7]}}}},
                                {"review_by", "2027-01-01"}},
                   std::nullopt)
                .status,
            201);
        Post(CasePath("/hearings"), {{"court", "Test Story Court"},
                                     {"scheduled_at", "2027-01-20T09:00:00Z"},
                                     {"kind", "testimony"},
                                     {"notes", texts[8]}});
        Post(CasePath("/reviews"), {{"held_at", "2026-11-25T15:00:00Z"},
                                    {"attendees", json::array{world_->StaffId("caseworker")}},
                                    {"decisions", json::array{json::object{{"text", texts[9]},
                                                                           {"owner_id", world_->StaffId("caseworker")},
                                                                           {"due", "2026-12-20"}}}}});
        Post(CasePath("/incidents"), {{"occurred_on", "2026-08-01"},
                                      {"penetration", false},
                                      {"unwanted_sexual_contact", false},
                                      {"physical_assault", true},
                                      {"forced_marriage", false},
                                      {"denial_of_resources", false},
                                      {"psychological_abuse", false},
                                      {"description", texts[10]}});
        const auto instrument = cw.Get("/api/v1/assessments/instrument");
        json::object scores;
        for (const auto& d : instrument.obj().at("domains").as_array()) {
            json::object subs;
            for (const auto& s : d.at("sub_domains").as_array()) subs[s.at("key").as_string()] = 2;
            scores[d.at("key").as_string()] = subs;
        }
        Post(CasePath("/assessments"), {{"assessed_on", "2026-11-24"}, {"scores", scores}, {"notes", texts[11]}});
        (void)interview;
    }

    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_;
};

TEST_F(CareStoryTest, TheTimelineMergesEveryRecordNewestFirstAndShowsOnlyWhatTheReaderMaySee) {
    std::vector<std::string> texts;
    for (int i = 0; i < 12; ++i) texts.push_back("Private words number " + std::to_string(i) + " of the story.");
    RecordEverything(texts);
    auto& cw = world_->As("caseworker");
    const auto timeline = cw.Get(CasePath("/timeline?limit=500"));
    ASSERT_EQ(timeline.status, 200) << timeline.raw.body;
    const auto& items = timeline.obj().at("items").as_array();
    std::set<std::string> kinds;
    for (const auto& e : items) kinds.insert(std::string(e.at("kind").as_string()));
    EXPECT_EQ(kinds, (std::set<std::string>{"interview", "disclosure", "referral", "referral_transition", "commitment",
                                            "commitment_resolved", "hearing", "review", "assessment"}));
    // Newest first: the hearing in January leads, the interview of 20 November is among the last.
    EXPECT_EQ(items.front().at("kind").as_string(), "hearing");
    for (std::size_t i = 1; i < items.size(); ++i) {
        EXPECT_GE(items[i - 1].at("at").as_string(), items[i].at("at").as_string());
    }
    // Three referral moves: sent, sent, declined; the review's decision is a second (team) commitment.
    std::size_t moves = 0, commitments = 0;
    for (const auto& e : items) {
        if (e.at("kind").as_string() == "referral_transition") ++moves;
        if (e.at("kind").as_string() == "commitment") ++commitments;
    }
    EXPECT_EQ(moves, 3u);
    EXPECT_EQ(commitments, 2u);
    for (const auto& t : texts) EXPECT_EQ(timeline.raw.body.find(t), std::string::npos) << t;

    // Paged with a cursor: the same entries, none twice.
    std::vector<std::string> paged;
    std::string cursor;
    do {
        const auto page = cw.Get(CasePath("/timeline?limit=4" + (cursor.empty() ? "" : "&cursor=" + cursor)));
        ASSERT_EQ(page.status, 200);
        for (const auto& e : page.obj().at("items").as_array()) paged.emplace_back(e.at("id").as_string());
        cursor = page.obj().at("next_cursor").is_string() ? std::string(page.obj().at("next_cursor").as_string()) : "";
    } while (!cursor.empty());
    ASSERT_EQ(paged.size(), items.size());
    for (std::size_t i = 0; i < paged.size(); ++i) EXPECT_EQ(paged[i], items[i].at("id").as_string());

    // A prosecutor with a prosecution consent covering legal sees the hearings alone.
    GrantConsent(*world_, survivor_, "prosecution", "prosecution", {}, {"legal"});
    const auto theirs = world_->As("prosecutor").Get(CasePath("/timeline"));
    ASSERT_EQ(theirs.status, 200) << theirs.raw.body;
    ASSERT_EQ(theirs.obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(theirs.obj().at("items").at(0).at("kind").as_string(), "hearing");
    EXPECT_EQ(world_->As("caseworker2").Get(CasePath("/timeline")).status, 403);
    EXPECT_EQ(world_->As("investigator").Get(CasePath("/timeline")).status, 403);
}

TEST_F(CareStoryTest, NoCareRecordIsStoredLoggedOrAuditedInPlaintext) {
    const std::vector<std::string> texts{
        "Referral canary: she fears the market road",        "Transition canary: phoned the nurse Wanjiru",
        "Decline canary: no beds for her son Baraka",        "Promise canary: fetch her certificate from Kisumu",
        "Note canary: the office at Kondele was shut",       "Told canary: explained at the riverside cafe",
        "Location canary: the blue house behind the mosque", "Trusted canary: her aunt Nyokabi in Gikomba",
        "Hearing canary: the accused's brother may attend",  "Decision canary: ask the chief in Ugunja to help",
        "Incident canary: the foreman at the quarry",        "Assessment canary: nightmares since the journey",
    };
    RecordEverything(texts);
    auto& cw = world_->As("caseworker");
    // Every read path, the receiving clinic's too.
    const auto referrals = cw.Get(CasePath("/referrals"));
    EXPECT_NE(referrals.raw.body.find(texts[0]), std::string::npos);  // the check itself can find the text
    world_->As("clinician").Get("/api/v1/referrals");
    cw.Get(CasePath("/commitments"));
    cw.Get(CasePath("/safety-plan"));
    cw.Get(CasePath("/hearings"));
    cw.Get(CasePath("/reviews"));
    cw.Get(CasePath("/incidents"));
    cw.Get(CasePath("/assessments"));
    cw.Get(CasePath("/timeline"));
    cw.Get("/api/v1/cases/" + case_);
    world_->As("supervisor").Get("/api/v1/alerts");
    // A refused request carrying a protected value does not echo it back.
    const auto bad = cw.Post(CasePath("/commitments"),
                             json::object{{"what", texts[3]}, {"owner_id", "st_nobody"}, {"due", "2026-12-02"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.raw.body.find(texts[3]), std::string::npos);

    const std::string audit = world_->Admin().Get("/api/v1/audit?limit=500").raw.body;
    const std::string access_log = cw.Get("/api/v1/survivors/" + survivor_ + "/access-log?limit=500").raw.body;
    EXPECT_NE(access_log.find("referral"), std::string::npos) << access_log;
    ASSERT_EQ(server_->Stop(), 0);  // flush everything first
    const std::string log = server_->Log();
    const std::string stored = server_->DumpStore();
    ASSERT_GT(stored.size(), 10000u);
    EXPECT_NE(stored.find("Hidden Kestrel"), std::string::npos);  // the check itself can find text
    for (const auto& t : texts) {
        EXPECT_EQ(stored.find(t), std::string::npos) << "the store holds " << t;
        EXPECT_EQ(audit.find(t), std::string::npos) << "the audit holds " << t;
        EXPECT_EQ(access_log.find(t), std::string::npos) << "the access log holds " << t;
        EXPECT_EQ(log.find(t), std::string::npos) << "the log holds " << t;
    }
}

}  // namespace
}  // namespace onestory::testing
