// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/random.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/ids.hpp"
#include "common/strings.hpp"

namespace onestory::crypto {
namespace {

TEST(RandomTest, BytesHaveTheRequestedLength) {
    EXPECT_EQ(RandomBytes(0), "");
    EXPECT_EQ(RandomBytes(17).size(), 17u);
    EXPECT_NE(RandomBytes(32), RandomBytes(32));
}

TEST(RandomTest, TokensAreUrlSafe) {
    const std::string token = RandomToken();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    std::string decoded;
    ASSERT_TRUE(Base64UrlDecode(token, decoded));
    EXPECT_EQ(decoded.size(), 32u);
    EXPECT_NE(RandomToken(), token);
}

TEST(RandomTest, IdsHavePrefixLengthAlphabetAndAreUnique) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = NewIdString("sv");
        ASSERT_EQ(id.size(), 3u + 26u) << id;
        ASSERT_EQ(id.substr(0, 3), "sv_") << id;
        ASSERT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567", 3), std::string::npos) << id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000u);
}

TEST(RandomTest, IdsUseAllOfTheAlphabet) {
    // The last character carries 3 bits, the others 5; over many ids every
    // letter and digit of the alphabet shows up in the leading characters.
    std::set<char> chars;
    for (int i = 0; i < 200; ++i) {
        const std::string id = NewIdString("x");
        chars.insert(id.begin() + 2, id.end() - 1);
    }
    EXPECT_EQ(chars.size(), 32u);
}

TEST(RandomTest, NewIdMakesStrongIds) {
    const SurvivorId id = NewId<SurvivorId>();
    EXPECT_EQ(id.value().rfind("sv_", 0), 0u);
    EXPECT_NE(NewId<SurvivorId>(), id);
    EXPECT_EQ(NewId<CaseId>().value().rfind("cs_", 0), 0u);
}

}  // namespace
}  // namespace onestory::crypto
