// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// What only the PostgreSQL backend has: connection strings, start-up errors,
// migrations raced by several processes, and a schema kept in step with
// SQLite's. Everything both backends do is in the conformance suite. Tests
// that need a server run when ONESTORY_TEST_POSTGRES_DSN names one (make
// test starts a throw-away cluster and sets it).
#include "store/postgres/postgres_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "store/migrations.hpp"
#include "store/postgres/postgres_dsn.hpp"
#include "store/postgres/postgres_test_database.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store_backends_for_test.hpp"
#include "support/temp_dir.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_NEED_POSTGRES()                                                     \
    if (TestPostgresDsn().empty()) {                                                 \
        GTEST_SKIP() << "set ONESTORY_TEST_POSTGRES_DSN to run (make test does so)"; \
    }

TEST(PostgresDsnTest, DescriptionsNeverShowThePassword) {
    const std::string dsn = "postgresql://onestory:s3cr%40t@db.example.org:6432/records?sslmode=require";
    EXPECT_TRUE(IsPostgresDsn(dsn));
    EXPECT_TRUE(ValidatePostgresDsn(dsn).ok());
    EXPECT_TRUE(DsnHasPassword(dsn));
    EXPECT_EQ(DescribeDsn(dsn), "postgresql://onestory@db.example.org:6432/records");
    EXPECT_FALSE(DsnHasPassword("postgresql://onestory@db.example.org/records"));
}

TEST(PostgresDsnTest, AnotherDatabaseKeepsServerUserPasswordAndOptions) {
    auto other = DsnWithDatabase("postgresql://u:p%20w@127.0.0.1:5433/first?sslmode=disable", "second_db");
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(DescribeDsn(*other), "postgresql://u@127.0.0.1:5433/second_db");
    EXPECT_TRUE(DsnHasPassword(*other));
    EXPECT_NE(other->find("sslmode=disable"), std::string::npos);
    EXPECT_NE(other->find("password=p%20w"), std::string::npos);
}

TEST(PostgresDsnTest, RefusesWhatIsNotAPostgresUri) {
    for (const char* bad : {"", "sqlite:///tmp/x.db", "host=localhost dbname=x", "postgresql://h/db?nonsense=1"}) {
        const Status s = ValidatePostgresDsn(bad);
        EXPECT_FALSE(s.ok()) << bad;
        EXPECT_EQ(s.field(), "store") << bad;
    }
}

TEST(PostgresStoreTest, AnUnreachableServerIsAClearUnavailableError) {
    PostgresOptions options;
    // Port 1 on the loopback: nothing listens there.
    options.dsn = "postgresql://onestory:not-shown@127.0.0.1:1/onestory?connect_timeout=5";
    auto store = OpenPostgresStore(options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kUnavailable);
    const std::string& message = store.status().message();
    EXPECT_NE(message.find("cannot connect to the PostgreSQL server postgresql://onestory@127.0.0.1:1/onestory"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("refused"), std::string::npos) << message;
    EXPECT_EQ(message.find("not-shown"), std::string::npos) << "the password leaked into: " << message;
}

TEST(PostgresStoreTest, WrongCredentialsAreAClearError) {
    ONESTORY_NEED_POSTGRES();
    auto wrong = DsnWith(TestPostgresDsn(), {{"password", "certainly-wrong-password"}});
    ASSERT_TRUE(wrong.ok());
    PostgresOptions options;
    options.dsn = *wrong;
    auto store = OpenPostgresStore(options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kUnavailable);
    EXPECT_NE(store.status().message().find("password authentication failed"), std::string::npos)
        << store.status().message();
    EXPECT_EQ(store.status().message().find("certainly-wrong-password"), std::string::npos);

    auto unknown_db = DsnWithDatabase(TestPostgresDsn(), "no_such_onestory_database");
    ASSERT_TRUE(unknown_db.ok());
    options.dsn = *unknown_db;
    auto missing = OpenPostgresStore(options);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.status().message().find("does not exist"), std::string::npos) << missing.status().message();
}

TEST(PostgresStoreTest, ProcessesStartingTogetherMigrateOnce) {
    ONESTORY_NEED_POSTGRES();
    auto db = TestDatabase::Create(TestPostgresDsn());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    constexpr int kOpeners = 4;
    std::vector<std::optional<Result<std::unique_ptr<Store>>>> opened(kOpeners);
    std::vector<std::thread> threads;
    for (int i = 0; i < kOpeners; ++i) {
        threads.emplace_back([&, i] {
            PostgresOptions options;
            options.dsn = (*db)->dsn();
            options.pool_size = 2;
            opened[i] = OpenPostgresStore(options);
        });
    }
    for (auto& t : threads) t.join();
    for (auto& store : opened) {
        ASSERT_TRUE(store.has_value() && store->ok()) << store->status().ToString();
        EXPECT_EQ(*(**store)->SchemaVersion(), LatestVersion(PostgresMigrations()));
    }
    ASSERT_TRUE((**opened[0])
                    ->Read([](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT COUNT(*) FROM schema_migrations"));
                        // Each migration applied once (numbers may have gaps while branches land).
                        EXPECT_EQ(rows.at(0).at(0).AsInt(), static_cast<std::int64_t>(PostgresMigrations().size()));
                        return Status::Ok();
                    })
                    .ok());
}

TEST(PostgresStoreTest, TheMigrationHistoryIsInStepWithSqlite) {
    ASSERT_EQ(SqliteMigrations().size(), PostgresMigrations().size());
    for (std::size_t i = 0; i < SqliteMigrations().size(); ++i) {
        EXPECT_EQ(SqliteMigrations()[i].path, PostgresMigrations()[i].path)
            << "every sqlite migration needs a postgres twin with the same number and name";
    }
}

TEST(PostgresStoreTest, OnlyDeferredWritesSkipTheirFlush) {
    ONESTORY_NEED_POSTGRES();
    auto store = OpenPostgresForTest(1);  // one connection: the setting must not outlive its transaction
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto setting = [&](Durability durability) {
        std::string value;
        EXPECT_TRUE((*store)
                        ->Write(
                            [&](Transaction& tx) -> Status {
                                ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query("SHOW synchronous_commit"));
                                value = rows.at(0).at(0).AsText();
                                return Status::Ok();
                            },
                            durability)
                        .ok());
        return value;
    };
    EXPECT_EQ(setting(Durability::kDeferred), "off");
    EXPECT_EQ(setting(Durability::kSync), "on");
}

// The server ends every session of the database (a restart or fail-over
// does the same): idle pooled connections are replaced without the caller
// noticing; the transaction that was running fails whole.
TEST(PostgresStoreTest, LostConnectionsAreReplacedAndLoseNothingAcknowledged) {
    ONESTORY_NEED_POSTGRES();
    auto db = TestDatabase::Create(TestPostgresDsn());
    ASSERT_TRUE(db.ok());
    PostgresOptions options;
    options.dsn = (*db)->dsn();
    options.pool_size = 3;
    auto store = OpenPostgresStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto terminate_all = [&] {
        ASSERT_TRUE(ExecOnTestDatabase(TestPostgresDsn(),
                                       "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" +
                                           (*db)->name() + "'")
                        .ok());
    };
    auto insert = [&](const std::string& id) {
        return (*store)->Write([&](Transaction& tx) {
            return tx.Exec("INSERT INTO agencies VALUES ($1, $1, 'ngo', 'KE', 1, 1, 1)", {id}).status();
        });
    };
    ASSERT_TRUE(insert("ag_before").ok());
    terminate_all();
    EXPECT_TRUE(insert("ag_after").ok()) << "an idle connection the server dropped was not replaced";

    // A connection lost in the middle of a transaction fails that one write, whole.
    const Status lost = (*store)->Write([&](Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(
            tx.Exec("INSERT INTO agencies VALUES ('ag_lost', 'l', 'ngo', 'KE', 1, 1, 1)").status());
        terminate_all();
        return tx.Exec("INSERT INTO agencies VALUES ('ag_lost2', 'm', 'ngo', 'KE', 1, 1, 1)").status();
    });
    EXPECT_EQ(lost.code(), StatusCode::kUnavailable) << lost.ToString();
    EXPECT_TRUE(insert("ag_later").ok());
    ASSERT_TRUE((*store)
                    ->Read([](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT id FROM agencies ORDER BY id"));
                        std::vector<std::string> ids;
                        for (const auto& r : rows) ids.push_back(r[0].AsText());
                        EXPECT_EQ(ids, (std::vector<std::string>{"ag_after", "ag_before", "ag_later"}));
                        return Status::Ok();
                    })
                    .ok());
}

TEST(PostgresStoreTest, ThePoolNeverOpensMoreConnectionsThanItsSize) {
    ONESTORY_NEED_POSTGRES();
    auto db = TestDatabase::Create(TestPostgresDsn());
    ASSERT_TRUE(db.ok());
    PostgresOptions options;
    options.dsn = (*db)->dsn();
    options.pool_size = 2;
    auto store = OpenPostgresStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::atomic<std::int64_t> most{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            const Status s = (*store)->Read([&](Transaction& tx) -> Status {
                ONESTORY_ASSIGN_OR_RETURN(
                    Rows rows, tx.Query("SELECT COUNT(*) FROM pg_stat_activity "
                                        "WHERE datname = current_database() AND application_name = 'onestory'"));
                std::int64_t n = rows.at(0).at(0).AsInt();
                std::int64_t seen = most.load();
                while (n > seen && !most.compare_exchange_weak(seen, n)) {
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
                return Status::Ok();
            });
            if (!s.ok()) failures.fetch_add(1);
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);  // the others waited for a free connection
    EXPECT_GE(most.load(), 1);
    EXPECT_LE(most.load(), 2);

    // A caller that cannot get a connection in time is told so.
    options.pool_size = 1;
    options.acquire_timeout = std::chrono::seconds(1);
    auto tiny = OpenPostgresStore(options);
    ASSERT_TRUE(tiny.ok());
    Status starved;
    const Status holder = (*tiny)->Read([&](Transaction&) {
        starved = (*tiny)->Read([](Transaction&) { return Status::Ok(); });
        return Status::Ok();
    });
    EXPECT_TRUE(holder.ok());
    EXPECT_EQ(starved.code(), StatusCode::kUnavailable);
    EXPECT_NE(starved.message().find("store_pool_size"), std::string::npos) << starved.message();
}

using Schema = std::map<std::string, std::vector<std::string>>;  // table -> columns in order

// Every table and column of the two backends' schemas match, in order; text
// is byte-ordered and integers are 64-bit on PostgreSQL.
TEST(PostgresStoreTest, TheSchemaMatchesSqlitesTableForTable) {
    ONESTORY_NEED_POSTGRES();
    testing::TempDir dir;
    SqliteOptions lite_options;
    lite_options.path = dir.path() / "onestory.db";
    lite_options.create = true;
    lite_options.synchronous_full = false;
    auto lite = OpenSqliteStore(lite_options);
    ASSERT_TRUE(lite.ok());
    Schema lite_schema;
    ASSERT_TRUE((*lite)
                    ->Read([&](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(
                            Rows rows,
                            tx.Query("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                                     "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' "
                                     "ORDER BY m.name, p.cid"));
                        for (const auto& r : rows) lite_schema[r[0].AsText()].push_back(r[1].AsText());
                        return Status::Ok();
                    })
                    .ok());

    auto db = TestDatabase::Create(TestPostgresDsn());
    ASSERT_TRUE(db.ok());
    PostgresOptions options;
    options.dsn = (*db)->dsn();
    auto pg = OpenPostgresStore(options);
    ASSERT_TRUE(pg.ok()) << pg.status().ToString();
    Schema pg_schema;
    ASSERT_TRUE(
        (*pg)
            ->Read([&](Transaction& tx) -> Status {
                ONESTORY_ASSIGN_OR_RETURN(
                    Rows rows, tx.Query("SELECT table_name, column_name, data_type, collation_name "
                                        "FROM information_schema.columns WHERE table_schema = current_schema() "
                                        "ORDER BY table_name, ordinal_position"));
                for (const auto& r : rows) {
                    const std::string where = r[0].AsText() + "." + r[1].AsText();
                    pg_schema[r[0].AsText()].push_back(r[1].AsText());
                    const std::string type = r[2].AsText();
                    if (r[0].AsText() == "schema_migrations") continue;
                    EXPECT_TRUE(type == "bigint" || type == "text" || type == "bytea" || type == "double precision")
                        << where << " is " << type;
                    if (type == "text") {
                        EXPECT_EQ(r[3].AsText(), "C") << where << " is not COLLATE \"C\"";
                    }
                }
                return Status::Ok();
            })
            .ok());
    EXPECT_EQ(pg_schema, lite_schema);
}

}  // namespace
}  // namespace onestory::store
