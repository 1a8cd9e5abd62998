// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "domain/assessments/instrument.hpp"

namespace onestory::cli {

// DATA_DIR/assessment_instrument.json: the outcome assessment instrument an
// installation scores with, instead of onestory's own:
//   {"name": "...", "version": "...",
//    "domains": [{"key": "safety", "label": "...",
//                 "sub_domains": [{"key": "safe_housing", "label": "..."}, ...]}, ...]}
// It is read strictly: unknown members, wrong types, a missing or repeated
// domain, bad keys and empty labels are refused with the member named
// ("domains[2].sub_domains[0].key"), so the server does not start on a
// mistyped instrument. No file: nullopt (onestory's own instrument).
Result<std::optional<domain::AssessmentInstrument>> LoadAssessmentInstrumentFile(const std::filesystem::path& path);
Result<domain::AssessmentInstrument> ParseAssessmentInstrument(std::string_view text);

}  // namespace onestory::cli
