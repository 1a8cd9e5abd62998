// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/aead.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/strings.hpp"
#include "crypto/field_seal.hpp"
#include "crypto/random.hpp"

namespace onestory::crypto {
namespace {

constexpr std::size_t kOverhead = 1 + 24 + 16;

TEST(SecretBytesTest, ZeroFilledCopiedAndMoved) {
    SecretBytes zeros(8);
    EXPECT_EQ(zeros.Reveal(), std::string(8, '\0'));

    SecretBytes empty;
    EXPECT_TRUE(empty.empty());
    EXPECT_EQ(empty.Reveal(), "");
    EXPECT_TRUE(SecretBytes(0).empty());

    SecretBytes copy = SecretBytes::Copy(std::string("k\0y", 3));
    EXPECT_EQ(copy.Reveal(), std::string("k\0y", 3));
    SecretBytes moved(std::move(copy));
    EXPECT_EQ(moved.Reveal(), std::string("k\0y", 3));
    EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from state is part of the contract
    moved = SecretBytes::Copy("other");
    EXPECT_EQ(moved.Reveal(), "other");
}

TEST(AeadTest, NewKeysAreRandom) {
    const SecretBytes a = NewKey();
    const SecretBytes b = NewKey();
    EXPECT_EQ(a.size(), kKeyBytes);
    EXPECT_NE(a.Reveal(), b.Reveal());
}

TEST(AeadTest, SealOpenRoundTrips) {
    const SecretBytes key = NewKey();
    std::string binary;
    for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
    const std::vector<std::string> plaintexts{"", "a", "José María", binary, std::string(1 << 20, 'x')};
    for (const auto& plaintext : plaintexts) {
        const std::string sealed = Seal(key, plaintext, "ad");
        EXPECT_EQ(sealed.size(), plaintext.size() + kOverhead);
        EXPECT_EQ(sealed[0], '\x01');
        const auto opened = Open(key, sealed, "ad");
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        EXPECT_EQ(*opened, plaintext);
    }
}

TEST(AeadTest, SealsOfTheSamePlaintextDiffer) {
    const SecretBytes key = NewKey();
    EXPECT_NE(Seal(key, "same", "ad"), Seal(key, "same", "ad"));
}

TEST(AeadTest, TamperingAnyByteFailsToOpen) {
    const SecretBytes key = NewKey();
    const std::string sealed = Seal(key, "secret", "ad");
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        for (const unsigned char flip : {0x01, 0x80, 0xff}) {
            std::string tampered = sealed;
            tampered[i] = static_cast<char>(tampered[i] ^ flip);
            const auto opened = Open(key, tampered, "ad");
            ASSERT_FALSE(opened.ok()) << "byte " << i;
            EXPECT_EQ(opened.status().code(), StatusCode::kDataLoss);
        }
    }
}

TEST(AeadTest, WrongAssociatedDataFailsToOpen) {
    const SecretBytes key = NewKey();
    const std::string sealed = Seal(key, "secret", "survivor:a");
    for (const std::string_view ad : {"survivor:b", "", "survivor:a ", "survivor:"}) {
        const auto opened = Open(key, sealed, ad);
        ASSERT_FALSE(opened.ok()) << ad;
        EXPECT_EQ(opened.status().code(), StatusCode::kDataLoss);
        EXPECT_EQ(opened.status().message(), "sealed value failed authentication");
    }
}

TEST(AeadTest, WrongKeyFailsToOpen) {
    const std::string sealed = Seal(NewKey(), "secret", "ad");
    const auto opened = Open(NewKey(), sealed, "ad");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), StatusCode::kDataLoss);
}

TEST(AeadTest, TruncatedOrForeignInputFailsToOpen) {
    const SecretBytes key = NewKey();
    const std::string sealed = Seal(key, "secret", "ad");
    for (std::size_t size = 0; size < sealed.size(); ++size) {
        const auto opened = Open(key, sealed.substr(0, size), "ad");
        ASSERT_FALSE(opened.ok()) << "size " << size;
        EXPECT_EQ(opened.status().code(), StatusCode::kDataLoss);
    }
    std::string other_version = sealed;
    other_version[0] = '\x02';
    EXPECT_EQ(Open(key, other_version, "ad").status().message(), "sealed value has an unsupported format version");
    EXPECT_FALSE(Open(key, sealed + "x", "ad").ok());
}

TEST(AeadTest, ErrorsNameNoData) {
    const SecretBytes key = NewKey();
    const std::string plaintext = "Ana Popescu, Strada Lunga 4";
    const std::string sealed = Seal(key, plaintext, "ad");
    for (const auto& status :
         {Open(key, sealed, "other").status(), Open(NewKey(), sealed, "ad").status(), Open(key, "x", "ad").status()}) {
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.ToString().find("Ana"), std::string::npos) << status.ToString();
        EXPECT_EQ(status.ToString().find("other"), std::string::npos) << status.ToString();
    }
}

TEST(FieldSealTest, RoundTrips) {
    const SecretBytes key = NewKey();
    const std::string sealed = SealField(key, "sv_a", "legal_name", "Ana Popescu");
    const auto opened = OpenField(key, "sv_a", "legal_name", sealed);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    EXPECT_EQ(*opened, "Ana Popescu");

    const std::string passage = SealField(key, "sv_a", "statement", "passage", "sp_1");
    EXPECT_EQ(*OpenField(key, "sv_a", "statement", passage, "sp_1"), "passage");
}

TEST(FieldSealTest, ValueMovedToAnotherSurvivorFieldOrRecordFailsToOpen) {
    const SecretBytes key = NewKey();
    const std::string sealed = SealField(key, "sv_a", "legal_name", "Ana Popescu", "r1");
    struct Case {
        std::string_view survivor, field, record;
    };
    const Case cases[] = {
        {"sv_b", "legal_name", "r1"}, {"sv_a", "contact", "r1"},    {"sv_a", "legal_name", "r2"},
        {"sv_a", "legal_name", ""},   {"sv_alegal_name", "", "r1"},
    };
    for (const auto& c : cases) {
        const auto opened = OpenField(key, c.survivor, c.field, sealed, c.record);
        ASSERT_FALSE(opened.ok()) << c.survivor << "/" << c.field << "/" << c.record;
        EXPECT_EQ(opened.status().code(), StatusCode::kDataLoss);
    }
}

TEST(FieldSealTest, AssociatedDataIsUnambiguous) {
    EXPECT_EQ(FieldAssociatedData("sv_a", "legal_name"), std::string("onestory:field:v1\x1fsv_a\x1flegal_name\x1f"));
    EXPECT_EQ(FieldAssociatedData("sv_a", "statement", "sp_1"),
              std::string("onestory:field:v1\x1fsv_a\x1fstatement\x1fsp_1"));
    EXPECT_NE(FieldAssociatedData("ab", "c"), FieldAssociatedData("a", "bc"));
    EXPECT_NE(FieldAssociatedData("a", "b", "c"), FieldAssociatedData("a",
                                                                      "b\x1f"
                                                                      "c"));
    EXPECT_NE(FieldAssociatedData("a\x1f"
                                  "b",
                                  "c"),
              FieldAssociatedData("a",
                                  "b\x1f"
                                  "c"));
    EXPECT_NE(FieldAssociatedData("a\x1e",
                                  "\x1f"
                                  "b"),
              FieldAssociatedData("a\x1e\x1f", "b"));
}

}  // namespace
}  // namespace onestory::crypto
