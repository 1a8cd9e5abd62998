// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory on PostgreSQL: init and serve with --store, start-up errors, two
// servers on one database, what a pg_dump holds, a server restart under
// load, and migrate-store. Runs when ONESTORY_TEST_POSTGRES_DSN names a
// server whose user may create databases (make test starts one).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "store/postgres/postgres_dsn.hpp"
#include "store/postgres/postgres_test_database.hpp"
#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

#define ONESTORY_NEED_POSTGRES()                                                     \
    if (store::TestPostgresDsn().empty()) {                                          \
        GTEST_SKIP() << "set ONESTORY_TEST_POSTGRES_DSN to run (make test does so)"; \
    }

// World logs in as the administrator ServerProcess makes by default.
const std::vector<std::string> kPasswordEnv{"ONESTORY_ADMIN_PASSWORD=admin-password-123"};

std::unique_ptr<store::TestDatabase> FreshDatabase() {
    auto db = store::TestDatabase::Create(store::TestPostgresDsn());
    if (!db.ok()) throw std::runtime_error("cannot create a database: " + db.status().ToString());
    return std::move(db).value();
}

CommandResult Init(const std::filesystem::path& data, const std::string& dsn) {
    return RunOnestory({"init", "--data", data.string(), "--admin-username", "admin", "--store", dsn}, kPasswordEnv);
}

std::int64_t Count(const std::string& dsn, const std::string& sql) {
    auto rows = store::QueryTestDatabase(dsn, sql);
    if (!rows.ok()) throw std::runtime_error(rows.status().ToString());
    return rows->at(0).at(0).AsInt();
}

ServerProcess::Options OnPostgres() {
    ServerProcess::Options o;
    o.store_admin_dsn = store::TestPostgresDsn();
    return o;
}

TEST(PostgresTest, InitWithAStoreLeavesOnlyTheKeyAndTheSettingsInTheDataDirectory) {
    ONESTORY_NEED_POSTGRES();
    auto db = FreshDatabase();
    TempDir dir;
    const auto data = dir.path() / "data";
    const auto r = Init(data, db->dsn());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("(PostgreSQL)"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(db->dsn()), std::string::npos) << "init printed the password-bearing DSN";
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(data)) files.insert(entry.path().filename());
    // The lock every onestory process takes, and the erasure ledger, stay beside the key.
    EXPECT_EQ(files, (std::set<std::string>{"erasure.ledger", "master.key", "onestory.lock", "settings.json"}));
    struct stat st {};
    ASSERT_EQ(::stat((data / "settings.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(Count(db->dsn(), "SELECT COUNT(*) FROM staff"), 1);
    // The audit, blind-index and wellbeing keys, each wrapped by the master key.
    EXPECT_EQ(Count(db->dsn(), "SELECT COUNT(*) FROM system_keys"), 3);

    ServerProcess::Options serve;
    serve.data_dir = data;
    ServerProcess server(serve);
    World world(server);
    world.SurvivorWithCase("caseworker", "Still Pond", "Test Pg Person");
    EXPECT_EQ(Count(db->dsn(), "SELECT COUNT(*) FROM survivors"), 1);
    EXPECT_EQ(Count(db->dsn(), "SELECT COUNT(*) FROM cases"), 1);
    EXPECT_GT(Count(db->dsn(), "SELECT COUNT(*) FROM audit_events"), 10);
    EXPECT_FALSE(std::filesystem::exists(data / "onestory.db"));
}

TEST(PostgresTest, InitRefusesADatabaseAnotherInstallationUses) {
    ONESTORY_NEED_POSTGRES();
    auto db = FreshDatabase();
    TempDir dir;
    ASSERT_EQ(Init(dir.path() / "first", db->dsn()).exit_code, 0);
    const auto second = Init(dir.path() / "second", db->dsn());
    EXPECT_NE(second.exit_code, 0);
    EXPECT_NE(second.err.find("already holds a onestory installation"), std::string::npos) << second.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "second" / "master.key"));
    EXPECT_EQ(Count(db->dsn(), "SELECT COUNT(*) FROM staff"), 1);
}

TEST(PostgresTest, StartUpErrorsNameTheServerAndNeverThePassword) {
    ONESTORY_NEED_POSTGRES();
    auto db = FreshDatabase();
    TempDir dir;
    const auto data = dir.path() / "data";
    ASSERT_EQ(Init(data, db->dsn()).exit_code, 0);
    auto serve_with = [&](const std::string& dsn) {
        std::ofstream(data / "settings.json") << json::serialize(json::object{{"store", dsn}});
        std::filesystem::permissions(data / "settings.json",
                                     std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        return RunOnestory({"serve", "--data", data.string(), "--listen", "127.0.0.1:0"});
    };
    const auto wrong_password = serve_with(*store::DsnWith(db->dsn(), {{"password", "Wr0ng-Passw0rd"}}));
    EXPECT_NE(wrong_password.exit_code, 0);
    EXPECT_NE(wrong_password.err.find("password authentication failed"), std::string::npos) << wrong_password.err;
    EXPECT_EQ(wrong_password.err.find("Wr0ng-Passw0rd"), std::string::npos) << wrong_password.err;

    const auto unreachable = serve_with("postgresql://onestory:Secret-Unshown@127.0.0.1:1/onestory?connect_timeout=5");
    EXPECT_NE(unreachable.exit_code, 0);
    EXPECT_NE(
        unreachable.err.find("cannot connect to the PostgreSQL server postgresql://onestory@127.0.0.1:1/onestory"),
        std::string::npos)
        << unreachable.err;
    EXPECT_EQ(unreachable.err.find("Secret-Unshown"), std::string::npos) << unreachable.err;

    // A settings file with the password in it must be private.
    std::ofstream(data / "settings.json") << json::serialize(json::object{{"store", db->dsn()}});
    std::filesystem::permissions(data / "settings.json", std::filesystem::perms::owner_read |
                                                             std::filesystem::perms::owner_write |
                                                             std::filesystem::perms::group_read);
    const auto readable = RunOnestory({"serve", "--data", data.string(), "--listen", "127.0.0.1:0"});
    EXPECT_NE(readable.exit_code, 0);
    EXPECT_NE(readable.err.find("chmod 600"), std::string::npos) << readable.err;

    // And init cleans up after a server it cannot reach.
    const auto init = Init(dir.path() / "other", "postgresql://onestory@127.0.0.1:1/onestory?connect_timeout=5");
    EXPECT_NE(init.exit_code, 0);
    EXPECT_NE(init.err.find("cannot connect"), std::string::npos) << init.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "other"));
}

TEST(PostgresTest, ThePasswordCanComeFromTheEnvironmentOrAPgpassFile) {
    ONESTORY_NEED_POSTGRES();
    auto db = FreshDatabase();
    const auto parameters = store::DsnParameters(db->dsn());
    ASSERT_TRUE(parameters.ok());
    if (!parameters->contains("password")) GTEST_SKIP() << "the test server's DSN has no password to move";
    const std::string password = parameters->at("password");
    const std::string without = *store::DsnWith(db->dsn(), {{"password", ""}});
    ASSERT_FALSE(store::DsnHasPassword(without));

    TempDir dir;
    const auto data = dir.path() / "data";
    auto env = kPasswordEnv;
    env.push_back("PGPASSWORD=" + password);
    const auto init =
        RunOnestory({"init", "--data", data.string(), "--admin-username", "admin", "--store", without}, env);
    ASSERT_EQ(init.exit_code, 0) << init.err;
    std::ifstream settings_in(data / "settings.json");
    const std::string settings((std::istreambuf_iterator<char>(settings_in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(settings.find(password), std::string::npos) << "the password was written to settings.json";

    // Without a password from anywhere, the server says so at start-up.
    const auto none = RunOnestory({"audit", "verify", "--data", data.string()}, {"PGPASSFILE=/nonexistent"});
    EXPECT_NE(none.exit_code, 0);
    EXPECT_NE(none.err.find("cannot connect to the PostgreSQL server"), std::string::npos) << none.err;

    // ~/.pgpass, or the file PGPASSFILE names, private to its owner.
    const auto pgpass = dir.path() / "pgpass";
    std::ofstream(pgpass) << "*:*:*:*:" << password << "\n";
    std::filesystem::permissions(pgpass, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    const auto with_file = RunOnestory({"audit", "verify", "--data", data.string()}, {"PGPASSFILE=" + pgpass.string()});
    EXPECT_EQ(with_file.exit_code, 0) << with_file.err;
    const auto with_env = RunOnestory({"audit", "verify", "--data", data.string()}, {"PGPASSWORD=" + password});
    EXPECT_EQ(with_env.exit_code, 0) << with_env.err;
}

// Two `onestory serve` processes on one database, each taking half of many
// concurrent registrations and contended case updates.
TEST(PostgresTest, TwoServersOnOneDatabaseLoseNoUpdateAndKeepTheAuditChain) {
    ONESTORY_NEED_POSTGRES();
    ServerProcess a(OnPostgres());
    ServerProcess::Options second;
    second.data_dir = a.data_dir();
    ServerProcess b(second);
    ASSERT_EQ(a.store_dsn(), b.store_dsn());
    World world(a);
    const auto [survivor, kase] = world.SurvivorWithCase("caseworker", "Shared Reed", "Test Shared Person");
    const std::string token = world.As("caseworker").token();

    constexpr int kThreads = 8;
    constexpr int kPerThread = 12;
    std::atomic<int> registered{0}, updated{0}, stale{0}, failed{0};
    std::mutex mu;
    std::vector<std::string> errors;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            ApiClient client(t % 2 == 0 ? a : b);
            client.UseToken(token);
            const char* stages[] = {"investigation", "prosecution", "aftercare"};
            for (int i = 0; i < kPerThread; ++i) {
                const auto r =
                    client.Post("/api/v1/survivors",
                                json::object{{"code_name", "Twin " + std::to_string(t) + "-" + std::to_string(i)},
                                             {"legal_name", "Test Twin Person " + std::to_string(t * 100 + i)}});
                if (r.status == 201) {
                    ++registered;
                } else {
                    ++failed;
                    std::lock_guard lock(mu);
                    errors.push_back(r.raw.body);
                }
                const auto current = client.Get("/api/v1/cases/" + kase);
                const auto patched = client.Patch("/api/v1/cases/" + kase, json::object{{"stage", stages[(t + i) % 3]}},
                                                  current.Version());
                if (patched.status == 200) {
                    ++updated;
                } else if (patched.status == 409 && patched.ErrorCode() == "stale_version") {
                    ++stale;
                } else {
                    ++failed;
                    std::lock_guard lock(mu);
                    errors.push_back(patched.raw.body);
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failed.load(), 0) << (errors.empty() ? "" : errors.front());
    EXPECT_EQ(registered.load(), kThreads * kPerThread);
    EXPECT_EQ(updated + stale, kThreads * kPerThread);
    EXPECT_GT(updated.load(), 0);

    // Every acknowledged update is one version step, seen from both servers.
    for (ServerProcess* server : {&a, &b}) {
        ApiClient reader(*server);
        reader.UseToken(token);
        EXPECT_EQ(reader.Get("/api/v1/cases/" + kase).Version(), 1 + updated.load());
    }
    const std::string& dsn = a.store_dsn();
    EXPECT_EQ(Count(dsn, "SELECT COUNT(*) FROM survivors"), 1 + kThreads * kPerThread);
    EXPECT_EQ(Count(dsn, "SELECT COUNT(*) FROM audit_events WHERE action = 'case.update' AND outcome = 'success'"),
              updated.load());
    EXPECT_EQ(Count(dsn, "SELECT COUNT(*) FROM audit_events"), Count(dsn, "SELECT MAX(seq) FROM audit_events"));
    ASSERT_EQ(b.Stop(), 0);
    ASSERT_EQ(a.Stop(), 0);
    const auto verify = RunOnestory({"audit", "verify", "--data", a.data_dir().string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_NE(verify.out.find("audit chain intact"), std::string::npos) << verify.out;
}

TEST(PostgresTest, APgDumpHoldsNoProtectedValue) {
    ONESTORY_NEED_POSTGRES();
    ServerProcess server(OnPostgres());
    World world(server);
    const std::vector<std::string> canaries{"Baraka Pgdumpcanary", "1979-02-28", "+254-711-PGCANARY",
                                            "Canary Court, 9 Dump Road"};
    const auto created = world.As("caseworker")
                             .Post("/api/v1/survivors", json::object{{"code_name", "Dusk Egret"},
                                                                     {"legal_name", canaries[0]},
                                                                     {"birth_date", canaries[1]},
                                                                     {"contact", canaries[2]},
                                                                     {"address", canaries[3]}});
    ASSERT_EQ(created.status, 201) << created.raw.body;
    ASSERT_EQ(world.As("caseworker").Get("/api/v1/survivors/" + created.Str("id")).status, 200);
    world.As("investigator")
        .Post("/api/v1/survivors/match", json::object{{"legal_name", canaries[0]}, {"birth_date", canaries[1]}});
    const std::string dump = server.DumpStore();
    ASSERT_NE(dump.find("COPY public.survivors"), std::string::npos) << "not a pg_dump of the database";
    EXPECT_NE(dump.find("Dusk Egret"), std::string::npos);  // the check can see plain text
    for (const auto& canary : canaries) EXPECT_EQ(dump.find(canary), std::string::npos) << canary;
    const std::string log = server.Log();
    for (const auto& canary : canaries) EXPECT_EQ(log.find(canary), std::string::npos) << canary;
}

// The PostgreSQL server restarts (immediately, as after a crash) while
// onestory serves and writes: every write it acknowledged is still there,
// and it carries on without being restarted itself.
TEST(PostgresTest, AServerRestartLosesNoAcknowledgedWriteAndServingResumes) {
    const char* script = std::getenv("ONESTORY_TEST_PG_CLUSTER_SCRIPT");
    if (script == nullptr || *script == '\0') {
        GTEST_SKIP() << "set ONESTORY_TEST_PG_CLUSTER_SCRIPT to run (make test does so)";
    }
    // A cluster of its own, so that restarting it disturbs no other test, in
    // a directory the cluster's unprivileged owner can reach.
    std::string pattern = (std::filesystem::temp_directory_path() / "onestory-pg-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const std::filesystem::path cluster = pattern;
    const auto started = RunProgram(script, {"start", cluster.string()});
    ASSERT_EQ(started.exit_code, 0) << started.err;
    struct StopCluster {
        std::string script, dir;
        ~StopCluster() { RunProgram(script, {"stop", dir}); }
    } stop_cluster{script, cluster.string()};
    std::string admin_dsn = started.out;
    while (!admin_dsn.empty() && (admin_dsn.back() == '\n' || admin_dsn.back() == '\r')) admin_dsn.pop_back();

    ServerProcess::Options options;
    options.store_admin_dsn = admin_dsn;
    ServerProcess server(options);
    World world(server);
    const std::string token = world.As("caseworker").token();

    std::mutex mu;
    std::vector<std::string> acknowledged;
    std::atomic<bool> stop{false};
    std::atomic<int> unavailable{0}, other_failures{0};
    std::vector<std::thread> writers;
    for (int t = 0; t < 3; ++t) {
        writers.emplace_back([&, t] {
            ApiClient client(server);
            client.UseToken(token);
            for (int i = 0; !stop; ++i) {
                const auto r =
                    client.Post("/api/v1/survivors",
                                json::object{{"code_name", "Restart " + std::to_string(t) + "-" + std::to_string(i)},
                                             {"legal_name", "Test Restart Person"}});
                if (r.status == 201) {
                    std::lock_guard lock(mu);
                    acknowledged.push_back(r.Str("id"));
                } else if (r.status == 503) {
                    ++unavailable;
                } else {
                    ++other_failures;
                }
            }
        });
    }
    auto acknowledged_count = [&] {
        std::lock_guard lock(mu);
        return acknowledged.size();
    };
    while (acknowledged_count() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto restarted = RunProgram(script, {"restart", cluster.string(), "immediate"});
    ASSERT_EQ(restarted.exit_code, 0) << restarted.err;
    const std::size_t at_restart = acknowledged_count();
    // Writes resume on their own.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (acknowledged_count() < at_restart + 20 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop = true;
    for (auto& w : writers) w.join();
    EXPECT_GE(acknowledged.size(), at_restart + 20) << "writes did not resume after the restart";
    EXPECT_EQ(other_failures.load(), 0);

    // A request right after a second restart reconnects transparently.
    ASSERT_EQ(RunProgram(script, {"restart", cluster.string(), "fast"}).exit_code, 0);
    ApiClient reader(server);
    reader.UseToken(token);
    const auto first = reader.Get("/api/v1/survivors?limit=500");
    EXPECT_EQ(first.status, 200) << first.raw.body;

    std::set<std::string> stored;
    auto rows = store::QueryTestDatabase(server.store_dsn(), "SELECT id FROM survivors");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    for (const auto& r : *rows) stored.insert(r[0].AsText());
    for (const auto& id : acknowledged) EXPECT_TRUE(stored.contains(id)) << "acknowledged survivor " << id << " lost";
    ASSERT_EQ(server.Stop(), 0);
    const auto verify = RunOnestory({"audit", "verify", "--data", server.data_dir().string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST(PostgresTest, MigrateStoreCopiesASqliteInstallationAndSwitchesIt) {
    ONESTORY_NEED_POSTGRES();
    ServerProcess::Options on_sqlite;
    on_sqlite.store_admin_dsn.clear();
    auto source = std::make_unique<ServerProcess>(on_sqlite);
    std::string survivor;
    {
        World world(*source);
        for (int i = 0; i < 5; ++i) {
            survivor = world
                           .SurvivorWithCase("caseworker", "Moving Finch " + std::to_string(i),
                                             "Test Mover Person " + std::to_string(i))
                           .first;
        }
        ASSERT_EQ(world.As("caseworker").Get("/api/v1/survivors/" + survivor).status, 200);
    }
    ASSERT_EQ(source->Stop(), 0);
    const auto data = source->data_dir();
    const auto before = RunOnestory({"audit", "verify", "--data", data.string()});
    ASSERT_EQ(before.exit_code, 0) << before.err;

    // Into a database that is not empty: refused, nothing switched.
    auto taken = FreshDatabase();
    TempDir other;
    ASSERT_EQ(Init(other.path() / "data", taken->dsn()).exit_code, 0);
    const auto refused = RunOnestory({"migrate-store", "--data", data.string(), "--to", taken->dsn()});
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_NE(refused.err.find("not empty"), std::string::npos) << refused.err;
    EXPECT_EQ(std::ifstream(data / "settings.json").good(), false);

    auto db = FreshDatabase();
    const auto migrated = RunOnestory({"migrate-store", "--data", data.string(), "--to", db->dsn(), "--batch", "3"});
    ASSERT_EQ(migrated.exit_code, 0) << migrated.out << migrated.err;
    EXPECT_NE(migrated.out.find("copied survivors: 5 rows"), std::string::npos) << migrated.out;
    EXPECT_NE(migrated.out.find("audit chain intact"), std::string::npos) << migrated.out;
    EXPECT_EQ(migrated.out.find(db->dsn()), std::string::npos) << "the password-bearing DSN was printed";
    EXPECT_TRUE(std::filesystem::exists(data / "onestory.db")) << "the SQLite database is kept for a roll-back";
    EXPECT_EQ(Count(db->dsn(), "SELECT COUNT(*) FROM survivors"), 5);
    EXPECT_EQ(Count(db->dsn(), "SELECT COUNT(*) FROM cases"), 5);

    // Served from PostgreSQL now: the sealed identity still opens.
    ServerProcess::Options serve;
    serve.data_dir = data;
    ServerProcess moved(serve);
    EXPECT_EQ(moved.store_dsn(), db->dsn());
    ApiClient caseworker(moved);
    ASSERT_EQ(caseworker.Login("caseworker", World::kPassword).status, 200);
    const auto read = caseworker.Get("/api/v1/survivors/" + survivor);
    ASSERT_EQ(read.status, 200) << read.raw.body;
    EXPECT_EQ(read.Str("legal_name"), "Test Mover Person 4");
    ASSERT_EQ(moved.Stop(), 0);
    const auto after = RunOnestory({"audit", "verify", "--data", data.string()});
    EXPECT_EQ(after.exit_code, 0) << after.err;

    const auto again = RunOnestory({"migrate-store", "--data", data.string(), "--to", db->dsn()});
    EXPECT_NE(again.exit_code, 0);
    EXPECT_NE(again.err.find("nothing to migrate"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace onestory::testing
