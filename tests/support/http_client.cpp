// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "support/http_client.hpp"

#include <chrono>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace onestory::testing {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::chrono::seconds kTimeout{30};

bool IsConnectionLost(const beast::error_code& ec) {
    return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == net::error::eof ||
           ec == net::error::connection_reset || ec == net::error::connection_aborted || ec == net::error::broken_pipe;
}

bool HasHeader(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view name) {
    for (const auto& header : headers) {
        if (beast::iequals(header.first, name)) return true;
    }
    return false;
}

HttpResponse Convert(bhttp::response<bhttp::string_body>&& message) {
    HttpResponse response;
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
        response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = std::move(message.body());
    return response;
}

struct ReadOutcome {
    beast::error_code ec;
    bool got_some = false;  // any byte of a response arrived
    HttpResponse response;
    bool need_eof = false;
};

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (beast::iequals(key, name)) return value;
    }
    return std::nullopt;
}

// Synchronous on the outside, asynchronous inside: Asio's blocking calls
// cannot time out, and tcp_stream's deadlines apply to async operations only.
class HttpClient::Impl {
  public:
    Impl(std::string host, std::uint16_t port) : host_(std::move(host)), port_(port) {}

    HttpResponse Send(std::string_view method, std::string_view target, std::string_view body,
                      const std::vector<std::pair<std::string, std::string>>& headers) {
        bhttp::request<bhttp::string_body> request;
        request.method_string(method);
        request.target(target);
        request.version(11);
        if (!HasHeader(headers, "host")) request.set(bhttp::field::host, host_ + ":" + std::to_string(port_));
        if (!body.empty() && !HasHeader(headers, "content-type")) {
            request.set(bhttp::field::content_type, "application/json");
        }
        const bool body_expected = method == "POST" || method == "PUT" || method == "PATCH";
        if (!HasHeader(headers, "content-length") && (!body.empty() || body_expected)) {
            request.content_length(body.size());
        }
        for (const auto& [name, value] : headers) request.insert(name, value);
        request.body() = std::string(body);
        const bool head = method == "HEAD";

        for (int attempt = 0;; ++attempt) {
            const bool reused = stream_.has_value();
            if (!reused) {
                stream_.emplace(ioc_);
                buffer_.clear();
                Connect(*stream_);
            }
            stream_->expires_after(kTimeout);
            beast::error_code ec =
                Run([&](auto handler) { bhttp::async_write(*stream_, request, std::move(handler)); });
            ReadOutcome outcome;
            if (!ec || IsConnectionLost(ec)) {
                // Even after a failed write: the server may have answered
                // early (a 413 to a large upload) and closed.
                outcome = Read(*stream_, buffer_, head);
                ec = outcome.ec;
            }
            if (ec) {
                stream_.reset();
                // A kept-alive connection the server had already closed:
                // nothing of the request was answered, so sending it again is
                // safe.
                if (reused && attempt == 0 && !outcome.got_some && IsConnectionLost(ec)) continue;
                throw std::runtime_error("HTTP exchange with " + Where() + " failed: " + ec.message());
            }
            if (outcome.need_eof) stream_.reset();
            return std::move(outcome.response);
        }
    }

    HttpResponse SendRaw(std::string_view bytes) {
        beast::tcp_stream stream(ioc_);
        Connect(stream);
        stream.expires_after(kTimeout);
        const beast::error_code write_ec = Run([&](auto handler) {
            net::async_write(stream, net::buffer(bytes.data(), bytes.size()), std::move(handler));
        });
        if (write_ec && !IsConnectionLost(write_ec)) {
            throw std::runtime_error("writing to " + Where() + " failed: " + write_ec.message());
        }
        // Even when the write failed the server may have answered first (an
        // early 413), so try to read.
        beast::flat_buffer buffer;
        ReadOutcome outcome = Read(stream, buffer, bytes.starts_with("HEAD "));
        if (outcome.ec) {
            if (!outcome.got_some && IsConnectionLost(outcome.ec)) return HttpResponse{};
            throw std::runtime_error("reading from " + Where() + " failed: " + outcome.ec.message());
        }
        return std::move(outcome.response);
    }

  private:
    // Starts one asynchronous operation and runs it to completion.
    template <class Initiate>
    beast::error_code Run(Initiate initiate) {
        beast::error_code result;
        initiate([&result](beast::error_code ec, auto&&...) { result = ec; });
        ioc_.restart();
        ioc_.run();
        return result;
    }

    void Connect(beast::tcp_stream& stream) {
        tcp::resolver resolver(ioc_);
        beast::error_code ec;
        const auto endpoints = resolver.resolve(host_, std::to_string(port_), ec);
        if (ec) throw std::runtime_error("cannot resolve " + Where() + ": " + ec.message());
        stream.expires_after(kTimeout);
        ec = Run([&](auto handler) { stream.async_connect(endpoints, std::move(handler)); });
        if (ec) throw std::runtime_error("cannot connect to " + Where() + ": " + ec.message());
    }

    ReadOutcome Read(beast::tcp_stream& stream, beast::flat_buffer& buffer, bool head) {
        ReadOutcome outcome;
        for (;;) {
            bhttp::response_parser<bhttp::string_body> parser;
            parser.body_limit(boost::none);
            parser.skip(head);
            stream.expires_after(kTimeout);
            outcome.ec = Run([&](auto handler) { bhttp::async_read(stream, buffer, parser, std::move(handler)); });
            outcome.got_some = outcome.got_some || parser.got_some();
            if (outcome.ec) return outcome;
            if (parser.get().result_int() / 100 == 1) continue;  // 100 Continue precedes the real answer
            outcome.need_eof = parser.get().need_eof();
            outcome.response = Convert(parser.release());
            return outcome;
        }
    }

    std::string Where() const { return host_ + ":" + std::to_string(port_); }

    net::io_context ioc_;
    std::string host_;
    std::uint16_t port_;
    std::optional<beast::tcp_stream> stream_;
    beast::flat_buffer buffer_;
};

HttpClient::HttpClient(std::string host, std::uint16_t port) : impl_(std::make_unique<Impl>(std::move(host), port)) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResponse HttpClient::Send(std::string_view method, std::string_view target, std::string_view body,
                              const std::vector<std::pair<std::string, std::string>>& headers) {
    return impl_->Send(method, target, body, headers);
}

HttpResponse HttpClient::SendRaw(std::string_view bytes) {
    return impl_->SendRaw(bytes);
}

}  // namespace onestory::testing
