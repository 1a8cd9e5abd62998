// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace onestory::cli {

// Shows how far a long step has come, on stderr. On a terminal it redraws
// one line as a bar ("snapshot [#########-----------]  45%  12.3 / 27.4 MiB");
// otherwise (a log, a pipe) it prints a plain line at every tenth of the way,
// so that logs stay readable. Not thread-safe.
class Progress {
  public:
    enum class Unit { kBytes, kCount };

    Progress(std::string label, std::int64_t total, Unit unit, std::FILE* out = stderr);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void Update(std::int64_t done);
    void SetTotal(std::int64_t total) { total_ = total; }
    // Draws 100% and ends the line.
    void Done();

  private:
    std::string Amount(std::int64_t n) const;
    void Draw(std::int64_t done, bool final);

    std::string label_;
    std::int64_t total_;
    Unit unit_;
    std::FILE* out_;
    bool terminal_;
    int last_tenth_ = -1;
    std::chrono::steady_clock::time_point last_draw_{};
    bool finished_ = false;
};

}  // namespace onestory::cli
