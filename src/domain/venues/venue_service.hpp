// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "common/result.hpp"
#include "domain/service_context.hpp"
#include "domain/venues/venue_types.hpp"
#include "store/page.hpp"
#include "store/venue_rows.hpp"

namespace onestory::domain {

// The registry of interview venues and their safety features. Any staff
// member may look venues up (a joint interview may use another agency's
// one-way room); administrators, and supervisors for their own agency,
// register them.
class VenueService {
  public:
    explicit VenueService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Venue> Create(const policy::Actor& actor, const NewVenue& venue);
    Result<store::Page<Venue>> List(const policy::Actor& actor, const std::optional<std::string>& agency_id,
                                    const store::PageRequest& page);
    Result<Venue> Get(const policy::Actor& actor, std::string_view id);

  private:
    const ServiceContext& ctx_;
};

Venue VenueFrom(const store::VenueRow& row);

}  // namespace onestory::domain
