// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <ostream>
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
    // Why the backend cannot run here, or "" when it can; a suite skips its
    // cases with this reason (see SkipUnlessAvailable).
    std::function<std::string()> unavailable = [] { return std::string(); };
};

// SQLite and PostgreSQL. Both are always listed, because ctest learns the
// test names when the tests are built; PostgreSQL's cases run when
// ONESTORY_TEST_POSTGRES_DSN is set where the tests run (make test does so)
// and are skipped, saying why, when it is not.
std::vector<BackendForTest> BackendsForTest();

// In a parameterised fixture's SetUp: GTEST_SKIP when the backend cannot run here.
#define ONESTORY_SKIP_UNLESS_AVAILABLE(backend)                          \
    if (const std::string why = (backend).unavailable(); !why.empty()) { \
        GTEST_SKIP() << why;                                             \
    }

// A PostgreSQL store on a fresh database of the server ONESTORY_TEST_POSTGRES_DSN names.
Result<std::unique_ptr<Store>> OpenPostgresForTest(int pool_size);

// Test names show the backend, not its bytes.
inline void PrintTo(const BackendForTest& backend, std::ostream* os) {
    *os << backend.name;
}

}  // namespace onestory::store
