// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <sys/resource.h>

#include <charconv>
#include <cstdio>
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "domain/retention/retention_scheduler.hpp"
#include "http/server.hpp"

namespace onestory::cli {
namespace {

Result<std::pair<std::string, std::uint16_t>> ParseListen(std::string_view listen) {
    const auto colon = listen.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        return Status::Invalid("listen", "must be HOST:PORT, e.g. 127.0.0.1:8080");
    }
    std::string host(listen.substr(0, colon));
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const auto port_text = listen.substr(colon + 1);
    unsigned port = 0;
    const auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port > 65535) {
        return Status::Invalid("listen", "the port must be a number from 0 to 65535");
    }
    return std::make_pair(host, static_cast<std::uint16_t>(port));
}

// Every connection holds a descriptor: use all the system allows.
void RaiseOpenFileLimit() {
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) spdlog::warn("cannot raise the limit on open files");
    }
}

}  // namespace

int Serve(Installation& installation, const ServeOptions& options) {
    auto listen = ParseListen(options.listen);
    if (!listen.ok()) return Fail(listen.status());
    // Finish erasures a crash interrupted and keep the ledger in step, before
    // anyone can read a record that should be gone.
    auto reconciled = installation.erasures().Reconcile();
    if (!reconciled.ok()) return Fail(reconciled.status());
    if (reconciled->finished + reconciled->reapplied + reconciled->added_to_ledger > 0) {
        spdlog::warn(
            "erasures brought up to date: {} finished, {} erased again from the ledger, {} added to the ledger",
            reconciled->finished, reconciled->reapplied, reconciled->added_to_ledger);
    }
    // The daily retention purge; with the test clock, looked at every second
    // so that tests can move the clock a year on and see it run.
    const auto poll = installation.manual_clock() != nullptr ? std::chrono::milliseconds(500) : std::chrono::minutes(1);
    domain::RetentionScheduler retention(
        installation.context(), installation.retention(), poll, [](const Result<domain::PurgeReport>& report) {
            if (!report.ok()) {
                spdlog::error("retention purge failed: {}", report.status().ToString());
                return;
            }
            for (const auto& line : report->lines) {
                spdlog::info("retention purge: {}: {} survivors, {} values", line.category, line.survivors,
                             line.values);
            }
        });
    api::AppOptions app_options;
    app_options.access_log = options.access_log;
    api::App& app = installation.MakeApp(app_options);

    http::ServerOptions server_options;
    server_options.host = listen->first;
    server_options.port = listen->second;
    server_options.io_threads = options.threads;
    server_options.max_connections_per_address = options.max_connections_per_address;
    server_options.read_timeout = std::chrono::milliseconds(options.read_timeout_ms);
    RaiseOpenFileLimit();
    server_options.handler_threads = options.handler_threads;
    http::Server server(server_options, [&app](const http::Request& request) { return app.Handle(request); });
    server.StopOnSignals();
    auto endpoint = server.Start();
    if (!endpoint.ok()) return Fail(endpoint.status());
    const bool v6 = endpoint->host.find(':') != std::string::npos;
    std::cout << "listening on http://" << (v6 ? "[" : "") << endpoint->host << (v6 ? "]" : "") << ":" << endpoint->port
              << std::endl;
    server.Wait();
    spdlog::info("stopped");
    return 0;
}

int RunServe(const ServeOptions& options) {
    OpenOptions open;
    open.durable = !options.no_fsync;
    if (!options.test_clock.empty()) {
        open.manual_clock = ParseInstant(options.test_clock);
        if (!open.manual_clock) return Fail(Status::Invalid("test-clock", "must be an RFC 3339 time"));
    }
    auto installation = Installation::Open(DataDir{options.data}, open);
    if (!installation.ok()) return Fail(installation.status());
    return Serve(**installation, options);
}

}  // namespace onestory::cli
