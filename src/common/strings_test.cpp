// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/strings.hpp"

#include <gtest/gtest.h>

namespace onestory {
namespace {

TEST(StringsTest, ListsRoundTrip) {
    const std::vector<std::string> values{"sexual", "labour", "forced_marriage"};
    EXPECT_EQ(JoinList(values), "sexual,labour,forced_marriage");
    EXPECT_EQ(SplitList(JoinList(values)), values);
    EXPECT_TRUE(SplitList("").empty());
}

TEST(StringsTest, Utf8Validation) {
    struct Case {
        std::string text;
        bool valid;
    };
    const Case cases[] = {
        {"plain", true},
        {"caf\xc3\xa9", true},
        {"\xe2\x82\xac", true},
        {"\xf0\x9f\x98\x80", true},
        {"\xc3", false},              // truncated
        {"\xc0\xaf", false},          // overlong
        {"\xed\xa0\x80", false},      // surrogate
        {"\xf4\x90\x80\x80", false},  // beyond U+10FFFF
        {"\xff", false},
    };
    for (const auto& c : cases) EXPECT_EQ(IsValidUtf8(c.text), c.valid) << HexEncode(c.text);
}

TEST(StringsTest, Base64UrlRoundTrips) {
    for (const std::string& s : std::vector<std::string>{"", "a", "ab", "abc", "abcd", std::string("\0\xff\x10", 3)}) {
        std::string decoded;
        ASSERT_TRUE(Base64UrlDecode(Base64UrlEncode(s), decoded));
        EXPECT_EQ(decoded, s);
    }
    std::string out;
    EXPECT_FALSE(Base64UrlDecode("a+b/", out));
    EXPECT_FALSE(Base64UrlDecode("abcde", out));
}

TEST(StringsTest, HexAndLower) {
    EXPECT_EQ(HexEncode(std::string("\x01\xab", 2)), "01ab");
    EXPECT_EQ(ToLowerAscii("AbC-Ω"), "abc-Ω");
}

}  // namespace
}  // namespace onestory
