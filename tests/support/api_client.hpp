// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace onestory::testing {

// One answer of the API, its JSON body parsed (null when it is not JSON).
struct ApiResult {
    int status = 0;
    boost::json::value json;
    HttpResponse raw;

    const boost::json::object& obj() const;
    std::string Str(std::string_view key) const;  // a top-level string member, "" if absent
    std::string ErrorCode() const;
    std::string ErrorField() const;
    std::int64_t Version() const;  // the "version" member
};

// A logged-in (or anonymous) API user talking to a ServerProcess with a
// bearer token.
class ApiClient {
  public:
    explicit ApiClient(const ServerProcess& server);

    ApiResult Login(const std::string& username, const std::string& password);
    void UseToken(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }

    ApiResult Get(const std::string& target);
    ApiResult Post(const std::string& target, const boost::json::value& body = boost::json::object{});
    ApiResult Patch(const std::string& target, const boost::json::value& body, std::optional<std::int64_t> if_match);
    ApiResult Put(const std::string& target, const boost::json::value& body, std::optional<std::int64_t> if_match);
    ApiResult Send(const std::string& method, const std::string& target, const std::string& body,
                   std::vector<std::pair<std::string, std::string>> headers = {}, bool with_token = true);

  private:
    HttpClient http_;
    std::string token_;
};

ApiResult ToApiResult(HttpResponse response);

// A small multi-agency world made through the API by the administrator:
// an NGO, a police agency, a prosecution office and a clinic, with staff of
// every role. All passwords are kPassword.
class World {
  public:
    static constexpr const char* kPassword = "test-password-123";

    explicit World(const ServerProcess& server);

    ApiClient& Admin() { return admin_; }
    // A client logged in as the named user (made on first use).
    ApiClient& As(const std::string& username);
    const std::string& AgencyId(const std::string& key) const { return agencies_.at(key); }
    const std::string& StaffId(const std::string& username) const { return staff_.at(username); }

    // The survivor's own portal session (bearer token), set up on first use
    // with an invite from `inviter`, a member of the survivor's case team.
    ApiClient& PortalOf(const std::string& survivor_id, const std::string& inviter = "caseworker");
    // Logs everyone in afresh (after the test clock passed the idle timeout).
    void LogInAgain();

    // Registers a survivor as `username` and opens a case for them; returns {survivor id, case id}.
    std::pair<std::string, std::string> SurvivorWithCase(const std::string& username, const std::string& code_name,
                                                         const std::string& legal_name);

  private:
    const ServerProcess& server_;
    ApiClient admin_;
    std::map<std::string, std::string> agencies_;
    std::map<std::string, std::string> staff_;
    std::map<std::string, std::unique_ptr<ApiClient>> clients_;
};

}  // namespace onestory::testing
