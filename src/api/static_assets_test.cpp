// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/static_assets.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace onestory::api {
namespace {

// Bytes that stand in for a built web app; "compressed" twins only need to be
// smaller to be chosen.
const std::vector<EmbeddedFile> kFiles{
    {"index.html", "<!doctype html><title>app</title>"},
    {"index.html.gz", "gz-index"},
    {"assets/index-abc123.js", "console.log('app');"},
    {"assets/index-abc123.js.gz", "gz-js"},
    {"assets/index-abc123.css", "body{}"},
    {"favicon.svg", "<svg/>"},
    {"favicon.svg.gz", "a twin that is larger than the file itself"},
};

http::Request Get(std::string path, std::string accept_encoding = "") {
    http::Request r;
    r.method = http::Method::kGet;
    r.path = path;
    r.target = path;
    if (!accept_encoding.empty()) r.headers.emplace_back("accept-encoding", accept_encoding);
    return r;
}

TEST(StaticAssetsTest, OwnsEverythingButTheApiAndOperations) {
    EXPECT_TRUE(StaticAssets::Owns("/"));
    EXPECT_TRUE(StaticAssets::Owns("/cases/cs_1/team"));
    EXPECT_TRUE(StaticAssets::Owns("/portal"));
    EXPECT_TRUE(StaticAssets::Owns("/apiary"));
    EXPECT_FALSE(StaticAssets::Owns("/api"));
    EXPECT_FALSE(StaticAssets::Owns("/api/v1/cases"));
    EXPECT_FALSE(StaticAssets::Owns("/healthz"));
    EXPECT_FALSE(StaticAssets::Owns("/metrics"));
}

TEST(StaticAssetsTest, RootAndAppRoutesAnswerIndexNeverStored) {
    const StaticAssets assets(kFiles);
    for (const char* path : {"/", "/index.html", "/cases/cs_1/overview", "/survivors/new", "/login"}) {
        const auto r = assets.Serve(Get(path));
        EXPECT_EQ(r.status, 200) << path;
        EXPECT_EQ(r.body, "<!doctype html><title>app</title>") << path;
        EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8") << path;
        EXPECT_EQ(r.Header("cache-control"), "no-store") << path;
    }
}

TEST(StaticAssetsTest, PortalPathsAreNeverStored) {
    const StaticAssets assets(kFiles);
    for (const char* path : {"/portal", "/portal/", "/portal/consents"}) {
        const auto r = assets.Serve(Get(path, "gzip"));
        EXPECT_EQ(r.status, 200) << path;
        EXPECT_EQ(r.Header("cache-control"), "no-store") << path;
    }
}

TEST(StaticAssetsTest, HashedAssetsAreCachedForAYearWithTheirType) {
    const StaticAssets assets(kFiles);
    const auto js = assets.Serve(Get("/assets/index-abc123.js"));
    EXPECT_EQ(js.status, 200);
    EXPECT_EQ(js.body, "console.log('app');");
    EXPECT_EQ(js.Header("content-type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(js.Header("cache-control"), "public, max-age=31536000, immutable");
    const auto css = assets.Serve(Get("/assets/index-abc123.css"));
    EXPECT_EQ(css.Header("content-type"), "text/css; charset=utf-8");
    EXPECT_FALSE(css.Header("vary").has_value());  // no twin: nothing varies
    const auto icon = assets.Serve(Get("/favicon.svg"));
    EXPECT_EQ(icon.Header("content-type"), "image/svg+xml");
    EXPECT_EQ(icon.Header("cache-control"), "no-cache");
}

TEST(StaticAssetsTest, GzipTwinIsSentOnlyWhenAccepted) {
    const StaticAssets assets(kFiles);
    const auto plain = assets.Serve(Get("/assets/index-abc123.js"));
    EXPECT_EQ(plain.body, "console.log('app');");
    EXPECT_FALSE(plain.Header("content-encoding").has_value());
    EXPECT_EQ(plain.Header("vary"), "Accept-Encoding");

    const auto gz = assets.Serve(Get("/assets/index-abc123.js", "gzip, deflate, br"));
    EXPECT_EQ(gz.body, "gz-js");
    EXPECT_EQ(gz.Header("content-encoding"), "gzip");
    EXPECT_EQ(gz.Header("vary"), "Accept-Encoding");

    const auto refused = assets.Serve(Get("/assets/index-abc123.js", "br, gzip;q=0"));
    EXPECT_EQ(refused.body, "console.log('app');");

    const auto index = assets.Serve(Get("/cases/cs_1", "gzip"));
    EXPECT_EQ(index.body, "gz-index");
    EXPECT_EQ(index.Header("content-encoding"), "gzip");
}

TEST(StaticAssetsTest, ALargerTwinIsIgnored) {
    const StaticAssets assets(kFiles);
    const auto icon = assets.Serve(Get("/favicon.svg", "gzip"));
    EXPECT_EQ(icon.body, "<svg/>");
    EXPECT_FALSE(icon.Header("content-encoding").has_value());
}

TEST(StaticAssetsTest, MissingFilesAre404NotTheApp) {
    const StaticAssets assets(kFiles);
    for (const char* path : {"/assets/missing.js", "/assets/index-abc123", "/robots.txt", "/index.html.gz",
                             "/assets/index-abc123.js.gz", "/../etc/passwd.txt"}) {
        const auto r = assets.Serve(Get(path));
        EXPECT_EQ(r.status, 404) << path;
        EXPECT_EQ(r.Header("content-type"), "application/json") << path;
    }
}

TEST(StaticAssetsTest, OnlyGetAndHead) {
    const StaticAssets assets(kFiles);
    auto post = Get("/");
    post.method = http::Method::kPost;
    const auto r = assets.Serve(post);
    EXPECT_EQ(r.status, 405);
    EXPECT_EQ(r.Header("allow"), "GET, HEAD");
    auto head = Get("/");
    head.method = http::Method::kHead;
    EXPECT_EQ(assets.Serve(head).status, 200);
}

TEST(StaticAssetsTest, WithoutFilesEveryPageIs404) {
    const StaticAssets assets(std::span<const EmbeddedFile>{});
    EXPECT_TRUE(assets.empty());
    EXPECT_EQ(assets.Serve(Get("/")).status, 404);
}

TEST(StaticAssetsTest, AcceptEncodingParsing) {
    EXPECT_TRUE(AcceptsGzip("gzip"));
    EXPECT_TRUE(AcceptsGzip("deflate, GZIP"));
    EXPECT_TRUE(AcceptsGzip("gzip;q=0.5"));
    EXPECT_TRUE(AcceptsGzip("*"));
    EXPECT_TRUE(AcceptsGzip(" br , gzip ; q=1"));
    EXPECT_FALSE(AcceptsGzip(""));
    EXPECT_FALSE(AcceptsGzip("br, deflate"));
    EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
    EXPECT_FALSE(AcceptsGzip("gzip;q=0.000"));
    EXPECT_FALSE(AcceptsGzip("x-gzip-not"));
}

TEST(StaticAssetsTest, ContentTypes) {
    EXPECT_EQ(ContentTypeFor("/a.woff2"), "font/woff2");
    EXPECT_EQ(ContentTypeFor("/a.png"), "image/png");
    EXPECT_EQ(ContentTypeFor("/a.unknown"), "application/octet-stream");
}

}  // namespace
}  // namespace onestory::api
