// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "http/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "common/strings.hpp"
#include "support/http_client.hpp"

namespace onestory::http {
namespace {

using onestory::testing::HttpClient;
using onestory::testing::HttpResponse;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// What the echo handler answers for a request from this machine.
std::string Echo(std::string_view method, std::string_view path, std::string_view query, std::string_view body) {
    return std::string(method) + "\n" + std::string(path) + "\n" + std::string(query) + "\n127.0.0.1\n" +
           std::string(body);
}

std::string JsonError(std::string_view code, std::string_view message) {
    return R"({"error":{"code":")" + std::string(code) + R"(","message":")" + std::string(message) + R"("}})";
}

milliseconds Since(Clock::time_point start) {
    return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

// A server on 127.0.0.1 with a port of its own and a handler with a few
// special paths; every other path is echoed.
class Harness {
  public:
    explicit Harness(ServerOptions options = {}) {
        options.host = "127.0.0.1";
        options.port = 0;
        if (options.io_threads == 0) options.io_threads = 2;
        if (options.handler_threads == 0) options.handler_threads = 4;
        server_ = std::make_unique<Server>(options, [this](const Request& request) { return Handle(request); });
        Result<Endpoint> endpoint = server_->Start();
        if (!endpoint.ok()) throw std::runtime_error(endpoint.status().ToString());
        port_ = endpoint->port;
    }

    Server& server() { return *server_; }
    std::uint16_t port() const { return port_; }
    HttpClient Client() const { return HttpClient("127.0.0.1", port_); }

    std::atomic<bool> slow_started{false};

  private:
    Response Handle(const Request& request) {
        Response response;
        response.SetHeader("Content-Type", "text/plain");
        if (request.path == "/throw") throw std::runtime_error("boom");
        if (request.path == "/slow") {
            slow_started = true;
            std::this_thread::sleep_for(milliseconds(300));
            response.body = "slow done";
        } else if (request.path == "/stop") {
            server_->Stop();
            response.body = "stopping";
        } else if (request.path == "/fixed") {
            response.body = "0123456789";
        } else if (request.path == "/bad-status") {
            response.status = 42;
        } else if (request.path == "/framing") {
            response.SetHeader("Content-Length", "999");
            response.AddHeader("X-Bad", "a\r\nInjected: 1");
            response.body = "ok";
        } else {
            std::string query;
            for (const auto& [key, value] : request.query) query += key + "=" + value + ";";
            response.body = std::string(MethodName(request.method)) + "\n" + request.path + "\n" + query + "\n" +
                            request.remote_address + "\n" + request.body;
            if (auto type = request.Header("Content-Type"))
                response.SetHeader("X-Seen-Content-Type", std::string(*type));
        }
        return response;
    }

    std::unique_ptr<Server> server_;
    std::uint16_t port_ = 0;
};

struct RawResponse {
    int status = 0;  // 0: the connection closed first
    std::string head;
    std::string body;
};

// A plain POSIX socket, for what the client hides: several requests on one
// connection, pipelining, and watching the server close.
class RawConnection {
  public:
    explicit RawConnection(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        if (fd_ < 0) throw std::runtime_error("socket failed");
        const timeval timeout{5, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
            ::close(fd_);
            throw std::runtime_error("connect failed");
        }
    }
    ~RawConnection() { ::close(fd_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void Write(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent <= 0) throw std::runtime_error("send failed");
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
    }

    // Reads one response framed by Content-Length (none means no body).
    RawResponse Read(bool head_only = false) {
        std::size_t end;
        while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
            if (!Fill()) return {};
        }
        RawResponse response;
        response.head = pending_.substr(0, end + 4);
        pending_.erase(0, end + 4);
        response.status = std::stoi(response.head.substr(9, 3));
        const std::string lower = ToLowerAscii(response.head);
        std::size_t length = 0;
        if (const std::size_t at = lower.find("\r\ncontent-length:"); at != std::string::npos) {
            length = std::stoul(lower.substr(at + 17));
        }
        if (head_only) return response;
        while (pending_.size() < length) {
            if (!Fill()) return {};
        }
        response.body = pending_.substr(0, length);
        pending_.erase(0, length);
        return response;
    }

    // True when the server closes the connection within the 5 s receive timeout.
    bool WaitForClose() {
        char byte;
        const ssize_t n = ::recv(fd_, &byte, 1, 0);
        return n == 0 || (n < 0 && errno == ECONNRESET);
    }

  private:
    bool Fill() {
        char buffer[4096];
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        pending_.append(buffer, static_cast<std::size_t>(n));
        return true;
    }

    int fd_;
    std::string pending_;
};

bool HeadHas(const RawResponse& response, std::string_view line) {
    return ToLowerAscii(response.head).find(ToLowerAscii(line)) != std::string::npos;
}

TEST(ServerTest, GetAndPostRoundTrip) {
    Harness harness;
    HttpClient client = harness.Client();

    const HttpResponse get = client.Send("GET", "/hello");
    EXPECT_EQ(get.status, 200);
    EXPECT_EQ(get.body, Echo("GET", "/hello", "", ""));
    EXPECT_EQ(get.Header("server"), "onestory");
    EXPECT_EQ(get.Header("Content-Length"), std::to_string(get.body.size()));
    EXPECT_TRUE(get.Header("Date").has_value());

    const HttpResponse post = client.Send("POST", "/api/v1/things", R"({"a":1})");
    EXPECT_EQ(post.status, 200);
    EXPECT_EQ(post.body, Echo("POST", "/api/v1/things", "", R"({"a":1})"));
    EXPECT_EQ(post.Header("X-Seen-Content-Type"), "application/json");

    const HttpResponse patch = client.Send("PATCH", "/x", "text", {{"Content-Type", "text/plain"}});
    EXPECT_EQ(patch.body, Echo("PATCH", "/x", "", "text"));
    EXPECT_EQ(patch.Header("X-Seen-Content-Type"), "text/plain");
}

TEST(ServerTest, QueryAndPathAreDecoded) {
    Harness harness;
    HttpClient client = harness.Client();
    const HttpResponse response = client.Send("GET", "/a%20b/c+d?q=caf%C3%A9+au+lait&empty=&flag&plus=%2B");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, Echo("GET", "/a b/c+d", "q=caf\xc3\xa9 au lait;empty=;flag=;plus=+;", ""));
}

TEST(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
    Harness harness;
    RawConnection connection(harness.port());
    connection.Write("GET /one HTTP/1.1\r\nHost: test\r\n\r\n");
    const RawResponse first = connection.Read();
    connection.Write("GET /two HTTP/1.1\r\nHost: test\r\n\r\n");
    const RawResponse second = connection.Read();
    EXPECT_EQ(first.status, 200);
    EXPECT_EQ(first.body, Echo("GET", "/one", "", ""));
    EXPECT_EQ(second.status, 200);
    EXPECT_EQ(second.body, Echo("GET", "/two", "", ""));
    EXPECT_FALSE(HeadHas(second, "Connection: close"));
}

TEST(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
    Harness harness;
    RawConnection connection(harness.port());
    connection.Write(
        "POST /a HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\n\r\nabc"
        "GET /b HTTP/1.1\r\nHost: test\r\n\r\n");
    EXPECT_EQ(connection.Read().body, Echo("POST", "/a", "", "abc"));
    EXPECT_EQ(connection.Read().body, Echo("GET", "/b", "", ""));
}

TEST(ServerTest, HeadRequestGetsHeadersOnly) {
    Harness harness;
    RawConnection connection(harness.port());
    connection.Write("HEAD /fixed HTTP/1.1\r\nHost: test\r\n\r\n");
    const RawResponse head = connection.Read(/*head_only=*/true);
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(HeadHas(head, "Content-Length: 10\r\n"));
    // Had the body been sent, it would be read here as the next response.
    connection.Write("GET /fixed HTTP/1.1\r\nHost: test\r\n\r\n");
    const RawResponse get = connection.Read();
    EXPECT_EQ(get.status, 200);
    EXPECT_EQ(get.body, "0123456789");
}

TEST(ServerTest, Http10WithoutKeepAliveIsClosed) {
    Harness harness;
    RawConnection connection(harness.port());
    connection.Write("GET /old HTTP/1.0\r\n\r\n");
    const RawResponse response = connection.Read();
    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(response.head.starts_with("HTTP/1.0 200"));
    EXPECT_TRUE(connection.WaitForClose());
}

TEST(ServerTest, Expect100ContinueIsHonoured) {
    Harness harness;
    RawConnection connection(harness.port());
    connection.Write("PUT /e HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    EXPECT_EQ(connection.Read().status, 100);
    connection.Write("hello");
    const RawResponse response = connection.Read();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, Echo("PUT", "/e", "", "hello"));
}

TEST(ServerTest, OversizeBodyAnswers413) {
    ServerOptions options;
    options.max_body_bytes = 1024;
    Harness harness(options);
    HttpClient client = harness.Client();

    const HttpResponse response = client.Send("POST", "/upload", std::string(4096, 'a'));
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(response.body, JsonError("too_large", "request body exceeds 1024 bytes"));
    EXPECT_EQ(response.Header("Content-Type"), "application/json");
    EXPECT_EQ(response.Header("Connection"), "close");

    // Chunked bodies are counted as they arrive.
    const std::string chunk(800, 'b');
    const HttpResponse chunked = client.SendRaw(
        "POST /upload HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
        "320\r\n" +
        chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
    EXPECT_EQ(chunked.status, 413);

    // A body at the limit is fine, and the server goes on serving.
    const std::string at_limit(1024, 'c');
    EXPECT_EQ(client.Send("POST", "/upload", at_limit).body, Echo("POST", "/upload", "", at_limit));
}

TEST(ServerTest, OversizeHeaderAnswers431) {
    ServerOptions options;
    options.max_header_bytes = 1024;
    Harness harness(options);
    HttpClient client = harness.Client();
    const HttpResponse response = client.Send("GET", "/", {}, {{"X-Filler", std::string(2000, 'x')}});
    EXPECT_EQ(response.status, 431);
    EXPECT_EQ(response.body, JsonError("too_large", "request headers exceed 1024 bytes"));
}

TEST(ServerTest, MalformedRequestAnswers400) {
    Harness harness;
    HttpClient client = harness.Client();
    const std::string cases[] = {
        "GARBAGE\r\n\r\n",
        "GET /\r\n\r\n",
        "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
    };
    for (const auto& bytes : cases) {
        const HttpResponse response = client.SendRaw(bytes);
        EXPECT_EQ(response.status, 400) << bytes;
        EXPECT_TRUE(response.body.starts_with(R"({"error":{"code":"bad_request",)")) << response.body;
        EXPECT_EQ(response.Header("Connection"), "close");
    }
}

TEST(ServerTest, BadTargetAnswers400) {
    Harness harness;
    HttpClient client = harness.Client();
    for (const std::string target : {"/a%zz", "/a%00b", "http://example.org/", "*"}) {
        const HttpResponse response = client.Send("GET", target);
        EXPECT_EQ(response.status, 400) << target;
        EXPECT_TRUE(response.body.starts_with(R"({"error":{"code":"bad_target",)")) << response.body;
    }
    EXPECT_EQ(client.Send("GET", "/fine").status, 200);
}

TEST(ServerTest, StalledRequestAnswers408AfterReadTimeout) {
    ServerOptions options;
    options.read_timeout = milliseconds(300);
    Harness harness(options);
    HttpClient client = harness.Client();

    const auto start = Clock::now();
    const HttpResponse response = client.SendRaw("GET /half HTTP/1.1\r\nHost: te");
    const milliseconds elapsed = Since(start);
    EXPECT_EQ(response.status, 408);
    EXPECT_EQ(response.body, JsonError("timeout", "request not received within 300 ms"));
    EXPECT_GE(elapsed, milliseconds(250));
    EXPECT_LT(elapsed, milliseconds(3000));
}

TEST(ServerTest, SilentConnectionIsClosedAfterReadTimeout) {
    ServerOptions options;
    options.read_timeout = milliseconds(300);
    Harness harness(options);
    RawConnection connection(harness.port());
    const auto start = Clock::now();
    EXPECT_TRUE(connection.WaitForClose());
    EXPECT_LT(Since(start), milliseconds(3000));
}

TEST(ServerTest, IdleKeptAliveConnectionClosesAfterKeepAliveTimeout) {
    ServerOptions options;
    options.keep_alive_timeout = milliseconds(200);
    Harness harness(options);
    RawConnection connection(harness.port());
    connection.Write("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
    EXPECT_EQ(connection.Read().status, 200);
    const auto start = Clock::now();
    EXPECT_TRUE(connection.WaitForClose());
    EXPECT_GE(Since(start), milliseconds(150));
    EXPECT_LT(Since(start), milliseconds(3000));

    // The client notices the closed connection and reconnects by itself.
    HttpClient client = harness.Client();
    EXPECT_EQ(client.Send("GET", "/1").status, 200);
    std::this_thread::sleep_for(milliseconds(300));
    EXPECT_EQ(client.Send("GET", "/2").status, 200);
}

TEST(ServerTest, ThrowingHandlerAnswers500AndServerKeepsServing) {
    Harness harness;
    HttpClient client = harness.Client();
    for (int i = 0; i < 3; ++i) {
        const HttpResponse response = client.Send("GET", "/throw");
        EXPECT_EQ(response.status, 500);
        EXPECT_EQ(response.body, JsonError("internal", "internal error"));
        EXPECT_EQ(client.Send("GET", "/after").body, Echo("GET", "/after", "", ""));
    }
    EXPECT_EQ(client.Send("GET", "/bad-status").status, 500);
}

TEST(ServerTest, ServerOwnsFraming) {
    Harness harness;
    HttpClient client = harness.Client();
    const HttpResponse response = client.Send("GET", "/framing");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "ok");
    EXPECT_EQ(response.Header("Content-Length"), "2");
    EXPECT_FALSE(response.Header("Injected").has_value());
    EXPECT_FALSE(response.Header("X-Bad").has_value());
}

TEST(ServerTest, StopDeliversInFlightResponse) {
    Harness harness;
    HttpResponse response;
    std::thread caller([&] { response = harness.Client().Send("GET", "/slow"); });
    while (!harness.slow_started) std::this_thread::sleep_for(milliseconds(5));

    RawConnection idle(harness.port());  // connected, never sends: closed at once
    const auto start = Clock::now();
    harness.server().Stop();
    caller.join();
    EXPECT_LT(Since(start), milliseconds(3000));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "slow done");
    EXPECT_EQ(response.Header("Connection"), "close");
    EXPECT_TRUE(idle.WaitForClose());
    harness.server().Wait();  // returns: Stop has finished
    EXPECT_THROW(harness.Client().Send("GET", "/"), std::runtime_error);
}

TEST(ServerTest, StopClosesIdleKeptAliveConnectionsAtOnce) {
    Harness harness;
    RawConnection connection(harness.port());
    connection.Write("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
    EXPECT_EQ(connection.Read().status, 200);
    const auto start = Clock::now();
    harness.server().Stop();
    EXPECT_LT(Since(start), milliseconds(1000));
    EXPECT_TRUE(connection.WaitForClose());
}

TEST(ServerTest, StopFromHandlerAnswersAndReleasesWait) {
    Harness harness;
    std::thread waiter([&] { harness.server().Wait(); });
    HttpClient client = harness.Client();
    const HttpResponse response = client.Send("POST", "/stop");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "stopping");
    EXPECT_EQ(response.Header("Connection"), "close");
    waiter.join();
}

TEST(ServerTest, StopIsIdempotent) {
    Harness harness;
    std::thread other([&] { harness.server().Stop(); });
    harness.server().Stop();
    other.join();
    harness.server().Stop();
    harness.server().Wait();
}

TEST(ServerTest, StopBeforeStartReleasesWaitAndStartThenFails) {
    Server server(ServerOptions{}, [](const Request&) { return Response{}; });
    server.Stop();
    server.Wait();
    EXPECT_FALSE(server.Start().ok());
}

TEST(ServerTest, StartTwiceFails) {
    Harness harness;
    const Result<Endpoint> again = harness.server().Start();
    EXPECT_FALSE(again.ok());
    EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
}

TEST(ServerTest, BindingAPortInUseFails) {
    Harness harness;
    ServerOptions options;
    options.port = harness.port();
    Server second(options, [](const Request&) { return Response{}; });
    const Result<Endpoint> endpoint = second.Start();
    ASSERT_FALSE(endpoint.ok());
    EXPECT_EQ(endpoint.status().code(), StatusCode::kUnavailable);
    EXPECT_NE(endpoint.status().message().find(std::to_string(harness.port())), std::string::npos)
        << endpoint.status().message();
    // The first server is unaffected.
    EXPECT_EQ(harness.Client().Send("GET", "/").status, 200);
}

TEST(ServerTest, ManyConcurrentRequestsAllSucceed) {
    Harness harness;
    constexpr int kThreads = 8;
    constexpr int kRequests = 50;
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            HttpClient client = harness.Client();
            for (int i = 0; i < kRequests; ++i) {
                const std::string path = "/t" + std::to_string(t) + "/" + std::to_string(i);
                const HttpResponse response = client.Send("POST", path, "body" + std::to_string(i));
                if (response.status == 200 && response.body == Echo("POST", path, "", "body" + std::to_string(i))) {
                    ++ok;
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(ok, kThreads * kRequests);
}

TEST(ServerTest, SigtermStopsServer) {
    Server server(ServerOptions{.host = "127.0.0.1", .port = 0, .io_threads = 1, .handler_threads = 1},
                  [](const Request&) { return Response{}; });
    server.StopOnSignals();
    ASSERT_TRUE(server.Start().ok());
    std::raise(SIGTERM);
    server.Wait();
}

}  // namespace
}  // namespace onestory::http

namespace onestory::http {
namespace {

TEST(ServerLimitsTest, OneAddressCannotHoldMoreConnectionsThanItsShare) {
    ServerOptions options;
    options.max_connections_per_address = 3;
    Harness harness(options);
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<RawConnection>(harness.port()));
    // Let the server accept and count them.
    held[0]->Write("GET /first HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(held[0]->Read().status, 200);

    const auto started = Clock::now();
    RawConnection refused(harness.port());
    EXPECT_EQ(refused.Read().status, 0) << "a fourth connection from the address was served";
    EXPECT_LT(Since(started), milliseconds(2000)) << "the refusal was not immediate";

    // The held ones still work, and closing one makes room.
    held[1]->Write("GET /second HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(held[1]->Read().status, 200);
    held.pop_back();
    bool served = false;
    for (int attempt = 0; attempt < 50 && !served; ++attempt) {
        std::this_thread::sleep_for(milliseconds(20));  // the server notices the close
        try {
            RawConnection again(harness.port());
            again.Write("GET /again HTTP/1.1\r\nHost: x\r\n\r\n");
            served = again.Read().status == 200;
        } catch (const std::runtime_error&) {
            // Refused while the close had not been noticed yet.
        }
    }
    EXPECT_TRUE(served);
}

}  // namespace
}  // namespace onestory::http
