// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/paging.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "common/strings.hpp"

namespace onestory::api {

std::string EncodeCursor(const store::PageCursor& cursor) {
    return Base64UrlEncode(std::to_string(cursor.created_at) + ":" + cursor.id);
}

std::optional<store::PageCursor> DecodeCursor(std::string_view text) {
    std::string raw;
    if (text.size() > 200 || !Base64UrlDecode(text, raw)) return std::nullopt;
    const auto colon = raw.find(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    store::PageCursor cursor;
    const auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + colon, cursor.created_at);
    if (ec != std::errc() || ptr != raw.data() + colon) return std::nullopt;
    cursor.id = raw.substr(colon + 1);
    if (cursor.id.empty() || !IsValidUtf8(cursor.id)) return std::nullopt;
    return cursor;
}

Result<store::PageRequest> PageFrom(const http::Request& request) {
    store::PageRequest page;
    if (const auto limit = request.Query("limit")) {
        int n = 0;
        const auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
        if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > 500) {
            return Status::Invalid("limit", "must be a whole number from 1 to 500");
        }
        page.limit = n;
    }
    if (const auto cursor = request.Query("cursor")) {
        page.after = DecodeCursor(*cursor);
        if (!page.after) return Status::Invalid("cursor", "is not a cursor this server gave out");
    }
    return page;
}

boost::json::value ListBody(boost::json::array items, const std::optional<store::PageCursor>& next) {
    boost::json::object body;
    body["items"] = std::move(items);
    if (next) {
        body["next_cursor"] = EncodeCursor(*next);
    } else {
        body["next_cursor"] = nullptr;
    }
    return body;
}

}  // namespace onestory::api
