// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace onestory::http {

// Matches a method and a decoded path against route patterns such as
// "/api/v1/cases/{id}/team". A {name} segment matches one non-empty path
// segment and is returned as a parameter. When several patterns match, the
// one with literal segments earliest wins ("/survivors/match" before
// "/survivors/{id}"). A path that matches only under other methods is 405.
class Router {
  public:
    struct Match {
        enum class Kind { kFound, kNotFound, kMethodNotAllowed };
        Kind kind = Kind::kNotFound;
        std::size_t index = 0;  // the route's position in Add order
        std::vector<std::pair<std::string, std::string>> params;
        std::vector<Method> allowed;  // for kMethodNotAllowed
    };

    // Returns the index of the new route.
    std::size_t Add(Method method, std::string_view pattern);
    Match Find(Method method, std::string_view path) const;

    std::size_t size() const { return routes_.size(); }

  private:
    struct Route {
        Method method;
        std::vector<std::string> segments;  // "{id}" marks a parameter
    };
    static std::vector<std::string_view> Split(std::string_view path);
    static bool Matches(const Route& route, const std::vector<std::string_view>& parts,
                        std::vector<std::pair<std::string, std::string>>* params);
    static bool MoreSpecific(const Route& a, const Route& b);

    std::vector<Route> routes_;
};

}  // namespace onestory::http
