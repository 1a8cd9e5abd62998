// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory rotate-master-key: everything re-wrapped at once, and a rotation
// killed at any point is finished or undone by whatever starts next.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> WrappedKeys(const fs::path& db) {
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    std::vector<std::string> out;
    for (const char* sql :
         {"SELECT data_key FROM survivors ORDER BY id", "SELECT wrapped FROM system_keys ORDER BY name"}) {
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            out.emplace_back(static_cast<const char*>(sqlite3_column_blob(stmt, 0)),
                             static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0)));
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(handle);
    return out;
}

class RotationTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        // One installation with data, copied for each test.
        source_ = new ServerProcess();
        World world(*source_);
        const auto made = world.SurvivorWithCase("caseworker", "Silver Finch", "Rotation Testperson");
        survivor_ = new std::string(made.first);
        ASSERT_EQ(source_->Stop(), 0);
    }
    static void TearDownTestSuite() {
        delete survivor_;
        delete source_;
    }

    fs::path CopyOfInstallation(const std::string& name) {
        const auto dir = scratch_.path() / name;
        fs::copy(source_->data_dir(), dir, fs::copy_options::recursive);
        return dir;
    }

    // Serves `dir` and reads the survivor's identity, which needs every key.
    void ExpectReadable(const fs::path& dir) {
        ServerProcess::Options options;
        options.data_dir = dir;
        ServerProcess server(options);
        ApiClient client(server);
        ASSERT_EQ(client.Login("caseworker", World::kPassword).status, 200);
        const auto read = client.Get("/api/v1/survivors/" + *survivor_);
        ASSERT_EQ(read.status, 200) << read.raw.body;
        EXPECT_EQ(read.Str("legal_name"), "Rotation Testperson");
        ASSERT_EQ(server.Stop(), 0);
        const auto verify = RunOnestory({"audit", "verify", "--data", dir.string()});
        EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    }

    static ServerProcess* source_;
    static std::string* survivor_;
    TempDir scratch_;
};
ServerProcess* RotationTest::source_ = nullptr;
std::string* RotationTest::survivor_ = nullptr;

TEST_F(RotationTest, EveryWrappedKeyMovesToTheNewKeyAndTheOldOneIsKept) {
    const auto dir = CopyOfInstallation("rotated");
    const std::string old_key = ReadAll(dir / "master.key");
    const auto before = WrappedKeys(dir / "onestory.db");
    ASSERT_GE(before.size(), 3u);  // a survivor's data key and the installation keys

    const auto r = RunOnestory({"rotate-master-key", "--data", dir.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("re-wrapped  1 survivor data keys"), std::string::npos) << r.out;
    EXPECT_EQ(ReadAll(dir / "master.key.old"), old_key);
    EXPECT_NE(ReadAll(dir / "master.key"), old_key);
    EXPECT_FALSE(fs::exists(dir / "master.key.new"));
    const auto after = WrappedKeys(dir / "onestory.db");
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) EXPECT_NE(before[i], after[i]) << i;
    // The old wrappings are not left in the database or its log either.
    const std::string files = ReadAll(dir / "onestory.db") + ReadAll(dir / "onestory.db-wal");
    for (const auto& wrapped : before) EXPECT_EQ(files.find(wrapped), std::string::npos);
    ExpectReadable(dir);

    // The old key file must be dealt with before the next rotation.
    const auto again = RunOnestory({"rotate-master-key", "--data", dir.string()});
    EXPECT_NE(again.exit_code, 0);
    EXPECT_NE(again.err.find("master.key.old"), std::string::npos) << again.err;
    fs::remove(dir / "master.key.old");
    EXPECT_EQ(RunOnestory({"rotate-master-key", "--data", dir.string()}).exit_code, 0);
    ExpectReadable(dir);
}

TEST_F(RotationTest, RotationIsRefusedWhileTheServerRuns) {
    const auto dir = CopyOfInstallation("busy");
    ServerProcess::Options options;
    options.data_dir = dir;
    ServerProcess server(options);
    const std::string key = ReadAll(dir / "master.key");
    const auto r = RunOnestory({"rotate-master-key", "--data", dir.string()});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("stop it first"), std::string::npos) << r.err;
    EXPECT_EQ(ReadAll(dir / "master.key"), key);
    EXPECT_FALSE(fs::exists(dir / "master.key.new"));
}

// Killed (SIGKILL) at each point, the next start finishes or undoes the
// rotation, the data stay readable, and rotating again works.
TEST_F(RotationTest, ARotationKilledAtAnyPointIsRecovered) {
    struct Point {
        const char* name;
        bool committed;  // the new key is in use after recovery
    };
    for (const Point point : {Point{"after_new_key", false}, Point{"during_rewrap", false}, Point{"after_rewrap", true},
                              Point{"after_link", true}, Point{"after_rename", true}}) {
        SCOPED_TRACE(point.name);
        const auto dir = CopyOfInstallation(point.name);
        const std::string old_key = ReadAll(dir / "master.key");
        const auto killed = RunOnestory({"rotate-master-key", "--data", dir.string()},
                                        {std::string("ONESTORY_TEST_CRASH_AT=") + point.name});
        ASSERT_EQ(killed.exit_code, 128 + 9) << killed.out << killed.err;
        const std::string new_key =
            fs::exists(dir / "master.key.new") ? ReadAll(dir / "master.key.new") : ReadAll(dir / "master.key");

        // Whatever opens the directory next (here: serve) recovers.
        ExpectReadable(dir);
        EXPECT_FALSE(fs::exists(dir / "master.key.new"));
        if (point.committed) {
            EXPECT_EQ(ReadAll(dir / "master.key"), new_key);
            EXPECT_EQ(ReadAll(dir / "master.key.old"), old_key);
            fs::remove(dir / "master.key.old");
        } else {
            EXPECT_EQ(ReadAll(dir / "master.key"), old_key);
            EXPECT_FALSE(fs::exists(dir / "master.key.old"));
        }
        const auto again = RunOnestory({"rotate-master-key", "--data", dir.string()});
        ASSERT_EQ(again.exit_code, 0) << again.err;
        ExpectReadable(dir);
    }
}

TEST_F(RotationTest, RotatingAgainAfterACrashFinishesTheInterruptedRotation) {
    const auto dir = CopyOfInstallation("rerun");
    ASSERT_EQ(
        RunOnestory({"rotate-master-key", "--data", dir.string()}, {"ONESTORY_TEST_CRASH_AT=after_rewrap"}).exit_code,
        128 + 9);
    const std::string new_key = ReadAll(dir / "master.key.new");
    const auto r = RunOnestory({"rotate-master-key", "--data", dir.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("interrupted rotation was finished"), std::string::npos) << r.out;
    EXPECT_EQ(ReadAll(dir / "master.key"), new_key);
    ExpectReadable(dir);
}

}  // namespace
}  // namespace onestory::testing
