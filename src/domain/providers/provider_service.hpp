// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "domain/providers/provider_types.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"
#include "store/provider_rows.hpp"

namespace onestory::domain {

// The service directory. Every staff member searches it (by service type,
// language and the age served); administrators register any provider and
// supervisors their own agency's services and services outside onestory.
// Registrations are audited; the directory holds nothing about survivors.
class ProviderService {
  public:
    explicit ProviderService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Provider> Create(const policy::Actor& actor, const NewProvider& provider);
    Result<Provider> Get(const policy::Actor& actor, std::string_view id);
    Result<store::Page<Provider>> List(const policy::Actor& actor, const ProviderSearch& search,
                                       const store::PageRequest& page);

  private:
    const ServiceContext& ctx_;
};

Provider ProviderFrom(const store::ProviderRow& row);

}  // namespace onestory::domain
