// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/status.hpp"
#include "http/message.hpp"

namespace onestory::http {

// The HTTP status for a Status code (400, 401, 403, 404, 409, 410, 413, 428, 429, 500, 503).
int HttpStatusFor(StatusCode code);

// The error response every route answers with:
//   {"error": {"code": "<reason>", "message": "...", "field": "..."}, "<detail>": [...]}
// Internal errors are answered with a generic message; their detail belongs
// in the server log, not in the response.
Response ErrorResponse(const Status& status);

}  // namespace onestory::http
