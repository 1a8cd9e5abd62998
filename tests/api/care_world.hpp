// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Helpers shared by the care-coordination API tests: the test clock, the
// service directory, consents, and reading alerts.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/api_client.hpp"

namespace onestory::testing {

// Logged-in clients by user name (World's passwords) that survive jumps of
// the test clock: a jump of days outlasts every session, so AdvanceDays
// moves the clock and lets each client log in again on its next use.
class Sessions {
  public:
    explicit Sessions(const ServerProcess& server) : server_(server) {}

    ApiClient& As(const std::string& username) {
        auto& slot = clients_[username];
        if (!slot) {
            slot = std::make_unique<ApiClient>(server_);
            const bool admin = username == "admin";
            const auto r = slot->Login(username, admin ? "admin-password-123" : World::kPassword);
            EXPECT_EQ(r.status, 200) << username << ": " << r.raw.body;
        }
        return *slot;
    }

    // Moves the server's manual clock forward, returning the new time.
    std::string AdvanceDays(int days) {
        clients_.clear();
        const auto r = As("admin").Post("/api/v1/test/clock", boost::json::object{{"advance_seconds", days * 86400}});
        EXPECT_EQ(r.status, 200) << r.raw.body;
        clients_.clear();
        return r.Str("now");
    }

  private:
    const ServerProcess& server_;
    std::map<std::string, std::unique_ptr<ApiClient>> clients_;
};

// Registers a provider as the administrator; `agency` is a World key or "" for a service outside onestory.
inline std::string MakeProvider(World& world, const std::string& name, const std::string& agency,
                                std::vector<std::string> services, std::vector<std::string> languages = {"en"},
                                std::optional<int> age_min = std::nullopt, std::optional<int> age_max = std::nullopt) {
    boost::json::array s, l;
    for (const auto& x : services) s.emplace_back(x);
    for (const auto& x : languages) l.emplace_back(x);
    boost::json::object body{{"name", name}, {"service_types", s}, {"languages", l}};
    if (!agency.empty()) body["agency_id"] = world.AgencyId(agency);
    boost::json::object ages;
    if (age_min) ages["min"] = *age_min;
    if (age_max) ages["max"] = *age_max;
    if (!ages.empty()) body["ages_served"] = ages;
    const auto r = world.Admin().Post("/api/v1/providers", body);
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return r.Str("id");
}

inline ApiResult GrantConsent(World& world, const std::string& survivor, const std::string& agency,
                              const std::string& purpose, std::vector<std::string> topics,
                              std::vector<std::string> categories, const std::string& until = "2027-11-01T00:00:00Z") {
    boost::json::array t, c;
    for (const auto& x : topics) t.emplace_back(x);
    for (const auto& x : categories) c.emplace_back(x);
    auto r = world.As("caseworker")
                 .Post("/api/v1/survivors/" + survivor + "/consents",
                       boost::json::object{{"recipient_agency_id", world.AgencyId(agency)},
                                           {"purpose", purpose},
                                           {"scope", {{"topics", t}, {"categories", c}}},
                                           {"valid_until", until},
                                           {"given_as", "written"},
                                           {"consent_text_version", "2026-01"},
                                           {"language", "en"}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return r;
}

// The open alerts of one kind in a GET /alerts answer.
inline std::vector<boost::json::object> AlertsOfKind(const ApiResult& alerts, const std::string& kind) {
    std::vector<boost::json::object> out;
    EXPECT_EQ(alerts.status, 200) << alerts.raw.body;
    if (alerts.status != 200) return out;
    for (const auto& a : alerts.obj().at("items").as_array()) {
        if (a.as_object().at("kind").as_string() == kind) out.push_back(a.as_object());
    }
    return out;
}

inline std::vector<std::string> StringsOf(const boost::json::value& array) {
    std::vector<std::string> out;
    for (const auto& v : array.as_array()) out.emplace_back(v.as_string());
    return out;
}

inline std::string Str(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace onestory::testing
