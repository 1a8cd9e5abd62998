// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "http/router.hpp"

#include <algorithm>

namespace onestory::http {
namespace {

bool IsParam(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

std::vector<std::string_view> Router::Split(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) parts.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return parts;
}

std::size_t Router::Add(Method method, std::string_view pattern) {
    Route route{method, {}};
    for (const auto part : Split(pattern)) route.segments.emplace_back(part);
    routes_.push_back(std::move(route));
    return routes_.size() - 1;
}

bool Router::Matches(const Route& route, const std::vector<std::string_view>& parts,
                     std::vector<std::pair<std::string, std::string>>* params) {
    if (route.segments.size() != parts.size()) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& seg = route.segments[i];
        if (IsParam(seg)) {
            if (params != nullptr) params->emplace_back(seg.substr(1, seg.size() - 2), std::string(parts[i]));
        } else if (seg != parts[i]) {
            return false;
        }
    }
    return true;
}

bool Router::MoreSpecific(const Route& a, const Route& b) {
    for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
        const bool pa = IsParam(a.segments[i]);
        const bool pb = IsParam(b.segments[i]);
        if (pa != pb) return !pa;
    }
    return false;
}

Router::Match Router::Find(Method method, std::string_view path) const {
    const auto parts = Split(path);
    Match match;
    const Route* best = nullptr;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        const Route& route = routes_[i];
        if (!Matches(route, parts, nullptr)) continue;
        const bool method_ok = route.method == method || (method == Method::kHead && route.method == Method::kGet);
        if (!method_ok) {
            if (std::find(match.allowed.begin(), match.allowed.end(), route.method) == match.allowed.end()) {
                match.allowed.push_back(route.method);
            }
            continue;
        }
        if (best == nullptr || MoreSpecific(route, *best)) {
            best = &route;
            match.index = i;
        }
    }
    if (best != nullptr) {
        match.kind = Match::Kind::kFound;
        match.allowed.clear();
        Matches(*best, parts, &match.params);
    } else if (!match.allowed.empty()) {
        match.kind = Match::Kind::kMethodNotAllowed;
    }
    return match;
}

}  // namespace onestory::http
