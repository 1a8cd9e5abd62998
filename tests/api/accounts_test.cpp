// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Logins, sessions, cookies and CSRF, lockout, idle timeout, agencies and staff.
#include <gtest/gtest.h>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

class AccountsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
    }
    ApiResult LoginAttempt(const std::string& username, const std::string& password) {
        ApiClient c(*server_);
        return c.Login(username, password);
    }
    ApiResult Advance(int seconds) {
        return world_->Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", seconds}});
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
};

TEST_F(AccountsTest, LoginAnswersTokensAndAStrictHttpOnlyCookie) {
    const auto r = LoginAttempt("caseworker", World::kPassword);
    ASSERT_EQ(r.status, 200) << r.raw.body;
    EXPECT_FALSE(r.Str("token").empty());
    EXPECT_FALSE(r.Str("csrf_token").empty());
    const auto& staff = r.obj().at("staff").as_object();
    EXPECT_EQ(staff.at("username").as_string(), "caseworker");
    EXPECT_EQ(staff.at("agency_id").as_string(), world_->AgencyId("ngo"));
    EXPECT_EQ(staff.at("roles").as_array().at(0).as_string(), "caseworker");
    EXPECT_FALSE(staff.contains("password_hash"));
    const auto cookie = r.raw.Header("set-cookie");
    ASSERT_TRUE(cookie.has_value());
    EXPECT_NE(cookie->find("onestory_session=" + r.Str("token")), std::string::npos);
    EXPECT_NE(cookie->find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie->find("SameSite=Strict"), std::string::npos);
}

TEST_F(AccountsTest, BearerAndCookieBothAuthenticateAndCookieWritesNeedCsrf) {
    const auto login = LoginAttempt("caseworker", World::kPassword);
    const std::string cookie = "onestory_session=" + login.Str("token");
    ApiClient raw(*server_);
    const auto me = raw.Send("GET", "/api/v1/me", "", {{"Cookie", cookie}}, false);
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(me.Str("username"), "caseworker");

    const std::string body = json::serialize(json::object{{"code_name", "Quiet Heron"}, {"legal_name", "Test Person"}});
    const auto no_csrf = raw.Send("POST", "/api/v1/survivors", body, {{"Cookie", cookie}}, false);
    EXPECT_EQ(no_csrf.status, 403);
    EXPECT_EQ(no_csrf.ErrorCode(), "csrf_token_invalid");
    const auto bad_csrf =
        raw.Send("POST", "/api/v1/survivors", body, {{"Cookie", cookie}, {"X-CSRF-Token", "forged"}}, false);
    EXPECT_EQ(bad_csrf.status, 403);
    const auto with_csrf = raw.Send("POST", "/api/v1/survivors", body,
                                    {{"Cookie", cookie}, {"X-CSRF-Token", login.Str("csrf_token")}}, false);
    EXPECT_EQ(with_csrf.status, 201) << with_csrf.raw.body;
    // A bearer token needs no CSRF header.
    ApiClient bearer(*server_);
    bearer.UseToken(login.Str("token"));
    EXPECT_EQ(
        bearer.Post("/api/v1/survivors", json::object{{"code_name", "Calm Fox"}, {"legal_name", "Another Person"}})
            .status,
        201);
}

TEST_F(AccountsTest, LogoutEndsTheSession) {
    ApiClient c(*server_);
    ASSERT_EQ(c.Login("counsellor", World::kPassword).status, 200);
    EXPECT_EQ(c.Get("/api/v1/me").status, 200);
    EXPECT_EQ(c.Post("/api/v1/logout", json::object{{"all", true}}).status, 400);  // logout takes no body
    const auto logout = c.Send("POST", "/api/v1/logout", "");
    EXPECT_EQ(logout.status, 204);
    EXPECT_NE(logout.raw.Header("set-cookie")->find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(c.Get("/api/v1/me").status, 401);
}

TEST_F(AccountsTest, WrongPasswordAndUnknownUserAnswerIdentically) {
    const auto wrong = LoginAttempt("caseworker", "not-the-password-1");
    const auto unknown = LoginAttempt("nobody-here", "not-the-password-1");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.raw.body, unknown.raw.body);
    EXPECT_EQ(wrong.ErrorCode(), "invalid_credentials");
}

TEST_F(AccountsTest, FiveFailuresLockTheAccountForFifteenMinutes) {
    for (int i = 0; i < 5; ++i) EXPECT_EQ(LoginAttempt("caseworker", "wrong-password-123").status, 401) << i;
    // Locked: even the right password is refused, with Retry-After.
    const auto locked = LoginAttempt("caseworker", World::kPassword);
    EXPECT_EQ(locked.status, 429);
    EXPECT_EQ(locked.ErrorCode(), "account_locked");
    ASSERT_TRUE(locked.raw.Header("retry-after").has_value());
    const int retry = std::stoi(*locked.raw.Header("retry-after"));
    EXPECT_GT(retry, 800);
    EXPECT_LE(retry, 900);
    // Unknown usernames are throttled exactly alike.
    for (int i = 0; i < 5; ++i) LoginAttempt("ghost-user", "wrong-password-123");
    EXPECT_EQ(LoginAttempt("ghost-user", "wrong-password-123").status, 429);
    // Other accounts are unaffected.
    EXPECT_EQ(LoginAttempt("counsellor", World::kPassword).status, 200);
    // After fifteen minutes the lock lifts.
    ASSERT_EQ(Advance(15 * 60 + 1).status, 200);
    EXPECT_EQ(LoginAttempt("caseworker", World::kPassword).status, 200);
}

TEST_F(AccountsTest, LockoutIsAudited) {
    for (int i = 0; i < 6; ++i) LoginAttempt("caseworker", "wrong-password-123");
    const auto audit = world_->Admin().Get("/api/v1/audit?limit=500");
    ASSERT_EQ(audit.status, 200);
    int failures = 0, locks = 0, locked_attempts = 0;
    for (const auto& e : audit.obj().at("items").as_array()) {
        const auto action = e.at("action").as_string();
        failures += action == "login.failure";
        locks += action == "account.locked";
        locked_attempts += action == "login.locked";
    }
    EXPECT_EQ(failures, 5);
    EXPECT_EQ(locks, 1);
    EXPECT_EQ(locked_attempts, 1);
}

TEST_F(AccountsTest, IdleSessionsExpire) {
    ApiClient c(*server_);
    ASSERT_EQ(c.Login("counsellor", World::kPassword).status, 200);
    ASSERT_EQ(Advance(29 * 60).status, 200);
    EXPECT_EQ(c.Get("/api/v1/me").status, 200);  // activity refreshes the idle clock
    ASSERT_EQ(Advance(29 * 60).status, 200);
    EXPECT_EQ(c.Get("/api/v1/me").status, 200);
    ASSERT_EQ(Advance(31 * 60).status, 200);
    const auto expired = c.Get("/api/v1/me");
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.ErrorCode(), "session_expired");
}

TEST_F(AccountsTest, OnlyAdministratorsManageAgenciesAndStaff) {
    auto& sup = world_->As("supervisor");
    const auto agency = sup.Post("/api/v1/agencies", json::object{{"name", "X"}, {"kind", "ngo"}, {"country", "KE"}});
    EXPECT_EQ(agency.status, 403);
    EXPECT_EQ(agency.ErrorCode(), "role_not_permitted");
    const auto staff = sup.Post("/api/v1/staff", json::object{{"username", "newbie"},
                                                              {"password", "long-enough-pass"},
                                                              {"display_name", "New"},
                                                              {"agency_id", world_->AgencyId("ngo")},
                                                              {"roles", json::array{"caseworker"}}});
    EXPECT_EQ(staff.status, 403);
    // Everyone lists agencies; staff lists are limited to one's own agency.
    EXPECT_EQ(sup.Get("/api/v1/agencies").obj().at("items").as_array().size(), 5u);
    const auto own = sup.Get("/api/v1/staff?limit=500");
    for (const auto& s : own.obj().at("items").as_array()) {
        EXPECT_EQ(s.at("agency_id").as_string(), world_->AgencyId("ngo"));
    }
    EXPECT_EQ(sup.Get("/api/v1/staff?agency_id=" + world_->AgencyId("police")).status, 403);
    EXPECT_GE(world_->Admin().Get("/api/v1/staff?limit=500").obj().at("items").as_array().size(), 10u);
}

TEST_F(AccountsTest, AdministratorsDoNotReadSurvivorData) {
    const auto [survivor, kase] = world_->SurvivorWithCase("caseworker", "Amber Lark", "Kesi Lomaru");
    auto& admin = world_->Admin();
    const auto read = admin.Get("/api/v1/survivors/" + survivor);
    EXPECT_EQ(read.status, 403);
    EXPECT_EQ(read.ErrorCode(), "admin_has_no_case_access");
    EXPECT_EQ(admin.Get("/api/v1/cases/" + kase).status, 403);
    EXPECT_EQ(admin.Get("/api/v1/survivors").status, 403);
}

TEST_F(AccountsTest, StaffValidation) {
    auto& admin = world_->Admin();
    auto make = [&](json::object body) { return admin.Post("/api/v1/staff", body); };
    json::object base{{"username", "valid.user"},
                      {"password", "long-enough-pass"},
                      {"display_name", "Valid"},
                      {"agency_id", world_->AgencyId("ngo")},
                      {"roles", json::array{"caseworker"}}};
    auto short_pw = base;
    short_pw["password"] = "short-pass";
    EXPECT_EQ(make(short_pw).ErrorField(), "password");
    auto bad_name = base;
    bad_name["username"] = "Has Spaces";
    EXPECT_EQ(make(bad_name).ErrorField(), "username");
    auto bad_role = base;
    bad_role["roles"] = json::array{"wizard"};
    EXPECT_EQ(make(bad_role).ErrorField(), "roles[0]");
    auto no_agency = base;
    no_agency["agency_id"] = "ag_missing";
    EXPECT_EQ(make(no_agency).ErrorField(), "agency_id");
    EXPECT_EQ(make(base).status, 201);
    const auto dup = make(base);
    EXPECT_EQ(dup.status, 409);
    EXPECT_EQ(dup.ErrorField(), "username");
    const auto bad_country =
        admin.Post("/api/v1/agencies", json::object{{"name", "Y"}, {"kind", "ngo"}, {"country", "XX"}});
    EXPECT_EQ(bad_country.ErrorField(), "country");
}

}  // namespace
}  // namespace onestory::testing
