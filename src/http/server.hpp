// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/result.hpp"
#include "http/message.hpp"

namespace onestory::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free port
    int io_threads = 0;         // network threads; 0 means the number of cores
    int handler_threads =
        0;  // threads that run handlers (which may block on the store); 0 means 4 per core, at least 8
    std::size_t max_body_bytes = 1024 * 1024;  // larger bodies are answered 413
    std::size_t max_header_bytes = 16 * 1024;
    std::chrono::milliseconds read_timeout{15000};        // a request must arrive whole within this
    std::chrono::milliseconds keep_alive_timeout{60000};  // idle time before a kept-alive connection closes
    std::chrono::milliseconds drain_timeout{10000};       // how long Stop waits for in-flight requests
    // Connections open at once from one client address, and in all; a
    // connection beyond either is closed as soon as it is accepted, so that
    // one host holding connections open (slowly, or idly) cannot use up the
    // server's descriptors. 0 in max_connections means: from the process's
    // limit on open files.
    std::size_t max_connections_per_address = 128;
    std::size_t max_connections = 0;
};

struct Endpoint {
    std::string host;
    std::uint16_t port = 0;
};

// Runs for each complete request on a handler thread; may block. Must not throw
// (the server answers 500 if it does).
using Handler = std::function<Response(const Request&)>;

// The HTTP/1.1 server: asynchronous Boost.Beast on `io_threads`, one session
// object per connection, keep-alive, every read under a timeout. Requests the
// server cannot hand over (malformed, too large, timed out) are answered by
// the server itself with a JSON error body of the onestory form
// {"error":{"code","message"}}.
//
// Thread-safe: Stop may be called from any thread (a signal handler thread
// included). Beast and Asio stay inside server.cpp.
class Server {
  public:
    Server(ServerOptions options, Handler handler);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens, then starts accepting on background threads. Returns
    // the bound endpoint (the real port when options.port was 0).
    Result<Endpoint> Start();

    // Blocks until Stop() has finished draining.
    void Wait();

    // Stops accepting, lets in-flight requests finish and their responses be
    // written (up to drain_timeout), closes idle connections, then releases
    // Wait(). Idempotent.
    void Stop();

    // Calls Stop() when the process receives SIGTERM or SIGINT. Call before Start.
    void StopOnSignals();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace onestory::http
