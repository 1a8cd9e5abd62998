// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onestory::store {

// Keyset pagination, newest first: a page holds rows created before the
// cursor's (created_at, id), ordered by created_at then id, descending.
struct PageCursor {
    std::int64_t created_at = 0;
    std::string id;
};

struct PageRequest {
    int limit = 50;
    std::optional<PageCursor> after;
};

template <class T>
struct Page {
    std::vector<T> items;
    std::optional<PageCursor> next;  // set when more rows follow
};

// Trims a result fetched with limit + 1 rows into a page and its cursor.
template <class T, class CursorOf>
Page<T> MakePage(std::vector<T> rows, int limit, CursorOf cursor_of) {
    Page<T> page;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(static_cast<std::size_t>(limit));
        page.next = cursor_of(rows.back());
    }
    page.items = std::move(rows);
    return page;
}

}  // namespace onestory::store
