// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace onestory::api {

// Request counters by route and status, and a latency histogram per route,
// rendered in the Prometheus text exposition format. Routes are counted by
// their pattern ("/api/v1/survivors/{id}"), never by concrete path, so ids
// stay out of the metrics. Thread-safe.
class Metrics {
  public:
    static constexpr std::array<double, 12> kBucketsSeconds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                            0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

    void Record(std::string_view method, std::string_view route, int status, std::chrono::microseconds latency);
    std::string Render() const;

  private:
    struct Histogram {
        std::array<std::uint64_t, kBucketsSeconds.size()> buckets{};
        std::uint64_t count = 0;
        double sum_seconds = 0;
    };

    mutable std::mutex mu_;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> counts_;
    std::map<std::pair<std::string, std::string>, Histogram> latency_;
};

}  // namespace onestory::api
