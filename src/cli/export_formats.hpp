// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/exports/bulk_export.hpp"

// The file formats of `onestory export` (docs/exports.md maps every field).
namespace onestory::cli {

// One HTCDS record as a JSON object: HTCDS field names (prs_, vic_, hte_,
// cas_, org_) where the standard has one, x_ for onestory's own.
boost::json::value HtcdsJson(const domain::HtcdsRecord& record);

// The CTDC dataset as CSV (RFC 4180, CRLF).
std::string CtdcHeader();
std::string CtdcRow(const std::vector<std::string>& values);

}  // namespace onestory::cli
