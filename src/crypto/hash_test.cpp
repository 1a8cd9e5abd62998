// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/hash.hpp"

#include <gtest/gtest.h>

#include <string>

#include "common/strings.hpp"
#include "crypto/aead.hpp"

namespace onestory::crypto {
namespace {

TEST(HashTest, KnownAnswers) {
    // BLAKE2b-256 and SHA-256 test vectors for "" and "abc".
    EXPECT_EQ(HashHex(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    EXPECT_EQ(HashHex("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(HashTest, MacIsKeyedAndRaw) {
    const SecretBytes key = NewKey();
    const std::string mac = Mac(key, "event");
    EXPECT_EQ(mac.size(), 32u);
    EXPECT_EQ(Mac(key, "event"), mac);
    EXPECT_NE(Mac(key, "event2"), mac);
    EXPECT_NE(Mac(NewKey(), "event"), mac);
    EXPECT_NE(HexEncode(mac), HashHex("event"));
}

TEST(HashTest, ConstantTimeEquals) {
    struct Case {
        std::string_view a, b;
        bool equal;
    };
    const Case cases[] = {
        {"", "", true},
        {"token", "token", true},
        {"token", "tokex", false},
        {"token", "token2", false},
        {"", "x", false},
        {std::string_view("a\0b", 3), std::string_view("a\0c", 3), false},
    };
    for (const auto& c : cases) EXPECT_EQ(ConstantTimeEquals(c.a, c.b), c.equal) << c.a << " / " << c.b;
}

}  // namespace
}  // namespace onestory::crypto
