// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/installation_keys.hpp"

#include <chrono>

#include "crypto/aead.hpp"
#include "store/key_rows.hpp"

namespace onestory::domain {
namespace {

Result<crypto::SecretBytes> LoadOrCreate(store::Store& store, const crypto::Keyring& keyring, std::string_view name,
                                         bool create) {
    std::optional<store::SystemKeyRow> row;
    ONESTORY_RETURN_IF_ERROR(store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetSystemKey(tx, name));
        return Status::Ok();
    }));
    if (!row) {
        if (!create) {
            return Status::FailedPrecondition("the database has no " + std::string(name) +
                                              " key; was it created with `onestory init`?");
        }
        crypto::SecretBytes key = crypto::NewKey();
        const std::int64_t now =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        const Status inserted = store.Write([&](store::Transaction& tx) {
            return store::InsertSystemKey(tx, {std::string(name), keyring.Wrap(key, name), now});
        });
        // Another process sharing the database made it first: use theirs.
        if (inserted.code() == StatusCode::kConflict) return LoadOrCreate(store, keyring, name, false);
        ONESTORY_RETURN_IF_ERROR(inserted);
        return key;
    }
    auto key = keyring.Unwrap(row->wrapped, name);
    if (!key.ok()) {
        return Status::FailedPrecondition("the " + std::string(name) +
                                          " key in the database does not open with this master key file; "
                                          "is this the key file the data directory was created with?");
    }
    return key;
}

}  // namespace

Result<InstallationKeys> LoadInstallationKeys(store::Store& store, const crypto::Keyring& keyring, bool create) {
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes audit, LoadOrCreate(store, keyring, "audit", create));
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes blind, LoadOrCreate(store, keyring, "blind_index", create));
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes wellbeing, LoadOrCreate(store, keyring, "wellbeing", true));
    return InstallationKeys{std::move(audit), std::move(blind), std::move(wellbeing)};
}

}  // namespace onestory::domain
