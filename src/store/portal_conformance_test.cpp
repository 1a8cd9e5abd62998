// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The Store conformance suite, continued: the survivor portal's accounts and
// one-time invites, on every backend.
#include <gtest/gtest.h>

#include "store/account_rows.hpp"
#include "store/portal_rows.hpp"
#include "store/store_backends_for_test.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::store {
namespace {

class PortalConformanceTest : public ::testing::TestWithParam<BackendForTest> {
  protected:
    void SetUp() override {
        ONESTORY_SKIP_UNLESS_AVAILABLE(GetParam());
        auto opened = GetParam().open();
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        store_ = std::move(opened).value();
        ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, {"ag_a", "Agency A", "ngo", "KE", 1, 1, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(tx, {"st_1", "ag_a", "user_1", "Staff One",
                                                                  "$argon2id$fake", "caseworker", true, 1, 1, 1}));
                        for (const char* id : {"sv_1", "sv_2"}) {
                            SurvivorRow s;
                            s.id = id;
                            s.agency_id = "ag_a";
                            s.registered_by = "st_1";
                            s.code_name = std::string("Heron ") + id;
                            s.data_key = "wrapped";
                            s.legal_name = std::string("\x01sealed\x00", 8);
                            s.created_at = s.updated_at = 3;
                            ONESTORY_RETURN_IF_ERROR(InsertSurvivor(tx, s));
                        }
                        return Status::Ok();
                    }).ok());
    }

    Status W(const TransactionFn& fn) { return store_->Write(fn); }
    Status R(const TransactionFn& fn) { return store_->Read(fn); }

    std::unique_ptr<Store> store_;
};

TEST_P(PortalConformanceTest, AnInviteIsUsedOnceAndANewOneReplacesTheUnused) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(
                        InsertPortalInvite(tx, {"hash-1", "pi_1", "sv_1", "st_1", 10, 10 + 72, std::nullopt}));
                    return InsertPortalInvite(tx, {"hash-2", "pi_2", "sv_1", "st_1", 11, 11 + 72, std::nullopt});
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto invite, GetPortalInvite(tx, "hash-1"));
                    EXPECT_TRUE(invite.has_value());
                    EXPECT_EQ(invite->id, "pi_1");
                    EXPECT_EQ(invite->survivor_id, "sv_1");
                    EXPECT_EQ(invite->expires_at, 82);
                    EXPECT_FALSE(invite->used_at.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto missing, GetPortalInvite(tx, "hash-9"));
                    EXPECT_FALSE(missing.has_value());
                    return Status::Ok();
                }).ok());
    // The first use counts; a second finds it used.
    std::int64_t first = 0, second = 0;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(first, UsePortalInvite(tx, "hash-2", 20));
                    ONESTORY_ASSIGN_OR_RETURN(second, UsePortalInvite(tx, "hash-2", 21));
                    return Status::Ok();
                }).ok());
    EXPECT_EQ(first, 1);
    EXPECT_EQ(second, 0);
    // Deleting the unused ones keeps the used one, for the record.
    ASSERT_TRUE(W([&](Transaction& tx) { return DeleteUnusedPortalInvites(tx, "sv_1"); }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto gone, GetPortalInvite(tx, "hash-1"));
                    EXPECT_FALSE(gone.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto kept, GetPortalInvite(tx, "hash-2"));
                    EXPECT_TRUE(kept.has_value());
                    EXPECT_EQ(kept->used_at, std::optional<std::int64_t>(20));
                    return Status::Ok();
                }).ok());
    // A code hash is unique.
    const Status again = W([&](Transaction& tx) {
        return InsertPortalInvite(tx, {"hash-2", "pi_3", "sv_2", "st_1", 12, 84, std::nullopt});
    });
    EXPECT_EQ(again.reason(), "duplicate");
}

TEST_P(PortalConformanceTest, AnAccountIsReplacedByItsSurvivorButAUsernameBelongsToOne) {
    ASSERT_TRUE(W([&](Transaction& tx) {
                    return PutPortalAccount(tx, {"sv_1", "idx-river", "$argon2id$one", true, 10, 10, 1});
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto account, GetPortalAccountByUsername(tx, "idx-river"));
                    EXPECT_TRUE(account.has_value());
                    EXPECT_EQ(account->survivor_id, "sv_1");
                    EXPECT_EQ(account->passphrase_hash, "$argon2id$one");
                    EXPECT_TRUE(account->active);
                    EXPECT_EQ(account->version, 1);
                    return Status::Ok();
                }).ok());
    // The same survivor redeems a new invite: a new username and passphrase, the same account.
    ASSERT_TRUE(W([&](Transaction& tx) {
                    return PutPortalAccount(tx, {"sv_1", "idx-lake", "$argon2id$two", true, 10, 20, 1});
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto old_name, GetPortalAccountByUsername(tx, "idx-river"));
                    EXPECT_FALSE(old_name.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto account, GetPortalAccount(tx, "sv_1"));
                    EXPECT_EQ(account->username_index, "idx-lake");
                    EXPECT_EQ(account->passphrase_hash, "$argon2id$two");
                    EXPECT_EQ(account->created_at, 10);
                    EXPECT_EQ(account->updated_at, 20);
                    EXPECT_EQ(account->version, 2);
                    return Status::Ok();
                }).ok());
    // Another survivor cannot take that username.
    const Status taken = W([&](Transaction& tx) {
        return PutPortalAccount(tx, {"sv_2", "idx-lake", "$argon2id$x", true, 30, 30, 1});
    });
    EXPECT_EQ(taken.reason(), "duplicate");
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto none, GetPortalAccount(tx, "sv_2"));
                    EXPECT_FALSE(none.has_value());
                    return Status::Ok();
                }).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, PortalConformanceTest, ::testing::ValuesIn(BackendsForTest()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace onestory::store
