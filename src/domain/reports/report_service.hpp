// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/reports/report_types.hpp"
#include "domain/service_context.hpp"

namespace onestory::domain {

// Aggregate reports for programme leads, funders and supervisors: counts
// with small-cell and complementary suppression (see suppression.hpp),
// never an identifier, never a sealed value. Analysts and administrators
// run them for any agency or all; supervisors for their own agency. Every
// run is audited with its parameters.
class ReportService {
  public:
    explicit ReportService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<std::vector<ReportInfo>> List(const policy::Actor& actor);
    Result<Report> Run(const policy::Actor& actor, std::string_view name, const ReportParameters& parameters);

  private:
    const ServiceContext& ctx_;
};

}  // namespace onestory::domain
