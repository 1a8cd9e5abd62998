// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/embedded_file.hpp"
#include "http/message.hpp"

namespace onestory::api {

// The web app, served from files compiled into the binary (web/dist, or a
// placeholder page when the binary was built without it).
//
// Every path outside the API (/api/), /healthz and /metrics belongs to the
// web app. A file is answered with its type; a path that names no file and
// looks like a page (no extension, not under /assets/) gets index.html, so
// the app's own routes (/cases/…, /portal) load it. Hashed build output under
// /assets/ is cached for a year; index.html and everything under /portal is
// never stored. When a file has a gzip twin (`name.gz`) and the browser
// accepts gzip, the twin is sent. Immutable after construction; thread-safe.
class StaticAssets {
  public:
    explicit StaticAssets(std::span<const EmbeddedFile> files);

    // True for paths the web app answers rather than the API.
    static bool Owns(std::string_view path);

    // Answers GET and HEAD (HEAD's body is dropped by the caller); other
    // methods get 405.
    http::Response Serve(const http::Request& request) const;

    bool empty() const { return files_.empty(); }

  private:
    struct File {
        std::string_view bytes;
        std::string_view gzip;  // empty when there is no smaller compressed twin
    };

    const File* Find(std::string_view path) const;

    std::unordered_map<std::string, File> files_;  // keyed by URL path, "/index.html"
};

// The Content-Type for a file name, by its extension.
std::string_view ContentTypeFor(std::string_view path);

// Whether an Accept-Encoding header value allows gzip.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace onestory::api
