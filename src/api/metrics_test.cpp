// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/metrics.hpp"

#include <gtest/gtest.h>

namespace onestory::api {
namespace {

TEST(MetricsTest, CountsByRouteAndStatusWithAHistogram) {
    Metrics m;
    m.Record("GET", "/api/v1/survivors/{id}", 200, std::chrono::microseconds(700));
    m.Record("GET", "/api/v1/survivors/{id}", 200, std::chrono::microseconds(30000));
    m.Record("GET", "/api/v1/survivors/{id}", 403, std::chrono::microseconds(100));
    const std::string text = m.Render();
    EXPECT_NE(
        text.find("onestory_http_requests_total{method=\"GET\",route=\"/api/v1/survivors/{id}\",status=\"200\"} 2"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find("status=\"403\"} 1"), std::string::npos);
    EXPECT_NE(text.find("le=\"0.001\"} 2"), std::string::npos) << text;
    EXPECT_NE(text.find("le=\"+Inf\"} 3"), std::string::npos);
    EXPECT_NE(text.find("# TYPE onestory_http_request_duration_seconds histogram"), std::string::npos);
}

}  // namespace
}  // namespace onestory::api
