// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/password.hpp"

#include <gtest/gtest.h>

#include <string>

namespace onestory::crypto {
namespace {

// Each Argon2id hash takes about 100 ms, so the tests share as few as they can.
TEST(PasswordTest, VerifiesTheRightPasswordOnly) {
    const auto hash = HashPassword("correct horse battery staple");
    ASSERT_TRUE(hash.ok()) << hash.status().ToString();
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
    EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
    for (const std::string_view wrong : {"", "Correct horse battery staple", "correct horse battery staple "}) {
        EXPECT_FALSE(VerifyPassword(*hash, wrong)) << wrong;
    }
}

TEST(PasswordTest, SaltMakesHashesOfOnePasswordDiffer) {
    const auto a = HashPassword("same");
    const auto b = HashPassword("same");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(*a, *b);
}

TEST(PasswordTest, MalformedHashesDoNotVerify) {
    const std::string too_long(1000, '$');
    for (const std::string_view hash : {std::string_view(), std::string_view("$argon2id$"), std::string_view("plain"),
                                        std::string_view("$argon2id\0$", 11), std::string_view(too_long)}) {
        EXPECT_FALSE(VerifyPassword(hash, "plain"));
    }
}

TEST(PasswordTest, DummyHashIsValidAndMatchesNoInput) {
    const std::string& dummy = DummyPasswordHash();
    EXPECT_EQ(&DummyPasswordHash(), &dummy);
    EXPECT_EQ(dummy.rfind("$argon2id$", 0), 0u);
    for (const std::string_view input : {"", "password"}) EXPECT_FALSE(VerifyPassword(dummy, input));
}

}  // namespace
}  // namespace onestory::crypto
