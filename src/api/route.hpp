// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "api/schema.hpp"
#include "common/result.hpp"
#include "domain/accounts/account_types.hpp"
#include "http/message.hpp"
#include "policy/policy.hpp"

namespace onestory::api {

// What a route needs before its handler runs. There is no default: every
// route states one, so a route cannot be added without deciding who may call
// it.
class Capability {
  public:
    enum class Kind { kPublic, kAnyPrincipal, kAction };

    // No login (health, metrics, the API description, login itself).
    static Capability Public() { return Capability(Kind::kPublic, policy::Action::kListAgencies); }
    // Any logged-in principal, staff or survivor (logout, who-am-I).
    static Capability AnyPrincipal() { return Capability(Kind::kAnyPrincipal, policy::Action::kListAgencies); }
    // A policy action: the policy's role-level check runs before the handler
    // and the service decides on the record itself.
    static Capability Of(policy::Action action) { return Capability(Kind::kAction, action); }

    Kind kind() const { return kind_; }
    policy::Action action() const { return action_; }
    std::string Describe() const;

  private:
    Capability(Kind kind, policy::Action action) : kind_(kind), action_(action) {}
    Kind kind_;
    policy::Action action_;
};

// One request as a handler sees it: authenticated, its body already
// validated against the route's schema.
struct ApiRequest {
    const http::Request& http;
    const domain::Principal* principal = nullptr;  // null on public routes
    std::vector<std::pair<std::string, std::string>> params;
    boost::json::value body;               // null when the route takes none
    std::optional<std::int64_t> if_match;  // parsed If-Match, when the route requires or accepts it

    const policy::Actor& actor() const;
    const std::string& Param(std::string_view name) const;
    const boost::json::object& Object() const;
};

struct ApiResponse {
    int status = 200;
    boost::json::value json;
    std::optional<std::string> raw_body;  // non-JSON bodies (metrics text, the web app)
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;

    static ApiResponse Json(boost::json::value body, int status = 200);
    // 201 with a Location header.
    static ApiResponse Created(boost::json::value body, std::string location);
    static ApiResponse NoContent();
    ApiResponse& WithETag(std::int64_t version);
};

using ApiHandler = std::function<Result<ApiResponse>(ApiRequest&)>;

struct QueryParameter {
    std::string name;
    Schema schema;
    std::string description;
};

// A route of the API. Method, path pattern, capability and handler are fixed
// at construction; the rest describes it for validation and the OpenAPI
// document.
struct Route {
    Route(http::Method method_in, std::string pattern_in, Capability capability_in, ApiHandler handler_in)
        : method(method_in),
          pattern(std::move(pattern_in)),
          capability(capability_in),
          handler(std::move(handler_in)) {}

    http::Method method;
    std::string pattern;
    Capability capability;
    ApiHandler handler;

    std::string summary;
    std::string tag;
    std::optional<Schema> request;  // a JSON body is required when set, refused when not
    Schema response = Schema::Any();
    int success_status = 200;
    std::vector<QueryParameter> query;
    bool requires_if_match = false;
    // If-Match is read when sent (a PUT that creates the record when there is
    // none and replaces it, with If-Match, when there is).
    bool accepts_if_match = false;
    bool list = false;  // answers {"items", "next_cursor"} and takes limit/cursor
};

}  // namespace onestory::api
