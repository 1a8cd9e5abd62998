// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory rotate-master-key on whichever store the installation uses: the
// API suite's second pass runs this on PostgreSQL (rotation_test.cpp, which
// reads the SQLite file itself, covers the rest on SQLite).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void WriteAll(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

TEST(RotationAnyStoreTest, AnInterruptedRotationIsUndoneAndARotationMovesEveryKey) {
    ServerProcess server;
    std::string survivor;
    {
        World world(server);
        survivor = world.SurvivorWithCase("caseworker", "Amber Heron", "Rotation Anystore").first;
    }
    ASSERT_EQ(server.Stop(), 0);
    const fs::path dir = server.data_dir();
    const std::string old_key = ReadAll(dir / "master.key");

    // Killed in the middle of re-wrapping: the transaction never committed,
    // so the next rotation undoes it and then rotates.
    const auto killed =
        RunOnestory({"rotate-master-key", "--data", dir.string()}, {"ONESTORY_TEST_CRASH_AT=during_rewrap"});
    ASSERT_EQ(killed.exit_code, 128 + 9) << killed.out << killed.err;
    const auto r = RunOnestory({"rotate-master-key", "--data", dir.string()});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("re-wrapped  1 survivor data keys"), std::string::npos) << r.out;
    EXPECT_EQ(ReadAll(dir / "master.key.old"), old_key);
    const std::string new_key = ReadAll(dir / "master.key");
    EXPECT_NE(new_key, old_key);
    EXPECT_FALSE(fs::exists(dir / "master.key.new"));

    // The store no longer opens with the old key ...
    WriteAll(dir / "master.key", old_key);
    const auto with_old = RunOnestory({"audit", "verify", "--data", dir.string()});
    EXPECT_NE(with_old.exit_code, 0) << with_old.out;
    WriteAll(dir / "master.key", new_key);

    // ... and everything opens with the new one.
    const auto verify = RunOnestory({"audit", "verify", "--data", dir.string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    server.Restart();
    ApiClient client(server);
    ASSERT_EQ(client.Login("caseworker", World::kPassword).status, 200);
    const auto read = client.Get("/api/v1/survivors/" + survivor);
    ASSERT_EQ(read.status, 200) << read.raw.body;
    EXPECT_EQ(read.Str("legal_name"), "Rotation Anystore");
}

}  // namespace
}  // namespace onestory::testing
