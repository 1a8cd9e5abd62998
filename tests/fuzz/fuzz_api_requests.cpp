// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Every route of the API, in-process, with fuzzed bodies, principals and path
// parameters: api::App::Handle must answer every input with a well-formed
// response and never a 500 (which would mean a bug, not bad input).
//
// Input: "METHOD /pattern\n", one byte choosing the principal, one byte
// choosing the path parameter, then the body. A first line that names no
// route picks one by hash, so new routes are reached without new seeds.
#include <cstdlib>
#include <map>

#include <boost/json.hpp>

#include "fuzz/fuzz_support.hpp"

namespace {

using onestory::fuzz::FuzzInstallation;
using Who = FuzzInstallation::Who;

// Routes whose handlers are too costly or too destructive to call per input
// (an Argon2id hash, ending the fuzzer's own session): their request schema
// is checked against the body instead.
bool SchemaOnly(const onestory::api::Route& route) {
    return route.pattern == "/api/v1/login" || route.pattern == "/api/v1/logout" ||
           (route.pattern == "/api/v1/staff" && route.method == onestory::http::Method::kPost);
}

std::string RouteLine(const onestory::api::Route& route) {
    return std::string(onestory::http::MethodName(route.method)) + " " + route.pattern;
}

const std::map<std::string, std::pair<Who, std::string>>& ExampleBodies() {
    static const std::map<std::string, std::pair<Who, std::string>> kBodies{
        {"POST /api/v1/login", {Who::kNobody, R"({"username":"caseworker","password":"fuzz-password-123"})"}},
        {"POST /api/v1/agencies", {Who::kAdmin, R"({"name":"Fuzz Agency","kind":"police","country":"KE"})"}},
        {"POST /api/v1/staff",
         {Who::kAdmin,
          R"({"username":"new.user","password":"a-long-password","display_name":"New","agency_id":"ag_x","roles":["caseworker"]})"}},
        {"POST /api/v1/survivors",
         {Who::kCaseworker,
          R"({"code_name":"Calm Wren","legal_name":"Fuzz Person","birth_date":"2001-02-03","gender":"female","languages":["sw","en"],"nationality":"KE","contact":"+254","address":"1 Road"})"}},
        {"POST /api/v1/survivors/match",
         {Who::kCaseworker, R"({"legal_name":"Fuzz Testperson","birth_date":"2001-02-03"})"}},
        {"POST /api/v1/cases",
         {Who::kCaseworker, R"({"survivor_id":"sv_x","stage":"intake","exploitation_types":["forced_labour"]})"}},
        {"PATCH /api/v1/cases/{id}", {Who::kCaseworker, R"({"stage":"aftercare","status":"active"})"}},
        {"POST /api/v1/cases/{id}/team", {Who::kCaseworker, R"({"staff_id":"st_x","case_role":"counsellor"})"}},
        {"POST /api/v1/survivors/{id}/erase", {Who::kSupervisor, R"({"reason":"survivor_request"})"}},
        {"POST /api/v1/providers", {Who::kAdmin, R"({"name":"Fuzz Shelter","service_types":["shelter"]})"}},
        {"POST /api/v1/cases/{id}/referrals",
         {Who::kCaseworker,
          R"({"provider_id":"pr_x","service_type":"shelter","reason":"A bed.","follow_up_by":"2026-11-30"})"}},
        {"POST /api/v1/referrals/{id}/transition", {Who::kCaseworker, R"({"to":"sent"})"}},
        {"POST /api/v1/cases/{id}/commitments",
         {Who::kCaseworker, R"({"what":"Call back.","owner_id":"st_x","due":"2026-12-01"})"}},
        {"PATCH /api/v1/commitments/{id}", {Who::kCaseworker, R"({"note":"On track."})"}},
        {"PUT /api/v1/cases/{id}/safety-plan",
         {Who::kCaseworker,
          R"({"risk_level":"medium","items":[{"kind":"safe_place","text":"The library."}],"review_by":"2027-01-01"})"}},
        {"POST /api/v1/cases/{id}/hearings",
         {Who::kCaseworker, R"({"court":"Fuzz Court","scheduled_at":"2027-01-11T09:00:00Z","kind":"bail"})"}},
        {"PATCH /api/v1/hearings/{id}", {Who::kCaseworker, R"({"accommodations_granted":["screen"]})"}},
        {"POST /api/v1/cases/{id}/reviews",
         {Who::kCaseworker, R"({"held_at":"2026-11-25T10:00:00Z","attendees":["st_x"]})"}},
        {"POST /api/v1/cases/{id}/incidents",
         {Who::kCaseworker,
          R"({"occurred_on":"2026-10-01","penetration":false,"unwanted_sexual_contact":false,"physical_assault":true,"forced_marriage":false,"denial_of_resources":false,"psychological_abuse":true})"}},
        {"POST /api/v1/cases/{id}/assessments",
         {Who::kCaseworker, R"({"assessed_on":"2026-11-26","scores":{"safety":{"safe_housing":3}}})"}},
    };
    return kBodies;
}

std::vector<std::string> Seeds(const std::vector<onestory::api::Route>& routes) {
    std::vector<std::string> seeds;
    for (const auto& route : routes) {
        const std::string line = RouteLine(route);
        const auto example = ExampleBodies().find(line);
        const Who who = example != ExampleBodies().end() ? example->second.first : Who::kCaseworker;
        const std::string body =
            example != ExampleBodies().end() ? example->second.second : (route.request ? "{}" : "");
        seeds.push_back(line + "\n" + static_cast<char>(who) + '\0' + body);
    }
    return seeds;
}

std::string PathFor(const std::string& pattern, unsigned char selector) {
    const auto& fx = FuzzInstallation::Get();
    std::string path;
    std::size_t at = 0;
    while (at < pattern.size()) {
        const auto open = pattern.find('{', at);
        if (open == std::string::npos) {
            path += pattern.substr(at);
            break;
        }
        const auto close = pattern.find('}', open);
        path += pattern.substr(at, open - at);
        // Mostly the id that fits the route; sometimes another kind, or none that exists.
        int which = pattern.find("/cases/") != std::string::npos      ? 1
                    : pattern.find("/erasures/") != std::string::npos ? 2
                    : pattern.find("/agencies/") != std::string::npos ? 3
                    : pattern.find("/staff/") != std::string::npos    ? 4
                                                                      : 0;
        if (selector % 4 == 1) which = selector / 4;
        path += selector % 4 == 2 ? "xx_" + std::to_string(selector) : fx.Id(which);
        at = close + 1;
    }
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    auto& fx = FuzzInstallation::Get();
    onestory::fuzz::WriteSeedsIfAsked(Seeds(fx.app().routes()));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace json = boost::json;
    auto& fx = FuzzInstallation::Get();
    const auto& routes = fx.app().routes();
    std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const std::string_view line = input.substr(0, newline);
    input = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

    const onestory::api::Route* route = nullptr;
    for (const auto& r : routes) {
        if (RouteLine(r) == line) route = &r;
    }
    if (route == nullptr) route = &routes[std::hash<std::string_view>{}(line) % routes.size()];
    const unsigned char who = input.empty() ? 3 : static_cast<unsigned char>(input[0]) % 4;
    if (!input.empty()) input.remove_prefix(1);
    const unsigned char selector = input.empty() ? 0 : static_cast<unsigned char>(input[0]);
    if (!input.empty()) input.remove_prefix(1);

    if (SchemaOnly(*route)) {
        if (!route->request) return 0;
        json::parse_options options;
        options.max_depth = 32;
        options.allow_invalid_utf8 = true;
        std::error_code ec;
        const json::value body = json::parse(input, ec, json::storage_ptr(), options);
        if (!ec) (void)route->request->Validate(body);
        return 0;
    }

    onestory::http::Request request;
    request.method = route->method;
    request.path = PathFor(route->pattern, selector);
    request.target = request.path;
    request.remote_address = "127.0.0.1";
    request.headers.emplace_back("content-type", "application/json");
    if (who != 0) request.headers.emplace_back("authorization", "Bearer " + fx.Token(static_cast<Who>(who)));
    if (route->requires_if_match) request.headers.emplace_back("if-match", "\"1\"");
    request.body = std::string(input);
    const onestory::http::Response response = fx.app().Handle(request);
    // A 500 means the server failed on input it should have refused.
    if (response.status < 200 || response.status > 599 || (response.status >= 500 && response.status != 503)) {
        std::fprintf(stderr, "%s %s answered %d: %s\n", std::string(onestory::http::MethodName(request.method)).c_str(),
                     request.path.c_str(), response.status, response.body.c_str());
        std::abort();
    }
    if (route->pattern.starts_with("/api/") && response.status != 204) {
        std::error_code ec;
        (void)json::parse(response.body, ec);
        if (ec) {
            std::fprintf(stderr, "%s answered a body that is not JSON\n", route->pattern.c_str());
            std::abort();
        }
    }
    return 0;
}
