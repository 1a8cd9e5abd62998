// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory rotate-master-key: every wrapped key under a new master key.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/key_rotation.hpp"

namespace onestory::cli {

int RunRotateMasterKey(const std::string& data) {
    const DataDir dir{data};
    auto report = RotateMasterKey(dir);
    if (!report.ok()) return Fail(report.status());
    if (report->finished_interrupted) {
        std::printf(
            "an interrupted rotation was finished instead of starting another\n"
            "  master key  %s (fingerprint %s)\n",
            dir.master_key().c_str(), report->new_fingerprint.c_str());
    } else {
        std::printf(
            "master key rotated\n"
            "  re-wrapped  %lld survivor data keys, %lld installation keys and %lld TOTP secrets, in one transaction\n"
            "  old key     fingerprint %s, kept as %s\n"
            "  new key     fingerprint %s, in %s\n",
            static_cast<long long>(report->survivor_keys), static_cast<long long>(report->installation_keys),
            static_cast<long long>(report->totp_secrets), report->old_fingerprint.c_str(), dir.old_master_key().c_str(),
            report->new_fingerprint.c_str(), dir.master_key().c_str());
    }
    std::printf(
        "Copy the new master.key to where you keep the key file's copy. Backups made before this rotation\n"
        "open only with the old key: keep master.key.old with them, and remove it from the data directory.\n");
    return 0;
}

}  // namespace onestory::cli
