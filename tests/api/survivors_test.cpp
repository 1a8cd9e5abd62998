// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Registering survivors, audited reads of their identity, duplicate checks by
// blind index, and the promise that no protected value is stored in plaintext.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class SurvivorsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
    }
    ApiResult Register(const std::string& as, json::object body) {
        return world_->As(as).Post("/api/v1/survivors", body);
    }
    std::vector<json::value> AuditFor(const std::string& survivor_id) {
        const auto r = world_->Admin().Get("/api/v1/audit?limit=500&survivor_id=" + survivor_id);
        EXPECT_EQ(r.status, 200);
        const auto& items = r.obj().at("items").as_array();
        return {items.begin(), items.end()};
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
};

TEST_F(SurvivorsTest, RegisterAnswersCodeNameAndVersionButNoIdentity) {
    const auto r = Register("caseworker", {{"code_name", "Quiet Heron"},
                                           {"legal_name", "Wanjiru Test-Kamau"},
                                           {"birth_date", "2001-07-15"},
                                           {"gender", "female"},
                                           {"languages", json::array{"sw", "en"}},
                                           {"nationality", "KE"},
                                           {"contact", "+254 700 000 001"},
                                           {"address", "12 Example Lane"}});
    ASSERT_EQ(r.status, 201) << r.raw.body;
    EXPECT_TRUE(r.Str("id").starts_with("sv_"));
    EXPECT_EQ(r.Str("code_name"), "Quiet Heron");
    EXPECT_EQ(r.Version(), 1);
    EXPECT_EQ(r.Str("age_band"), "24-26");
    EXPECT_FALSE(r.obj().contains("legal_name"));
    EXPECT_EQ(*r.raw.Header("location"), "/api/v1/survivors/" + r.Str("id"));
    EXPECT_EQ(*r.raw.Header("etag"), "\"1\"");
}

TEST_F(SurvivorsTest, TheRegistrantReadsTheIdentityAndTheReadIsAudited) {
    const auto created = Register("caseworker", {{"code_name", "Bright Otter"},
                                                 {"legal_name", "Amina Testperson"},
                                                 {"birth_date", "1995-03-02"},
                                                 {"contact", "amina@example.invalid"}});
    const std::string id = created.Str("id");
    const auto read = world_->As("caseworker").Get("/api/v1/survivors/" + id + "?purpose=aftercare");
    ASSERT_EQ(read.status, 200) << read.raw.body;
    EXPECT_EQ(read.Str("legal_name"), "Amina Testperson");
    EXPECT_EQ(read.Str("birth_date"), "1995-03-02");
    EXPECT_EQ(read.Str("contact"), "amina@example.invalid");
    EXPECT_TRUE(read.obj().at("address").is_null());

    bool found = false;
    for (const auto& e : AuditFor(id)) {
        if (e.at("action").as_string() != "survivor.read") continue;
        found = true;
        EXPECT_EQ(e.at("actor_id").as_string(), world_->StaffId("caseworker"));
        EXPECT_EQ(e.at("purpose").as_string(), "aftercare");
        EXPECT_EQ(e.at("fields").as_array().size(), 3u);  // legal_name, birth_date, contact
    }
    EXPECT_TRUE(found);
}

TEST_F(SurvivorsTest, PolicyDecidesWhoReadsTheIdentity) {
    const auto [survivor, kase] = world_->SurvivorWithCase("caseworker", "Steady Wren", "Halima Testname");
    // Own agency, not on the team, not the registrant: refused with the reason.
    const auto other_caseworker = world_->As("caseworker2").Get("/api/v1/survivors/" + survivor);
    EXPECT_EQ(other_caseworker.status, 403);
    EXPECT_EQ(other_caseworker.ErrorCode(), "not_on_case_team");
    // The agency's supervisor reads it.
    EXPECT_EQ(world_->As("supervisor").Get("/api/v1/survivors/" + survivor).status, 200);
    // Another agency reads nothing.
    const auto police = world_->As("investigator").Get("/api/v1/survivors/" + survivor);
    EXPECT_EQ(police.status, 403);
    EXPECT_EQ(police.ErrorCode(), "other_agency");
    // Joining the team grants the read.
    ASSERT_EQ(world_->As("caseworker")
                  .Post("/api/v1/cases/" + kase + "/team",
                        json::object{{"staff_id", world_->StaffId("caseworker2")}, {"case_role", "caseworker"}})
                  .status,
              201);
    EXPECT_EQ(world_->As("caseworker2").Get("/api/v1/survivors/" + survivor).status, 200);
    // Every refusal is audited.
    int denials = 0;
    for (const auto& e : AuditFor(survivor)) denials += e.at("outcome").as_string() == "denied";
    EXPECT_EQ(denials, 2);
}

TEST_F(SurvivorsTest, ListsShowCodeNamesOnlyAndOnlyVisibleSurvivors) {
    world_->SurvivorWithCase("caseworker", "Golden Finch", "Person One Test");
    world_->SurvivorWithCase("caseworker2", "Silver Lynx", "Person Two Test");
    const auto mine = world_->As("caseworker").Get("/api/v1/survivors");
    ASSERT_EQ(mine.status, 200);
    const auto& items = mine.obj().at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].at("code_name").as_string(), "Golden Finch");
    EXPECT_FALSE(items[0].as_object().contains("legal_name"));
    EXPECT_EQ(world_->As("supervisor").Get("/api/v1/survivors").obj().at("items").as_array().size(), 2u);
    EXPECT_EQ(world_->As("supervisor").Get("/api/v1/survivors?code_name=lynx").obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/survivors").obj().at("items").as_array().size(), 0u);
    // Paging walks everything once.
    const auto page1 = world_->As("supervisor").Get("/api/v1/survivors?limit=1");
    ASSERT_FALSE(page1.obj().at("next_cursor").is_null());
    const auto page2 =
        world_->As("supervisor")
            .Get("/api/v1/survivors?limit=1&cursor=" + std::string(page1.obj().at("next_cursor").as_string()));
    EXPECT_EQ(page2.obj().at("items").as_array().size(), 1u);
    EXPECT_TRUE(page2.obj().at("next_cursor").is_null());
    EXPECT_NE(page1.obj().at("items").as_array()[0].at("id"), page2.obj().at("items").as_array()[0].at("id"));
}

TEST_F(SurvivorsTest, AnotherAgencyFindsADuplicateDespiteSpellingVariants) {
    const auto created =
        Register("caseworker",
                 {{"code_name", "Clear Robin"}, {"legal_name", "José María Núñez-Test"}, {"birth_date", "1990-12-01"}});
    ASSERT_EQ(created.status, 201);
    auto& police = world_->As("investigator");
    for (const char* variant : {"José María Núñez-Test", "  jose   maria NUNEZ-TEST ", "JOSE\tMARÍA núñez-test",
                                "Jose\xcc\x81 Mari\xcc\x81\x61 Nun\xcc\x83\x65z-Test"}) {
        const auto r =
            police.Post("/api/v1/survivors/match", json::object{{"legal_name", variant}, {"birth_date", "1990-12-01"}});
        ASSERT_EQ(r.status, 200) << r.raw.body;
        const auto& matches = r.obj().at("matches").as_array();
        ASSERT_EQ(matches.size(), 1u) << variant;
        EXPECT_EQ(matches[0].at("id").as_string(), created.Str("id"));
        EXPECT_EQ(matches[0].at("code_name").as_string(), "Clear Robin");
        EXPECT_FALSE(matches[0].as_object().contains("legal_name"));
    }
    const auto other_date = police.Post(
        "/api/v1/survivors/match", json::object{{"legal_name", "José María Núñez-Test"}, {"birth_date", "1990-12-02"}});
    EXPECT_EQ(other_date.obj().at("matches").as_array().size(), 0u);
    const auto other_name = police.Post(
        "/api/v1/survivors/match", json::object{{"legal_name", "Josefa Núñez-Test"}, {"birth_date", "1990-12-01"}});
    EXPECT_EQ(other_name.obj().at("matches").as_array().size(), 0u);
}

TEST_F(SurvivorsTest, CodeNameMustNotBeTheLegalName) {
    const auto r = Register("caseworker", {{"code_name", "Maria Test"}, {"legal_name", "maría  test"}});
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.ErrorField(), "code_name");
}

TEST_F(SurvivorsTest, NoProtectedValueIsStoredLoggedOrAuditedInPlaintext) {
    // Distinctive values, so a hit can only mean a leak.
    const std::vector<std::string> secrets{"Zawadi Plaintextcanary", "1987-06-05", "+254-799-CANARY-01",
                                           "Canary House, 77 Leak Street"};
    const auto created = Register("caseworker", {{"code_name", "Patient Cedar"},
                                                 {"legal_name", secrets[0]},
                                                 {"birth_date", secrets[1]},
                                                 {"contact", secrets[2]},
                                                 {"address", secrets[3]}});
    ASSERT_EQ(created.status, 201);
    const std::string id = created.Str("id");
    ASSERT_EQ(world_->As("caseworker").Get("/api/v1/survivors/" + id).status, 200);
    world_->As("investigator").Get("/api/v1/survivors/" + id);  // a refusal, audited
    world_->As("investigator")
        .Post("/api/v1/survivors/match", json::object{{"legal_name", secrets[0]}, {"birth_date", secrets[1]}});
    // A bad request carrying a protected value must not echo it back either.
    const auto bad = Register("caseworker",
                              {{"code_name", "Wild Plover"}, {"legal_name", secrets[0]}, {"birth_date", "1987-13-45"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.raw.body.find(secrets[0]), std::string::npos);

    const std::string audit = world_->Admin().Get("/api/v1/audit?limit=500").raw.body;
    const std::string log = server_->Log();
    ASSERT_EQ(server_->Stop(), 0);  // flush everything to disk first
    // The SQLite files (and whatever WAL remains), or a pg_dump of the database.
    const std::string files = server_->DumpStore();
    ASSERT_GT(files.size(), 10000u);
    for (const auto& secret : secrets) {
        EXPECT_EQ(files.find(secret), std::string::npos) << "database holds " << secret;
        EXPECT_EQ(audit.find(secret), std::string::npos) << "audit holds " << secret;
        EXPECT_EQ(log.find(secret), std::string::npos) << "log holds " << secret;
    }
    EXPECT_NE(files.find("Patient Cedar"), std::string::npos);  // the check itself can find text
}

TEST_F(SurvivorsTest, ThePlaintextCheckAlsoCoversTheWalWhileServing) {
    if (!server_->store_dsn().empty()) GTEST_SKIP() << "SQLite's write-ahead log only; see PostgresTest for pg_dump";
    const std::string secret = "Nyokabi Walcanary";
    ASSERT_EQ(Register("caseworker", {{"code_name", "Hidden Birch"}, {"legal_name", secret}}).status, 201);
    // The server is still running: the newest pages are in the WAL.
    const std::string wal = ReadAll(server_->data_dir() / "onestory.db-wal");
    EXPECT_NE(wal.find("Hidden Birch"), std::string::npos);
    EXPECT_EQ(wal.find(secret), std::string::npos);
}

}  // namespace
}  // namespace onestory::testing
