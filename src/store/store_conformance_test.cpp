// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The Store conformance suite: every Store operation, run against every
// backend. SQLite always runs; PostgreSQL runs when ONESTORY_TEST_POSTGRES_DSN
// names a server (make test starts a throw-away one).
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/account_rows.hpp"
#include "store/audit_rows.hpp"
#include "store/case_rows.hpp"
#include "store/key_rows.hpp"
#include "store/session_rows.hpp"
#include "store/store_backends_for_test.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::store {
namespace {

class StoreConformanceTest : public ::testing::TestWithParam<BackendForTest> {
  protected:
    void SetUp() override {
        ONESTORY_SKIP_UNLESS_AVAILABLE(GetParam());
        auto opened = GetParam().open();
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        store_ = std::move(opened).value();
    }

    Status W(const TransactionFn& fn) { return store_->Write(fn); }
    Status R(const TransactionFn& fn) { return store_->Read(fn); }

    AgencyRow MakeAgency(const std::string& id, std::int64_t created_at) {
        return {id, "Agency " + id, "ngo", "KE", created_at, created_at, 1};
    }
    StaffRow MakeStaff(const std::string& id, const std::string& agency_id, const std::string& roles) {
        return {id, agency_id, "user_" + id, "Staff " + id, "$argon2id$fake", roles, true, 10, 10, 1};
    }
    SurvivorRow MakeSurvivor(const std::string& id, const std::string& agency, const std::string& staff,
                             const std::string& code_name, std::int64_t created_at) {
        SurvivorRow s;
        s.id = id;
        s.agency_id = agency;
        s.registered_by = staff;
        s.code_name = code_name;
        s.data_key = std::string("\x01wrapped\x00key", 12);
        s.legal_name = std::string("\x01sealed\x00name", 12);
        s.birth_date = std::string("\x01sealed-birth");
        s.languages = "sw,en";
        s.gender = "female";
        s.match_index = "idx-" + code_name;
        s.created_at = created_at;
        s.updated_at = created_at;
        return s;
    }

    // Two agencies, three staff, used by most tests.
    void Seed() {
        ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency("ag_a", 1)));
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency("ag_b", 2)));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(tx, MakeStaff("st_1", "ag_a", "caseworker")));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(tx, MakeStaff("st_2", "ag_a", "supervisor,caseworker")));
                        return InsertStaff(tx, MakeStaff("st_3", "ag_b", "investigator"));
                    }).ok());
    }

    std::unique_ptr<Store> store_;
};

TEST_P(StoreConformanceTest, MigrationsReachTheLatestVersion) {
    auto version = store_->SchemaVersion();
    ASSERT_TRUE(version.ok()) << version.status().ToString();
    EXPECT_GE(*version, 1);
}

TEST_P(StoreConformanceTest, SystemKeysRoundTripAsBinary) {
    const std::string wrapped("\x00\x01\xff\xfe binary", 11);
    ASSERT_TRUE(W([&](Transaction& tx) { return InsertSystemKey(tx, {"audit", wrapped, 42}); }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto key, GetSystemKey(tx, "audit"));
                    EXPECT_TRUE(key.has_value());
                    EXPECT_EQ(key->wrapped, wrapped);
                    EXPECT_EQ(key->created_at, 42);
                    ONESTORY_ASSIGN_OR_RETURN(auto missing, GetSystemKey(tx, "nothing"));
                    EXPECT_FALSE(missing.has_value());
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(W([&](Transaction& tx) { return UpdateSystemKeyWrapping(tx, "audit", "rewrapped"); }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto keys, ListSystemKeys(tx));
                    EXPECT_EQ(keys.size(), 1u);
                    EXPECT_EQ(keys.at(0).wrapped, "rewrapped");
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, FailedWriteLeavesNothingBehind) {
    const Status s = W([&](Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency("ag_x", 1)));
        return Status::Invalid("name", "refused after the insert");
    });
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto a, GetAgency(tx, "ag_x"));
                    EXPECT_FALSE(a.has_value());
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, UniqueAndForeignKeyViolationsAreStatuses) {
    Seed();
    const Status dup = W([&](Transaction& tx) { return InsertStaff(tx, MakeStaff("st_9", "ag_a", "caseworker")); });
    EXPECT_TRUE(dup.ok());
    StaffRow same_username = MakeStaff("st_10", "ag_a", "caseworker");
    same_username.username = "user_st_9";
    const Status conflict = W([&](Transaction& tx) { return InsertStaff(tx, same_username); });
    EXPECT_EQ(conflict.code(), StatusCode::kConflict);
    EXPECT_EQ(conflict.reason(), "duplicate");
    const Status fk = W([&](Transaction& tx) { return InsertStaff(tx, MakeStaff("st_11", "ag_missing", "x")); });
    EXPECT_EQ(fk.reason(), "unknown_reference");
}

TEST_P(StoreConformanceTest, ReadTransactionsRefuseWrites) {
    const Status s = R([&](Transaction& tx) { return InsertAgency(tx, MakeAgency("ag_r", 1)); });
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(R([](Transaction& tx) { return Status(tx.read_only() ? Status::Ok() : Status::Internal("rw")); }).ok());
}

TEST_P(StoreConformanceTest, ConcurrentWritesAreAllKeptAndFailuresStayAlone) {
    constexpr int kThreads = 8;
    constexpr int kPerThread = 25;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                const std::string id = "ag_" + std::to_string(t) + "_" + std::to_string(i);
                const bool fail = i % 5 == 0;
                const Status s = W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency(id, t * 1000 + i)));
                    return fail ? Status::Conflict("test", "deliberate") : Status::Ok();
                });
                if (!s.ok()) failures.fetch_add(1);
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), kThreads * kPerThread / 5);
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    int found = 0;
                    std::optional<PageCursor> cursor;
                    do {
                        ONESTORY_ASSIGN_OR_RETURN(auto page, ListAgencies(tx, {100, cursor}));
                        for (const auto& a : page.items) {
                            const int i = std::stoi(a.id.substr(a.id.rfind('_') + 1));
                            EXPECT_NE(i % 5, 0) << "a failed write left " << a.id;
                            ++found;
                        }
                        cursor = page.next;
                    } while (cursor);
                    EXPECT_EQ(found, kThreads * kPerThread * 4 / 5);
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, PagesAreNewestFirstAndComplete) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    for (int i = 0; i < 7; ++i) {
                        // Two rows share a created_at to exercise the id tie-break.
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency("ag_" + std::to_string(i), i / 2 * 2)));
                    }
                    return Status::Ok();
                }).ok());
    std::vector<std::string> seen;
    std::optional<PageCursor> cursor;
    int pages = 0;
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    do {
                        ONESTORY_ASSIGN_OR_RETURN(auto page, ListAgencies(tx, {3, cursor}));
                        for (const auto& a : page.items) seen.push_back(a.id);
                        cursor = page.next;
                        ++pages;
                    } while (cursor);
                    return Status::Ok();
                }).ok());
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen, (std::vector<std::string>{"ag_6", "ag_5", "ag_4", "ag_3", "ag_2", "ag_1", "ag_0"}));
}

TEST_P(StoreConformanceTest, StaffLookupsAndRoles) {
    Seed();
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto by_name, GetStaffByUsername(tx, "user_st_2"));
                    EXPECT_TRUE(by_name.has_value());
                    EXPECT_EQ(by_name->roles, "supervisor,caseworker");
                    ONESTORY_ASSIGN_OR_RETURN(auto sups, ListStaffWithRole(tx, "ag_a", "supervisor"));
                    EXPECT_EQ(sups.size(), 1u);
                    ONESTORY_ASSIGN_OR_RETURN(auto of_b, ListStaff(tx, {50, std::nullopt}, std::string("ag_b")));
                    EXPECT_EQ(of_b.items.size(), 1u);
                    ONESTORY_ASSIGN_OR_RETURN(auto all, ListStaff(tx, {50, std::nullopt}, std::nullopt));
                    EXPECT_EQ(all.items.size(), 3u);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto changed, UpdateStaffPassword(tx, "st_1", "$argon2id$new", 99));
                    EXPECT_EQ(changed, 1);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto s, GetStaff(tx, "st_1"));
                    EXPECT_EQ(s->password_hash, "$argon2id$new");
                    EXPECT_EQ(s->version, 2);
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, SessionsAndLoginThrottle) {
    Seed();
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertSession(tx, {"tok1", "staff", "st_1", "csrf1", 100, 100}));
                    ONESTORY_RETURN_IF_ERROR(InsertSession(tx, {"tok2", "staff", "st_1", "csrf2", 100, 100}));
                    ONESTORY_RETURN_IF_ERROR(InsertSession(tx, {"tok3", "staff", "st_2", "csrf3", 100, 500}));
                    ONESTORY_RETURN_IF_ERROR(TouchSession(tx, "tok1", 300));
                    return PutLoginThrottle(tx, {"key", 3, 0});
                }).ok());
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(PutLoginThrottle(tx, {"key", 4, 777}));
                    return DeleteSessionsIdleSince(tx, 200);  // removes tok2 only
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto s1, GetSession(tx, "tok1"));
                    EXPECT_TRUE(s1.has_value());
                    EXPECT_EQ(s1->last_seen_at, 300);
                    ONESTORY_ASSIGN_OR_RETURN(auto s2, GetSession(tx, "tok2"));
                    EXPECT_FALSE(s2.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto t, GetLoginThrottle(tx, "key"));
                    EXPECT_EQ(t->failures, 4);
                    EXPECT_EQ(t->locked_until, 777);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(DeleteSessionsOf(tx, "st_1"));
                    ONESTORY_RETURN_IF_ERROR(DeleteSession(tx, "tok3"));
                    return ClearLoginThrottle(tx, "key");
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    for (const char* t : {"tok1", "tok3"}) {
                        ONESTORY_ASSIGN_OR_RETURN(auto s, GetSession(tx, t));
                        EXPECT_FALSE(s.has_value()) << t;
                    }
                    ONESTORY_ASSIGN_OR_RETURN(auto t, GetLoginThrottle(tx, "key"));
                    EXPECT_FALSE(t.has_value());
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, SurvivorsRoundTripAndFilter) {
    Seed();
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertSurvivor(tx, MakeSurvivor("sv_1", "ag_a", "st_1", "Blue Heron", 1)));
                    ONESTORY_RETURN_IF_ERROR(InsertSurvivor(tx, MakeSurvivor("sv_2", "ag_a", "st_2", "Red_Fox%", 2)));
                    return InsertSurvivor(tx, MakeSurvivor("sv_3", "ag_b", "st_3", "Blue Whale", 3));
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto s, GetSurvivor(tx, "sv_1"));
                    EXPECT_EQ(s->legal_name, std::string("\x01sealed\x00name", 12));
                    EXPECT_EQ(s->data_key, std::string("\x01wrapped\x00key", 12));
                    EXPECT_FALSE(s->contact.has_value());
                    EXPECT_EQ(s->languages, "sw,en");
                    // Whole agency.
                    ONESTORY_ASSIGN_OR_RETURN(auto all_a, ListSurvivors(tx, {"ag_a", std::nullopt, std::nullopt}, {}));
                    EXPECT_EQ(all_a.items.size(), 2u);
                    // Only what st_1 registered (no case teams yet).
                    ONESTORY_ASSIGN_OR_RETURN(auto mine, ListSurvivors(tx, {"ag_a", "st_1", std::nullopt}, {}));
                    EXPECT_EQ(mine.items.size(), 1u);
                    // Search is case-insensitive and treats % and _ literally.
                    ONESTORY_ASSIGN_OR_RETURN(auto blue, ListSurvivors(tx, {"ag_a", std::nullopt, "BLUE"}, {}));
                    EXPECT_EQ(blue.items.size(), 1u);
                    ONESTORY_ASSIGN_OR_RETURN(auto pct, ListSurvivors(tx, {"ag_a", std::nullopt, "x%"}, {}));
                    EXPECT_EQ(pct.items.size(), 1u);
                    ONESTORY_ASSIGN_OR_RETURN(auto under, ListSurvivors(tx, {"ag_a", std::nullopt, "d_f"}, {}));
                    EXPECT_EQ(under.items.size(), 1u);
                    ONESTORY_ASSIGN_OR_RETURN(auto wild, ListSurvivors(tx, {"ag_a", std::nullopt, "e_h"}, {}));
                    EXPECT_EQ(wild.items.size(), 0u);
                    ONESTORY_ASSIGN_OR_RETURN(auto matches, FindSurvivorsByMatchIndex(tx, "idx-Blue Whale"));
                    EXPECT_EQ(matches.size(), 1u);
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, OptimisticUpdatesRefuseStaleVersions) {
    Seed();
    ASSERT_TRUE(
        W([&](Transaction& tx) { return InsertSurvivor(tx, MakeSurvivor("sv_1", "ag_a", "st_1", "Heron", 1)); }).ok());
    SurvivorRow update = MakeSurvivor("sv_1", "ag_a", "st_1", "Kestrel", 1);
    update.version = 2;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto first, UpdateSurvivor(tx, update));
                    EXPECT_EQ(first, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto stale, UpdateSurvivor(tx, update));  // expects version 1 again
                    EXPECT_EQ(stale, 0);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto s, GetSurvivor(tx, "sv_1"));
                    EXPECT_EQ(s->code_name, "Kestrel");
                    EXPECT_EQ(s->version, 2);
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, CasesTeamsAndVisibility) {
    Seed();
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertSurvivor(tx, MakeSurvivor("sv_1", "ag_a", "st_2", "Heron", 1)));
                    ONESTORY_RETURN_IF_ERROR(
                        InsertCase(tx, {"cs_1", "sv_1", "ag_a", "st_2", "intake", "active", "sexual,labour", 5, 5, 1}));
                    ONESTORY_RETURN_IF_ERROR(
                        InsertCase(tx, {"cs_2", "sv_1", "ag_a", "st_2", "aftercare", "active", "labour", 6, 6, 1}));
                    ONESTORY_RETURN_IF_ERROR(InsertTeamMember(tx, {"cs_1", "st_2", "lead_caseworker", "st_2", 5}));
                    return InsertTeamMember(tx, {"cs_1", "st_1", "caseworker", "st_2", 7});
                }).ok());
    const Status dup_member = W([&](Transaction& tx) {
        return InsertTeamMember(tx, {"cs_1", "st_1", "caseworker", "st_2", 8});
    });
    EXPECT_EQ(dup_member.code(), StatusCode::kConflict);
    ASSERT_TRUE(
        R([&](Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto team, ListTeam(tx, "cs_1"));
            EXPECT_EQ(team.size(), 2u);
            ONESTORY_ASSIGN_OR_RETURN(auto m, GetTeamMember(tx, "cs_1", "st_1"));
            EXPECT_EQ(m->case_role, "caseworker");
            ONESTORY_ASSIGN_OR_RETURN(auto on, IsOnSurvivorTeam(tx, "sv_1", "ag_a", "st_1"));
            EXPECT_TRUE(on);
            ONESTORY_ASSIGN_OR_RETURN(auto other_agency, IsOnSurvivorTeam(tx, "sv_1", "ag_b", "st_1"));
            EXPECT_FALSE(other_agency);
            ONESTORY_ASSIGN_OR_RETURN(auto st1_cases, ListCases(tx, {"ag_a", "st_1", std::nullopt}, {}));
            EXPECT_EQ(st1_cases.items.size(), 1u);
            ONESTORY_ASSIGN_OR_RETURN(auto agency_cases, ListCases(tx, {"ag_a", std::nullopt, std::nullopt}, {}));
            EXPECT_EQ(agency_cases.items.size(), 2u);
            EXPECT_EQ(agency_cases.items[0].id, "cs_2");
            ONESTORY_ASSIGN_OR_RETURN(auto of_survivor, ListCasesOfSurvivor(tx, "sv_1"));
            EXPECT_EQ(of_survivor.size(), 2u);
            // st_1 now sees the survivor through the case team.
            ONESTORY_ASSIGN_OR_RETURN(auto visible, ListSurvivors(tx, {"ag_a", "st_1", std::nullopt}, {}));
            EXPECT_EQ(visible.items.size(), 1u);
            return Status::Ok();
        }).ok());
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto c, GetCase(tx, "cs_1"));
                    c->stage = "investigation";
                    c->version = 2;
                    ONESTORY_ASSIGN_OR_RETURN(auto changed, UpdateCase(tx, *c));
                    EXPECT_EQ(changed, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto stale, UpdateCase(tx, *c));
                    EXPECT_EQ(stale, 0);
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, AuditEventsAppendListAndPage) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(tx.LockAuditChain());
                    for (int i = 1; i <= 5; ++i) {
                        AuditEventRow e;
                        e.seq = i;
                        e.id = "ev" + std::to_string(i);
                        e.at = i * 10;
                        e.actor_kind = "staff";
                        e.actor_id = "st_1";
                        e.actor_agency_id = i % 2 ? "ag_a" : "ag_b";
                        e.action = "survivor.read";
                        e.outcome = "allowed";
                        e.survivor_id = i <= 3 ? "sv_1" : "";
                        e.prev_hash = std::string(32, static_cast<char>(i - 1));
                        e.hash = std::string(32, static_cast<char>(i));
                        ONESTORY_RETURN_IF_ERROR(InsertAuditEvent(tx, e));
                    }
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto last, LastAuditEvent(tx));
                    EXPECT_EQ(last->seq, 5);
                    EXPECT_EQ(last->hash, std::string(32, '\x05'));
                    ONESTORY_ASSIGN_OR_RETURN(auto after, AuditEventsAfter(tx, 2, 2));
                    EXPECT_EQ(after.size(), 2u);
                    EXPECT_EQ(after[0].seq, 3);
                    ONESTORY_ASSIGN_OR_RETURN(auto of_sv, ListAuditEvents(tx, {"sv_1", {}, {}, {}, 50}));
                    EXPECT_EQ(of_sv.size(), 3u);
                    EXPECT_EQ(of_sv[0].seq, 3);
                    ONESTORY_ASSIGN_OR_RETURN(auto paged, ListAuditEvents(tx, {{}, {}, "ag_a", 5, 50}));
                    EXPECT_EQ(paged.size(), 2u);  // seq 3 and 1
                    ONESTORY_ASSIGN_OR_RETURN(auto count, CountAuditEvents(tx));
                    EXPECT_EQ(count, 5);
                    return Status::Ok();
                }).ok());
    // seq is unique: a second event 5 is refused rather than forking the chain.
    AuditEventRow fork;
    fork.seq = 5;
    EXPECT_EQ(W([&](Transaction& tx) { return InsertAuditEvent(tx, fork); }).code(), StatusCode::kConflict);
}

TEST_P(StoreConformanceTest, AFailedStatementSpoilsTheRestOfItsWrite) {
    Seed();
    int statements_after = 0;
    // `fn` ignores the failure and reports success; the Write must not.
    const Status s = W([&](Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency("ag_new", 5)));
        (void)InsertStaff(tx, MakeStaff("st_dup", "ag_missing", "caseworker"));  // unknown agency
        if (GetAgency(tx, "ag_new").ok()) ++statements_after;
        return Status::Ok();
    });
    EXPECT_EQ(s.reason(), "unknown_reference");
    EXPECT_EQ(statements_after, 0);
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto a, GetAgency(tx, "ag_new"));
                    EXPECT_FALSE(a.has_value()) << "half of a failed write was kept";
                    return Status::Ok();
                }).ok());
    // The next Write is not affected.
    EXPECT_TRUE(W([&](Transaction& tx) { return InsertAgency(tx, MakeAgency("ag_next", 6)); }).ok());
}

// Two Writes taking the same two rows in opposite orders deadlock on a
// database server; the server aborts one and the store runs it again, so both
// succeed. A single-writer backend never interleaves them.
TEST_P(StoreConformanceTest, DeadlockedWritesAreRetriedUntilTheySucceed) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency("ag_1", 1)));
                    return InsertAgency(tx, MakeAgency("ag_2", 2));
                }).ok());
    constexpr std::string_view kBump = "UPDATE agencies SET version = version + 1 WHERE id = $1";
    std::mutex mu;
    std::condition_variable cv;
    int first_updates = 0;
    std::atomic<int> runs{0};
    const bool interleaves = store_->backend() != "sqlite";
    auto writer = [&](const char* first, const char* second) {
        return W([&](Transaction& tx) -> Status {
            runs.fetch_add(1);
            ONESTORY_RETURN_IF_ERROR(tx.Exec(kBump, {first}).status());
            {
                std::unique_lock lock(mu);
                ++first_updates;
                cv.notify_all();
                if (interleaves) cv.wait_for(lock, std::chrono::seconds(10), [&] { return first_updates >= 2; });
            }
            return tx.Exec(kBump, {second}).status();
        });
    };
    Status a, b;
    std::thread ta([&] { a = writer("ag_1", "ag_2"); });
    std::thread tb([&] { b = writer("ag_2", "ag_1"); });
    ta.join();
    tb.join();
    EXPECT_TRUE(a.ok()) << a.ToString();
    EXPECT_TRUE(b.ok()) << b.ToString();
    // At least one run was aborted and run again (a loaded server may abort
    // more than one); each Write still took effect exactly once.
    if (interleaves) {
        EXPECT_GE(runs.load(), 3);
    } else {
        EXPECT_EQ(runs.load(), 2);
    }
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    for (const char* id : {"ag_1", "ag_2"}) {
                        ONESTORY_ASSIGN_OR_RETURN(auto agency, GetAgency(tx, id));
                        EXPECT_EQ(agency->version, 3) << id << ": an update was lost or applied twice";
                    }
                    return Status::Ok();
                }).ok());
}

// The audit chain's head is read and advanced by every append; with the
// chain locked, concurrent appenders never fork it or skip a number.
TEST_P(StoreConformanceTest, LockedAuditAppendsFromManyWritersStayContiguous) {
    constexpr int kThreads = 6;
    constexpr int kPerThread = 15;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                const Status s = W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(tx.LockAuditChain());
                    ONESTORY_ASSIGN_OR_RETURN(auto head, GetAuditHead(tx));
                    // Widen the window in which an unlocked appender would read a stale head.
                    std::this_thread::sleep_for(std::chrono::microseconds(300));
                    AuditEventRow e;
                    e.seq = head ? head->seq + 1 : 1;
                    e.id = "ev_" + std::to_string(t) + "_" + std::to_string(i);
                    e.prev_hash = head ? head->hash : std::string(32, '\0');
                    e.hash = std::string(32, static_cast<char>(e.seq % 251));
                    ONESTORY_RETURN_IF_ERROR(InsertAuditEvent(tx, e));
                    return PutAuditHead(tx, {e.seq, e.hash, "mac"});
                });
                if (!s.ok()) failures.fetch_add(1);
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto events, AuditEventsAfter(tx, 0, 1000));
                    EXPECT_EQ(events.size(), static_cast<std::size_t>(kThreads * kPerThread));
                    for (std::size_t i = 0; i < events.size(); ++i) {
                        EXPECT_EQ(events[i].seq, static_cast<std::int64_t>(i + 1));
                        if (i > 0) {
                            EXPECT_EQ(events[i].prev_hash, events[i - 1].hash);
                        }
                    }
                    ONESTORY_ASSIGN_OR_RETURN(auto head, GetAuditHead(tx));
                    EXPECT_EQ(head->seq, kThreads * kPerThread);
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, ValuesRoundTripWithTheirTypes) {
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    const std::string binary("\x00\xff\x01\\x41'", 6);
                    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT $1, $2, $3, $4, CAST($5 AS TEXT)",
                                                                  {std::int64_t{-9007199254740993}, 0.25,
                                                                   "text 'quoted' ünï", Blob{binary}, SqlValue()}));
                    EXPECT_EQ(rows.at(0).at(0).AsInt(), -9007199254740993);
                    EXPECT_EQ(rows.at(0).at(1).AsDouble(), 0.25);
                    EXPECT_EQ(rows.at(0).at(2).AsText(), "text 'quoted' ünï");
                    EXPECT_EQ(rows.at(0).at(3).AsBlob(), binary);
                    EXPECT_TRUE(rows.at(0).at(4).is_null());
                    // Optional filters compare a parameter with a literal of its own type.
                    ONESTORY_ASSIGN_OR_RETURN(Rows filters,
                                              tx.Query("SELECT 1 WHERE ($1 = 0 OR $2 = '') AND $3 = $3", {0, "", 7}));
                    EXPECT_EQ(filters.size(), 1u);
                    return Status::Ok();
                }).ok());
}

TEST_P(StoreConformanceTest, TextComparesAndSortsByteForByte) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    for (const char* id : {"aga", "ag_a", "ag_B", "Agb", "ag-c"}) {
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency(id, 1)));
                    }
                    return Status::Ok();
                }).ok());
    std::vector<std::string> seen;
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto page, ListAgencies(tx, {10, std::nullopt}));
                    for (const auto& a : page.items) seen.push_back(a.id);
                    return Status::Ok();
                }).ok());
    // Newest first, ties by id descending, in byte order: '_' (0x5F) sorts
    // after 'B' (0x42) and before 'a' (0x61); capitals before lower case.
    EXPECT_EQ(seen, (std::vector<std::string>{"aga", "ag_a", "ag_B", "ag-c", "Agb"}));
}

TEST_P(StoreConformanceTest, DeferredWritesCommitAndStayAllOrNothing) {
    ASSERT_TRUE(
        store_->Write([&](Transaction& tx) { return InsertAgency(tx, MakeAgency("ag_d", 1)); }, Durability::kDeferred)
            .ok());
    const Status failed = store_->Write(
        [&](Transaction& tx) -> Status {
            ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, MakeAgency("ag_e", 2)));
            return Status::Conflict("test", "deliberate");
        },
        Durability::kDeferred);
    EXPECT_EQ(failed.code(), StatusCode::kConflict);
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto d, GetAgency(tx, "ag_d"));
                    EXPECT_TRUE(d.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto e, GetAgency(tx, "ag_e"));
                    EXPECT_FALSE(e.has_value());
                    return Status::Ok();
                }).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformanceTest, ::testing::ValuesIn(BackendsForTest()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace onestory::store
