// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "http/message.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace onestory::http {
namespace {

struct MethodEntry {
    Method method;
    std::string_view name;
};

constexpr std::array<MethodEntry, 7> kMethods{{
    {Method::kGet, "GET"},
    {Method::kHead, "HEAD"},
    {Method::kPost, "POST"},
    {Method::kPut, "PUT"},
    {Method::kPatch, "PATCH"},
    {Method::kDelete, "DELETE"},
    {Method::kOptions, "OPTIONS"},
}};

char LowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return LowerAscii(x) == LowerAscii(y); });
}

std::optional<std::string_view> FindHeader(const std::vector<std::pair<std::string, std::string>>& headers,
                                           std::string_view name) {
    for (const auto& [key, value] : headers) {
        if (EqualsIgnoreCase(key, name)) return std::string_view(value);
    }
    return std::nullopt;
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-decodes `in` into `out`. In a query '+' stands for a space (HTML
// form encoding); in a path it is a literal plus.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string& out) {
    out.clear();
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size()) return false;
            const int high = HexValue(in[i + 1]);
            const int low = HexValue(in[i + 2]);
            if (high < 0 || low < 0) return false;
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return true;
}

}  // namespace

std::string_view MethodName(Method method) {
    for (const auto& entry : kMethods) {
        if (entry.method == method) return entry.name;
    }
    return "OTHER";
}

Method ParseMethod(std::string_view name) {
    // Method names are case-sensitive (RFC 9110 section 9.1): "get" is not GET.
    for (const auto& entry : kMethods) {
        if (entry.name == name) return entry.method;
    }
    return Method::kOther;
}

std::optional<std::string_view> Request::Header(std::string_view name) const {
    return FindHeader(headers, name);
}

std::optional<std::string_view> Request::Query(std::string_view name) const {
    for (const auto& [key, value] : query) {
        if (key == name) return std::string_view(value);
    }
    return std::nullopt;
}

void Response::SetHeader(std::string_view name, std::string value) {
    std::erase_if(headers, [name](const auto& header) { return EqualsIgnoreCase(header.first, name); });
    headers.emplace_back(std::string(name), std::move(value));
}

void Response::AddHeader(std::string_view name, std::string value) {
    headers.emplace_back(std::string(name), std::move(value));
}

std::optional<std::string_view> Response::Header(std::string_view name) const {
    return FindHeader(headers, name);
}

bool ParseTarget(std::string_view target, std::string& path, std::vector<std::pair<std::string, std::string>>& query) {
    path.clear();
    query.clear();
    if (target.empty() || target.front() != '/') return false;

    const std::size_t question = target.find('?');
    const std::string_view raw_path = target.substr(0, question);
    if (!PercentDecode(raw_path, /*plus_is_space=*/false, path)) return false;
    // A decoded NUL would cut the path short wherever it meets a C API.
    if (path.find('\0') != std::string::npos) return false;
    if (question == std::string_view::npos) return true;

    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (pair.empty()) continue;  // "a=1&&b=2" and a trailing '&' carry nothing
        const std::size_t equals = pair.find('=');
        std::string key;
        std::string value;
        if (!PercentDecode(pair.substr(0, equals), /*plus_is_space=*/true, key)) return false;
        if (equals != std::string_view::npos &&
            !PercentDecode(pair.substr(equals + 1), /*plus_is_space=*/true, value)) {
            return false;
        }
        query.emplace_back(std::move(key), std::move(value));
    }
    return true;
}

}  // namespace onestory::http
