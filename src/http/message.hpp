// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onestory::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
Method ParseMethod(std::string_view name);

// One HTTP request as the rest of onestory sees it: plain values, no Beast
// types. Header names are stored lower-case.
struct Request {
    Method method = Method::kGet;
    std::string target;                                      // as received: path plus query
    std::string path;                                        // percent-decoded path, without the query
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string remote_address;  // peer IP, for rate limits and the audit

    // First header with this name (case-insensitive), if any.
    std::optional<std::string_view> Header(std::string_view name) const;
    // First query parameter with this name, if any.
    std::optional<std::string_view> Query(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // Replaces any header of the same name (case-insensitive).
    void SetHeader(std::string_view name, std::string value);
    // Adds a header even if one of the name exists (Set-Cookie).
    void AddHeader(std::string_view name, std::string value);
    std::optional<std::string_view> Header(std::string_view name) const;
};

// Splits a request target into a decoded path and query parameters. Returns
// false when the target is not an origin-form path or its percent-encoding is
// broken (the server answers 400).
bool ParseTarget(std::string_view target, std::string& path, std::vector<std::pair<std::string, std::string>>& query);

}  // namespace onestory::http
