// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "http/server.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <sys/resource.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "common/strings.hpp"

namespace onestory::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// Generous, because a large export over a slow link is legitimate; it only
// guards against a client that stops reading its response altogether.
constexpr std::chrono::seconds kWriteTimeout{60};
// After an error answer the client may still be sending a body we will not
// read; closing at once would reset the connection and could destroy the
// answer before the client reads it, so the rest is discarded for a while.
constexpr std::chrono::seconds kLingerTimeout{1};
// The 408 timer fires first; the stream's own deadline is the backstop.
constexpr std::chrono::seconds kReadDeadlineGrace{1};
// Accept failures such as EMFILE are usually transient; retry after a pause
// instead of spinning or giving up.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
// How long Stop waits for force-closed sessions after drain_timeout.
constexpr std::chrono::seconds kForceCloseGrace{1};
constexpr std::size_t kFirstReadBytes = 4096;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// Marks the threads a server owns (io threads and handler threads), so Stop
// called from one of them initiates the shutdown without waiting for itself.
thread_local const void* tls_current_server = nullptr;

std::string JsonString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            std::array<char, 8> escaped{};
            std::snprintf(escaped.data(), escaped.size(), "\\u%04x", static_cast<unsigned>(c));
            out += escaped.data();
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
    return out;
}

Response ErrorResponse(int status, std::string_view code, std::string_view message) {
    Response response;
    response.status = status;
    response.SetHeader("Content-Type", "application/json");
    response.body = "{\"error\":{\"code\":" + JsonString(code) + ",\"message\":" + JsonString(message) + "}}";
    return response;
}

// RFC 9110 IMF-fixdate, built by hand because strftime's names follow the locale.
std::string HttpDate() {
    static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::array<char, 64> text{};
    std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7], tm.tm_mday,
                  kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return text.data();
}

std::string AddressText(const net::ip::address& address) {
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; rate limits
    // and the audit should see the plain IPv4 address.
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string();
    }
    return address.to_string();
}

bool HasLineBreak(std::string_view text) {
    return text.find_first_of("\r\n") != std::string_view::npos;
}

// What the process may open, less a margin for the database, logs and the like.
std::size_t DefaultMaxConnections() {
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 10000;
    return limit.rlim_cur > 256 ? static_cast<std::size_t>(limit.rlim_cur) - 128 : 128;
}

bool IsHttpError(const beast::error_code& ec) {
    return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category();
}

}  // namespace

class Server::Impl {
  public:
    class Session;

    Impl(ServerOptions options, Handler handler);
    ~Impl();

    Result<Endpoint> Start();
    void Wait();
    void Stop();
    void StopOnSignals();

    // Used by sessions.
    const ServerOptions& options() const { return options_; }
    bool draining() const { return draining_.load(std::memory_order_acquire); }
    void Register(const std::shared_ptr<Session>& session);
    void Unregister(Session* session, const std::string& address);
    // Counts a new connection from `address`, or refuses it (false) when the
    // address or the server is at its limit.
    bool Admit(const std::string& address);
    void Dispatch(std::shared_ptr<Session> session, Request request);

  private:
    enum class State { kNew, kRunning, kStopping, kStopped };

    void RunIoThread();
    void DoAccept();
    void OnAccept(beast::error_code ec, tcp::socket socket);
    void WaitForSignal();
    Response RunHandler(const Request& request);
    std::vector<std::shared_ptr<Session>> LiveSessions();
    void Shutdown();

    ServerOptions options_;
    Handler handler_;
    int io_thread_count_;
    int handler_thread_count_;

    // Held for all of Start and by the shutdown thread, so a shutdown never
    // races a half-finished start.
    std::mutex start_mu_;
    std::mutex mu_;
    std::condition_variable cv_;  // state_ became kStopped, or sessions_ became empty
    State state_ = State::kNew;
    std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
    std::unordered_map<std::string, std::size_t> connections_by_address_;
    std::size_t connections_ = 0;
    std::size_t max_connections_;
    std::atomic<bool> draining_{false};

    // Declared after the session registry: destroying the io_context destroys
    // sessions still queued in it, and they unregister on the way out.
    net::io_context ioc_;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work_;
    net::strand<net::io_context::executor_type> accept_strand_;
    tcp::acceptor acceptor_;
    net::steady_timer accept_retry_timer_;
    std::optional<net::signal_set> signals_;
    std::optional<net::thread_pool> handler_pool_;
    std::vector<std::thread> io_threads_;
    std::thread shutdown_thread_;
};

// One connection. Every member is touched only on the connection's strand;
// the handler runs elsewhere and hands its Response back through the strand.
class Server::Impl::Session : public std::enable_shared_from_this<Session> {
  public:
    Session(Impl& server, tcp::socket socket, std::string remote_address)
        : server_(server),
          stream_(std::move(socket)),
          request_timer_(stream_.get_executor()),
          remote_address_(std::move(remote_address)) {}
    ~Session() { server_.Unregister(this, remote_address_); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void Start() {
        server_.Register(shared_from_this());
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Begin(); });
    }
    // Stop has begun: close now unless a request is on its way in or out.
    void Drain() {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            if (self->state_ == State::kIdle || self->state_ == State::kLingering) self->CloseNow();
        });
    }
    void ForceClose() {
        net::post(stream_.get_executor(), [self = shared_from_this()] { self->CloseNow(); });
    }
    // Called on a handler thread.
    void Deliver(Response response) {
        net::post(stream_.get_executor(), [self = shared_from_this(), response = std::move(response)]() mutable {
            self->WriteResponse(std::move(response));
        });
    }

  private:
    // kIdle: waiting for the first byte of a request. kReading: a request has
    // begun to arrive. kHandling: the handler has it. kLingering: discarding
    // input after an error answer before closing.
    enum class State { kIdle, kReading, kHandling, kWriting, kLingering, kClosed };

    void Begin() {
        beast::error_code ec;
        stream_.socket().set_option(tcp::no_delay(true), ec);
        WaitForRequest(/*first=*/true);
    }

    // The wait for a request's first byte is timed separately from the
    // request itself: an idle kept-alive connection is closed silently after
    // keep_alive_timeout, while a request that starts and stalls earns a 408.
    void WaitForRequest(bool first) {
        if (server_.draining()) return CloseNow();
        state_ = State::kIdle;
        if (buffer_.size() > 0) return ReadRequest();  // pipelined
        const ServerOptions& options = server_.options();
        stream_.expires_after(first ? options.read_timeout : options.keep_alive_timeout);
        stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                                [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                                    if (self->state_ == State::kClosed) return;
                                    if (ec) return self->CloseNow();
                                    self->buffer_.commit(bytes);
                                    self->ReadRequest();
                                });
    }

    void ReadRequest() {
        const ServerOptions& options = server_.options();
        state_ = State::kReading;
        version_ = 11;
        head_ = false;
        keep_alive_ = false;
        linger_after_write_ = false;
        request_timed_out_ = false;
        parser_.emplace();
        parser_->body_limit(static_cast<std::uint64_t>(options.max_body_bytes));
        parser_->header_limit(static_cast<std::uint32_t>(
            std::min<std::size_t>(options.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));

        stream_.expires_after(options.read_timeout + kReadDeadlineGrace);
        request_timer_.expires_after(options.read_timeout);
        request_timer_.async_wait([self = shared_from_this(), seq = ++request_seq_](beast::error_code ec) {
            if (ec || seq != self->request_seq_ || self->state_ != State::kReading) return;
            // Cancel rather than close, so the socket stays open for the 408.
            self->request_timed_out_ = true;
            self->stream_.cancel();
        });
        bhttp::async_read_header(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
    }

    void OnHeader(beast::error_code ec) {
        if (state_ == State::kClosed) return;
        if (ec) return OnReadFailed(ec);
        const auto& header = parser_->get();
        if (header.version() >= 11 && !parser_->is_done() &&
            beast::iequals(header[bhttp::field::expect], "100-continue")) {
            net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                             [self = shared_from_this()](beast::error_code write_ec, std::size_t) {
                                 if (self->state_ == State::kClosed) return;
                                 if (write_ec) return self->OnReadFailed(write_ec);
                                 self->ReadBody();
                             });
            return;
        }
        ReadBody();
    }

    void ReadBody() {
        bhttp::async_read(stream_, buffer_, *parser_,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnRead(ec); });
    }

    void OnReadFailed(beast::error_code ec) {
        request_timer_.cancel();
        const ServerOptions& options = server_.options();
        if (request_timed_out_) {
            return WriteError(408, "timeout",
                              "request not received within " + std::to_string(options.read_timeout.count()) + " ms");
        }
        if (ec == bhttp::error::body_limit) {
            return WriteError(413, "too_large",
                              "request body exceeds " + std::to_string(options.max_body_bytes) + " bytes");
        }
        if (ec == bhttp::error::header_limit) {
            return WriteError(431, "too_large",
                              "request headers exceed " + std::to_string(options.max_header_bytes) + " bytes");
        }
        if (IsHttpError(ec) && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
            return WriteError(400, "bad_request", "malformed HTTP request");
        }
        CloseNow();  // the client went away or the backstop deadline passed
    }

    void OnRead(beast::error_code ec) {
        if (state_ == State::kClosed) return;
        if (ec) return OnReadFailed(ec);
        request_timer_.cancel();

        bhttp::request<bhttp::string_body> message = parser_->release();
        parser_.reset();
        version_ = message.version();
        head_ = message.method() == bhttp::verb::head;
        keep_alive_ = message.keep_alive();

        Request request;
        request.method = ParseMethod(std::string_view(message.method_string()));
        request.target = std::string(message.target());
        request.remote_address = remote_address_;
        if (!ParseTarget(request.target, request.path, request.query)) {
            state_ = State::kHandling;
            return WriteResponse(ErrorResponse(400, "bad_target", "request target is not a valid origin-form path"));
        }
        for (const auto& field : message) {
            request.headers.emplace_back(ToLowerAscii(field.name_string()), std::string(field.value()));
        }
        request.body = std::move(message.body());
        state_ = State::kHandling;
        server_.Dispatch(shared_from_this(), std::move(request));
    }

    void WriteError(int status, std::string_view code, const std::string& message) {
        keep_alive_ = false;
        linger_after_write_ = true;
        head_ = false;
        WriteResponse(ErrorResponse(status, code, message));
    }

    void WriteResponse(Response response) {
        if (state_ == State::kClosed) return;
        state_ = State::kWriting;
        if (response.status < 200 || response.status > 599) response = ErrorResponse(500, "internal", "internal error");

        bhttp::response<bhttp::string_body>& res = response_.emplace();
        res.version(version_);
        res.result(static_cast<unsigned>(response.status));
        bool keep_alive = keep_alive_ && !server_.draining();
        for (auto& [name, value] : response.headers) {
            // The server owns framing; and a line break would let a value
            // smuggle in headers of its own.
            if (HasLineBreak(name) || HasLineBreak(value)) continue;
            if (beast::iequals(name, "content-length") || beast::iequals(name, "transfer-encoding")) continue;
            if (beast::iequals(name, "connection")) {
                if (beast::iequals(value, "close")) keep_alive = false;
                continue;
            }
            res.insert(name, value);
        }
        if (res.find(bhttp::field::server) == res.end()) res.set(bhttp::field::server, "onestory");
        res.set(bhttp::field::date, HttpDate());
        if (response.status != 204 && response.status != 304) {
            // A HEAD answer carries the length the GET body would have.
            res.content_length(response.body.size());
            if (!head_) res.body() = std::move(response.body);
        }
        res.keep_alive(keep_alive);
        close_after_write_ = res.need_eof();

        stream_.expires_after(kWriteTimeout);
        bhttp::async_write(stream_, res, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (self->state_ == State::kClosed) return;
            self->response_.reset();
            if (ec) return self->CloseNow();
            if (!self->close_after_write_) return self->WaitForRequest(/*first=*/false);
            if (self->linger_after_write_ && !self->server_.draining()) return self->Linger();
            self->CloseNow();
        });
    }

    void Linger() {
        state_ = State::kLingering;
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.expires_after(kLingerTimeout);  // one deadline for all the discarding reads
        DiscardInput();
    }

    void DiscardInput() {
        stream_.async_read_some(net::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (self->state_ == State::kClosed) return;
            if (ec) return self->CloseNow();
            self->DiscardInput();
        });
    }

    // Pending operations complete with operation_aborted and, seeing kClosed,
    // drop their references; the session dies with the last one.
    void CloseNow() {
        if (state_ == State::kClosed) return;
        state_ = State::kClosed;
        request_timer_.cancel();
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.close();
    }

    Impl& server_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    std::optional<bhttp::response<bhttp::string_body>> response_;
    net::steady_timer request_timer_;
    std::array<char, 4096> scratch_{};
    std::string remote_address_;
    State state_ = State::kIdle;
    std::uint64_t request_seq_ = 0;
    unsigned version_ = 11;
    bool head_ = false;
    bool keep_alive_ = false;
    bool request_timed_out_ = false;
    bool close_after_write_ = false;
    bool linger_after_write_ = false;
};

Server::Impl::Impl(ServerOptions options, Handler handler)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      io_thread_count_(options_.io_threads > 0 ? options_.io_threads
                                               : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
      handler_thread_count_(options_.handler_threads > 0
                                ? options_.handler_threads
                                : static_cast<int>(std::max(8u, 4 * std::thread::hardware_concurrency()))),
      max_connections_(options_.max_connections > 0 ? options_.max_connections : DefaultMaxConnections()),
      ioc_(io_thread_count_),
      accept_strand_(net::make_strand(ioc_)),
      acceptor_(accept_strand_),
      accept_retry_timer_(accept_strand_) {}

Server::Impl::~Impl() {
    Stop();
    if (shutdown_thread_.joinable()) shutdown_thread_.join();
}

Result<Endpoint> Server::Impl::Start() {
    std::unique_lock start_lock(start_mu_);
    {
        std::lock_guard lock(mu_);
        if (state_ != State::kNew) return Status::FailedPrecondition("the server was already started or stopped");
    }

    beast::error_code ec;
    tcp::resolver resolver(ioc_);
    const auto results = resolver.resolve(options_.host, std::to_string(options_.port), tcp::resolver::passive, ec);
    if (ec || results.empty()) {
        return Status(StatusCode::kInvalidArgument, "bad_host",
                      "cannot resolve host '" + options_.host + "': " + (ec ? ec.message() : "no addresses"), "host");
    }
    const tcp::endpoint endpoint = results.begin()->endpoint();
    const auto fail = [&](std::string_view what) -> Status {
        beast::error_code ignored;
        acceptor_.close(ignored);
        std::string where = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
        return Status(StatusCode::kUnavailable, "listen_failed",
                      "cannot " + std::string(what) + " " + where + ": " + ec.message());
    };
    acceptor_.open(endpoint.protocol(), ec);
    if (ec) return fail("open a socket for");
    acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (ec) return fail("set SO_REUSEADDR for");
    acceptor_.bind(endpoint, ec);
    if (ec) return fail("bind");
    acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return fail("listen on");
    const tcp::endpoint bound = acceptor_.local_endpoint(ec);
    if (ec) return fail("read the address of");

    {
        std::lock_guard lock(mu_);
        if (state_ != State::kNew) {  // Stop came first
            beast::error_code ignored;
            acceptor_.close(ignored);
            return Status::FailedPrecondition("the server was stopped while starting");
        }
        state_ = State::kRunning;
    }
    try {
        handler_pool_.emplace(static_cast<std::size_t>(handler_thread_count_));
        work_.emplace(ioc_.get_executor());
        net::post(accept_strand_, [this] { DoAccept(); });
        if (signals_) net::post(accept_strand_, [this] { WaitForSignal(); });
        for (int i = 0; i < io_thread_count_; ++i) io_threads_.emplace_back([this] { RunIoThread(); });
    } catch (const std::exception& e) {
        // Out of threads: undo what started. The shutdown thread takes
        // start_mu_ first, so release it before waiting for the shutdown.
        start_lock.unlock();
        Stop();
        return Status::Internal(std::string("cannot start server threads: ") + e.what());
    }
    return Endpoint{bound.address().to_string(), bound.port()};
}

void Server::Impl::Wait() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return state_ == State::kStopped; });
}

void Server::Impl::Stop() {
    // From a server's own thread (a handler, the signal handler) the shutdown
    // cannot be awaited: it waits for that very thread to finish.
    const bool wait = tls_current_server != this;
    std::unique_lock lock(mu_);
    if (state_ == State::kNew) {
        state_ = State::kStopped;
        cv_.notify_all();
    } else if (state_ == State::kRunning) {
        state_ = State::kStopping;
        // Set here rather than on the shutdown thread, so a response written
        // after Stop returns (the caller's own, when called from a handler)
        // already carries Connection: close.
        draining_.store(true, std::memory_order_release);
        shutdown_thread_ = std::thread([this] { Shutdown(); });
    }
    if (wait) cv_.wait(lock, [this] { return state_ == State::kStopped; });
}

void Server::Impl::StopOnSignals() {
    std::lock_guard start_lock(start_mu_);
    if (signals_) return;
    signals_.emplace(accept_strand_, SIGINT, SIGTERM);
    std::lock_guard lock(mu_);
    if (state_ == State::kRunning) net::post(accept_strand_, [this] { WaitForSignal(); });
}

void Server::Impl::Register(const std::shared_ptr<Session>& session) {
    std::lock_guard lock(mu_);
    sessions_.emplace(session.get(), session);
}

void Server::Impl::Unregister(Session* session, const std::string& address) {
    std::lock_guard lock(mu_);
    sessions_.erase(session);
    if (const auto it = connections_by_address_.find(address); it != connections_by_address_.end()) {
        if (--it->second == 0) connections_by_address_.erase(it);
        --connections_;
    }
    if (sessions_.empty()) cv_.notify_all();
}

bool Server::Impl::Admit(const std::string& address) {
    std::lock_guard lock(mu_);
    if (connections_ >= max_connections_) return false;
    std::size_t& from_address = connections_by_address_[address];
    if (from_address >= options_.max_connections_per_address) {
        if (from_address == 0) connections_by_address_.erase(address);
        return false;
    }
    ++from_address;
    ++connections_;
    return true;
}

void Server::Impl::Dispatch(std::shared_ptr<Session> session, Request request) {
    net::post(*handler_pool_, [this, session = std::move(session), request = std::move(request)] {
        session->Deliver(RunHandler(request));
    });
}

Response Server::Impl::RunHandler(const Request& request) {
    const void* previous = tls_current_server;
    tls_current_server = this;
    Response response;
    try {
        response = handler_(request);
    } catch (...) {
        response = ErrorResponse(500, "internal", "internal error");
    }
    tls_current_server = previous;
    return response;
}

void Server::Impl::RunIoThread() {
    tls_current_server = this;
    for (;;) {
        try {
            ioc_.run();
            return;
        } catch (...) {
            // A completion handler threw (allocation failure, a Beast
            // precondition). That connection is lost; the server goes on.
        }
    }
}

void Server::Impl::DoAccept() {
    if (!acceptor_.is_open()) return;
    acceptor_.async_accept(net::make_strand(ioc_),
                           [this](beast::error_code ec, tcp::socket socket) { OnAccept(ec, std::move(socket)); });
}

void Server::Impl::OnAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open() || draining()) return;
    if (ec) {
        accept_retry_timer_.expires_after(kAcceptRetryDelay);
        accept_retry_timer_.async_wait([this](beast::error_code timer_ec) {
            if (!timer_ec) DoAccept();
        });
        return;
    }
    beast::error_code peer_ec;
    const tcp::endpoint peer = socket.remote_endpoint(peer_ec);
    if (peer_ec) {  // gone already
        DoAccept();
        return;
    }
    std::string address = AddressText(peer.address());
    if (!Admit(address)) {
        // Over the limit: closed at once, before it costs a session.
        beast::error_code ignored;
        socket.close(ignored);
        DoAccept();
        return;
    }
    std::make_shared<Session>(*this, std::move(socket), std::move(address))->Start();
    DoAccept();
}

void Server::Impl::WaitForSignal() {
    signals_->async_wait([this](beast::error_code ec, int) {
        if (!ec) Stop();
    });
}

std::vector<std::shared_ptr<Server::Impl::Session>> Server::Impl::LiveSessions() {
    std::vector<std::weak_ptr<Session>> weak;
    {
        std::lock_guard lock(mu_);
        for (const auto& [ptr, session] : sessions_) weak.push_back(session);
    }
    std::vector<std::shared_ptr<Session>> live;
    for (const auto& session : weak) {
        if (auto locked = session.lock()) live.push_back(std::move(locked));
    }
    return live;
}

// Runs on its own thread: it joins the io threads and the handler pool, so it
// can be on neither.
void Server::Impl::Shutdown() {
    std::lock_guard start_lock(start_mu_);
    // draining_ is already set, before the snapshot below: a session that
    // registers after it sees the flag when it first runs and closes.
    net::post(accept_strand_, [this] {
        beast::error_code ec;
        acceptor_.close(ec);
        accept_retry_timer_.cancel();
        if (signals_) signals_->cancel(ec);
    });
    for (const auto& session : LiveSessions()) session->Drain();

    std::unique_lock lock(mu_);
    const auto drained = [this] { return sessions_.empty(); };
    if (!cv_.wait_for(lock, options_.drain_timeout, drained)) {
        lock.unlock();
        for (const auto& session : LiveSessions()) session->ForceClose();
        lock.lock();
        cv_.wait_for(lock, kForceCloseGrace, drained);
    }
    const bool clean = sessions_.empty();
    lock.unlock();

    work_.reset();
    ioc_.stop();
    for (auto& thread : io_threads_) thread.join();
    io_threads_.clear();
    if (handler_pool_) {
        if (!clean) handler_pool_->stop();  // drop queued requests; running handlers still finish
        handler_pool_->join();
    }

    lock.lock();
    state_ = State::kStopped;
    cv_.notify_all();
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

Result<Endpoint> Server::Start() {
    return impl_->Start();
}

void Server::Wait() {
    impl_->Wait();
}

void Server::Stop() {
    impl_->Stop();
}

void Server::StopOnSignals() {
    impl_->StopOnSignals();
}

}  // namespace onestory::http
