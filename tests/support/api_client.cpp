// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "support/api_client.hpp"

#include <stdexcept>

namespace onestory::testing {
namespace json = boost::json;

const json::object& ApiResult::obj() const {
    static const json::object kEmpty;
    return json.is_object() ? json.get_object() : kEmpty;
}

std::string ApiResult::Str(std::string_view key) const {
    const auto* v = obj().if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::string ApiResult::ErrorCode() const {
    const auto* e = obj().if_contains("error");
    if (e == nullptr || !e->is_object()) return "";
    const auto* c = e->get_object().if_contains("code");
    return c != nullptr && c->is_string() ? std::string(c->get_string()) : "";
}

std::string ApiResult::ErrorField() const {
    const auto* e = obj().if_contains("error");
    if (e == nullptr || !e->is_object()) return "";
    const auto* f = e->get_object().if_contains("field");
    return f != nullptr && f->is_string() ? std::string(f->get_string()) : "";
}

std::int64_t ApiResult::Version() const {
    const auto* v = obj().if_contains("version");
    return v != nullptr && v->is_int64() ? v->get_int64() : -1;
}

ApiResult ToApiResult(HttpResponse response) {
    ApiResult r;
    r.status = response.status;
    std::error_code ec;
    r.json = json::parse(response.body, ec);
    if (ec) r.json = nullptr;
    r.raw = std::move(response);
    return r;
}

ApiClient::ApiClient(const ServerProcess& server) : http_(server.Client()) {}

ApiResult ApiClient::Send(const std::string& method, const std::string& target, const std::string& body,
                          std::vector<std::pair<std::string, std::string>> headers, bool with_token) {
    if (with_token && !token_.empty()) headers.emplace_back("Authorization", "Bearer " + token_);
    return ToApiResult(http_.Send(method, target, body, headers));
}

ApiResult ApiClient::Login(const std::string& username, const std::string& password) {
    auto r = Send("POST", "/api/v1/login",
                  json::serialize(json::object{{"username", username}, {"password", password}}), {}, false);
    if (r.status == 200) token_ = r.Str("token");
    return r;
}

ApiResult ApiClient::Get(const std::string& target) {
    return Send("GET", target, "");
}

ApiResult ApiClient::Post(const std::string& target, const json::value& body) {
    return Send("POST", target, json::serialize(body));
}

ApiResult ApiClient::Patch(const std::string& target, const json::value& body, std::optional<std::int64_t> if_match) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (if_match) headers.emplace_back("If-Match", "\"" + std::to_string(*if_match) + "\"");
    return Send("PATCH", target, json::serialize(body), headers);
}

ApiResult ApiClient::Put(const std::string& target, const json::value& body, std::optional<std::int64_t> if_match) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (if_match) headers.emplace_back("If-Match", "\"" + std::to_string(*if_match) + "\"");
    return Send("PUT", target, json::serialize(body), headers);
}

World::World(const ServerProcess& server) : server_(server), admin_(server) {
    if (admin_.Login("admin", "admin-password-123").status != 200) throw std::runtime_error("admin login failed");
    const std::vector<std::tuple<std::string, std::string, std::string>> agencies{
        {"ngo", "Test Aftercare NGO", "ngo"},
        {"police", "Test Police Unit", "police"},
        {"prosecution", "Test Prosecution Office", "prosecution"},
        {"health", "Test Clinic", "health"},
    };
    for (const auto& [key, name, kind] : agencies) {
        auto r = admin_.Post("/api/v1/agencies", json::object{{"name", name}, {"kind", kind}, {"country", "KE"}});
        if (r.status != 201) throw std::runtime_error("agency creation failed: " + r.raw.body);
        agencies_[key] = r.Str("id");
    }
    const std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> staff{
        {"supervisor", "ngo", {"supervisor"}},
        {"caseworker", "ngo", {"caseworker"}},
        {"caseworker2", "ngo", {"caseworker"}},
        {"counsellor", "ngo", {"counsellor"}},
        {"analyst", "ngo", {"analyst"}},
        {"trainer", "ngo", {"trainer"}},
        {"investigator", "police", {"investigator"}},
        {"police-supervisor", "police", {"supervisor", "investigator"}},
        {"prosecutor", "prosecution", {"prosecutor"}},
        {"clinician", "health", {"clinician"}},
    };
    for (const auto& [username, agency, roles] : staff) {
        json::array role_list;
        for (const auto& r : roles) role_list.emplace_back(r);
        auto r = admin_.Post("/api/v1/staff", json::object{{"username", username},
                                                           {"password", kPassword},
                                                           {"display_name", "Test " + username},
                                                           {"agency_id", agencies_.at(agency)},
                                                           {"roles", role_list}});
        if (r.status != 201) throw std::runtime_error("staff creation failed: " + r.raw.body);
        staff_[username] = r.Str("id");
    }
}

ApiClient& World::As(const std::string& username) {
    auto& slot = clients_[username];
    if (!slot) {
        slot = std::make_unique<ApiClient>(server_);
        const auto r = slot->Login(username, kPassword);
        if (r.status != 200) throw std::runtime_error("login of " + username + " failed: " + r.raw.body);
    }
    return *slot;
}

ApiClient& World::PortalOf(const std::string& survivor_id, const std::string& inviter) {
    auto& slot = clients_["portal:" + survivor_id];
    if (!slot) {
        const auto invite = As(inviter).Post("/api/v1/survivors/" + survivor_id + "/portal-invite");
        if (invite.status != 201) throw std::runtime_error("portal invite failed: " + invite.raw.body);
        slot = std::make_unique<ApiClient>(server_);
        const auto r = slot->Send(
            "POST", "/api/v1/portal/activate",
            json::serialize(json::object{
                {"code", invite.Str("code")}, {"username", "portal " + survivor_id}, {"passphrase", kPassword}}),
            {}, false);
        if (r.status != 200) throw std::runtime_error("portal activation failed: " + r.raw.body);
        slot->UseToken(r.Str("token"));
    }
    return *slot;
}

void World::LogInAgain() {
    clients_.clear();
    if (admin_.Login("admin", "admin-password-123").status != 200) throw std::runtime_error("admin login failed");
}

std::pair<std::string, std::string> World::SurvivorWithCase(const std::string& username, const std::string& code_name,
                                                            const std::string& legal_name) {
    auto& client = As(username);
    auto s = client.Post("/api/v1/survivors", json::object{{"code_name", code_name},
                                                           {"legal_name", legal_name},
                                                           {"birth_date", "1998-04-12"},
                                                           {"languages", json::array{"sw", "en"}}});
    if (s.status != 201) throw std::runtime_error("survivor registration failed: " + s.raw.body);
    auto c = client.Post("/api/v1/cases", json::object{{"survivor_id", s.Str("id")},
                                                       {"stage", "intake"},
                                                       {"exploitation_types", json::array{"forced_labour"}}});
    if (c.status != 201) throw std::runtime_error("case creation failed: " + c.raw.body);
    return {s.Str("id"), c.Str("id")};
}

}  // namespace onestory::testing
