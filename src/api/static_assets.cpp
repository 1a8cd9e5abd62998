// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/static_assets.hpp"

#include <array>
#include <utility>

#include "common/strings.hpp"
#include "http/problem.hpp"

namespace onestory::api {
namespace {

constexpr std::string_view kIndex = "/index.html";
constexpr std::string_view kGzipSuffix = ".gz";
constexpr std::string_view kHashedDir = "/assets/";

bool UnderPortal(std::string_view path) {
    return path == "/portal" || path.starts_with("/portal/");
}

bool LooksLikeFile(std::string_view path) {
    const auto slash = path.rfind('/');
    const auto last = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return last.find('.') != std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view path) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".ico", "image/x-icon"},
        {".webp", "image/webp"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
    }};
    for (const auto& [extension, type] : kTypes) {
        if (path.ends_with(extension)) return type;
    }
    return "application/octet-stream";
}

bool AcceptsGzip(std::string_view header) {
    while (!header.empty()) {
        const auto comma = header.find(',');
        std::string_view item = Trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        std::string_view coding = item;
        std::string_view params;
        if (const auto semi = item.find(';'); semi != std::string_view::npos) {
            coding = Trim(item.substr(0, semi));
            params = Trim(item.substr(semi + 1));
        }
        if (ToLowerAscii(coding) != "gzip" && coding != "*") continue;
        // "q=0" (or 0.0, 0.00…) refuses it; any other weight accepts it.
        if (params.starts_with("q=") || params.starts_with("Q=")) {
            const std::string_view q = params.substr(2);
            return q.find_first_not_of("0.") != std::string_view::npos;
        }
        return true;
    }
    return false;
}

StaticAssets::StaticAssets(std::span<const EmbeddedFile> files) {
    for (const auto& f : files) {
        if (f.path.empty()) continue;
        const std::string path = "/" + std::string(f.path);
        if (path.ends_with(kGzipSuffix)) continue;
        files_[path].bytes = f.bytes;
    }
    for (const auto& f : files) {
        const std::string path = "/" + std::string(f.path);
        if (!path.ends_with(kGzipSuffix)) continue;
        const auto it = files_.find(path.substr(0, path.size() - kGzipSuffix.size()));
        if (it != files_.end() && f.bytes.size() < it->second.bytes.size()) it->second.gzip = f.bytes;
    }
}

bool StaticAssets::Owns(std::string_view path) {
    return !(path == "/api" || path.starts_with("/api/") || path == "/healthz" || path == "/metrics");
}

const StaticAssets::File* StaticAssets::Find(std::string_view path) const {
    const auto it = files_.find(std::string(path));
    return it == files_.end() ? nullptr : &it->second;
}

http::Response StaticAssets::Serve(const http::Request& request) const {
    if (request.method != http::Method::kGet && request.method != http::Method::kHead) {
        auto response = http::ErrorResponse(
            {StatusCode::kInvalidArgument, "method_not_allowed", "the web app answers GET and HEAD only"});
        response.status = 405;
        response.SetHeader("Allow", "GET, HEAD");
        return response;
    }
    std::string_view path = request.path;
    if (path == "/") path = kIndex;
    const File* file = Find(path);
    std::string_view served_as = path;
    if (file == nullptr) {
        // A page of the app (/cases/…, /portal): the app decides what to show.
        if (path.starts_with(kHashedDir) || LooksLikeFile(path) || path.find('\0') != std::string_view::npos) {
            return http::ErrorResponse({StatusCode::kNotFound, "not_found", "there is no such file"});
        }
        file = Find(kIndex);
        served_as = kIndex;
        if (file == nullptr) return http::ErrorResponse({StatusCode::kNotFound, "not_found", "there is no web app"});
    }

    http::Response response;
    response.SetHeader("Content-Type", std::string(ContentTypeFor(served_as)));
    if (UnderPortal(request.path) || served_as == kIndex) {
        response.SetHeader("Cache-Control", "no-store");
    } else if (served_as.starts_with(kHashedDir)) {
        // Vite names these by content hash: a changed file is a new name.
        response.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
    } else {
        response.SetHeader("Cache-Control", "no-cache");
    }
    const bool gzip = !file->gzip.empty() && AcceptsGzip(request.Header("accept-encoding").value_or(""));
    if (!file->gzip.empty()) response.SetHeader("Vary", "Accept-Encoding");
    if (gzip) response.SetHeader("Content-Encoding", "gzip");
    response.body = std::string(gzip ? file->gzip : file->bytes);
    return response;
}

}  // namespace onestory::api
