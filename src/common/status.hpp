// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onestory {

// What kind of failure a Status reports. The HTTP layer maps each to a status code.
enum class StatusCode {
    kOk,
    kInvalidArgument,       // 400: the request is malformed or breaks a rule
    kUnauthenticated,       // 401
    kPermissionDenied,      // 403: the policy said no; the reason travels with it
    kNotFound,              // 404
    kConflict,              // 409: stale version, illegal transition, duplicate
    kGone,                  // 410: existed once, erased
    kPreconditionRequired,  // 428: an update without If-Match
    kTooLarge,              // 413
    kRateLimited,           // 429
    kFailedPrecondition,    // the system is not in a state to do this (e.g. key file missing)
    kUnavailable,           // 503: a dependency is down; retrying may help
    kDataLoss,              // integrity failure: tampered ciphertext, broken audit chain
    kInternal,              // a bug; details go to the log, never to the client
};

// The outcome of a fallible call. Expected failures are values, not exceptions.
//
// `code()` is the coarse kind; `reason()` is the stable machine-readable code
// clients switch on ("no_consent", "stale_version"); `message()` is for people
// and must never contain plaintext of a protected field; `field()` names the
// offending request field for validation errors.
class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(StatusCode code, std::string reason, std::string message, std::string field = {})
        : code_(code), reason_(std::move(reason)), message_(std::move(message)), field_(std::move(field)) {}

    static Status Ok() { return {}; }
    static Status Invalid(std::string field, std::string message) {
        return {StatusCode::kInvalidArgument, "invalid", std::move(message), std::move(field)};
    }
    static Status NotFound(std::string message) { return {StatusCode::kNotFound, "not_found", std::move(message)}; }
    static Status Forbidden(std::string reason, std::string message) {
        return {StatusCode::kPermissionDenied, std::move(reason), std::move(message)};
    }
    static Status Conflict(std::string reason, std::string message) {
        return {StatusCode::kConflict, std::move(reason), std::move(message)};
    }
    static Status Unauthenticated(std::string message) {
        return {StatusCode::kUnauthenticated, "unauthenticated", std::move(message)};
    }
    static Status Internal(std::string message) { return {StatusCode::kInternal, "internal", std::move(message)}; }
    static Status Unavailable(std::string message) {
        return {StatusCode::kUnavailable, "unavailable", std::move(message)};
    }
    static Status DataLoss(std::string message) { return {StatusCode::kDataLoss, "data_loss", std::move(message)}; }
    static Status FailedPrecondition(std::string message) {
        return {StatusCode::kFailedPrecondition, "failed_precondition", std::move(message)};
    }

    bool ok() const { return code_ == StatusCode::kOk; }
    StatusCode code() const { return code_; }
    const std::string& reason() const { return reason_; }
    const std::string& message() const { return message_; }
    const std::string& field() const { return field_; }

    // Extra lists a client needs to act on the error, e.g. the topics already
    // covered when an interview plan is refused. Never protected values.
    const std::vector<std::pair<std::string, std::vector<std::string>>>& details() const { return details_; }
    Status& WithDetail(std::string key, std::vector<std::string> values) {
        details_.emplace_back(std::move(key), std::move(values));
        return *this;
    }
    std::optional<int> retry_after_seconds() const { return retry_after_seconds_; }
    Status& WithRetryAfter(int seconds) {
        retry_after_seconds_ = seconds;
        return *this;
    }

    // "invalid (field birth_date): ..." for logs and CLI output.
    std::string ToString() const;

  private:
    StatusCode code_ = StatusCode::kOk;
    std::string reason_;
    std::string message_;
    std::string field_;
    std::vector<std::pair<std::string, std::vector<std::string>>> details_;
    std::optional<int> retry_after_seconds_;
};

std::string_view StatusCodeName(StatusCode code);

}  // namespace onestory

// Returns from the enclosing function when `expr` yields a failed Status.
#define ONESTORY_RETURN_IF_ERROR(expr)                       \
    do {                                                     \
        ::onestory::Status onestory_status_ = (expr);        \
        if (!onestory_status_.ok()) return onestory_status_; \
    } while (false)
