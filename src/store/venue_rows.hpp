// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::store {

// A room where interviews are held. Not protected: venues are an agency's
// own premises, named and described by their safety features only.
struct VenueRow {
    std::string id;
    std::string agency_id;
    std::string name;
    std::string features;  // comma-joined
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t version = 1;
};

Status InsertVenue(Transaction& tx, const VenueRow& row);
Result<std::optional<VenueRow>> GetVenue(Transaction& tx, std::string_view id);
// Newest first; every agency's venues unless `agency_id` is set.
Result<Page<VenueRow>> ListVenues(Transaction& tx, const std::optional<std::string>& agency_id,
                                  const PageRequest& page);

}  // namespace onestory::store
