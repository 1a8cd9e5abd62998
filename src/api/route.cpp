// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/route.hpp"

#include <boost/json.hpp>

#include "common/check.hpp"

namespace onestory::api {

std::string Capability::Describe() const {
    switch (kind_) {
        case Kind::kPublic:
            return "public";
        case Kind::kAnyPrincipal:
            return "any logged-in principal";
        case Kind::kAction:
            return std::string(NameOf(action_));
    }
    return "";
}

const policy::Actor& ApiRequest::actor() const {
    ONESTORY_CHECK(principal != nullptr, "actor() on a public route");
    return principal->actor;
}

const std::string& ApiRequest::Param(std::string_view name) const {
    for (const auto& [key, value] : params) {
        if (key == name) return value;
    }
    ONESTORY_CHECK(false, "a handler asked for a path parameter its pattern does not have");
    static const std::string kEmpty;
    return kEmpty;
}

const boost::json::object& ApiRequest::Object() const {
    ONESTORY_CHECK(body.is_object(), "Object() on a route without an object body");
    return body.get_object();
}

ApiResponse ApiResponse::Json(boost::json::value body, int status) {
    ApiResponse r;
    r.status = status;
    r.json = std::move(body);
    return r;
}

ApiResponse ApiResponse::Created(boost::json::value body, std::string location) {
    ApiResponse r = Json(std::move(body), 201);
    r.headers.emplace_back("Location", std::move(location));
    return r;
}

ApiResponse ApiResponse::NoContent() {
    ApiResponse r;
    r.status = 204;
    r.raw_body = "";
    return r;
}

ApiResponse& ApiResponse::WithETag(std::int64_t version) {
    headers.emplace_back("ETag", "\"" + std::to_string(version) + "\"");
    return *this;
}

}  // namespace onestory::api
