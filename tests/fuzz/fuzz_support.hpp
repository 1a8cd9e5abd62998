// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api/app.hpp"

// Shared by the fuzz targets: a scratch installation to drive the real API
// in-process, and a way to (re)write a target's seed corpus.
namespace onestory::fuzz {

// A temporary data directory made once per process (removed at exit), with
// an administrator, a supervisor and a caseworker logged in, a survivor
// with a case, and an erasure request awaiting approval.
class FuzzInstallation {
  public:
    enum class Who { kNobody, kAdmin, kSupervisor, kCaseworker };

    static FuzzInstallation& Get();

    api::App& app();
    const std::string& Token(Who who) const;
    // Real ids for path parameters: 0 survivor, 1 case, 2 erasure, 3 agency, 4 staff.
    const std::string& Id(int which) const;

  private:
    FuzzInstallation();
    struct Parts;
    Parts* parts_;  // lives until the process ends
};

// When ONESTORY_FUZZ_WRITE_SEEDS names a directory, writes `seeds` there as
// seed-0, seed-1, ... (to refresh tests/fuzz/corpus/<target>) and exits.
void WriteSeedsIfAsked(const std::vector<std::string>& seeds);

}  // namespace onestory::fuzz
