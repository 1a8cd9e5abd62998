// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cli/installation.hpp"
#include "common/result.hpp"

namespace onestory::cli {

// Rotating the master key, so that it survives being killed at any point.
//
//   1. the new key is written to master.key.new (0600, synced);
//   2. every wrapped key (survivors' data keys, the installation keys, staff
//      TOTP secrets) is
//      re-wrapped under it in one transaction, with its audit event;
//   3. master.key is hard-linked to master.key.old;
//   4. master.key.new is renamed over master.key.
//
// master.key always exists and the database is always wholly under one of
// the two keys, so whichever process next opens the data directory (serve,
// or rotate again) can tell from the database which key it is under:
// under master.key, the rotation never committed and master.key.new is
// discarded; under master.key.new, steps 3 and 4 are finished.
// master.key.old is left for the operator: backups made before the
// rotation need it.

enum class RecoveryOutcome { kNothingToDo, kDiscardedNewKey, kFinishedRotation };

// Finishes or undoes an interrupted rotation. The caller holds the data
// directory's exclusive lock.
Result<RecoveryOutcome> RecoverInterruptedRotation(const DataDir& dir);

struct RotationReport {
    bool finished_interrupted = false;  // an interrupted rotation was finished instead
    std::string old_fingerprint;
    std::string new_fingerprint;
    std::int64_t survivor_keys = 0;
    std::int64_t installation_keys = 0;
    std::int64_t totp_secrets = 0;
};

// Takes the exclusive lock (refusing while serve or any other command runs).
Result<RotationReport> RotateMasterKey(const DataDir& dir);

// Tests only: ONESTORY_TEST_CRASH_AT=<name> kills the process with SIGKILL
// when it reaches the named point, to prove recovery from each.
void CrashPoint(std::string_view name);

}  // namespace onestory::cli
