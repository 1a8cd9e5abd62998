// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace onestory::http {
namespace {

TEST(ProblemTest, MapsCodesToHttpStatuses) {
    EXPECT_EQ(HttpStatusFor(StatusCode::kInvalidArgument), 400);
    EXPECT_EQ(HttpStatusFor(StatusCode::kUnauthenticated), 401);
    EXPECT_EQ(HttpStatusFor(StatusCode::kPermissionDenied), 403);
    EXPECT_EQ(HttpStatusFor(StatusCode::kNotFound), 404);
    EXPECT_EQ(HttpStatusFor(StatusCode::kConflict), 409);
    EXPECT_EQ(HttpStatusFor(StatusCode::kGone), 410);
    EXPECT_EQ(HttpStatusFor(StatusCode::kTooLarge), 413);
    EXPECT_EQ(HttpStatusFor(StatusCode::kPreconditionRequired), 428);
    EXPECT_EQ(HttpStatusFor(StatusCode::kRateLimited), 429);
    EXPECT_EQ(HttpStatusFor(StatusCode::kUnavailable), 503);
    EXPECT_EQ(HttpStatusFor(StatusCode::kInternal), 500);
}

TEST(ProblemTest, BodyCarriesCodeMessageFieldAndDetails) {
    Status s(StatusCode::kConflict, "topics_already_covered", "already on record", "topics");
    s.WithDetail("covered", {"recruitment", "escape"});
    const auto response = ErrorResponse(s);
    EXPECT_EQ(response.status, 409);
    const auto body = boost::json::parse(response.body).as_object();
    EXPECT_EQ(body.at("error").at("code").as_string(), "topics_already_covered");
    EXPECT_EQ(body.at("error").at("field").as_string(), "topics");
    EXPECT_EQ(body.at("covered").as_array().size(), 2u);
    EXPECT_EQ(response.Header("content-type"), "application/json");
}

TEST(ProblemTest, InternalErrorsHideTheirDetail) {
    const auto response = ErrorResponse(Status::Internal("sqlite said: table secret_stuff"));
    EXPECT_EQ(response.status, 500);
    EXPECT_EQ(response.body.find("secret_stuff"), std::string::npos);
}

TEST(ProblemTest, RateLimitsSayWhenToRetry) {
    Status s(StatusCode::kRateLimited, "account_locked", "locked");
    s.WithRetryAfter(900);
    EXPECT_EQ(ErrorResponse(s).Header("retry-after"), "900");
}

}  // namespace
}  // namespace onestory::http
