// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/accounts/account_service.hpp"

#include "crypto/hash.hpp"
#include "domain/domain_fixture_for_test.hpp"

namespace onestory::domain {
namespace {

class AccountServiceTest : public DomainTest {};

TEST_F(AccountServiceTest, SessionsAreStoredAsHashesAndExpireWhenIdle) {
    MakeStaff("caseworker", false, {policy::Role::kCaseworker});
    const auto login = accounts_->Login("caseworker", "staff-password-123", "127.0.0.1");
    ASSERT_TRUE(login.ok()) << login.status().ToString();
    ASSERT_TRUE(store_
                    ->Read([&](store::Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT token_hash FROM sessions"));
                        EXPECT_EQ(rows.size(), 1u);
                        EXPECT_NE(rows[0][0].AsText(), login->token);
                        EXPECT_EQ(rows[0][0].AsText(), crypto::HashHex(login->token));
                        return Status::Ok();
                    })
                    .ok());
    EXPECT_TRUE(accounts_->Authenticate(login->token).ok());
    clock_.Advance(std::chrono::minutes(31));
    EXPECT_EQ(accounts_->Authenticate(login->token).status().reason(), "session_expired");
    EXPECT_EQ(accounts_->Authenticate(login->token).status().reason(), "unauthenticated");
}

TEST_F(AccountServiceTest, UsernamesAreCaseInsensitive) {
    MakeStaff("mixed.case", false, {policy::Role::kCaseworker});
    EXPECT_TRUE(accounts_->Login("Mixed.Case", "staff-password-123", "127.0.0.1").ok());
}

TEST_F(AccountServiceTest, CsrfTokensMustMatchTheSession) {
    MakeStaff("caseworker", false, {policy::Role::kCaseworker});
    const auto login = accounts_->Login("caseworker", "staff-password-123", "127.0.0.1");
    const auto principal = accounts_->Authenticate(login->token);
    ASSERT_TRUE(principal.ok());
    EXPECT_TRUE(accounts_->CheckCsrf(*principal, login->csrf_token).ok());
    EXPECT_FALSE(accounts_->CheckCsrf(*principal, login->token).ok());
    EXPECT_FALSE(accounts_->CheckCsrf(*principal, "").ok());
}

}  // namespace
}  // namespace onestory::domain
