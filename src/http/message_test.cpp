// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "http/message.hpp"

#include <gtest/gtest.h>

namespace onestory::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(MessageTest, MethodNamesRoundTrip) {
    for (const Method method : {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch,
                                Method::kDelete, Method::kOptions}) {
        EXPECT_EQ(ParseMethod(MethodName(method)), method) << MethodName(method);
    }
    EXPECT_EQ(ParseMethod("PATCH"), Method::kPatch);
    EXPECT_EQ(ParseMethod("get"), Method::kOther);  // method names are case-sensitive
    EXPECT_EQ(ParseMethod("PROPFIND"), Method::kOther);
    EXPECT_EQ(ParseMethod(""), Method::kOther);
}

TEST(MessageTest, RequestHeaderIsCaseInsensitive) {
    Request request;
    request.headers = {{"content-type", "application/json"}, {"x-csrf-token", "a"}, {"x-csrf-token", "b"}};
    EXPECT_EQ(request.Header("Content-Type"), "application/json");
    EXPECT_EQ(request.Header("X-CSRF-TOKEN"), "a");  // the first one wins
    EXPECT_FALSE(request.Header("authorization").has_value());
}

TEST(MessageTest, RequestQueryIsFirstMatch) {
    Request request;
    request.query = {{"limit", "10"}, {"limit", "20"}, {"cursor", ""}};
    EXPECT_EQ(request.Query("limit"), "10");
    EXPECT_EQ(request.Query("cursor"), "");
    EXPECT_FALSE(request.Query("Limit").has_value());
}

TEST(MessageTest, SetHeaderReplacesAndAddHeaderAppends) {
    Response response;
    response.SetHeader("Content-Type", "text/plain");
    response.SetHeader("content-type", "application/json");
    ASSERT_EQ(response.headers.size(), 1u);
    EXPECT_EQ(response.Header("CONTENT-TYPE"), "application/json");

    response.AddHeader("Set-Cookie", "a=1");
    response.AddHeader("Set-Cookie", "b=2");
    EXPECT_EQ(response.headers.size(), 3u);
    EXPECT_EQ(response.Header("set-cookie"), "a=1");
    response.SetHeader("Set-Cookie", "c=3");
    EXPECT_EQ(response.headers.size(), 2u);
    EXPECT_EQ(response.Header("set-cookie"), "c=3");
    EXPECT_FALSE(response.Header("location").has_value());
}

TEST(MessageTest, ParseTargetAcceptsOriginForm) {
    struct Case {
        std::string target;
        std::string path;
        Pairs query;
    };
    const Case cases[] = {
        {"/", "/", {}},
        {"/api/v1/cases", "/api/v1/cases", {}},
        {"/api/v1/cases?", "/api/v1/cases", {}},
        {"/a%20b/c+d", "/a b/c+d", {}},  // '+' is literal in a path
        {"/caf%C3%a9", "/caf\xc3\xa9", {}},
        {"/s?q=a+b%2Bc&limit=10", "/s", {{"q", "a b+c"}, {"limit", "10"}}},
        {"/s?flag&x=&=v", "/s", {{"flag", ""}, {"x", ""}, {"", "v"}}},
        {"/s?a=1&&b=2&", "/s", {{"a", "1"}, {"b", "2"}}},
        {"/s?a=x=y", "/s", {{"a", "x=y"}}},
        {"/s?a=1&a=2", "/s", {{"a", "1"}, {"a", "2"}}},
        {"/s?n%61me=%E2%82%AC", "/s", {{"name", "\xe2\x82\xac"}}},
        {"/p%3Fq?x=%3F", "/p?q", {{"x", "?"}}},
    };
    for (const auto& c : cases) {
        std::string path = "stale";
        Pairs query = {{"stale", "stale"}};
        ASSERT_TRUE(ParseTarget(c.target, path, query)) << c.target;
        EXPECT_EQ(path, c.path) << c.target;
        EXPECT_EQ(query, c.query) << c.target;
    }
}

TEST(MessageTest, ParseTargetRejectsBadTargets) {
    const std::string cases[] = {
        "",       "*",       "api/v1/cases", "http://example.org/", "?a=1", "/a%", "/a%2", "/a%zz", "/a%2g",
        "/a%00b",  // decoded NUL in the path
        "/s?a=%", "/s?a=%4", "/s?%x1=1",
    };
    for (const auto& target : cases) {
        std::string path;
        Pairs query;
        EXPECT_FALSE(ParseTarget(target, path, query)) << target;
    }
}

}  // namespace
}  // namespace onestory::http
