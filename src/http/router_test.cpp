// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace onestory::http {
namespace {

class RouterTest : public ::testing::Test {
  protected:
    void SetUp() override {
        get_survivor_ = router_.Add(Method::kGet, "/api/v1/survivors/{id}");
        match_ = router_.Add(Method::kPost, "/api/v1/survivors/match");
        list_ = router_.Add(Method::kGet, "/api/v1/survivors");
        create_ = router_.Add(Method::kPost, "/api/v1/survivors");
        team_ = router_.Add(Method::kGet, "/api/v1/cases/{id}/team");
    }
    Router router_;
    std::size_t get_survivor_ = 0, match_ = 0, list_ = 0, create_ = 0, team_ = 0;
};

TEST_F(RouterTest, MatchesLiteralAndParameterSegments) {
    struct Case {
        Method method;
        const char* path;
        Router::Match::Kind kind;
        std::size_t index;
    };
    const Case cases[] = {
        {Method::kGet, "/api/v1/survivors", Router::Match::Kind::kFound, list_},
        {Method::kGet, "/api/v1/survivors/", Router::Match::Kind::kFound, list_},
        {Method::kPost, "/api/v1/survivors", Router::Match::Kind::kFound, create_},
        {Method::kGet, "/api/v1/survivors/sv_1", Router::Match::Kind::kFound, get_survivor_},
        {Method::kHead, "/api/v1/survivors/sv_1", Router::Match::Kind::kFound, get_survivor_},
        {Method::kPost, "/api/v1/survivors/match", Router::Match::Kind::kFound, match_},
        {Method::kGet, "/api/v1/cases/cs_9/team", Router::Match::Kind::kFound, team_},
        {Method::kDelete, "/api/v1/survivors/sv_1", Router::Match::Kind::kMethodNotAllowed, 0},
        {Method::kGet, "/api/v1/nothing", Router::Match::Kind::kNotFound, 0},
        {Method::kGet, "/api/v1/cases/cs_9/team/extra", Router::Match::Kind::kNotFound, 0},
        {Method::kGet, "/", Router::Match::Kind::kNotFound, 0},
    };
    for (const auto& c : cases) {
        const auto m = router_.Find(c.method, c.path);
        EXPECT_EQ(m.kind, c.kind) << c.path;
        if (c.kind == Router::Match::Kind::kFound) {
            EXPECT_EQ(m.index, c.index) << c.path;
        }
    }
}

TEST_F(RouterTest, ReturnsParametersAndAllowedMethods) {
    const auto m = router_.Find(Method::kGet, "/api/v1/cases/cs_42/team");
    ASSERT_EQ(m.params.size(), 1u);
    EXPECT_EQ(m.params[0].first, "id");
    EXPECT_EQ(m.params[0].second, "cs_42");
    const auto not_allowed = router_.Find(Method::kPut, "/api/v1/survivors");
    EXPECT_EQ(not_allowed.kind, Router::Match::Kind::kMethodNotAllowed);
    EXPECT_EQ(not_allowed.allowed.size(), 2u);
}

}  // namespace
}  // namespace onestory::http
