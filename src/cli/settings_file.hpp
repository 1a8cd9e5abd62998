// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "domain/settings.hpp"

namespace onestory::cli {

// Reads DATA_DIR/settings.json. A missing file means the defaults. Unknown
// keys, wrong types and out-of-range values are refused with the key named,
// so a typo never silently leaves a safety setting at its default.
// A settings file naming a database password must be private (0600).
Result<domain::Settings> LoadSettingsFile(const std::filesystem::path& path);
Result<domain::Settings> ParseSettings(std::string_view text);

// Reads DATA_DIR/checkin_instrument.json: the self-check staff take. A
// missing file means onestory's own; unknown members, wrong types and
// malformed items are refused with the member named.
Result<domain::CheckinInstrument> LoadCheckinInstrument(const std::filesystem::path& path);
Result<domain::CheckinInstrument> ParseCheckinInstrument(std::string_view text);

// Sets (or, given nullopt, removes) the "store" key of DATA_DIR/settings.json,
// keeping every other key. The file is replaced atomically and left 0600.
Status WriteStoreSetting(const std::filesystem::path& path, const std::optional<std::string>& dsn);

}  // namespace onestory::cli
