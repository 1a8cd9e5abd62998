// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Operational endpoints, the route table and the OpenAPI document.
#include <gtest/gtest.h>

#include <set>

#include "cli/installation.hpp"
#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

class OperationsTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { server_ = new ServerProcess(); }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    static ServerProcess* server_;
};
ServerProcess* OperationsTest::server_ = nullptr;

// The App's own route table, built in this process over a scratch installation.
std::vector<std::pair<std::string, std::string>> RouteTable() {
    TempDir dir;
    const auto data = (dir.path() / "data").string();
    const auto init = RunOnestory({"init", "--data", data, "--admin-username", "admin"},
                                  {"ONESTORY_ADMIN_PASSWORD=admin-password-123"});
    EXPECT_EQ(init.exit_code, 0) << init.err;
    cli::OpenOptions options;
    options.manual_clock = ParseInstant("2026-11-26T09:00:00Z");
    auto installation = cli::Installation::Open(cli::DataDir{data}, options);
    EXPECT_TRUE(installation.ok()) << installation.status().ToString();
    std::vector<std::pair<std::string, std::string>> table;
    for (const auto& route : (*installation)->MakeApp({}).routes()) {
        EXPECT_FALSE(route.capability.Describe().empty());
        table.emplace_back(std::string(http::MethodName(route.method)), route.pattern);
    }
    return table;
}

std::string Concrete(std::string pattern) {
    for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{')) {
        pattern.replace(open, pattern.find('}', open) - open + 1, "x_test_id");
    }
    return pattern;
}

TEST_F(OperationsTest, HealthzAnswersOk) {
    ApiClient anonymous(*server_);
    const auto r = anonymous.Get("/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.Str("status"), "ok");
}

TEST_F(OperationsTest, MetricsCountRequestsByRouteAndStatus) {
    ApiClient anonymous(*server_);
    anonymous.Get("/healthz");
    anonymous.Get("/api/v1/survivors");  // 401
    const auto r = anonymous.Get("/metrics");
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.raw.Header("content-type")->find("text/plain"), std::string::npos);
    EXPECT_NE(r.raw.body.find("onestory_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"),
              std::string::npos)
        << r.raw.body;
    EXPECT_NE(r.raw.body.find("route=\"/api/v1/survivors\",status=\"401\""), std::string::npos);
    EXPECT_NE(r.raw.body.find("onestory_http_request_duration_seconds_bucket"), std::string::npos);
}

TEST_F(OperationsTest, EveryRouteButThePublicOnesNeedsCredentials) {
    const std::set<std::string> kPublic{"GET /healthz",
                                        "GET /metrics",
                                        "GET /api/v1/openapi.json",
                                        "POST /api/v1/login",
                                        "GET /api/v1/portal/config",
                                        "POST /api/v1/portal/activate",
                                        "POST /api/v1/portal/login"};
    ApiClient anonymous(*server_);
    const auto table = RouteTable();
    ASSERT_GT(table.size(), 15u);
    for (const auto& [method, pattern] : table) {
        const std::string key = method + " " + pattern;
        const std::string body = method == "GET" ? "" : "{}";
        const auto r = anonymous.Send(method, Concrete(pattern), body);
        if (kPublic.count(key) != 0) {
            EXPECT_NE(r.status, 401) << key;
        } else {
            EXPECT_EQ(r.status, 401) << key << ": " << r.raw.body;
            EXPECT_EQ(r.ErrorCode(), "unauthenticated") << key;
        }
    }
}

TEST_F(OperationsTest, TheOpenApiDocumentListsExactlyTheRouteTable) {
    ApiClient anonymous(*server_);
    const auto r = anonymous.Get("/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.Str("openapi"), "3.1.0");
    std::set<std::string> documented;
    for (const auto& [path, item] : r.obj().at("paths").as_object()) {
        for (const auto& [method, op] : item.as_object()) {
            std::string upper(method);
            for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            documented.insert(upper + " " + std::string(path));
            EXPECT_TRUE(op.as_object().contains("responses")) << path;
            EXPECT_TRUE(op.as_object().contains("x-onestory-capability")) << path;
        }
    }
    std::set<std::string> routed;
    for (const auto& [method, pattern] : RouteTable()) routed.insert(method + " " + pattern);
    EXPECT_EQ(documented, routed);
}

TEST_F(OperationsTest, RequestBodiesAreDescribedWithTheirSchemas) {
    ApiClient anonymous(*server_);
    const auto doc = anonymous.Get("/api/v1/openapi.json");
    const auto& survivors = doc.obj().at("paths").at("/api/v1/survivors").at("post").as_object();
    const auto& schema = survivors.at("requestBody").at("content").at("application/json").at("schema").as_object();
    EXPECT_EQ(schema.at("additionalProperties").as_bool(), false);
    EXPECT_TRUE(schema.at("properties").as_object().contains("legal_name"));
    const auto& required = schema.at("required").as_array();
    EXPECT_NE(std::find(required.begin(), required.end(), json::value("code_name")), required.end());
}

TEST_F(OperationsTest, SecurityHeadersOnEveryResponse) {
    ApiClient anonymous(*server_);
    for (const char* target : {"/healthz", "/api/v1/nowhere", "/api/v1/me"}) {
        const auto r = anonymous.Get(target);
        const auto csp = r.raw.Header("content-security-policy");
        ASSERT_TRUE(csp.has_value()) << target;
        EXPECT_NE(csp->find("frame-ancestors 'none'"), std::string::npos);
        EXPECT_EQ(csp->find("unsafe-inline"), std::string::npos);
        EXPECT_EQ(r.raw.Header("x-content-type-options"), "nosniff");
        EXPECT_EQ(r.raw.Header("referrer-policy"), "no-referrer");
    }
}

TEST_F(OperationsTest, UnknownRoutesAre404AndWrongMethods405) {
    ApiClient anonymous(*server_);
    const auto missing = anonymous.Get("/api/v1/no-such-thing");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.ErrorCode(), "route_not_found");
    const auto wrong = anonymous.Send("DELETE", "/api/v1/survivors", "");
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.ErrorCode(), "method_not_allowed");
    EXPECT_TRUE(wrong.raw.Header("allow").has_value());
}

TEST_F(OperationsTest, SigtermDrainsAndExitsZero) {
    ServerProcess own;
    ApiClient anonymous(own);
    EXPECT_EQ(anonymous.Get("/healthz").status, 200);
    EXPECT_EQ(own.Stop(), 0);
}

}  // namespace
}  // namespace onestory::testing
