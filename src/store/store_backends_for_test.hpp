// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <ostream>
#include <memory>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace onestory::store {

// A backend the conformance suite runs against: each call of `open` gives a
// fresh, empty, migrated store that cleans up after itself.
struct BackendForTest {
    std::string name;
    std::function<Result<std::unique_ptr<Store>>()> open;
};

// SQLite always; PostgreSQL too when ONESTORY_TEST_POSTGRES_DSN is set.
std::vector<BackendForTest> BackendsForTest();

// Test names show the backend, not its bytes.
inline void PrintTo(const BackendForTest& backend, std::ostream* os) { *os << backend.name; }

}  // namespace onestory::store
