// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>

namespace onestory::cli {
namespace {
constexpr int kBarWidth = 30;
constexpr std::chrono::milliseconds kRedrawEvery{100};
}  // namespace

Progress::Progress(std::string label, std::int64_t total, Unit unit, std::FILE* out)
    : label_(std::move(label)), total_(total), unit_(unit), out_(out), terminal_(::isatty(::fileno(out)) == 1) {}

std::string Progress::Amount(std::int64_t n) const {
    char text[32];
    if (unit_ == Unit::kBytes) {
        std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(n) / (1024.0 * 1024.0));
    } else {
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(n));
    }
    return text;
}

void Progress::Update(std::int64_t done) {
    if (finished_) return;
    Draw(done, false);
}

void Progress::Done() {
    if (finished_) return;
    Draw(std::max<std::int64_t>(total_, 0), true);
    finished_ = true;
}

void Progress::Draw(std::int64_t done, bool final) {
    const double fraction = total_ > 0 ? std::clamp(static_cast<double>(done) / static_cast<double>(total_), 0.0, 1.0)
                                       : (final ? 1.0 : 0.0);
    const int percent = static_cast<int>(fraction * 100.0);
    if (terminal_) {
        const auto now = std::chrono::steady_clock::now();
        if (!final && now - last_draw_ < kRedrawEvery) return;
        last_draw_ = now;
        const int filled = static_cast<int>(fraction * kBarWidth);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(kBarWidth - filled), '-');
        std::fprintf(out_, "\r%-10s [%s] %3d%%  %s / %s%s", label_.c_str(), bar.c_str(), percent, Amount(done).c_str(),
                     Amount(total_).c_str(), final ? "\n" : "");
    } else {
        const int tenth = percent / 10;
        if (!final && tenth == last_tenth_) return;
        if (final && last_tenth_ == 10) return;
        last_tenth_ = final ? 10 : tenth;
        std::fprintf(out_, "%s: %d%% (%s of %s)\n", label_.c_str(), final ? 100 : percent, Amount(done).c_str(),
                     Amount(total_).c_str());
    }
    std::fflush(out_);
}

}  // namespace onestory::cli
