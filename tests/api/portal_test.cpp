// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor portal over HTTP: the invite a caseworker makes, activation
// with a one-time code, sign-in with its throttle, and a portal session that
// reaches the survivor's own record only: who holds which part of their
// story, their consents (a withdrawal takes effect at once), their passages
// to confirm, correct or comment on, interviews to come and the access log.
#include <gtest/gtest.h>

#include <regex>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

constexpr const char* kPassphrase = "a quiet morning by the river";

class PortalTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Quiet Heron", "Test Portal Person");
    }

    ApiResult Invite(const std::string& who = "caseworker") {
        return world_->As(who).Post("/api/v1/survivors/" + survivor_ + "/portal-invite");
    }
    ApiResult Activate(const std::string& code, const std::string& username = "heron",
                       const std::string& passphrase = kPassphrase) {
        ApiClient anonymous(*server_);
        return anonymous.Send(
            "POST", "/api/v1/portal/activate",
            json::serialize(json::object{{"code", code}, {"username", username}, {"passphrase", passphrase}}), {},
            false);
    }
    ApiResult Login(const std::string& username, const std::string& passphrase) {
        ApiClient anonymous(*server_);
        return anonymous.Send("POST", "/api/v1/portal/login",
                              json::serialize(json::object{{"username", username}, {"passphrase", passphrase}}), {},
                              false);
    }
    // A portal client for this test's survivor, signed in with a token.
    ApiClient Portal() {
        const auto invite = Invite();
        EXPECT_EQ(invite.status, 201) << invite.raw.body;
        const auto session = Activate(invite.Str("code"));
        EXPECT_EQ(session.status, 200) << session.raw.body;
        ApiClient client(*server_);
        client.UseToken(session.Str("token"));
        return client;
    }
    std::string Interview(const std::string& when, const json::array& topics) {
        const auto r = world_->As("caseworker")
                           .Post("/api/v1/cases/" + case_ + "/interviews",
                                 json::object{{"purpose", "aftercare"},
                                              {"topics", topics},
                                              {"scheduled_at", when},
                                              {"interviewer_id", world_->StaffId("caseworker")},
                                              {"accommodations", {{"interpreter_language", "sw"}, {"breaks", true}}}});
        EXPECT_EQ(r.status, 201) << r.raw.body;
        return r.Str("id");
    }
    std::string Passage(const std::string& interview, const std::string& topic, const std::string& text) {
        const auto r =
            world_->As("caseworker")
                .Post("/api/v1/cases/" + case_ + "/passages",
                      json::object{
                          {"interview_id", interview}, {"topic", topic}, {"text", text}, {"sensitivity", "standard"}});
        EXPECT_EQ(r.status, 201) << r.raw.body;
        return r.Str("id");
    }

    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_;
};

TEST_F(PortalTest, TheCaseTeamMakesAOneTimeCodeThatIsShownOnceAndKeptNowhere) {
    const auto invite = Invite();
    ASSERT_EQ(invite.status, 201) << invite.raw.body;
    const std::string code = invite.Str("code");
    EXPECT_TRUE(std::regex_match(code, std::regex("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")))
        << code;
    EXPECT_EQ(invite.Str("survivor_id"), survivor_);
    EXPECT_EQ(invite.Str("created_at"), "2026-11-26T09:00:00Z");
    EXPECT_EQ(invite.Str("expires_at"), "2026-11-29T09:00:00Z");
    EXPECT_TRUE(invite.Str("id").starts_with("pi_"));
    // Only the survivor's case team: not a colleague off the team, not even a supervisor, nor another agency.
    for (const char* who : {"caseworker2", "supervisor", "investigator"}) {
        const auto refused = Invite(who);
        EXPECT_EQ(refused.status, 403) << who;
    }
    EXPECT_EQ(world_->Admin().Post("/api/v1/survivors/" + survivor_ + "/portal-invite").status, 403);

    // The code is in no store, log or audit event; the invite is audited.
    const auto audit = world_->As("supervisor").Get("/api/v1/audit?survivor_id=" + survivor_ + "&limit=100");
    ASSERT_EQ(audit.status, 200);
    bool invited = false;
    for (const auto& e : audit.obj().at("items").as_array()) {
        invited = invited || e.at("action").as_string() == "portal.invite";
    }
    EXPECT_TRUE(invited);
    std::string bare = code;
    bare.erase(std::remove(bare.begin(), bare.end(), '-'), bare.end());
    for (const std::string& form : {code, bare}) {
        EXPECT_EQ(audit.raw.body.find(form), std::string::npos);
        EXPECT_EQ(server_->DumpStore().find(form), std::string::npos);
        EXPECT_EQ(server_->Log().find(form), std::string::npos);
    }
}

TEST_F(PortalTest, ACodeSetsAUsernameAndPassphraseOnceAndSignsTheSurvivorIn) {
    const std::string code = Invite().Str("code");
    // A weak passphrase is refused, and the code is not spent by it.
    const auto weak = Activate(code, "heron", "short");
    EXPECT_EQ(weak.status, 400);
    EXPECT_EQ(weak.ErrorField(), "passphrase");
    // Typed in lower case, with spaces instead of dashes: the same code.
    std::string typed = code;
    for (auto& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto session = Activate(typed);
    ASSERT_EQ(session.status, 200) << session.raw.body;
    EXPECT_FALSE(session.Str("token").empty());
    EXPECT_FALSE(session.Str("csrf_token").empty());
    const auto& who = session.obj().at("survivor").as_object();
    EXPECT_EQ(who.at("survivor_id").as_string(), survivor_);
    EXPECT_EQ(who.at("code_name").as_string(), "Quiet Heron");
    EXPECT_EQ(who.at("agency_name").as_string(), "Test Aftercare NGO");
    EXPECT_EQ(session.obj().find("legal_name"), session.obj().end());
    EXPECT_EQ(session.raw.body.find("Test Portal Person"), std::string::npos) << "never the legal name";

    // Once only.
    const auto again = Activate(code, "heron2");
    EXPECT_EQ(again.status, 400);
    EXPECT_EQ(again.ErrorCode(), "invalid_code");
    EXPECT_EQ(again.ErrorField(), "code");
    EXPECT_EQ(Activate("ZZZZ-ZZZZ-ZZZZ").ErrorCode(), "invalid_code");
    EXPECT_EQ(Activate("not a code").ErrorCode(), "invalid_code");

    // The survivor signs in later with what they chose; the username ignores case and spacing.
    const auto login = Login("  HERON ", kPassphrase);
    ASSERT_EQ(login.status, 200) << login.raw.body;
    EXPECT_EQ(login.obj().at("survivor").at("code_name").as_string(), "Quiet Heron");
    // Neither the username nor the passphrase is kept readable, or logged.
    const std::string store = server_->DumpStore();
    EXPECT_EQ(store.find(kPassphrase), std::string::npos);
    EXPECT_EQ(store.find("heron"), std::string::npos);
    EXPECT_EQ(server_->Log().find(kPassphrase), std::string::npos);
}

TEST_F(PortalTest, ACodeLastsSeventyTwoHoursAndANewOneReplacesTheOld) {
    const std::string first = Invite().Str("code");
    const std::string second = Invite().Str("code");
    EXPECT_NE(first, second);
    EXPECT_EQ(Activate(first).ErrorCode(), "invalid_code") << "replaced by the newer code";
    // A second survivor's code, made at the same moment, to see the other side of the limit.
    const auto [other, other_case] = world_->SurvivorWithCase("caseworker", "Amber Lark", "Test Other Person");
    (void)other_case;
    const std::string others =
        world_->As("caseworker").Post("/api/v1/survivors/" + other + "/portal-invite").Str("code");
    // Sessions end after 30 idle minutes, so each move of the clock signs in afresh.
    const auto advance = [&](int seconds) {
        ApiClient admin(*server_);
        ASSERT_EQ(admin.Login("admin", "admin-password-123").status, 200);
        ASSERT_EQ(admin.Post("/api/v1/test/clock", json::object{{"advance_seconds", seconds}}).status, 200);
    };
    advance(72 * 3600 - 1);
    EXPECT_EQ(Activate(second).status, 200) << "still valid a second before 72 hours";
    advance(1);
    EXPECT_EQ(Activate(others, "lark").ErrorCode(), "invalid_code") << "expired after 72 hours";
}

TEST_F(PortalTest, ANewCodeLetsTheSurvivorChooseAgainAndEndsTheOldSessions) {
    ApiClient old = Portal();
    ASSERT_EQ(old.Get("/api/v1/portal/me").status, 200);
    const auto renewed = Activate(Invite().Str("code"), "lake", "another long passphrase");
    ASSERT_EQ(renewed.status, 200);
    EXPECT_EQ(old.Get("/api/v1/portal/me").status, 401) << "the earlier session ended";
    EXPECT_EQ(Login("heron", kPassphrase).status, 401) << "the old username is gone";
    EXPECT_EQ(Login("lake", "another long passphrase").status, 200);
    // A username belongs to one survivor.
    const auto [other, other_case] = world_->SurvivorWithCase("caseworker", "Amber Lark", "Test Other Person");
    (void)other_case;
    const auto code = world_->As("caseworker").Post("/api/v1/survivors/" + other + "/portal-invite").Str("code");
    const auto taken = Activate(code, "Lake");
    EXPECT_EQ(taken.status, 409);
    EXPECT_EQ(taken.ErrorCode(), "username_taken");
    EXPECT_EQ(taken.ErrorField(), "username");
    EXPECT_EQ(Activate(code, "amber").status, 200) << "the code was not spent by the refusal";
}

TEST_F(PortalTest, SigningInAnswersAnUnknownNameLikeAWrongPassphraseAndLocksAfterFive) {
    Portal();
    const auto wrong = Login("heron", "not the passphrase at all");
    const auto unknown = Login("nobody-here", "not the passphrase at all");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.raw.body, unknown.raw.body);
    for (int i = 0; i < 4; ++i) Login("heron", "still not the passphrase");
    const auto locked = Login("heron", kPassphrase);
    EXPECT_EQ(locked.status, 429);
    EXPECT_EQ(locked.ErrorCode(), "account_locked");
    ASSERT_TRUE(locked.raw.Header("retry-after").has_value());
    // An unknown name locks the same way.
    for (int i = 0; i < 5; ++i) Login("nobody-here", "x-x-x-x-x-x-x");
    EXPECT_EQ(Login("nobody-here", "x-x-x-x-x-x-x").status, 429);
    world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", 15 * 60 + 1}});
    EXPECT_EQ(Login("heron", kPassphrase).status, 200);
    // The survivor's access log tells them of it, in plain words.
    const auto log = world_->As("caseworker").Get("/api/v1/survivors/" + survivor_ + "/access-log?limit=100");
    ASSERT_EQ(log.status, 200);
    EXPECT_NE(log.raw.body.find("Someone tried to sign in to your portal with a wrong passphrase"), std::string::npos);
    EXPECT_NE(log.raw.body.find("onestory locked your portal for a while"), std::string::npos);
    EXPECT_NE(log.raw.body.find("You signed in to your portal"), std::string::npos);
}

TEST_F(PortalTest, OneAddressTryingManyNamesIsLockedOutToo) {
    Portal();
    // Four wrong names, five tries each, stay under each account's bound...
    for (int name = 0; name < 5; ++name) {
        for (int i = 0; i < 4; ++i) {
            EXPECT_EQ(Login("guess-" + std::to_string(name), "x-x-x-x-x-x-x").status, 401);
        }
    }
    // ...but twenty failures from one address lock it, for every name.
    const auto locked = Login("heron", kPassphrase);
    EXPECT_EQ(locked.status, 429) << locked.raw.body;
    EXPECT_EQ(locked.ErrorCode(), "account_locked");
    ASSERT_TRUE(locked.raw.Header("retry-after").has_value());
    world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", 15 * 60 + 1}});
    EXPECT_EQ(Login("heron", kPassphrase).status, 200);
}

TEST_F(PortalTest, APortalSessionReachesTheSurvivorsOwnRecordAndNothingElse) {
    ApiClient portal = Portal();
    const auto me = portal.Get("/api/v1/portal/me");
    ASSERT_EQ(me.status, 200) << me.raw.body;
    EXPECT_EQ(me.obj().at("survivor").at("code_name").as_string(), "Quiet Heron");
    ASSERT_EQ(me.obj().at("team").as_array().size(), 1u);
    EXPECT_EQ(me.obj().at("team").as_array()[0].at("display_name").as_string(), "Test caseworker");
    EXPECT_EQ(me.obj().at("team").as_array()[0].at("case_role").as_string(), "lead");

    // No staff route, even about themself.
    for (const std::string& path :
         std::vector<std::string>{"/api/v1/me", "/api/v1/cases", "/api/v1/cases/" + case_,
                                  "/api/v1/survivors/" + survivor_, "/api/v1/survivors/" + survivor_ + "/consents",
                                  "/api/v1/cases/" + case_ + "/passages", "/api/v1/agencies", "/api/v1/alerts"}) {
        const auto r = portal.Get(path);
        EXPECT_EQ(r.status, 403) << path;
        EXPECT_EQ(r.ErrorCode(), "staff_only") << path;
    }
    // And staff do not reach the portal's routes.
    const auto staff = world_->As("caseworker").Get("/api/v1/portal/me");
    EXPECT_EQ(staff.status, 403);
    EXPECT_EQ(staff.ErrorCode(), "survivor_only");

    // Another survivor's consent and passage are not theirs to touch.
    const auto [other, other_case] = world_->SurvivorWithCase("caseworker", "Amber Lark", "Test Other Person");
    const auto consent = world_->As("caseworker")
                             .Post("/api/v1/survivors/" + other + "/consents",
                                   json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                                {"purpose", "investigation"},
                                                {"scope", {{"topics", json::array{"recruitment"}}}},
                                                {"valid_until", "2027-06-01T00:00:00Z"},
                                                {"given_as", "written"},
                                                {"consent_text_version", "2026-01"},
                                                {"language", "en"}});
    ASSERT_EQ(consent.status, 201);
    const auto theirs = portal.Post("/api/v1/portal/consents/" + consent.Str("id") + "/withdraw");
    EXPECT_EQ(theirs.status, 403);
    EXPECT_EQ(theirs.ErrorCode(), "not_own_record");
    const auto interview = world_->As("caseworker")
                               .Post("/api/v1/cases/" + other_case + "/interviews",
                                     json::object{{"purpose", "aftercare"},
                                                  {"topics", json::array{"needs"}},
                                                  {"scheduled_at", "2026-11-27T10:00:00Z"},
                                                  {"interviewer_id", world_->StaffId("caseworker")},
                                                  {"accommodations", json::object{}}})
                               .Str("id");
    const auto passage =
        world_->As("caseworker")
            .Post("/api/v1/cases/" + other_case + "/passages", json::object{{"interview_id", interview},
                                                                            {"topic", "needs"},
                                                                            {"text", "Someone else's invented words."},
                                                                            {"sensitivity", "standard"}})
            .Str("id");
    EXPECT_EQ(portal.Post("/api/v1/portal/passages/" + passage + "/review", json::object{{"status", "confirmed"}})
                  .ErrorCode(),
              "not_own_record");
    EXPECT_EQ(
        portal.Post("/api/v1/portal/passages/" + passage + "/comment", json::object{{"comment", "Mine?"}}).ErrorCode(),
        "not_own_record");
    // Their lists hold their own record only.
    for (const char* path : {"/api/v1/portal/passages", "/api/v1/portal/consents", "/api/v1/portal/interviews"}) {
        const auto r = portal.Get(path);
        ASSERT_EQ(r.status, 200) << path;
        EXPECT_EQ(r.raw.body.find(other), std::string::npos) << path;
        EXPECT_EQ(r.raw.body.find("Someone else's"), std::string::npos) << path;
    }
    // The refusals are audited, as the survivor's own.
    const auto audit = world_->Admin().Get("/api/v1/audit?survivor_id=" + other + "&limit=100");
    EXPECT_NE(audit.raw.body.find("\"actor_kind\":\"survivor\""), std::string::npos);
    EXPECT_NE(audit.raw.body.find("not_own_record"), std::string::npos);
}

TEST_F(PortalTest, TheSurvivorSeesWhoHoldsTheirStoryAndAWithdrawalTakesEffectAtOnce) {
    auto& cw = world_->As("caseworker");
    const std::string interview = Interview("2026-11-20T10:00:00Z", json::array{"recruitment"});
    const std::string passage = Passage(interview, "recruitment", "A woman offered work in the city.");
    ASSERT_EQ(cw.Post("/api/v1/passages/" + passage + "/review", json::object{{"status", "confirmed"}}).status, 200);
    const auto consent = cw.Post("/api/v1/survivors/" + survivor_ + "/consents",
                                 json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                              {"purpose", "investigation"},
                                              {"scope", {{"topics", json::array{"recruitment"}}}},
                                              {"valid_until", "2027-06-01T00:00:00Z"},
                                              {"given_as", "written"},
                                              {"consent_text_version", "2026-01"},
                                              {"language", "sw"}});
    ASSERT_EQ(consent.status, 201);
    const auto disclosure = cw.Post("/api/v1/cases/" + case_ + "/disclosures",
                                    json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                                 {"purpose", "investigation"},
                                                 {"passage_ids", json::array{passage}}});
    ASSERT_EQ(disclosure.status, 201);
    auto& police = world_->As("investigator");
    ASSERT_EQ(police.Get("/api/v1/disclosures/" + disclosure.Str("id")).status, 200);

    ApiClient portal = Portal();
    const auto held = portal.Get("/api/v1/portal/disclosures");
    ASSERT_EQ(held.status, 200);
    ASSERT_EQ(held.obj().at("items").as_array().size(), 1u);
    const auto& d = held.obj().at("items").as_array()[0].as_object();
    EXPECT_EQ(d.at("recipient").at("name").as_string(), "Test Police Unit");
    EXPECT_EQ(d.at("recipient").at("kind").as_string(), "police");
    EXPECT_EQ(d.at("shared_by").at("name").as_string(), "Test Aftercare NGO");
    EXPECT_EQ(d.at("purpose").as_string(), "investigation");
    EXPECT_EQ(d.at("topics").as_array(), json::array{"recruitment"});
    EXPECT_EQ(d.at("passages").as_int64(), 1);
    EXPECT_EQ(d.at("consent_status").as_string(), "active");

    const auto consents = portal.Get("/api/v1/portal/consents");
    ASSERT_EQ(consents.status, 200);
    ASSERT_EQ(consents.obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(consents.obj().at("items").as_array()[0].at("status").as_string(), "active");
    EXPECT_EQ(consents.obj().at("items").as_array()[0].at("recipient").at("name").as_string(), "Test Police Unit");

    // The survivor withdraws it, in their portal; the investigator's very next read is refused.
    const auto withdrawn = portal.Post("/api/v1/portal/consents/" + consent.Str("id") + "/withdraw",
                                       json::object{{"reason", "I want to talk to a lawyer first."}});
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.raw.body;
    EXPECT_EQ(withdrawn.Str("status"), "revoked");
    EXPECT_TRUE(withdrawn.obj().at("withdrawn_by_you").as_bool());
    const auto refused = police.Get("/api/v1/disclosures/" + disclosure.Str("id"));
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.ErrorCode(), "consent_revoked");
    EXPECT_EQ(portal.Post("/api/v1/portal/consents/" + consent.Str("id") + "/withdraw").ErrorCode(), "already_revoked");
    EXPECT_EQ(portal.Get("/api/v1/portal/disclosures").obj().at("items").as_array()[0].at("consent_status").as_string(),
              "revoked");
    // The agency's own view says who withdrew it; the reason is sealed.
    const auto staff_view = cw.Get("/api/v1/survivors/" + survivor_ + "/consents");
    EXPECT_EQ(staff_view.obj().at("items").as_array()[0].at("revoked_by").as_string(), survivor_);
    EXPECT_EQ(server_->DumpStore().find("talk to a lawyer"), std::string::npos);

    // The access log, in the portal, says it plainly.
    const auto log = portal.Get("/api/v1/portal/access-log?limit=100");
    ASSERT_EQ(log.status, 200);
    EXPECT_NE(log.raw.body.find("You withdrew your consent to share with Test Police Unit"), std::string::npos);
    EXPECT_NE(log.raw.body.find("Test investigator (investigator, Test Police Unit) read 1 passage of your statement"),
              std::string::npos);
    EXPECT_NE(log.raw.body.find("tried to read what was shared with them and was refused"), std::string::npos);
}

TEST_F(PortalTest, TheSurvivorConfirmsCorrectsAndCommentsAsThemself) {
    const std::string interview = Interview("2026-11-20T10:00:00Z", json::array{"transport", "needs", "escape"});
    const std::string transport = Passage(interview, "transport", "We travelled by bus for two days.");
    const std::string needs = Passage(interview, "needs", "I would like to finish school.");
    const std::string escape = Passage(interview, "escape", "The gate was left open one morning.");
    ApiClient portal = Portal();
    const auto mine = portal.Get("/api/v1/portal/passages");
    ASSERT_EQ(mine.status, 200);
    ASSERT_EQ(mine.obj().at("items").as_array().size(), 3u);

    // Confirmed, with a comment: recorded as the survivor's own review.
    const auto confirmed = portal.Post("/api/v1/portal/passages/" + needs + "/review",
                                       json::object{{"status", "confirmed"}, {"comment", "And learn to drive."}});
    ASSERT_EQ(confirmed.status, 200) << confirmed.raw.body;
    EXPECT_EQ(confirmed.Str("review_status"), "confirmed");
    EXPECT_EQ(confirmed.Str("reviewed_by"), survivor_);
    const auto& comments = confirmed.obj().at("survivor_comments").as_array();
    ASSERT_EQ(comments.size(), 1u);
    EXPECT_EQ(comments[0].at("text").as_string(), "And learn to drive.");
    EXPECT_EQ(comments[0].at("recorded_by").as_string(), survivor_);

    // Corrected: a new version, recorded by the staff member who wrote it, reviewed by the survivor.
    const auto corrected = portal.Post(
        "/api/v1/portal/passages/" + transport + "/review",
        json::object{{"status", "corrected"}, {"corrected_text", "We travelled by minibus for three days."}});
    ASSERT_EQ(corrected.status, 200) << corrected.raw.body;
    EXPECT_EQ(corrected.Str("review_status"), "corrected");
    EXPECT_EQ(corrected.obj().at("version").as_int64(), 2);
    EXPECT_EQ(corrected.Str("supersedes"), transport);
    EXPECT_EQ(corrected.Str("reviewed_by"), survivor_);
    EXPECT_EQ(corrected.Str("created_by"), world_->StaffId("caseworker"));

    // A comment on a passage already confirmed changes nothing else.
    const auto commented =
        portal.Post("/api/v1/portal/passages/" + needs + "/comment", json::object{{"comment", "Evening classes."}});
    ASSERT_EQ(commented.status, 200) << commented.raw.body;
    EXPECT_EQ(commented.Str("review_status"), "confirmed");
    EXPECT_EQ(commented.obj().at("survivor_comments").as_array().size(), 2u);
    // The old version of a corrected passage takes no more comments.
    EXPECT_EQ(
        portal.Post("/api/v1/portal/passages/" + transport + "/comment", json::object{{"comment", "x"}}).ErrorCode(),
        "superseded");
    // Reading back is for staff; in the portal a passage is confirmed or corrected.
    EXPECT_EQ(
        portal.Post("/api/v1/portal/passages/" + escape + "/review", json::object{{"status", "read_back"}}).status,
        400);

    // The case team sees the survivor's review and comments.
    const auto staff = world_->As("caseworker").Get("/api/v1/cases/" + case_ + "/passages");
    EXPECT_NE(staff.raw.body.find("Evening classes."), std::string::npos);
    EXPECT_NE(staff.raw.body.find("minibus for three days"), std::string::npos);
    // Sealed at rest.
    const std::string store = server_->DumpStore();
    EXPECT_EQ(store.find("Evening classes."), std::string::npos);
    EXPECT_EQ(store.find("And learn to drive."), std::string::npos);
    const auto log = portal.Get("/api/v1/portal/access-log?limit=100");
    EXPECT_NE(log.raw.body.find("You confirmed part of your statement (needs)"), std::string::npos);
    EXPECT_NE(log.raw.body.find("You commented on part of your statement (needs)"), std::string::npos);
}

TEST_F(PortalTest, InterviewsToComeShowWhyWhatWhereAndWhatIsArranged) {
    const std::string past = Interview("2026-11-20T10:00:00Z", json::array{"background"});
    ASSERT_EQ(world_->As("caseworker")
                  .Patch("/api/v1/interviews/" + past,
                         json::object{{"started_at", "2026-11-20T10:05:00Z"}, {"ended_at", "2026-11-20T11:00:00Z"}}, 1)
                  .status,
              200);
    const auto room = world_->Admin().Post("/api/v1/venues", json::object{{"name", "Quiet room"},
                                                                          {"agency_id", world_->AgencyId("ngo")},
                                                                          {"features", json::array{"child_friendly"}}});
    const auto next = world_->As("caseworker")
                          .Post("/api/v1/cases/" + case_ + "/interviews",
                                json::object{{"purpose", "aftercare"},
                                             {"topics", json::array{"needs", "escape"}},
                                             {"scheduled_at", "2026-12-01T10:00:00Z"},
                                             {"venue_id", room.Str("id")},
                                             {"interviewer_id", world_->StaffId("caseworker")},
                                             {"accommodations", {{"support_person", true}, {"breaks", true}}}});
    ASSERT_EQ(next.status, 201);
    ApiClient portal = Portal();
    const auto r = portal.Get("/api/v1/portal/interviews");
    ASSERT_EQ(r.status, 200);
    const auto& items = r.obj().at("items").as_array();
    ASSERT_EQ(items.size(), 1u) << r.raw.body;
    const auto& i = items[0].as_object();
    EXPECT_EQ(i.at("id").as_string(), next.Str("id"));
    EXPECT_EQ(i.at("purpose").as_string(), "aftercare");
    EXPECT_EQ(i.at("topics").as_array(), (json::array{"needs", "escape"}));
    EXPECT_EQ(i.at("venue").at("name").as_string(), "Quiet room");
    EXPECT_EQ(i.at("venue").at("features").as_array(), json::array{"child_friendly"});
    EXPECT_EQ(i.at("interviewer_name").as_string(), "Test caseworker");
    EXPECT_TRUE(i.at("accommodations").at("support_person").as_bool());
    EXPECT_EQ(i.find("debrief_notes"), i.end());
    EXPECT_EQ(i.find("reask_reason"), i.end());
}

TEST_F(PortalTest, PromisesAndHearingsShowWhatWasPromisedAndWhenCourtIs) {
    auto& cw = world_->As("caseworker");
    const std::string owner = world_->StaffId("caseworker");
    const auto open = cw.Post(
        "/api/v1/cases/" + case_ + "/commitments",
        json::object{{"what", "Find a school place for the autumn."}, {"owner_id", owner}, {"due", "2026-12-20"}});
    ASSERT_EQ(open.status, 201) << open.raw.body;
    const auto kept =
        cw.Post("/api/v1/cases/" + case_ + "/commitments",
                json::object{{"what", "Call back on Monday."}, {"owner_id", owner}, {"due", "2026-12-01"}});
    ASSERT_EQ(kept.status, 201);
    ASSERT_EQ(cw.Patch("/api/v1/commitments/" + kept.Str("id"),
                       json::object{{"status", "kept"}, {"note", "An invented staff note."}}, 1)
                  .status,
              200);
    const auto team = cw.Post(
        "/api/v1/cases/" + case_ + "/commitments",
        json::object{
            {"what", "Team: update the file."}, {"owner_id", owner}, {"due", "2026-12-02"}, {"to_survivor", false}});
    ASSERT_EQ(team.status, 201) << team.raw.body;
    const auto hearing = cw.Post("/api/v1/cases/" + case_ + "/hearings",
                                 json::object{{"court", "Invented District Court"},
                                              {"scheduled_at", "2027-01-11T09:00:00Z"},
                                              {"kind", "testimony"},
                                              {"accommodations_requested", json::array{"screen", "support_person"}},
                                              {"accommodations_granted", json::array{"screen"}},
                                              {"notes", "An invented staff note on the hearing."}});
    ASSERT_EQ(hearing.status, 201) << hearing.raw.body;
    ASSERT_EQ(cw.Post("/api/v1/cases/" + case_ + "/hearings", json::object{{"court", "Invented District Court"},
                                                                           {"scheduled_at", "2026-10-01T09:00:00Z"},
                                                                           {"kind", "bail"}})
                  .status,
              201);

    ApiClient portal = Portal();
    const auto promises = portal.Get("/api/v1/portal/promises");
    ASSERT_EQ(promises.status, 200) << promises.raw.body;
    const auto& items = promises.obj().at("items").as_array();
    ASSERT_EQ(items.size(), 2u) << promises.raw.body;          // the team's own commitment is not a promise to them
    EXPECT_EQ(items[0].at("id").as_string(), open.Str("id"));  // open ones first
    EXPECT_EQ(items[0].at("what").as_string(), "Find a school place for the autumn.");
    EXPECT_EQ(items[0].at("status").as_string(), "open");
    EXPECT_EQ(items[0].at("owner_name").as_string(), "Test caseworker");
    EXPECT_EQ(items[1].at("status").as_string(), "kept");
    EXPECT_TRUE(items[1].at("kept_on_time").as_bool());
    EXPECT_EQ(promises.raw.body.find("An invented staff note."), std::string::npos);

    const auto hearings = portal.Get("/api/v1/portal/hearings");
    ASSERT_EQ(hearings.status, 200) << hearings.raw.body;
    const auto& court = hearings.obj().at("items").as_array();
    ASSERT_EQ(court.size(), 1u) << hearings.raw.body;  // the past one is not to come
    EXPECT_EQ(court[0].at("id").as_string(), hearing.Str("id"));
    EXPECT_EQ(court[0].at("kind").as_string(), "testimony");
    EXPECT_EQ(court[0].at("accommodations_requested").as_array(), (json::array{"screen", "support_person"}));
    EXPECT_EQ(court[0].at("accommodations_granted").as_array(), json::array{"screen"});
    EXPECT_EQ(hearings.raw.body.find("An invented staff note"), std::string::npos);

    // Another survivor's portal sees none of it.
    const auto [other, other_case] = world_->SurvivorWithCase("caseworker", "Quiet Birch", "Test Other Person");
    const auto code = world_->As("caseworker").Post("/api/v1/survivors/" + other + "/portal-invite");
    ASSERT_EQ(code.status, 201);
    const auto session = Activate(code.Str("code"), "birch");
    ASSERT_EQ(session.status, 200);
    ApiClient birch(*server_);
    birch.UseToken(session.Str("token"));
    EXPECT_EQ(birch.Get("/api/v1/portal/promises").obj().at("items").as_array().size(), 0u);
    EXPECT_EQ(birch.Get("/api/v1/portal/hearings").obj().at("items").as_array().size(), 0u);
    // Their reading is in the survivor's own access log, as done by them.
    const auto log = portal.Get("/api/v1/portal/access-log?limit=50");
    ASSERT_EQ(log.status, 200);
    EXPECT_NE(log.raw.body.find("You read the promises made to you"), std::string::npos) << log.raw.body;
}

TEST_F(PortalTest, TheSurvivorTakesACopyOfEverythingHeldAboutThemAndOnlyThem) {
    ApiClient portal = Portal();
    const auto copy = portal.Get("/api/v1/portal/export");
    ASSERT_EQ(copy.status, 200) << copy.ErrorCode();
    EXPECT_NE(copy.raw.Header("content-disposition").value_or("").find("attachment"), std::string::npos);
    const auto& sections = copy.obj().at("sections").as_object();
    for (const char* name : {"survivor", "cases", "consents", "statement", "commitments", "hearings", "access_log"}) {
        EXPECT_TRUE(sections.contains(name)) << name;
    }
    const auto& record = sections.at("survivor").at("records").at(0).as_object();
    EXPECT_EQ(record.at("id"), json::value(survivor_));
    EXPECT_TRUE(record.at("legal_name") == json::value("Test Portal Person"));  // theirs, readable

    // Another survivor's portal gets their own record, never this one.
    const auto [other, other_case] = world_->SurvivorWithCase("caseworker", "Still Wren", "Test Other Person");
    (void)other_case;
    const auto theirs = world_->PortalOf(other).Get("/api/v1/portal/export");
    ASSERT_EQ(theirs.status, 200) << theirs.ErrorCode();
    EXPECT_EQ(theirs.obj().at("sections").at("survivor").at("records").at(0).at("id"), json::value(other));
    // The staff route stays the case team's, even for the survivor's own id.
    EXPECT_EQ(portal.Get("/api/v1/survivors/" + survivor_ + "/export").ErrorCode(), "staff_only");

    // The copy is in the survivor's own access log, in plain words.
    const auto log = portal.Get("/api/v1/portal/access-log");
    ASSERT_EQ(log.status, 200);
    bool found = false;
    for (const auto& e : log.obj().at("items").as_array()) {
        if (e.at("action") == json::value("survivor.export")) found = true;
    }
    EXPECT_TRUE(found);
}

TEST_F(PortalTest, TheBrowserSessionIsOneCookieForThePortalAloneAndNothingIsStored) {
    const auto invite = Invite();
    const auto session = Activate(invite.Str("code"));
    ASSERT_EQ(session.status, 200);
    const auto cookie_header = session.raw.Header("set-cookie");
    ASSERT_TRUE(cookie_header.has_value());
    EXPECT_TRUE(cookie_header->starts_with("onestory_portal=" + session.Str("token") + ";")) << *cookie_header;
    EXPECT_NE(cookie_header->find("Path=/api/v1/portal;"), std::string::npos);
    EXPECT_NE(cookie_header->find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie_header->find("SameSite=Strict"), std::string::npos);
    EXPECT_EQ(session.raw.Header("cache-control"), std::optional<std::string>("no-store"));
    const std::string cookie = "onestory_portal=" + session.Str("token");

    ApiClient raw(*server_);
    const auto me = raw.Send("GET", "/api/v1/portal/me", "", {{"Cookie", cookie}}, false);
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.raw.Header("cache-control"), std::optional<std::string>("no-store"));
    EXPECT_FALSE(me.raw.Header("set-cookie").has_value());
    // The portal's cookie is not a session anywhere else, and the workspace's is not one here.
    EXPECT_EQ(raw.Send("GET", "/api/v1/cases", "", {{"Cookie", cookie}}, false).status, 401);
    const auto staff_login =
        raw.Send("POST", "/api/v1/login",
                 json::serialize(json::object{{"username", "caseworker"}, {"password", World::kPassword}}), {}, false);
    const std::string staff_cookie = "onestory_session=" + staff_login.Str("token");
    EXPECT_EQ(raw.Send("GET", "/api/v1/portal/me", "", {{"Cookie", staff_cookie}}, false).status, 401);

    // Writes need the CSRF token.
    const std::string body = R"({"comment":"x"})";
    const auto no_csrf = raw.Send("POST", "/api/v1/portal/passages/ps_none/comment", body, {{"Cookie", cookie}}, false);
    EXPECT_EQ(no_csrf.status, 403);
    EXPECT_EQ(no_csrf.ErrorCode(), "csrf_token_invalid");
    const auto with_csrf = raw.Send("POST", "/api/v1/portal/passages/ps_none/comment", body,
                                    {{"Cookie", cookie}, {"X-CSRF-Token", session.Str("csrf_token")}}, false);
    EXPECT_EQ(with_csrf.status, 404);

    // Signing out ends the session and clears the cookie.
    const auto out = raw.Send("POST", "/api/v1/portal/logout", "",
                              {{"Cookie", cookie}, {"X-CSRF-Token", session.Str("csrf_token")}}, false);
    EXPECT_EQ(out.status, 204);
    EXPECT_NE(out.raw.Header("set-cookie")->find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(raw.Send("GET", "/api/v1/portal/me", "", {{"Cookie", cookie}}, false).status, 401);
}

TEST(PortalConfigTest, QuickExitGoesWhereTheOperatorChose) {
    {
        ServerProcess server;
        ApiClient anonymous(server);
        const auto r = anonymous.Get("/api/v1/portal/config");
        ASSERT_EQ(r.status, 200);
        EXPECT_EQ(r.Str("exit_url"), "https://www.bbc.co.uk/weather");
        EXPECT_EQ(r.raw.Header("cache-control"), std::optional<std::string>("no-store"));
    }
    ServerProcess::Options options;
    options.settings_json = R"({"portal_exit_url": "https://weather.example.org/today"})";
    ServerProcess server(options);
    ApiClient anonymous(server);
    EXPECT_EQ(anonymous.Get("/api/v1/portal/config").Str("exit_url"), "https://weather.example.org/today");
}

}  // namespace
}  // namespace onestory::testing
