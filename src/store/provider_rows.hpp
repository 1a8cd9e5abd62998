// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::store {

// A service provider of the directory. Nothing here is about a survivor:
// every column is plain.
struct ProviderRow {
    std::string id;
    std::string name;
    std::optional<std::string> agency_id;
    std::string service_types;  // comma-joined
    std::string languages;      // comma-joined
    std::optional<std::int64_t> age_min;
    std::optional<std::int64_t> age_max;
    std::string genders_served;  // comma-joined; empty: everyone
    std::optional<std::int64_t> capacity;
    std::optional<std::string> location_area;
    std::optional<std::string> contact;
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

// Directory search: every set member narrows the list.
struct ProviderFilter {
    std::optional<std::string> service_type;
    std::optional<std::string> language;
    std::optional<std::int64_t> age;  // providers serving this age (no bound set: any age)
};

Status InsertProvider(Transaction& tx, const ProviderRow& row);
Result<std::optional<ProviderRow>> GetProvider(Transaction& tx, std::string_view id);
// Newest first.
Result<Page<ProviderRow>> ListProviders(Transaction& tx, const ProviderFilter& filter, const PageRequest& page);

}  // namespace onestory::store
