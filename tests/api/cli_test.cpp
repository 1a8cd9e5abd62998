// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The onestory command: init, serve's start-up checks, audit verify and demo.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

const std::vector<std::string> kPasswordEnv{"ONESTORY_ADMIN_PASSWORD=cli-test-password"};

CommandResult Init(const std::string& data) {
    return RunOnestory({"init", "--data", data, "--admin-username", "admin"}, kPasswordEnv);
}

TEST(CliTest, InitCreatesAPrivateKeyFileAndAWalDatabase) {
    TempDir dir;
    const auto data = dir.path() / "data";
    const auto r = Init(data.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    struct stat key {};
    ASSERT_EQ(::stat((data / "master.key").c_str(), &key), 0);
    EXPECT_EQ(key.st_mode & 0777, 0600u);
    struct stat dir_stat {};
    ASSERT_EQ(::stat(data.c_str(), &dir_stat), 0);
    EXPECT_EQ(dir_stat.st_mode & 0077, 0u);
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open((data / "onestory.db").c_str(), &handle), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(handle, "PRAGMA journal_mode", -1, &stmt, nullptr);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
    sqlite3_finalize(stmt);
    sqlite3_prepare_v2(handle, "SELECT MAX(version) FROM schema_migrations", -1, &stmt, nullptr);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_GE(sqlite3_column_int(stmt, 0), 1);
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
}

TEST(CliTest, InitRefusesAnExistingInstallation) {
    TempDir dir;
    const auto data = (dir.path() / "data").string();
    ASSERT_EQ(Init(data).exit_code, 0);
    std::ifstream before_in(dir.path() / "data" / "master.key");
    const std::string before((std::istreambuf_iterator<char>(before_in)), std::istreambuf_iterator<char>());
    const auto again = Init(data);
    EXPECT_NE(again.exit_code, 0);
    EXPECT_NE(again.err.find("already holds a onestory installation"), std::string::npos) << again.err;
    std::ifstream after_in(dir.path() / "data" / "master.key");
    const std::string after((std::istreambuf_iterator<char>(after_in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(before, after);
}

TEST(CliTest, InitNeedsAPasswordAndCleansUpWhenItFails) {
    TempDir dir;
    const auto data = dir.path() / "data";
    const auto no_password = RunOnestory({"init", "--data", data.string(), "--admin-username", "admin"});
    EXPECT_NE(no_password.exit_code, 0);
    EXPECT_NE(no_password.err.find("ONESTORY_ADMIN_PASSWORD"), std::string::npos);
    const auto weak =
        RunOnestory({"init", "--data", data.string(), "--admin-username", "admin"}, {"ONESTORY_ADMIN_PASSWORD=short"});
    EXPECT_NE(weak.exit_code, 0);
    EXPECT_NE(weak.err.find("password"), std::string::npos) << weak.err;
    EXPECT_FALSE(std::filesystem::exists(data / "master.key"));
    EXPECT_EQ(Init(data.string()).exit_code, 0);  // a retry works
    const auto password_file = dir.path() / "pw";
    std::ofstream(password_file) << "from-a-file-password\n";
    EXPECT_EQ(RunOnestory({"init", "--data", (dir.path() / "other").string(), "--admin-username", "root",
                           "--admin-password-file", password_file.string()})
                  .exit_code,
              0);
}

TEST(CliTest, ServeRefusesAMissingOrExposedKeyFile) {
    TempDir dir;
    const auto data = dir.path() / "data";
    ASSERT_EQ(Init(data.string()).exit_code, 0);
    ::chmod((data / "master.key").c_str(), 0644);
    const auto exposed = RunOnestory({"serve", "--data", data.string(), "--listen", "127.0.0.1:0"});
    EXPECT_NE(exposed.exit_code, 0);
    EXPECT_NE(exposed.err.find("readable by group or others"), std::string::npos) << exposed.err;
    ::chmod((data / "master.key").c_str(), 0600);
    std::filesystem::rename(data / "master.key", dir.path() / "elsewhere.key");
    const auto missing = RunOnestory({"serve", "--data", data.string(), "--listen", "127.0.0.1:0"});
    EXPECT_NE(missing.exit_code, 0);
    EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
    // Another installation's key does not open this database.
    const auto other = dir.path() / "other";
    ASSERT_EQ(Init(other.string()).exit_code, 0);
    std::filesystem::copy_file(other / "master.key", data / "master.key");
    const auto wrong = RunOnestory({"serve", "--data", data.string(), "--listen", "127.0.0.1:0"});
    EXPECT_NE(wrong.exit_code, 0);
    EXPECT_NE(wrong.err.find("does not open with this master key"), std::string::npos) << wrong.err;
}

class AuditVerifyTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        World world(*server_);
        world.SurvivorWithCase("caseworker", "Calm Heron", "Verify Test Person");
        ASSERT_EQ(server_->Stop(), 0);
    }
    CommandResult Verify() { return RunOnestory({"audit", "verify", "--data", server_->data_dir().string()}); }
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(AuditVerifyTest, AnIntactChainVerifies) {
    const auto r = Verify();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("audit chain intact"), std::string::npos);
    EXPECT_NE(r.out.find("events"), std::string::npos);
}

TEST_F(AuditVerifyTest, AnAlteredEventIsNamed) {
    server_->ExecSql("UPDATE audit_events SET actor_id = 'st_someone_else' WHERE seq = 7");
    const auto r = Verify();
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.out.find("broken at event 7"), std::string::npos) << r.out;
}

TEST_F(AuditVerifyTest, ADeletedEventIsNamed) {
    server_->ExecSql("DELETE FROM audit_events WHERE seq = 5");
    const auto r = Verify();
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.out.find("broken at event 5"), std::string::npos) << r.out;
}

TEST_F(AuditVerifyTest, ReorderedEventsAreNamed) {
    server_->ExecSql(
        "UPDATE audit_events SET seq = -1 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = 4; "
        "UPDATE audit_events SET seq = 4 WHERE seq = -1");
    const auto r = Verify();
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.out.find("broken at event 3"), std::string::npos) << r.out;
}

TEST(CliTest, DemoGeneratesEveryAgencyKindRoleAndStage) {
    TempDir dir;
    const auto data = dir.path() / "demo";
    const auto r = RunOnestory({"demo", "--data", data.string(), "--generate-only"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* login : {"admin", "supervisor", "caseworker", "counsellor", "investigator", "prosecutor",
                              "clinician", "demo-password-1"}) {
        EXPECT_NE(r.out.find(login), std::string::npos) << login;
    }
    const auto serve_dir = data;
    std::vector<std::string> kinds, stages;
    {
        sqlite3* handle = nullptr;
        ASSERT_EQ(sqlite3_open((serve_dir / "onestory.db").c_str(), &handle), SQLITE_OK);
        auto column = [&](const char* sql) {
            std::vector<std::string> out;
            sqlite3_stmt* stmt = nullptr;
            sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr);
            while (sqlite3_step(stmt) == SQLITE_ROW)
                out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
            sqlite3_finalize(stmt);
            return out;
        };
        kinds = column("SELECT DISTINCT kind FROM agencies");
        stages = column("SELECT DISTINCT stage FROM cases");
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM survivors").at(0)), 40);
        EXPECT_GE(column("SELECT DISTINCT roles FROM staff").size(), 9u);
        // The tell-once stories: consents (one withdrawn), statements reviewed and corrected, disclosures read.
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM consents").at(0)), 3);
        EXPECT_EQ(std::stoi(column("SELECT COUNT(*) FROM consents WHERE revoked_at IS NOT NULL").at(0)), 1);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM passages WHERE review_status = 'corrected'").at(0)), 1);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM passage_comments").at(0)), 2);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM disclosures").at(0)), 2);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM audit_events WHERE action = 'disclosure.read'").at(0)), 2);
        EXPECT_EQ(std::stoi(column("SELECT COUNT(*) FROM alerts WHERE kind = 'break_glass'").at(0)), 1);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM venues").at(0)), 2);
        // Evidence of impact: trainings with participants, weeks of exposure and private check-ins.
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM training_courses").at(0)), 2);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM training_participants").at(0)), 10);
        EXPECT_GE(std::stoi(column("SELECT COUNT(DISTINCT profession) FROM training_participants").at(0)), 5);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM staff_exposures").at(0)), 10);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM staff_checkins").at(0)), 5);
        EXPECT_GE(std::stoi(column("SELECT COUNT(*) FROM trafficking_events").at(0)), 5);
        sqlite3_close(handle);
    }
    EXPECT_EQ(kinds.size(), 8u);
    EXPECT_EQ(stages.size(), 6u);
    const auto verify = RunOnestory({"audit", "verify", "--data", data.string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

}  // namespace
}  // namespace onestory::testing
