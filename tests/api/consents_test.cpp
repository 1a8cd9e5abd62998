// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Consents (grant, list with their state now, withdrawal), interview venues,
// and the survivor's interview preferences.
#include <gtest/gtest.h>

#include <map>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class ConsentsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Gentle Marten", "Test Consent Person");
    }
    json::object PoliceConsent() {
        return json::object{
            {"recipient_agency_id", world_->AgencyId("police")},
            {"purpose", "investigation"},
            {"scope",
             {{"topics", json::array{"recruitment", "exploitation"}}, {"categories", json::array{"identity"}}}},
            {"valid_until", "2027-06-01T00:00:00Z"},
            {"given_as", "written"},
            {"consent_text_version", "2026-01"},
            {"language", "sw"}};
    }
    std::string ConsentsPath() const { return "/api/v1/survivors/" + survivor_ + "/consents"; }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_;
};

TEST_F(ConsentsTest, TheCaseTeamRecordsAConsentThatIsActive) {
    const auto r = world_->As("caseworker").Post(ConsentsPath(), PoliceConsent());
    ASSERT_EQ(r.status, 201) << r.raw.body;
    EXPECT_TRUE(r.Str("id").starts_with("cn_"));
    EXPECT_EQ(r.Str("status"), "active");
    EXPECT_EQ(r.Str("purpose"), "investigation");
    EXPECT_EQ(r.Str("recipient_agency_id"), world_->AgencyId("police"));
    EXPECT_EQ(r.Str("valid_from"), "2026-11-26T09:00:00Z");
    EXPECT_EQ(r.obj().at("scope").at("topics").as_array().size(), 2u);
    EXPECT_EQ(r.Version(), 1);
    EXPECT_EQ(*r.raw.Header("location"), "/api/v1/consents/" + r.Str("id"));
    const auto list = world_->As("caseworker").Get(ConsentsPath());
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(list.obj().at("items").as_array()[0].at("status").as_string(), "active");
}

TEST_F(ConsentsTest, AConsentMustBeTimeLimitedAndWellFormed) {
    auto& cw = world_->As("caseworker");
    auto past = PoliceConsent();
    past["valid_until"] = "2026-11-26T08:59:59Z";
    EXPECT_EQ(cw.Post(ConsentsPath(), past).ErrorField(), "valid_until");
    auto missing = PoliceConsent();
    missing.erase("valid_until");
    const auto no_end = cw.Post(ConsentsPath(), missing);
    EXPECT_EQ(no_end.status, 400);
    EXPECT_EQ(no_end.ErrorField(), "valid_until");
    auto verbal = PoliceConsent();
    verbal["given_as"] = "verbal";
    EXPECT_EQ(cw.Post(ConsentsPath(), verbal).ErrorField(), "witnessed_by");
    auto guardian = PoliceConsent();
    guardian["given_as"] = "guardian";
    guardian["guardian"] = "the child's aunt";
    EXPECT_EQ(cw.Post(ConsentsPath(), guardian).ErrorField(), "child_assent");
    guardian["child_assent"] = true;
    EXPECT_EQ(cw.Post(ConsentsPath(), guardian).status, 201);
    auto empty = PoliceConsent();
    empty["scope"] = json::object{};
    EXPECT_EQ(cw.Post(ConsentsPath(), empty).ErrorField(), "scope");
    auto own = PoliceConsent();
    own["recipient_agency_id"] = world_->AgencyId("ngo");
    EXPECT_EQ(cw.Post(ConsentsPath(), own).ErrorField(), "recipient_agency_id");
    auto unknown = PoliceConsent();
    unknown["recipient_agency_id"] = "ag_nowhere";
    EXPECT_EQ(cw.Post(ConsentsPath(), unknown).ErrorCode(), "unknown_reference");
    auto bad_topic = PoliceConsent();
    bad_topic["scope"] = json::object{{"topics", json::array{"everything"}}};
    EXPECT_EQ(cw.Post(ConsentsPath(), bad_topic).ErrorField(), "scope.topics[0]");
    auto bad_purpose = PoliceConsent();
    bad_purpose["purpose"] = "curiosity";
    EXPECT_EQ(cw.Post(ConsentsPath(), bad_purpose).ErrorField(), "purpose");
    auto bad_language = PoliceConsent();
    bad_language["language"] = "xx";
    EXPECT_EQ(cw.Post(ConsentsPath(), bad_language).ErrorField(), "language");
}

TEST_F(ConsentsTest, OnlyTheOwnAgencysCaseTeamRecordsConsent) {
    EXPECT_EQ(world_->As("caseworker2").Post(ConsentsPath(), PoliceConsent()).ErrorCode(), "not_on_case_team");
    EXPECT_EQ(world_->As("supervisor").Post(ConsentsPath(), PoliceConsent()).ErrorCode(), "not_on_case_team");
    EXPECT_EQ(world_->As("investigator").Post(ConsentsPath(), PoliceConsent()).ErrorCode(), "other_agency");
    EXPECT_EQ(world_->Admin().Post(ConsentsPath(), PoliceConsent()).status, 403);
    EXPECT_EQ(world_->As("investigator").Get(ConsentsPath()).status, 403);
    EXPECT_EQ(world_->As("caseworker2").Get(ConsentsPath()).status, 403);
    EXPECT_EQ(world_->As("supervisor").Get(ConsentsPath()).status, 200);
}

TEST_F(ConsentsTest, StatesFollowTheClockAndWithdrawalTakesEffectAtOnce) {
    auto& cw = world_->As("caseworker");
    auto soon = PoliceConsent();
    soon["valid_until"] = "2026-11-26T09:20:00Z";
    const auto short_lived = cw.Post(ConsentsPath(), soon);
    ASSERT_EQ(short_lived.status, 201);
    const auto revocable = cw.Post(ConsentsPath(), PoliceConsent());
    ASSERT_EQ(revocable.status, 201);

    // Withdrawn by the agency's supervisor, who is not on the team: a withdrawal never waits.
    const auto revoked =
        world_->As("supervisor")
            .Post("/api/v1/consents/" + revocable.Str("id") + "/revoke", json::object{{"reason", "changed her mind"}});
    ASSERT_EQ(revoked.status, 200) << revoked.raw.body;
    EXPECT_EQ(revoked.Str("status"), "revoked");
    EXPECT_EQ(revoked.Str("revoked_by"), world_->StaffId("supervisor"));
    EXPECT_EQ(revoked.Version(), 2);
    const auto again = cw.Post("/api/v1/consents/" + revocable.Str("id") + "/revoke", json::object{});
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.ErrorCode(), "already_revoked");
    EXPECT_EQ(world_->As("investigator").Post("/api/v1/consents/" + short_lived.Str("id") + "/revoke").status, 403);
    EXPECT_EQ(cw.Post("/api/v1/consents/cn_nothing/revoke").status, 404);

    auto statuses = [&] {
        std::map<std::string, std::string> out;
        const auto list = cw.Get(ConsentsPath());
        EXPECT_EQ(list.status, 200) << list.raw.body;
        for (const auto& c : list.obj().at("items").as_array()) {
            out[std::string(c.at("id").as_string())] = std::string(c.at("status").as_string());
        }
        return out;
    };
    EXPECT_EQ(statuses()[short_lived.Str("id")], "active");
    EXPECT_EQ(statuses()[revocable.Str("id")], "revoked");
    // (Less than the idle timeout, so the sessions stay open.)
    ASSERT_EQ(world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", 1200}}).status, 200);
    EXPECT_EQ(statuses()[short_lived.Str("id")], "expired");
}

TEST_F(ConsentsTest, GrantsWithdrawalsAndReadsAreAudited) {
    auto& cw = world_->As("caseworker");
    auto verbal = PoliceConsent();
    verbal["given_as"] = "verbal";
    verbal["witnessed_by"] = "Test Witness Name";
    const auto c = cw.Post(ConsentsPath(), verbal);
    ASSERT_EQ(c.status, 201);
    EXPECT_EQ(c.Str("witnessed_by"), "Test Witness Name");
    cw.Get(ConsentsPath());
    cw.Post("/api/v1/consents/" + c.Str("id") + "/revoke");
    std::vector<std::string> actions;
    const auto audit = world_->Admin().Get("/api/v1/audit?survivor_id=" + survivor_);
    for (const auto& e : audit.obj().at("items").as_array()) {
        actions.emplace_back(e.at("action").as_string());
        EXPECT_EQ(json::serialize(e).find("Test Witness Name"), std::string::npos);
    }
    EXPECT_NE(std::find(actions.begin(), actions.end(), "consent.grant"), actions.end());
    EXPECT_NE(std::find(actions.begin(), actions.end(), "consent.list"), actions.end());
    EXPECT_NE(std::find(actions.begin(), actions.end(), "consent.revoke"), actions.end());
}

TEST_F(ConsentsTest, VenuesAreRegisteredWithTheirSafetyFeatures) {
    auto& admin = world_->Admin();
    const auto room =
        admin.Post("/api/v1/venues",
                   json::object{{"name", "Quiet room, ground floor"},
                                {"agency_id", world_->AgencyId("police")},
                                {"features", json::array{"one_way_room", "recording_equipment", "separate_entrance"}}});
    ASSERT_EQ(room.status, 201) << room.raw.body;
    EXPECT_EQ(room.obj().at("features").as_array().size(), 3u);
    EXPECT_EQ(*room.raw.Header("location"), "/api/v1/venues/" + room.Str("id"));
    // A supervisor registers their own agency's venues only.
    const auto own =
        world_->As("supervisor")
            .Post("/api/v1/venues", json::object{{"name", "Family room"},
                                                 {"agency_id", world_->AgencyId("ngo")},
                                                 {"features", json::array{"child_friendly", "private_waiting_room"}}});
    EXPECT_EQ(own.status, 201);
    const auto other = world_->As("supervisor")
                           .Post("/api/v1/venues", json::object{{"name", "Not ours"},
                                                                {"agency_id", world_->AgencyId("police")},
                                                                {"features", json::array{}}});
    EXPECT_EQ(other.ErrorCode(), "other_agency");
    EXPECT_EQ(
        world_->As("caseworker")
            .Post("/api/v1/venues",
                  json::object{{"name", "Mine"}, {"agency_id", world_->AgencyId("ngo")}, {"features", json::array{}}})
            .ErrorCode(),
        "role_not_permitted");
    EXPECT_EQ(admin
                  .Post("/api/v1/venues",
                        json::object{
                            {"name", "Bad"}, {"agency_id", world_->AgencyId("ngo")}, {"features", json::array{"moat"}}})
                  .ErrorField(),
              "features[0]");
    // Everyone looks venues up, across agencies.
    const auto all = world_->As("caseworker").Get("/api/v1/venues");
    EXPECT_EQ(all.obj().at("items").as_array().size(), 2u);
    const auto police_rooms = world_->As("caseworker").Get("/api/v1/venues?agency_id=" + world_->AgencyId("police"));
    EXPECT_EQ(police_rooms.obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/venues/" + room.Str("id")).Str("name"),
              "Quiet room, ground floor");
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/venues/vn_none").status, 404);
}

TEST_F(ConsentsTest, PreferencesArePatchedWithIfMatchAndShownOnTheRecord) {
    auto& cw = world_->As("caseworker");
    const std::string path = "/api/v1/survivors/" + survivor_;
    const json::object prefs{{"preferences",
                              {{"interviewer_gender", "female"},
                               {"interpreter_language", "sw"},
                               {"support_person", "her older sister"},
                               {"children", "cared_for"},
                               {"breaks", "a short break every 30 minutes"},
                               {"notes", "prefers mornings"}}}};
    EXPECT_EQ(cw.Patch(path, prefs, std::nullopt).status, 428);
    const auto first = cw.Patch(path, prefs, 1);
    ASSERT_EQ(first.status, 200) << first.raw.body;
    EXPECT_EQ(first.Version(), 2);
    EXPECT_EQ(*first.raw.Header("etag"), "\"2\"");
    EXPECT_EQ(first.obj().at("preferences").at("support_person").as_string(), "her older sister");
    EXPECT_FALSE(first.obj().contains("legal_name"));
    EXPECT_EQ(first.obj().at("interview_count").as_int64(), 0);
    EXPECT_EQ(cw.Patch(path, prefs, 1).ErrorCode(), "stale_version");

    // Merge-patch: only what is named changes; null clears.
    const auto second = cw.Patch(
        path, json::object{{"preferences", {{"notes", nullptr}, {"children", "none"}}}, {"gender", "female"}}, 2);
    ASSERT_EQ(second.status, 200) << second.raw.body;
    const auto read = cw.Get(path);
    ASSERT_EQ(read.status, 200);
    const auto& p = read.obj().at("preferences").as_object();
    EXPECT_EQ(p.at("interviewer_gender").as_string(), "female");
    EXPECT_EQ(p.at("children").as_string(), "none");
    EXPECT_TRUE(p.at("notes").is_null());
    EXPECT_EQ(p.at("breaks").as_string(), "a short break every 30 minutes");
    EXPECT_EQ(read.Str("gender"), "female");
    EXPECT_EQ(read.Str("legal_name"), "Test Consent Person");

    EXPECT_EQ(cw.Patch(path, json::object{{"preferences", {{"interpreter_language", "xx"}}}}, 3).ErrorField(),
              "preferences.interpreter_language");
    EXPECT_EQ(cw.Patch(path, json::object{{"preferences", {{"children", "sometimes"}}}}, 3).ErrorField(),
              "preferences.children");
    EXPECT_EQ(cw.Patch(path, json::object{{"preferences", {{"pets", "cat"}}}}, 3).ErrorField(), "preferences.pets");
    EXPECT_EQ(world_->As("investigator").Patch(path, prefs, 3).status, 403);
    const auto cleared = cw.Patch(path, json::object{{"preferences", nullptr}}, 3);
    ASSERT_EQ(cleared.status, 200);
    EXPECT_TRUE(cleared.obj().at("preferences").at("support_person").is_null());
}

TEST_F(ConsentsTest, IdentityChangesAreSealedAgainAndTheDuplicateIndexFollows) {
    auto& cw = world_->As("caseworker");
    const std::string path = "/api/v1/survivors/" + survivor_;
    const auto changed =
        cw.Patch(path, json::object{{"legal_name", "Test Renamed Person"}, {"birth_date", "1997-02-03"}}, 1);
    ASSERT_EQ(changed.status, 200) << changed.raw.body;
    EXPECT_EQ(cw.Get(path).Str("legal_name"), "Test Renamed Person");
    auto match = [&](const char* name, const char* birth) {
        return world_->As("investigator")
            .Post("/api/v1/survivors/match", json::object{{"legal_name", name}, {"birth_date", birth}})
            .obj()
            .at("matches")
            .as_array()
            .size();
    };
    EXPECT_EQ(match("Test Renamed Person", "1997-02-03"), 1u);
    EXPECT_EQ(match("Test Consent Person", "1998-04-12"), 0u);
    // The code name may never be the legal name.
    EXPECT_EQ(cw.Patch(path, json::object{{"code_name", "test renamed person"}}, 2).ErrorField(), "code_name");
}

}  // namespace
}  // namespace onestory::testing
