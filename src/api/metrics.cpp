// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/metrics.hpp"

#include <cstdio>
#include <sstream>

namespace onestory::api {
namespace {

std::string Labels(const std::string& method, const std::string& route) {
    return "method=\"" + method + "\",route=\"" + route + "\"";
}

std::string FormatDouble(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", v);
    return buffer;
}

}  // namespace

void Metrics::Record(std::string_view method, std::string_view route, int status, std::chrono::microseconds latency) {
    const double seconds = static_cast<double>(latency.count()) / 1e6;
    std::lock_guard lock(mu_);
    ++counts_[{std::string(method), std::string(route), status}];
    Histogram& h = latency_[{std::string(method), std::string(route)}];
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
        if (seconds <= kBucketsSeconds[i]) ++h.buckets[i];
    }
    ++h.count;
    h.sum_seconds += seconds;
}

std::string Metrics::Render() const {
    std::ostringstream out;
    std::lock_guard lock(mu_);
    out << "# HELP onestory_http_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE onestory_http_requests_total counter\n";
    for (const auto& [key, count] : counts_) {
        const auto& [method, route, status] = key;
        out << "onestory_http_requests_total{" << Labels(method, route) << ",status=\"" << status << "\"} " << count
            << "\n";
    }
    out << "# HELP onestory_http_request_duration_seconds Time to answer HTTP requests, by route.\n"
        << "# TYPE onestory_http_request_duration_seconds histogram\n";
    for (const auto& [key, h] : latency_) {
        const std::string labels = Labels(key.first, key.second);
        for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
            out << "onestory_http_request_duration_seconds_bucket{" << labels << ",le=\""
                << FormatDouble(kBucketsSeconds[i]) << "\"} " << h.buckets[i] << "\n";
        }
        out << "onestory_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << h.count << "\n";
        out << "onestory_http_request_duration_seconds_sum{" << labels << "} " << FormatDouble(h.sum_seconds) << "\n";
        out << "onestory_http_request_duration_seconds_count{" << labels << "} " << h.count << "\n";
    }
    return out.str();
}

}  // namespace onestory::api
