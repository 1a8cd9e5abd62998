// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The second factor: TOTP enrolment, login with codes and recovery codes,
// roles that must enrol, and an administrator's reset. Codes are made here
// with liboath at the server's manual clock.
#include <gtest/gtest.h>
#include <liboath/oath.h>

#include <regex>
#include <set>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

constexpr std::int64_t kStart = 1795683600;  // 2026-11-26T09:00:00Z, the servers' test clock

std::string RawSecret(const std::string& base32) {
    char* raw = nullptr;
    size_t length = 0;
    EXPECT_EQ(oath_base32_decode(base32.data(), base32.size(), &raw, &length), OATH_OK);
    std::string out(raw, length);
    std::free(raw);
    return out;
}

std::string Code(const std::string& base32, std::int64_t at) {
    const std::string raw = RawSecret(base32);
    char code[7] = {};
    EXPECT_EQ(oath_totp_generate(raw.data(), raw.size(), static_cast<time_t>(at), 30, 0, 6, code), OATH_OK);
    return code;
}

ApiResult LoginWith(const ServerProcess& server, const std::string& user, std::optional<std::string> totp) {
    ApiClient client(server);
    json::object body{{"username", user}, {"password", World::kPassword}};
    if (totp) body["totp"] = *totp;
    return client.Send("POST", "/api/v1/login", json::serialize(body), {}, false);
}

class TotpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        static bool ready = oath_init() == OATH_OK;
        ASSERT_TRUE(ready);
    }
    void Start(const std::string& settings = "") {
        ServerProcess::Options options;
        options.settings_json = settings;
        server_ = std::make_unique<ServerProcess>(options);
        world_ = std::make_unique<World>(*server_);
    }
    // Moves the server's clock on (the administrator's session stays fresh).
    void Advance(int seconds) {
        ASSERT_EQ(world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", seconds}}).status, 200);
        now_ += seconds;
    }
    // Enrols the user's authenticator; returns {secret, recovery codes}.
    std::pair<std::string, std::vector<std::string>> Enrol(ApiClient& client) {
        const auto begun = client.Post("/api/v1/me/totp");
        EXPECT_EQ(begun.status, 201) << begun.raw.body;
        const std::string secret = begun.Str("secret");
        const auto confirmed = client.Post("/api/v1/me/totp/confirm", json::object{{"code", Code(secret, now_)}});
        EXPECT_EQ(confirmed.status, 200) << confirmed.raw.body;
        std::vector<std::string> codes;
        for (const auto& c : confirmed.obj().at("recovery_codes").as_array()) codes.emplace_back(c.as_string());
        return {secret, codes};
    }

    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::int64_t now_ = kStart;
};

TEST_F(TotpTest, OnceConfirmedEveryLoginNeedsAFreshCode) {
    Start();
    auto& cw = world_->As("caseworker");
    const auto begun = cw.Post("/api/v1/me/totp");
    ASSERT_EQ(begun.status, 201) << begun.raw.body;
    const std::string secret = begun.Str("secret");
    EXPECT_EQ(secret.size(), 32u);
    EXPECT_EQ(begun.Str("otpauth_uri"), "otpauth://totp/onestory:caseworker?secret=" + secret +
                                            "&issuer=onestory&algorithm=SHA1&digits=6&period=30");
    // Not in force until confirmed.
    EXPECT_EQ(LoginWith(*server_, "caseworker", std::nullopt).status, 200);
    const auto wrong = cw.Post("/api/v1/me/totp/confirm", json::object{{"code", "000000"}});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.ErrorCode(), "invalid_totp");
    const std::string first = Code(secret, now_);
    const auto confirmed = cw.Post("/api/v1/me/totp/confirm", json::object{{"code", first}});
    ASSERT_EQ(confirmed.status, 200) << confirmed.raw.body;
    const auto& codes = confirmed.obj().at("recovery_codes").as_array();
    ASSERT_EQ(codes.size(), 10u);
    std::set<std::string> distinct;
    for (const auto& c : codes) {
        EXPECT_TRUE(std::regex_match(std::string(c.as_string()), std::regex("[a-z2-7]{4}(-[a-z2-7]{4}){3}")))
            << c.as_string();
        distinct.emplace(c.as_string());
    }
    EXPECT_EQ(distinct.size(), 10u);
    EXPECT_EQ(cw.Post("/api/v1/me/totp").ErrorCode(), "totp_already_enrolled");

    const auto without = LoginWith(*server_, "caseworker", std::nullopt);
    EXPECT_EQ(without.status, 401);
    EXPECT_EQ(without.ErrorCode(), "totp_required");
    EXPECT_EQ(without.ErrorField(), "totp");
    // The code that confirmed the enrolment cannot be used again.
    EXPECT_EQ(LoginWith(*server_, "caseworker", first).ErrorCode(), "invalid_totp");
    EXPECT_EQ(LoginWith(*server_, "caseworker", "123456").ErrorCode(), "invalid_totp");
    Advance(30);
    const std::string next = Code(secret, now_);
    EXPECT_EQ(LoginWith(*server_, "caseworker", next).status, 200);
    EXPECT_EQ(LoginWith(*server_, "caseworker", next).ErrorCode(), "invalid_totp") << "a code was accepted twice";
    // A recovery code works once, however it is typed.
    const std::string recovery(codes[3].as_string());
    std::string shouted;
    for (const char c : recovery) shouted += c == '-' ? ' ' : static_cast<char>(std::toupper(c));
    EXPECT_EQ(LoginWith(*server_, "caseworker", shouted).status, 200);
    EXPECT_EQ(LoginWith(*server_, "caseworker", recovery).ErrorCode(), "invalid_totp");

    // Secrets are secrets: not in the database, the audit or the log.
    const std::string audit = world_->Admin().Get("/api/v1/audit?limit=500").raw.body;
    EXPECT_NE(audit.find("second factor: recovery_code"), std::string::npos);
    const std::string log = server_->Log();
    ASSERT_EQ(server_->Stop(), 0);
    // The store's files (SQLite) or a pg_dump, where binary columns are hex.
    const std::string files = server_->DumpStore();
    const std::string raw = RawSecret(secret);
    std::string raw_hex;
    for (const unsigned char c : raw) {
        static constexpr char kHex[] = "0123456789abcdef";
        raw_hex += kHex[c >> 4];
        raw_hex += kHex[c & 0xF];
    }
    for (const std::string& secret_text :
         {secret, raw, raw_hex, recovery, recovery.substr(0, 4) + recovery.substr(5, 4) + recovery.substr(10, 4)}) {
        EXPECT_EQ(files.find(secret_text), std::string::npos);
        EXPECT_EQ(audit.find(secret_text), std::string::npos);
        EXPECT_EQ(log.find(secret_text), std::string::npos);
    }

    // A key rotation re-wraps the secret: codes still work afterwards.
    const auto rotated = RunOnestory({"rotate-master-key", "--data", server_->data_dir().string()});
    ASSERT_EQ(rotated.exit_code, 0) << rotated.err;
    EXPECT_NE(rotated.out.find("1 TOTP secrets"), std::string::npos) << rotated.out;
    server_->Restart();
    now_ += 60;
    ApiClient admin(*server_);
    ASSERT_EQ(admin.Login("admin", "admin-password-123").status, 200);
    ASSERT_EQ(admin.Post("/api/v1/test/clock", json::object{{"advance_seconds", 60}}).status, 200);
    EXPECT_EQ(LoginWith(*server_, "caseworker", Code(secret, now_)).status, 200);
}

TEST_F(TotpTest, RolesThatMustEnrolGetASessionThatCanOnlyEnrol) {
    Start(R"({"totp_required_roles": ["supervisor"]})");
    const auto login = LoginWith(*server_, "supervisor", std::nullopt);
    ASSERT_EQ(login.status, 200) << login.raw.body;
    EXPECT_TRUE(login.obj().at("totp_enrolment_required").as_bool());
    ApiClient supervisor(*server_);
    supervisor.UseToken(login.Str("token"));
    const auto blocked = supervisor.Get("/api/v1/survivors");
    EXPECT_EQ(blocked.status, 403);
    EXPECT_EQ(blocked.ErrorCode(), "totp_enrolment_required");
    EXPECT_NE(std::string(blocked.obj().at("error").at("message").as_string()).find("/api/v1/me/totp"),
              std::string::npos);
    EXPECT_EQ(supervisor.Get("/api/v1/me").status, 200);
    const auto [secret, codes] = Enrol(supervisor);
    // Enrolled: the same session goes on, and later logins need codes.
    EXPECT_EQ(supervisor.Get("/api/v1/survivors").status, 200);
    EXPECT_EQ(LoginWith(*server_, "supervisor", std::nullopt).ErrorCode(), "totp_required");
    Advance(30);
    const auto full = LoginWith(*server_, "supervisor", Code(secret, now_));
    ASSERT_EQ(full.status, 200);
    EXPECT_FALSE(full.obj().at("totp_enrolment_required").as_bool());
    // Other roles are not asked.
    EXPECT_FALSE(LoginWith(*server_, "caseworker", std::nullopt).obj().at("totp_enrolment_required").as_bool());
}

TEST_F(TotpTest, WrongCodesLockTheAccountLikeWrongPasswords) {
    Start(R"({"lockout_threshold": 3})");
    Enrol(world_->As("caseworker"));
    for (int i = 0; i < 3; ++i) EXPECT_EQ(LoginWith(*server_, "caseworker", "999999").status, 401);
    const auto locked = LoginWith(*server_, "caseworker", "999999");
    EXPECT_EQ(locked.status, 429);
    EXPECT_EQ(locked.ErrorCode(), "account_locked");
}

TEST_F(TotpTest, AnAdministratorResetsALostAuthenticator) {
    Start();
    auto& cw = world_->As("caseworker");
    Enrol(cw);
    const std::string id = world_->StaffId("caseworker");
    EXPECT_EQ(world_->As("supervisor").Post("/api/v1/staff/" + id + "/totp/reset").status, 403);
    ASSERT_EQ(world_->Admin().Post("/api/v1/staff/" + id + "/totp/reset").status, 204);
    EXPECT_EQ(cw.Get("/api/v1/me").status, 401) << "sessions end with the reset";
    EXPECT_EQ(LoginWith(*server_, "caseworker", std::nullopt).status, 200);
    EXPECT_EQ(world_->Admin().Post("/api/v1/staff/" + id + "/totp/reset").status, 404);
    const auto audit = world_->Admin().Get("/api/v1/audit?limit=100").raw.body;
    EXPECT_NE(audit.find("totp.reset"), std::string::npos);
}

}  // namespace
}  // namespace onestory::testing
