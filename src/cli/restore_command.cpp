// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory restore: a backup into a new data directory, all or nothing.
#include <stdlib.h>

#include <chrono>
#include <iostream>

#include "backup/archive_reader.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/passphrase.hpp"
#include "cli/progress.hpp"
#include "store/migrations.hpp"
#include "store/session_rows.hpp"
#include "store/sqlite/sqlite_snapshot.hpp"

namespace onestory::cli {
namespace {

namespace fs = std::filesystem;

// The directory a restore builds in, beside the target; removed with all it
// holds unless the restore completes and renames it into place.
class StagingDir {
  public:
    static Result<StagingDir> CreateBeside(const fs::path& target) {
        const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
        std::string pattern = (parent / ("." + target.filename().string() + ".restoring-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            return Status::FailedPrecondition("cannot create a working directory beside " + target.string());
        }
        return StagingDir(pattern);
    }
    StagingDir(StagingDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;
    ~StagingDir() {
        if (path_.empty()) return;
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    void Release() { path_.clear(); }

  private:
    explicit StagingDir(fs::path path) : path_(std::move(path)) {}
    fs::path path_;
};

Status CheckTarget(const fs::path& target) {
    std::error_code ec;
    if (!fs::exists(target, ec)) {
        if (target.has_parent_path() && !fs::is_directory(target.parent_path(), ec)) {
            return Status::FailedPrecondition("the directory " + target.parent_path().string() + " does not exist");
        }
        return Status::Ok();
    }
    if (!fs::is_directory(target, ec))
        return Status::Conflict("exists", target.string() + " exists and is not a directory");
    if (!fs::is_empty(target, ec)) {
        return Status::Conflict("exists", target.string() +
                                              " is not empty; restore only into a new or empty directory, so that "
                                              "nothing is overwritten");
    }
    return Status::Ok();
}

// Decrypts and inflates the archive into `database`; nothing of it is used
// unless this returns Ok.
Status ExtractDatabase(const fs::path& archive_path, const std::string& passphrase, const crypto::Keyring& keyring,
                       const fs::path& database, backup::Manifest& manifest) {
    ONESTORY_ASSIGN_OR_RETURN(File archive, File::OpenForReading(archive_path));
    ONESTORY_ASSIGN_OR_RETURN(const std::int64_t archive_size, archive.Size());
    ONESTORY_ASSIGN_OR_RETURN(auto reader, backup::ArchiveReader::Open([&](char* buffer, std::size_t size) {
                                  return archive.Read(buffer, size);
                              }));
    std::cerr << "deriving the backup key from the passphrase (Argon2id) ..." << std::endl;
    ONESTORY_RETURN_IF_ERROR(reader->Unlock(passphrase));
    ONESTORY_ASSIGN_OR_RETURN(manifest, reader->ReadManifest());
    const std::string fingerprint = keyring.MasterKeyFingerprint();
    if (manifest.master_key_fingerprint != fingerprint) {
        return Status::FailedPrecondition(
            "this backup was made under the master key with fingerprint " + manifest.master_key_fingerprint +
            ", but the key file given has fingerprint " + fingerprint +
            "; give the key file that was current when the backup was made (after a key rotation, that is the "
            "kept master.key.old)");
    }
    if (manifest.schema_version > store::LatestVersion(store::SqliteMigrations())) {
        return Status::FailedPrecondition("this backup was made by a newer onestory (schema version " +
                                          std::to_string(manifest.schema_version) + "); restore it with that version");
    }
    ONESTORY_ASSIGN_OR_RETURN(File output, File::CreateNew(database));
    Progress progress("restore", archive_size, Progress::Unit::kBytes);
    std::string buffered;
    ONESTORY_RETURN_IF_ERROR(reader->ReadDatabase([&](std::string_view bytes) -> Status {
        buffered.append(bytes);
        if (buffered.size() >= 1024 * 1024) {
            ONESTORY_RETURN_IF_ERROR(output.WriteAll(buffered));
            buffered.clear();
            progress.Update(reader->bytes_in());
        }
        return Status::Ok();
    }));
    ONESTORY_RETURN_IF_ERROR(output.WriteAll(buffered));
    ONESTORY_RETURN_IF_ERROR(output.Sync());
    ONESTORY_RETURN_IF_ERROR(output.Close());
    progress.Done();
    return Status::Ok();
}

struct RestoreReport {
    backup::Manifest manifest;
    std::int64_t audit_events = 0;
    std::string ledger;    // the ledger applied, empty when none
    int erased_again = 0;  // survivors the backup held but the ledger says were erased
};

// The erasure ledger to apply: the one named, else the one beside the key
// file. Restoring without one is allowed only when the operator says so,
// because without it survivors erased after the backup would come back.
Result<std::optional<fs::path>> LedgerToApply(const RestoreOptions& options) {
    if (options.no_erasure_ledger) {
        if (!options.erasure_ledger.empty()) {
            return Status::Invalid("erasure-ledger", "give either --erasure-ledger or --no-erasure-ledger, not both");
        }
        return std::optional<fs::path>();
    }
    const fs::path ledger = options.erasure_ledger.empty() ? fs::path(options.key_file).parent_path() / "erasure.ledger"
                                                           : fs::path(options.erasure_ledger);
    std::error_code ec;
    if (!fs::is_regular_file(ledger, ec)) {
        return Status::FailedPrecondition(
            "no erasure ledger at " + ledger.string() +
            "; give the copy kept with the key file with --erasure-ledger FILE, so that survivors erased after this "
            "backup stay erased (or --no-erasure-ledger if no survivor was ever erased)");
    }
    return std::optional<fs::path>(ledger);
}

Status Restore(const RestoreOptions& options, const std::string& passphrase, RestoreReport& report) {
    const fs::path target = fs::path(options.data).lexically_normal();
    ONESTORY_RETURN_IF_ERROR(CheckTarget(target));
    if (options.key_file.empty()) {
        return Status::Invalid("key-file", "give --key-file: a backup never holds the master key file");
    }
    ONESTORY_ASSIGN_OR_RETURN(const auto ledger, LedgerToApply(options));
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes master, crypto::LoadMasterKeyFile(options.key_file));
    const crypto::Keyring keyring(crypto::SecretBytes::Copy(master.Reveal()));

    ONESTORY_ASSIGN_OR_RETURN(StagingDir staging, StagingDir::CreateBeside(target));
    const DataDir staged{staging.path()};
    ONESTORY_RETURN_IF_ERROR(ExtractDatabase(options.in, passphrase, keyring, staged.database(), report.manifest));
    ONESTORY_RETURN_IF_ERROR(store::CheckSqliteIntegrity(staged.database()));
    ONESTORY_RETURN_IF_ERROR(crypto::WriteMasterKeyFile(staged.master_key(), master));
    if (ledger) {
        ONESTORY_ASSIGN_OR_RETURN(std::string text, ReadSmallFile(*ledger, 256 * 1024 * 1024));
        ONESTORY_ASSIGN_OR_RETURN(File copy, File::CreateNew(staged.erasure_ledger()));
        ONESTORY_RETURN_IF_ERROR(copy.WriteAll(text));
        ONESTORY_RETURN_IF_ERROR(copy.Sync());
        ONESTORY_RETURN_IF_ERROR(copy.Close());
        report.ledger = ledger->string();
    }

    {
        // Opening proves the key file opens the restored keys, and brings an
        // older backup's schema up to date; the audit chain must be intact.
        auto installation = Installation::Open(staged, {});
        if (!installation.ok()) return installation.status();
        // Logins made before the backup do not come back to life with it.
        ONESTORY_RETURN_IF_ERROR((*installation)->store().Write(store::DeleteAllSessions));
        // Survivors erased after the backup was made are erased again.
        auto reconciled = (*installation)->erasures().Reconcile();
        if (!reconciled.ok()) return reconciled.status();
        report.erased_again = reconciled->reapplied + reconciled->finished;
        auto verified = (*installation)->audit().Verify((*installation)->store());
        if (!verified.ok()) return verified.status();
        if (!verified->intact) {
            return Status::DataLoss("the audit chain in this backup is broken at event " +
                                    std::to_string(verified->first_bad_seq) + ": " + verified->problem);
        }
        report.audit_events = verified->events;
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        std::error_code ec;
        fs::remove(staged.database().string() + suffix, ec);
    }
    ONESTORY_RETURN_IF_ERROR(SyncDirectory(staging.path()));
    // The one step that makes the restore visible: an empty target directory
    // is replaced whole, so the target is either untouched or complete.
    ONESTORY_RETURN_IF_ERROR(DurableRename(staging.path(), target));
    staging.Release();
    return Status::Ok();
}

}  // namespace

int RunRestore(const RestoreOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    auto passphrase = ReadBackupPassphrase(options.passphrase_file);
    if (!passphrase.ok()) return Fail(passphrase.status());
    RestoreReport report;
    const Status restored = Restore(options, *passphrase, report);
    if (!restored.ok()) return Fail(restored);
    std::printf(
        "restored %s into %s\n"
        "  backup made %s by onestory %s (schema version %d)\n"
        "  audit chain intact: %lld events\n"
        "  erasures  %s\n"
        "  time      %.1f s\n",
        options.in.c_str(), options.data.c_str(), report.manifest.created_at.c_str(),
        report.manifest.onestory_version.c_str(), report.manifest.schema_version,
        static_cast<long long>(report.audit_events),
        report.ledger.empty() ? "no erasure ledger applied (--no-erasure-ledger)"
                              : ("ledger " + report.ledger + " applied; " + std::to_string(report.erased_again) +
                                 " survivor(s) in the backup were erased again")
                                    .c_str(),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return 0;
}

}  // namespace onestory::cli
