// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onestory::testing {

struct HttpResponse {
    int status = 0;  // 0: the server closed the connection without answering
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // First header with this name (case-insensitive), if any.
    std::optional<std::string> Header(std::string_view name) const;
};

// A blocking HTTP/1.1 client for tests. Send keeps one connection alive and
// reconnects when the server has closed it; SendRaw always uses a connection
// of its own. Every network step is bounded by a 30 s timeout, so a hung
// server fails the test instead of hanging it. Connection failures and
// timeouts throw std::runtime_error.
//
// Not thread-safe: use one client per thread.
class HttpClient {
  public:
    HttpClient(std::string host, std::uint16_t port);
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;

    // Sets Host and Content-Length, and Content-Type: application/json when a
    // body is given without a Content-Type; `headers` override the defaults.
    HttpResponse Send(std::string_view method, std::string_view target, std::string_view body = {},
                      const std::vector<std::pair<std::string, std::string>>& headers = {});

    // Writes `bytes` exactly as given on a fresh connection and reads one
    // response.
    HttpResponse SendRaw(std::string_view bytes);

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace onestory::testing
