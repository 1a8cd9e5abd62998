// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory backup and restore: consistent while serving, encrypted, and
// refused whole when anything about the archive is wrong.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

const std::string kPassphrase = "a long backup passphrase";
const std::vector<std::string> kPassphraseEnv{"ONESTORY_BACKUP_PASSPHRASE=" + kPassphrase};

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void WriteAll(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

CommandResult Backup(const fs::path& data, const fs::path& out, const std::vector<std::string>& env = kPassphraseEnv) {
    return RunOnestory({"backup", "--data", data.string(), "--out", out.string()}, env);
}

CommandResult Restore(const fs::path& in, const fs::path& data, const fs::path& key,
                      const std::vector<std::string>& env = kPassphraseEnv) {
    return RunOnestory({"restore", "--in", in.string(), "--data", data.string(), "--key-file", key.string()}, env);
}

// Registers a survivor (code-named "Quiet Sparrow") with a case; returns the survivor's id.
std::string RegisterQuietSparrow(World& world, const std::vector<std::string>& identity) {
    auto& cw = world.As("caseworker");
    const auto s = cw.Post("/api/v1/survivors", json::object{{"code_name", "Quiet Sparrow"},
                                                             {"legal_name", identity[0]},
                                                             {"birth_date", identity[1]},
                                                             {"contact", identity[2]},
                                                             {"address", identity[3]}});
    EXPECT_EQ(s.status, 201) << s.raw.body;
    EXPECT_EQ(cw.Post("/api/v1/cases", json::object{{"survivor_id", s.Str("id")}, {"stage", "intake"}}).status, 201);
    return s.Str("id");
}

class BackupTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
    }
    fs::path Scratch() const { return scratch_.path(); }
    fs::path KeyFile() const { return server_->data_dir() / "master.key"; }
    // Requested by the NGO's supervisor, approved by a second one made here.
    ApiResult EraseWithTwoSupervisors(const std::string& survivor) {
        const auto second = world_->Admin().Post("/api/v1/staff", json::object{{"username", "supervisor2"},
                                                                               {"password", World::kPassword},
                                                                               {"display_name", "Second Supervisor"},
                                                                               {"agency_id", world_->AgencyId("ngo")},
                                                                               {"roles", json::array{"supervisor"}}});
        EXPECT_EQ(second.status, 201) << second.raw.body;
        const auto requested =
            world_->As("supervisor")
                .Post("/api/v1/survivors/" + survivor + "/erase", json::object{{"reason", "survivor_request"}});
        EXPECT_EQ(requested.status, 202) << requested.raw.body;
        return world_->As("supervisor2").Post("/api/v1/erasures/" + requested.Str("id") + "/approve");
    }

    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    TempDir scratch_;
};

TEST_F(BackupTest, ABackupMadeWhileServingRestoresAndVerifies) {
    const auto [survivor, kase] = world_->SurvivorWithCase("caseworker", "Amber Heron", "Backup Person One");
    // Writes keep arriving while the backup runs.
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        ApiClient client(*server_);
        client.Login("caseworker2", World::kPassword);
        while (!stop) {
            const auto r = client.Post(
                "/api/v1/survivors",
                json::object{{"code_name", "Load " + std::to_string(written)}, {"legal_name", "Load Person"}});
            if (r.status == 201) ++written;
        }
    });
    const auto archive = Scratch() / "onestory.backup";
    const auto made = Backup(server_->data_dir(), archive);
    stop = true;
    writer.join();
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_GT(written.load(), 0);
    EXPECT_NE(made.out.find("backup written"), std::string::npos) << made.out;
    // Plain lines of progress when stderr is not a terminal.
    EXPECT_NE(made.err.find("snapshot: 100%"), std::string::npos) << made.err;
    EXPECT_NE(made.err.find("encrypt: 100%"), std::string::npos) << made.err;

    // Encrypted: not even the plain columns (code names) are readable, and
    // the key file is not inside.
    const std::string bytes = ReadAll(archive);
    EXPECT_EQ(bytes.find("Amber Heron"), std::string::npos);
    EXPECT_EQ(bytes.find("SQLite format"), std::string::npos);
    const std::string key = ReadAll(KeyFile());
    EXPECT_EQ(bytes.find(key.substr(key.find('\n') + 1, 43)), std::string::npos);

    const auto restored_dir = Scratch() / "restored";
    const auto restored = Restore(archive, restored_dir, KeyFile());
    ASSERT_EQ(restored.exit_code, 0) << restored.err;
    EXPECT_NE(restored.out.find("audit chain intact"), std::string::npos) << restored.out;
    const auto verify = RunOnestory({"audit", "verify", "--data", restored_dir.string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_NE(verify.out.find("audit chain intact"), std::string::npos);

    // The restored installation serves the data; logins work again, but the
    // sessions of before do not come back.
    const std::string old_token = world_->As("caseworker").token();
    ASSERT_EQ(server_->Stop(), 0);
    ServerProcess::Options options;
    options.data_dir = restored_dir;
    ServerProcess again(options);
    ApiClient stale(again);
    stale.UseToken(old_token);
    EXPECT_EQ(stale.Get("/api/v1/me").status, 401);
    ApiClient caseworker(again);
    ASSERT_EQ(caseworker.Login("caseworker", World::kPassword).status, 200);
    const auto read = caseworker.Get("/api/v1/survivors/" + survivor);
    ASSERT_EQ(read.status, 200) << read.raw.body;
    EXPECT_EQ(read.Str("legal_name"), "Backup Person One");
    EXPECT_EQ(caseworker.Get("/api/v1/cases/" + kase).status, 200);
}

TEST_F(BackupTest, DamagedTruncatedAndForeignArchivesAreRefusedAndNothingIsLeftBehind) {
    world_->SurvivorWithCase("caseworker", "Steady Lark", "Backup Person Two");
    const auto archive = Scratch() / "good.backup";
    ASSERT_EQ(Backup(server_->data_dir(), archive).exit_code, 0);
    const std::string good = ReadAll(archive);
    ASSERT_GT(good.size(), 1000u);

    struct Bad {
        std::string name;
        std::string bytes;
        std::string message;
    };
    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x10);
    const std::vector<Bad> cases{
        {"flipped", flipped, "damaged"},
        {"truncated", good.substr(0, good.size() / 2), "truncated"},
        {"lost-its-end", good.substr(0, good.size() - 1), "truncated"},
        {"appended", good + "more", "after the final block"},
        {"database", ReadAll(server_->data_dir() / "onestory.db"), "not an onestory backup"},
        {"empty", "", "not an onestory backup"},
    };
    for (const auto& c : cases) {
        const auto path = Scratch() / (c.name + ".backup");
        WriteAll(path, c.bytes);
        const auto target = Scratch() / ("restored-" + c.name);
        const auto r = Restore(path, target, KeyFile());
        EXPECT_NE(r.exit_code, 0) << c.name;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << ": " << r.err;
        EXPECT_FALSE(fs::exists(target)) << c.name << " left a half-restored directory";
    }
    // Nothing but the archives is left in the scratch directory (no working directories).
    for (const auto& entry : fs::directory_iterator(Scratch())) {
        EXPECT_TRUE(entry.path().extension() == ".backup") << entry.path();
    }

    const auto wrong = Restore(archive, Scratch() / "wrong-passphrase", KeyFile(),
                               {"ONESTORY_BACKUP_PASSPHRASE=not the right passphrase"});
    EXPECT_NE(wrong.exit_code, 0);
    EXPECT_NE(wrong.err.find("passphrase is not the one"), std::string::npos) << wrong.err;
    EXPECT_FALSE(fs::exists(Scratch() / "wrong-passphrase"));
}

TEST_F(BackupTest, RestoreNeedsTheRightKeyFileAndANewDirectory) {
    const auto archive = Scratch() / "b.backup";
    ASSERT_EQ(Backup(server_->data_dir(), archive).exit_code, 0);

    // Another installation's key file: refused by fingerprint, with advice.
    const auto other = Scratch() / "other";
    ASSERT_EQ(RunOnestory({"init", "--data", other.string(), "--admin-username", "admin"},
                          {"ONESTORY_ADMIN_PASSWORD=another-password-1"})
                  .exit_code,
              0);
    const auto foreign = Restore(archive, Scratch() / "t1", other / "master.key");
    EXPECT_NE(foreign.exit_code, 0);
    EXPECT_NE(foreign.err.find("fingerprint"), std::string::npos) << foreign.err;
    EXPECT_FALSE(fs::exists(Scratch() / "t1"));

    // A target that holds anything is never written into.
    const auto busy = Scratch() / "busy";
    fs::create_directories(busy);
    WriteAll(busy / "notes.txt", "keep me");
    const auto refused = Restore(archive, busy, KeyFile());
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_NE(refused.err.find("not empty"), std::string::npos) << refused.err;
    EXPECT_EQ(ReadAll(busy / "notes.txt"), "keep me");
    EXPECT_FALSE(fs::exists(busy / "onestory.db"));

    // An existing installation is not empty either.
    EXPECT_NE(Restore(archive, server_->data_dir(), KeyFile()).exit_code, 0);

    // An empty directory is fine.
    const auto empty = Scratch() / "empty";
    fs::create_directories(empty);
    const auto ok = Restore(archive, empty, KeyFile());
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_TRUE(fs::exists(empty / "onestory.db"));
    EXPECT_TRUE(fs::exists(empty / "master.key"));
}

TEST_F(BackupTest, ThePassphraseIsNeverTheKeyFileAndNeverShort) {
    const auto key_as_passphrase =
        RunOnestory({"backup", "--data", server_->data_dir().string(), "--out", (Scratch() / "a.backup").string(),
                     "--passphrase-file", KeyFile().string()});
    EXPECT_NE(key_as_passphrase.exit_code, 0);
    EXPECT_NE(key_as_passphrase.err.find("master key file"), std::string::npos) << key_as_passphrase.err;
    const auto short_one = Backup(server_->data_dir(), Scratch() / "b.backup", {"ONESTORY_BACKUP_PASSPHRASE=short"});
    EXPECT_NE(short_one.exit_code, 0);
    EXPECT_NE(short_one.err.find("at least 12"), std::string::npos) << short_one.err;
    const auto none = Backup(server_->data_dir(), Scratch() / "c.backup", {});
    EXPECT_NE(none.exit_code, 0);
    EXPECT_NE(none.err.find("ONESTORY_BACKUP_PASSPHRASE"), std::string::npos) << none.err;
    // From a file, the first line only.
    WriteAll(Scratch() / "passphrase.txt", kPassphrase + "\nignored second line\n");
    const auto from_file =
        RunOnestory({"backup", "--data", server_->data_dir().string(), "--out", (Scratch() / "d.backup").string(),
                     "--passphrase-file", (Scratch() / "passphrase.txt").string()});
    ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
    EXPECT_EQ(Restore(Scratch() / "d.backup", Scratch() / "restored", KeyFile()).exit_code, 0);
    // A backup never overwrites a file.
    const auto again = Backup(server_->data_dir(), Scratch() / "d.backup");
    EXPECT_NE(again.exit_code, 0);
    EXPECT_NE(again.err.find("already exists"), std::string::npos);
    for (const auto& entry : fs::directory_iterator(server_->data_dir())) {
        EXPECT_EQ(entry.path().filename().string().find("backup-snapshot"), std::string::npos)
            << "a snapshot was left in the data directory";
    }
}

TEST_F(BackupTest, RestoringABackupFromBeforeAnErasureKeepsTheSurvivorErased) {
    const std::string erased =
        RegisterQuietSparrow(*world_, {"Baraka Restorecanary", "1990-01-01", "+254-1", "Road 1"});
    const std::string kept = RegisterQuietSparrow(*world_, {"Neema Keptperson", "1991-01-01", "+254-2", "Road 2"});
    const auto archive = Scratch() / "before.backup";
    const auto made =
        RunOnestory({"backup", "--data", server_->data_dir().string(), "--out", archive.string()}, kPassphraseEnv);
    ASSERT_EQ(made.exit_code, 0) << made.err;
    ASSERT_EQ(EraseWithTwoSupervisors(erased).status, 200);
    const auto key = server_->data_dir() / "master.key";

    // With the ledger beside the key file (the default), the erasure is re-applied.
    const auto restored = Scratch() / "restored";
    const auto r = RunOnestory(
        {"restore", "--in", archive.string(), "--data", restored.string(), "--key-file", key.string()}, kPassphraseEnv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("1 survivor(s) in the backup were erased again"), std::string::npos) << r.out;
    EXPECT_EQ(RunOnestory({"audit", "verify", "--data", restored.string()}).exit_code, 0);
    // Of the two survivors' rows (both code-named "Quiet Sparrow"), one is left.
    const std::string files = ReadAll(restored / "onestory.db") + ReadAll(restored / "onestory.db-wal");
    std::size_t rows = 0;
    for (auto at = files.find("Quiet Sparrow"); at != std::string::npos; at = files.find("Quiet Sparrow", at + 1)) {
        ++rows;
    }
    EXPECT_EQ(rows, 1u);

    // A ledger kept elsewhere is named explicitly; without any, restore refuses.
    const auto elsewhere = Scratch() / "ledger-copy";
    fs::copy_file(server_->data_dir() / "erasure.ledger", elsewhere);
    const auto key_copy = Scratch() / "keys" / "master.key";
    fs::create_directories(key_copy.parent_path());
    fs::copy_file(key, key_copy);
    const auto missing = RunOnestory({"restore", "--in", archive.string(), "--data", (Scratch() / "no-ledger").string(),
                                      "--key-file", key_copy.string()},
                                     kPassphraseEnv);
    EXPECT_NE(missing.exit_code, 0);
    EXPECT_NE(missing.err.find("--erasure-ledger"), std::string::npos) << missing.err;
    EXPECT_FALSE(fs::exists(Scratch() / "no-ledger"));
    const auto named = RunOnestory({"restore", "--in", archive.string(), "--data", (Scratch() / "named").string(),
                                    "--key-file", key_copy.string(), "--erasure-ledger", elsewhere.string()},
                                   kPassphraseEnv);
    EXPECT_EQ(named.exit_code, 0) << named.err;
    // A ledger that was edited is refused, and nothing is restored.
    std::string text = ReadAll(elsewhere);
    text.replace(text.find(erased), erased.size(), kept);
    std::ofstream(Scratch() / "edited-ledger", std::ios::binary) << text;
    const auto edited =
        RunOnestory({"restore", "--in", archive.string(), "--data", (Scratch() / "edited").string(), "--key-file",
                     key.string(), "--erasure-ledger", (Scratch() / "edited-ledger").string()},
                    kPassphraseEnv);
    EXPECT_NE(edited.exit_code, 0);
    EXPECT_NE(edited.err.find("not intact"), std::string::npos) << edited.err;
    EXPECT_FALSE(fs::exists(Scratch() / "edited"));

    // The restored installation answers Gone for the erased survivor only.
    ASSERT_EQ(server_->Stop(), 0);
    ServerProcess::Options options;
    options.data_dir = restored;
    ServerProcess again(options);
    ApiClient supervisor(again);
    ASSERT_EQ(supervisor.Login("supervisor", World::kPassword).status, 200);
    EXPECT_EQ(supervisor.Get("/api/v1/survivors/" + erased).status, 410);
    const auto still = supervisor.Get("/api/v1/survivors/" + kept);
    ASSERT_EQ(still.status, 200);
    EXPECT_EQ(still.Str("legal_name"), "Neema Keptperson");

    // Without the ledger the erased survivor would come back: that is why it is kept.
    const auto careless = RunOnestory({"restore", "--in", archive.string(), "--data", (Scratch() / "careless").string(),
                                       "--key-file", key.string(), "--no-erasure-ledger"},
                                      kPassphraseEnv);
    ASSERT_EQ(careless.exit_code, 0) << careless.err;
    EXPECT_NE(ReadAll(Scratch() / "careless" / "onestory.db").find(erased), std::string::npos);
}

}  // namespace
}  // namespace onestory::testing
