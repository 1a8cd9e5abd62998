// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Abuse: failed logins limited per client address, bounded input, and slow
// clients timed out and capped while everyone else is served.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;
using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

// A raw TCP connection from a chosen loopback address (all of 127/8 is
// this machine), so that a test can be two clients at once.
class ConnectionFrom {
  public:
    ConnectionFrom(const char* source, std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in from{};
        from.sin_family = AF_INET;
        ::inet_pton(AF_INET, source, &from.sin_addr);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        ok_ = fd_ >= 0 && ::bind(fd_, reinterpret_cast<const sockaddr*>(&from), sizeof from) == 0 &&
              ::connect(fd_, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0;
    }
    ~ConnectionFrom() {
        if (fd_ >= 0) ::close(fd_);
    }
    ConnectionFrom(const ConnectionFrom&) = delete;
    ConnectionFrom& operator=(const ConnectionFrom&) = delete;

    bool ok() const { return ok_; }
    void Send(std::string_view bytes) { (void)::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL); }
    // Everything received until the server closes, or `wait` passes.
    std::string Receive(milliseconds wait) {
        std::string out;
        const auto deadline = SteadyClock::now() + wait;
        for (;;) {
            const auto left = std::chrono::duration_cast<milliseconds>(deadline - SteadyClock::now()).count();
            if (left <= 0) return out;
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left)) <= 0) return out;
            char buffer[4096];
            const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) {
                closed_ = true;
                return out;
            }
            out.append(buffer, static_cast<std::size_t>(n));
        }
    }
    bool closed() const { return closed_; }

  private:
    int fd_;
    bool ok_ = false;
    bool closed_ = false;
};

std::string LoginBody(const std::string& user, const std::string& password) {
    return json::serialize(json::object{{"username", user}, {"password", password}});
}

std::string RawLogin(const std::string& user, const std::string& password) {
    const std::string body = LoginBody(user, password);
    return "POST /api/v1/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

TEST(AbuseTest, FailedLoginsFromOneAddressAreLimitedWhateverUsernamesItTries) {
    ServerProcess::Options options;
    options.settings_json = R"({"address_failure_limit": 5, "address_failure_window_minutes": 10})";
    ServerProcess server(options);
    World world(server);
    ApiClient anonymous(server);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(anonymous.Login("guess" + std::to_string(i), "wrong-password-" + std::to_string(i)).status, 401);
    }
    // Even the right password is refused from this address for now, before any hash is computed.
    for (int i = 0; i < 3; ++i) {
        const auto limited = anonymous.Login("caseworker", World::kPassword);
        ASSERT_EQ(limited.status, 429) << limited.raw.body;
        EXPECT_EQ(limited.ErrorCode(), "rate_limited");
        ASSERT_TRUE(limited.raw.Header("retry-after").has_value());
        EXPECT_GT(std::stoi(*limited.raw.Header("retry-after")), 500);
    }
    // Another address is not affected.
    ConnectionFrom other("127.0.0.2", server.port());
    ASSERT_TRUE(other.ok());
    other.Send(RawLogin("caseworker", World::kPassword));
    EXPECT_TRUE(other.Receive(milliseconds(10000)).starts_with("HTTP/1.1 200")) << "another address was refused";
    // One audit event for the spell, not one per refused attempt.
    const auto audit = world.Admin().Get("/api/v1/audit?limit=500");
    int limited_events = 0;
    for (const auto& e : audit.obj().at("items").as_array()) limited_events += e.at("action") == "login.rate_limited";
    EXPECT_EQ(limited_events, 1);
    // Ten minutes on, the address may try again.
    ASSERT_EQ(world.Admin().Post("/api/v1/test/clock", json::object{{"advance_seconds", 601}}).status, 200);
    EXPECT_EQ(anonymous.Login("caseworker", World::kPassword).status, 200);
}

TEST(AbuseTest, BodiesStringsArraysAndNestingAreBounded) {
    ServerProcess server;
    World world(server);
    auto& cw = world.As("caseworker");
    struct Case {
        std::string body;
        int status;
        std::string field;
    };
    std::string members = "{";
    for (int i = 0; i < 20000; ++i) members += "\"m" + std::to_string(i) + "\":1,";
    members += "\"code_name\":\"A\",\"legal_name\":\"B\"}";
    json::array languages;
    for (int i = 0; i < 21; ++i) languages.emplace_back("sw");
    const std::vector<Case> cases{
        {json::serialize(json::object{{"code_name", std::string(81, 'a')}, {"legal_name", "B"}}), 400, "code_name"},
        {json::serialize(json::object{{"code_name", "A"}, {"legal_name", std::string(5000, 'b')}}), 400, "legal_name"},
        {json::serialize(json::object{{"code_name", "A"}, {"legal_name", "B"}, {"languages", languages}}), 400,
         "languages"},
        {std::string(40, '[') + std::string(40, ']'), 400, "body"},
        {"{\"code_name\":" + std::string(40, '{') + std::string(40, '}') + "}", 400, "body"},
        {members, 400, "m0"},
    };
    for (const auto& c : cases) {
        const auto r = cw.Send("POST", "/api/v1/survivors", c.body);
        EXPECT_EQ(r.status, c.status) << c.body.substr(0, 80);
        EXPECT_EQ(r.ErrorField(), c.field) << c.body.substr(0, 80);
    }
    const auto too_large = cw.Send("POST", "/api/v1/survivors", std::string(1024 * 1024 + 1, ' '));
    EXPECT_EQ(too_large.status, 413);
    HttpClient raw = server.Client();
    const auto huge_headers =
        raw.SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(20 * 1024, 'x') + "\r\n\r\n");
    EXPECT_TRUE(huge_headers.status == 431 || huge_headers.status == 0) << huge_headers.status;
    EXPECT_EQ(cw.Get("/api/v1/me").status, 200);
    EXPECT_EQ(world.As("supervisor").Get("/api/v1/survivors").obj().at("items").as_array().size(), 0u);
}

TEST(AbuseTest, SlowClientsAreCappedAndTimedOutWhileOthersAreServed) {
    ServerProcess::Options options;
    options.extra_args = {"--max-connections-per-address", "16", "--read-timeout-ms", "1500"};
    ServerProcess server(options);
    { World world(server); }

    // Sixty connections from one address, each sending the start of a
    // request and then stalling (a "slowloris").
    constexpr int kSlow = 60;
    std::vector<std::unique_ptr<ConnectionFrom>> slow;
    for (int i = 0; i < kSlow; ++i) {
        slow.push_back(std::make_unique<ConnectionFrom>("127.0.0.2", server.port()));
        ASSERT_TRUE(slow.back()->ok());
        slow.back()->Send("POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n");
    }

    // Meanwhile everyone else is served at once.
    ApiClient client(server);
    for (int i = 0; i < 10; ++i) {
        const auto started = SteadyClock::now();
        EXPECT_EQ(client.Get("/healthz").status, 200);
        EXPECT_LT(SteadyClock::now() - started, milliseconds(1000));
    }
    const auto started = SteadyClock::now();
    EXPECT_EQ(client.Login("caseworker", World::kPassword).status, 200);
    EXPECT_EQ(client.Get("/api/v1/me").status, 200);
    EXPECT_LT(SteadyClock::now() - started, milliseconds(3000));

    // Beyond the cap, connections were closed at once; the others are
    // answered 408 when their time runs out, and closed.
    int timed_out = 0;
    int refused = 0;
    for (auto& c : slow) {
        const std::string answer = c->Receive(milliseconds(6000));
        if (answer.starts_with("HTTP/1.1 408")) {
            ++timed_out;
        } else if (answer.empty() && c->closed()) {
            ++refused;
        }
    }
    EXPECT_EQ(timed_out + refused, kSlow) << "a slow connection was neither refused nor timed out";
    EXPECT_LE(timed_out, 16);
    EXPECT_GE(timed_out, 1);
    EXPECT_GE(refused, kSlow - 16);

    // With the slow ones gone (the server lingers a moment after a 408),
    // their address is served again.
    slow.clear();
    bool served = false;
    for (int attempt = 0; attempt < 50 && !served; ++attempt) {
        ConnectionFrom again("127.0.0.2", server.port());
        again.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        served = again.Receive(milliseconds(2000)).starts_with("HTTP/1.1 200");
        if (!served) std::this_thread::sleep_for(milliseconds(100));
    }
    EXPECT_TRUE(served);
}

}  // namespace
}  // namespace onestory::testing
