// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// Keys the whole installation shares (the audit chain key, the blind-index
// key), stored wrapped by the master key.
struct SystemKeyRow {
    std::string name;
    std::string wrapped;
    std::int64_t created_at = 0;
};

Result<std::optional<SystemKeyRow>> GetSystemKey(Transaction& tx, std::string_view name);
Status InsertSystemKey(Transaction& tx, const SystemKeyRow& row);
Result<std::vector<SystemKeyRow>> ListSystemKeys(Transaction& tx);
Status UpdateSystemKeyWrapping(Transaction& tx, std::string_view name, const std::string& wrapped);

}  // namespace onestory::store
