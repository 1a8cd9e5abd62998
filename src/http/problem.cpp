// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "http/problem.hpp"

#include <boost/json.hpp>

namespace onestory::http {

int HttpStatusFor(StatusCode code) {
    switch (code) {
        case StatusCode::kOk:
            return 200;
        case StatusCode::kInvalidArgument:
            return 400;
        case StatusCode::kUnauthenticated:
            return 401;
        case StatusCode::kPermissionDenied:
            return 403;
        case StatusCode::kNotFound:
            return 404;
        case StatusCode::kConflict:
            return 409;
        case StatusCode::kGone:
            return 410;
        case StatusCode::kTooLarge:
            return 413;
        case StatusCode::kPreconditionRequired:
            return 428;
        case StatusCode::kRateLimited:
            return 429;
        case StatusCode::kUnavailable:
            return 503;
        case StatusCode::kFailedPrecondition:
        case StatusCode::kDataLoss:
        case StatusCode::kInternal:
            return 500;
    }
    return 500;
}

Response ErrorResponse(const Status& status) {
    Response response;
    response.status = HttpStatusFor(status.code());
    boost::json::object error;
    if (response.status >= 500 && status.code() != StatusCode::kUnavailable) {
        error["code"] = "internal";
        error["message"] = "something went wrong on the server; the request was not completed";
    } else {
        error["code"] = status.reason().empty() ? std::string(StatusCodeName(status.code())) : status.reason();
        error["message"] = status.message();
        if (!status.field().empty()) error["field"] = status.field();
    }
    boost::json::object body;
    body["error"] = std::move(error);
    for (const auto& [key, values] : status.details()) {
        boost::json::array list;
        for (const auto& v : values) list.emplace_back(v);
        body[key] = std::move(list);
    }
    response.body = boost::json::serialize(body);
    response.SetHeader("Content-Type", "application/json");
    if (status.retry_after_seconds()) response.SetHeader("Retry-After", std::to_string(*status.retry_after_seconds()));
    return response;
}

}  // namespace onestory::http
