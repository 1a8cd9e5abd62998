// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The web app as the real binary serves it: pages, assets, caching,
// compression and the security headers. The browser tests (tests/e2e) drive
// the app itself.
#include <gtest/gtest.h>

#include <regex>

#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace onestory::testing {
namespace {

class WebTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { server_ = new ServerProcess(); }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    static HttpResponse Get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
        HttpClient client = server_->Client();
        return client.Send("GET", target, {}, headers);
    }
    static ServerProcess* server_;
};
ServerProcess* WebTest::server_ = nullptr;

void ExpectSecurityHeaders(const HttpResponse& r, const std::string& what) {
    const auto csp = r.Header("content-security-policy");
    ASSERT_TRUE(csp.has_value()) << what;
    EXPECT_NE(csp->find("script-src 'self'"), std::string::npos) << what;
    EXPECT_EQ(csp->find("unsafe-inline"), std::string::npos) << what;
    EXPECT_EQ(csp->find("unsafe-eval"), std::string::npos) << what;
    EXPECT_NE(csp->find("frame-ancestors 'none'"), std::string::npos) << what;
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << what;
    EXPECT_EQ(r.Header("referrer-policy"), "no-referrer") << what;
}

TEST_F(WebTest, TheRootIsTheAppNeverStored) {
    const auto r = Get("/");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(r.Header("cache-control"), "no-store");
    EXPECT_NE(r.body.find("<title>onestory</title>"), std::string::npos) << r.body;
    ExpectSecurityHeaders(r, "/");
}

TEST_F(WebTest, AppRoutesAndThePortalLoadTheSamePage) {
    const auto root = Get("/");
    for (const char* path : {"/login", "/cases/cs_123/team", "/survivors/new", "/portal", "/portal/consents"}) {
        const auto r = Get(path);
        EXPECT_EQ(r.status, 200) << path;
        EXPECT_EQ(r.body, root.body) << path;
        EXPECT_EQ(r.Header("cache-control"), "no-store") << path;
        EXPECT_FALSE(r.Header("set-cookie").has_value()) << path;
        ExpectSecurityHeaders(r, path);
    }
}

TEST_F(WebTest, TheApiAndOperationsAreNotTheApp) {
    const auto api = Get("/api/v1/no-such-route");
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(api.Header("content-type"), "application/json");
    EXPECT_EQ(Get("/api").status, 404);
    EXPECT_EQ(Get("/healthz").status, 200);
    EXPECT_EQ(Get("/metrics").Header("content-type")->rfind("text/plain", 0), 0u);
}

TEST_F(WebTest, MissingFilesAre404AndOnlyGetIsAnswered) {
    EXPECT_EQ(Get("/assets/no-such-file.js").status, 404);
    EXPECT_EQ(Get("/robots.txt").status, 404);
    HttpClient client = server_->Client();
    const auto post = client.Send("POST", "/cases", "{}");
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.Header("allow"), "GET, HEAD");
}

// Either the built app, whose script is served with its type, cached for a
// year and compressed when accepted; or, in a binary built without it, the
// placeholder page that says so.
TEST_F(WebTest, TheAppsScriptIsServedCachedAndCompressed) {
    const auto index = Get("/");
    std::smatch m;
    if (!std::regex_search(index.body, m, std::regex("<script[^>]*src=\"(/assets/[^\"]+\\.js)\""))) {
        EXPECT_NE(index.body.find("built without its web app"), std::string::npos) << index.body;
        return;
    }
    EXPECT_EQ(index.body.find("<script>"), std::string::npos) << "no inline script";
    EXPECT_EQ(index.body.find("style="), std::string::npos) << "no inline style";
    const std::string script = m[1];
    const auto plain = Get(script);
    EXPECT_EQ(plain.status, 200);
    EXPECT_EQ(plain.Header("content-type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(plain.Header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_FALSE(plain.Header("content-encoding").has_value());
    ExpectSecurityHeaders(plain, script);

    const auto gzip = Get(script, {{"Accept-Encoding", "gzip, deflate"}});
    EXPECT_EQ(gzip.status, 200);
    EXPECT_EQ(gzip.Header("content-encoding"), "gzip");
    EXPECT_EQ(gzip.Header("vary"), "Accept-Encoding");
    ASSERT_GE(gzip.body.size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>(gzip.body[0]), 0x1f);  // the gzip magic number
    EXPECT_EQ(static_cast<unsigned char>(gzip.body[1]), 0x8b);
    EXPECT_LT(gzip.body.size(), plain.body.size());
}

}  // namespace
}  // namespace onestory::testing
