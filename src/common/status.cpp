// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/status.hpp"

namespace onestory {

std::string_view StatusCodeName(StatusCode code) {
    switch (code) {
        case StatusCode::kOk:
            return "ok";
        case StatusCode::kInvalidArgument:
            return "invalid_argument";
        case StatusCode::kUnauthenticated:
            return "unauthenticated";
        case StatusCode::kPermissionDenied:
            return "permission_denied";
        case StatusCode::kNotFound:
            return "not_found";
        case StatusCode::kConflict:
            return "conflict";
        case StatusCode::kGone:
            return "gone";
        case StatusCode::kPreconditionRequired:
            return "precondition_required";
        case StatusCode::kTooLarge:
            return "too_large";
        case StatusCode::kRateLimited:
            return "rate_limited";
        case StatusCode::kFailedPrecondition:
            return "failed_precondition";
        case StatusCode::kUnavailable:
            return "unavailable";
        case StatusCode::kDataLoss:
            return "data_loss";
        case StatusCode::kInternal:
            return "internal";
    }
    return "unknown";
}

std::string Status::ToString() const {
    if (ok()) return "ok";
    std::string out(reason_.empty() ? std::string(StatusCodeName(code_)) : reason_);
    if (!field_.empty()) out += " (field " + field_ + ")";
    if (!message_.empty()) out += ": " + message_;
    return out;
}

}  // namespace onestory
