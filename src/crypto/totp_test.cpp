// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/totp.hpp"

#include <gtest/gtest.h>

namespace onestory::crypto {
namespace {

// RFC 6238 appendix B, SHA-1, truncated to six digits.
TEST(TotpTest, MatchesTheRfcTestVectors) {
    const SecretBytes secret = SecretBytes::Copy("12345678901234567890");
    const struct {
        std::int64_t seconds;
        const char* code;
    } vectors[] = {
        {59, "287082"}, {1111111109, "081804"}, {1111111111, "050471"}, {1234567890, "005924"}, {2000000000, "279037"}};
    for (const auto& v : vectors) {
        const Instant at = FromMicros(v.seconds * 1'000'000);
        EXPECT_EQ(TotpCode(secret, at), v.code) << v.seconds;
        EXPECT_EQ(MatchTotp(secret, v.code, at), v.seconds / kTotpStepSeconds);
    }
}

TEST(TotpTest, AcceptsOneStepOfDriftAndNothingElse) {
    const SecretBytes secret = NewTotpSecret();
    const Instant now = FromMicros(1'795'000'000'000'000);
    const std::string code = TotpCode(secret, now);
    EXPECT_TRUE(MatchTotp(secret, code, now + std::chrono::seconds(30)).has_value());
    EXPECT_TRUE(MatchTotp(secret, code, now - std::chrono::seconds(30)).has_value());
    EXPECT_FALSE(MatchTotp(secret, code, now + std::chrono::seconds(95)).has_value());
    EXPECT_FALSE(MatchTotp(NewTotpSecret(), code, now).has_value());
    for (const char* bad : {"", "12345", "1234567", "12a456", "      "})
        EXPECT_FALSE(MatchTotp(secret, bad, now)) << bad;
}

TEST(TotpTest, TheUriCarriesTheSecretInBase32) {
    const SecretBytes secret = SecretBytes::Copy("12345678901234567890");
    EXPECT_EQ(TotpSecretText(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    EXPECT_EQ(OtpauthUri(secret, "onestory", "case worker"),
              "otpauth://totp/onestory:case%20worker?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=onestory"
              "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace onestory::crypto
