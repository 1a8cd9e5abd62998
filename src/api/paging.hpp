// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "common/result.hpp"
#include "http/message.hpp"
#include "store/page.hpp"

namespace onestory::api {

// ?limit= (1..500, default 50) and ?cursor= (opaque, from a previous page).
Result<store::PageRequest> PageFrom(const http::Request& request);
// {"items": [...], "next_cursor": "..." | null}
boost::json::value ListBody(boost::json::array items, const std::optional<store::PageCursor>& next);

std::string EncodeCursor(const store::PageCursor& cursor);
std::optional<store::PageCursor> DecodeCursor(std::string_view text);

}  // namespace onestory::api
