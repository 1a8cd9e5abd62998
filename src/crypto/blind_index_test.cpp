// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/blind_index.hpp"

#include <gtest/gtest.h>

#include <string>

#include "common/strings.hpp"
#include "crypto/aead.hpp"
#include "crypto/random.hpp"

namespace onestory::crypto {
namespace {

// UTF-8 of one code point.
std::string Utf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

TEST(NormalizeForIndexTest, FoldsCaseDiacriticsAndWhitespace) {
    struct Case {
        std::string input;
        std::string expected;
    };
    const Case cases[] = {
        {"", ""},
        {"   ", ""},
        {"ana", "ana"},
        {"  José   María  ", "jose maria"},
        {"JOSÉ MARÍA", "jose maria"},
        {"Jose\u0301", "jose"},                    // NFD
        {"JOSE\u0301 MARI\u0301A", "jose maria"},  // NFD upper case
        {"Straße", "strasse"},
        {"Łukasz Øster", "lukasz oster"},
        {"Ærøskøbing", "aeroskobing"},
        {"Œuvre", "oeuvre"},
        {"Þórður Ðór", "thordur dor"},
        {"Đorđe", "dorde"},
        {"Ĳsselmeer", "ijsselmeer"},
        {"ŉ ſ ı", "n s i"},
        {"Ñuñez Çelik Şahin Ğ", "nunez celik sahin g"},
        {"Ÿvonne ÿ", "yvonne y"},
        {"a\tb\nc\rd\fe\vf", "a b c d e f"},
        {"\t\n Ana\u00a0\u00a0Maria \u3000", "ana maria"},
        {"Ana\u2002\u2009\u200aMaria", "ana maria"},
        {"a \u0301 b", "a b"},
        {"\u0301\u0308", ""},
        {"Иван ПЕТРОВ", "Иван ПЕТРОВ"},
        {"  Иван   Петров ", "Иван Петров"},
        {"محمد", "محمد"},
        {"王 芳", "王 芳"},
        {"O'Brien-Smith", "o'brien-smith"},
        {"2 × 3 ÷ 1", "2 × 3 ÷ 1"},
        {"Ωmega 😀", "Ωmega 😀"},
    };
    for (const auto& c : cases) EXPECT_EQ(NormalizeForIndex(c.input), c.expected) << c.input;
}

TEST(NormalizeForIndexTest, VariantsNormalizeAlike) {
    const std::string variants[] = {"José María",  "JOSÉ MARÍA",     "  jose   maria ", "Jose\u0301 Mari\u0301a",
                                    "JOSE\tMARIA", "José\u00a0María"};
    for (const auto& v : variants) EXPECT_EQ(NormalizeForIndex(v), "jose maria") << v;
}

TEST(NormalizeForIndexTest, EveryLatinLetterFoldsToLowerAscii) {
    for (char32_t cp = 0x00C0; cp <= 0x017F; ++cp) {
        const std::string folded = NormalizeForIndex(Utf8(cp));
        if (cp == 0x00D7 || cp == 0x00F7) {
            EXPECT_EQ(folded, Utf8(cp));  // × and ÷ are not letters
            continue;
        }
        ASSERT_FALSE(folded.empty()) << std::hex << static_cast<unsigned>(cp);
        ASSERT_LE(folded.size(), 2u) << std::hex << static_cast<unsigned>(cp);
        for (const char c : folded) EXPECT_TRUE(c >= 'a' && c <= 'z') << std::hex << static_cast<unsigned>(cp);
    }
}

TEST(NormalizeForIndexTest, InvalidUtf8IsKeptBytewise) {
    struct Case {
        std::string input;
        std::string expected;
    };
    const Case cases[] = {
        {"\xff", "\xff"},
        {"A\xc3", "a\xc3"},  // truncated sequence at the end
        {"\xc3"
         "A",
         "\xc3"
         "a"},                             // lead byte without continuation
        {"\x80\x80", "\x80\x80"},          // stray continuation bytes
        {"\xc0\xafX", "\xc0\xafx"},        // overlong
        {"\xed\xa0\x80", "\xed\xa0\x80"},  // surrogate
        {"\xf4\x90\x80\x80", "\xf4\x90\x80\x80"},
        {"  \xfe  \xfe ", "\xfe \xfe"},
    };
    for (const auto& c : cases) EXPECT_EQ(NormalizeForIndex(c.input), c.expected) << HexEncode(c.input);
    // Every single byte and every pair of bytes: no crash, and valid input stays valid.
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            const std::string input{static_cast<char>(a), static_cast<char>(b)};
            const std::string out = NormalizeForIndex(input);
            if (IsValidUtf8(input)) {
                EXPECT_TRUE(IsValidUtf8(out)) << HexEncode(input);
            }
        }
    }
}

TEST(NormalizeForIndexTest, IsIdempotent) {
    for (const std::string input : {"  José   María  ", "Straße", "Jose\u0301", "Иван\u00a0Петров", "\xff \xc3"}) {
        const std::string once = NormalizeForIndex(input);
        EXPECT_EQ(NormalizeForIndex(once), once) << input;
    }
}

TEST(BlindIndexTest, EqualForVariantsOfOneValue) {
    const SecretBytes key = NewKey();
    const std::string index = BlindIndex(key, "name_birth", NormalizeForIndex("José María|1990-04-01"));
    EXPECT_EQ(index.size(), 64u);
    EXPECT_EQ(index.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(BlindIndex(key, "name_birth", NormalizeForIndex("  JOSE\u0301 MARIA|1990-04-01 ")), index);
    EXPECT_NE(BlindIndex(key, "name_birth", NormalizeForIndex("José Mario|1990-04-01")), index);
}

TEST(BlindIndexTest, DiffersByDomainAndKey) {
    const SecretBytes key = NewKey();
    const std::string index = BlindIndex(key, "name_birth", "ana");
    EXPECT_NE(BlindIndex(key, "phone", "ana"), index);
    EXPECT_NE(BlindIndex(NewKey(), "name_birth", "ana"), index);
    // The separator keeps (domain, value) pairs apart.
    EXPECT_NE(BlindIndex(key, "ab", "c"), BlindIndex(key, "a", "bc"));
    EXPECT_NE(BlindIndex(key, "a",
                         "b\x1f"
                         "c"),
              BlindIndex(key, "a", "b"));
}

TEST(BlindIndexTest, AcceptsKeysOfSixteenToSixtyFourBytes) {
    const std::string bytes = RandomBytes(64);
    EXPECT_NE(BlindIndex(SecretBytes::Copy(bytes.substr(0, 16)), "d", "v"),
              BlindIndex(SecretBytes::Copy(bytes), "d", "v"));
}

}  // namespace
}  // namespace onestory::crypto
