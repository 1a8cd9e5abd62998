// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/key_rotation.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>

#include "cli/files.hpp"
#include "cli/settings_file.hpp"
#include "crypto/aead.hpp"
#include "domain/installation_keys.hpp"
#include "domain/sealer.hpp"
#include "store/key_rows.hpp"
#include "store/survivor_rows.hpp"
#include "store/totp_rows.hpp"

namespace onestory::cli {
namespace {

namespace fs = std::filesystem;

// The store the data directory's settings name (SQLite or PostgreSQL).
Result<std::unique_ptr<store::Store>> OpenConfiguredStore(const DataDir& dir) {
    ONESTORY_ASSIGN_OR_RETURN(const domain::Settings settings, LoadSettingsFile(dir.settings()));
    return OpenStore(dir, settings, OpenOptions{});
}

// Whether the installation keys in the store open under `keyring`.
Result<bool> StoreIsUnder(store::Store& store, const crypto::Keyring& keyring) {
    std::optional<store::SystemKeyRow> audit;
    ONESTORY_RETURN_IF_ERROR(store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(audit, store::GetSystemKey(tx, "audit"));
        return Status::Ok();
    }));
    if (!audit) return Status::FailedPrecondition("the database has no audit key; was it made with `onestory init`?");
    return keyring.Unwrap(audit->wrapped, "audit").ok();
}

// Steps 3 and 4: keep the old key as master.key.old, put the new one in place.
Status SwapKeyFiles(const DataDir& dir) {
    std::error_code ec;
    if (!fs::exists(dir.old_master_key(), ec)) {
        if (::link(dir.master_key().c_str(), dir.old_master_key().c_str()) != 0) {
            return Status::FailedPrecondition("cannot keep the old key as " + dir.old_master_key().string() + ": " +
                                              std::strerror(errno));
        }
        ONESTORY_RETURN_IF_ERROR(SyncDirectory(dir.root));
    }
    CrashPoint("after_link");
    ONESTORY_RETURN_IF_ERROR(DurableRename(dir.new_master_key(), dir.master_key()));
    CrashPoint("after_rename");
    return Status::Ok();
}

}  // namespace

void CrashPoint(std::string_view name) {
    const char* at = std::getenv("ONESTORY_TEST_CRASH_AT");
    if (at != nullptr && name == at) ::raise(SIGKILL);
}

Result<RecoveryOutcome> RecoverInterruptedRotation(const DataDir& dir) {
    std::error_code ec;
    if (!fs::exists(dir.new_master_key(), ec)) return RecoveryOutcome::kNothingToDo;
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes current_key, crypto::LoadMasterKeyFile(dir.master_key()));
    const crypto::Keyring current(std::move(current_key));
    bool under_new = false;
    {
        ONESTORY_ASSIGN_OR_RETURN(auto store, OpenConfiguredStore(dir));
        ONESTORY_ASSIGN_OR_RETURN(const bool under_current, StoreIsUnder(*store, current));
        if (!under_current) {
            auto new_key = crypto::LoadMasterKeyFile(dir.new_master_key());
            if (new_key.ok()) {
                ONESTORY_ASSIGN_OR_RETURN(under_new, StoreIsUnder(*store, crypto::Keyring(std::move(new_key).value())));
            }
            if (!under_new) {
                return Status::FailedPrecondition(
                    "a master key rotation was interrupted, and the database opens neither with master.key nor "
                    "with master.key.new; restore the key file from your copy");
            }
        }
    }
    if (!under_new) {
        // The re-wrapping never committed: the new key wrapped nothing.
        if (::unlink(dir.new_master_key().c_str()) != 0) {
            return Status::FailedPrecondition("cannot remove " + dir.new_master_key().string() + ": " +
                                              std::strerror(errno));
        }
        ONESTORY_RETURN_IF_ERROR(SyncDirectory(dir.root));
        return RecoveryOutcome::kDiscardedNewKey;
    }
    ONESTORY_RETURN_IF_ERROR(SwapKeyFiles(dir));
    return RecoveryOutcome::kFinishedRotation;
}

Result<RotationReport> RotateMasterKey(const DataDir& dir) {
    RotationReport report;
    ONESTORY_ASSIGN_OR_RETURN(DataDirLock lock, DataDirLock::Exclusive(dir.lock_file()));
    ONESTORY_ASSIGN_OR_RETURN(const RecoveryOutcome recovered, RecoverInterruptedRotation(dir));
    if (recovered == RecoveryOutcome::kFinishedRotation) {
        report.finished_interrupted = true;
        ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes key, crypto::LoadMasterKeyFile(dir.master_key()));
        report.new_fingerprint = crypto::Keyring(std::move(key)).MasterKeyFingerprint();
        return report;
    }
    std::error_code ec;
    if (fs::exists(dir.old_master_key(), ec)) {
        return Status::Conflict(
            "exists", dir.old_master_key().string() +
                          " is still here from an earlier rotation; store it with the backups made before that "
                          "rotation (they need it), remove it, and rotate again");
    }

    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes old_key, crypto::LoadMasterKeyFile(dir.master_key()));
    const crypto::Keyring old_keyring(std::move(old_key));
    crypto::SecretBytes new_key = crypto::NewKey();
    ONESTORY_RETURN_IF_ERROR(crypto::WriteMasterKeyFile(dir.new_master_key(), new_key));
    const crypto::Keyring new_keyring(std::move(new_key));
    report.old_fingerprint = old_keyring.MasterKeyFingerprint();
    report.new_fingerprint = new_keyring.MasterKeyFingerprint();
    CrashPoint("after_new_key");

    // Step 2, all or nothing. Should it fail, the new key file wrapped
    // nothing and is removed.
    Status rewrapped = [&]() -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto store, OpenConfiguredStore(dir));
        ONESTORY_ASSIGN_OR_RETURN(auto keys, domain::LoadInstallationKeys(*store, old_keyring, false));
        const SystemClock clock;
        const audit::AuditLog audit(keys.audit, clock);
        ONESTORY_RETURN_IF_ERROR(store->Write([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto system_keys, store::ListSystemKeys(tx));
            for (const auto& k : system_keys) {
                ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes key, old_keyring.Unwrap(k.wrapped, k.name));
                ONESTORY_RETURN_IF_ERROR(store::UpdateSystemKeyWrapping(tx, k.name, new_keyring.Wrap(key, k.name)));
            }
            report.installation_keys = static_cast<std::int64_t>(system_keys.size());
            ONESTORY_ASSIGN_OR_RETURN(auto data_keys, store::ListSurvivorDataKeys(tx));
            for (std::size_t i = 0; i < data_keys.size(); ++i) {
                const auto& [id, wrapped] = data_keys[i];
                const std::string name = domain::DataKeyName(id);
                auto key = old_keyring.Unwrap(wrapped, name);
                if (!key.ok()) {
                    return Status::DataLoss("the data key of survivor " + id +
                                            " does not open under the current master key; nothing was changed");
                }
                ONESTORY_RETURN_IF_ERROR(store::UpdateSurvivorDataKey(tx, id, new_keyring.Wrap(*key, name)));
                if (i == data_keys.size() / 2) CrashPoint("during_rewrap");
            }
            report.survivor_keys = static_cast<std::int64_t>(data_keys.size());
            ONESTORY_ASSIGN_OR_RETURN(auto totp, store::ListTotp(tx));
            for (const auto& t : totp) {
                const std::string name = "totp:" + t.staff_id;
                ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes secret, old_keyring.Unwrap(t.secret, name));
                ONESTORY_RETURN_IF_ERROR(store::UpdateTotpSecret(tx, t.staff_id, new_keyring.Wrap(secret, name)));
            }
            report.totp_secrets = static_cast<std::int64_t>(totp.size());
            audit::AuditEvent event;
            event.actor_kind = "system";
            event.action = "master_key.rotate";
            event.outcome = "success";
            event.detail = "from key " + report.old_fingerprint + " to key " + report.new_fingerprint +
                           "; survivor keys=" + std::to_string(report.survivor_keys) +
                           "; installation keys=" + std::to_string(report.installation_keys) +
                           "; totp secrets=" + std::to_string(report.totp_secrets);
            return audit.Append(tx, event);
        }));
        CrashPoint("after_rewrap");
        // The keys as wrapped under the old master key must not linger in the log.
        return store->DiscardDeletedData();
    }();
    if (!rewrapped.ok()) {
        auto undone = RecoverInterruptedRotation(dir);
        if (!undone.ok()) return undone.status();
        if (*undone == RecoveryOutcome::kDiscardedNewKey) return rewrapped;
        // Committed, only the clean-up failed: the rotation is done.
    } else {
        ONESTORY_RETURN_IF_ERROR(SwapKeyFiles(dir));
    }
    return report;
}

}  // namespace onestory::cli
