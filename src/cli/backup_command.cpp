// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory backup: a consistent, compressed, encrypted copy of the database,
// made while the server keeps serving.
#include <chrono>
#include <iostream>

#include "backup/archive_writer.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/passphrase.hpp"
#include "cli/progress.hpp"
#include "crypto/random.hpp"
#include "store/sqlite/sqlite_snapshot.hpp"

namespace onestory::cli {
namespace {

constexpr std::size_t kCopyBuffer = 1024 * 1024;

// Removes a file when it goes out of scope, unless kept.
class RemoveOnExit {
  public:
    explicit RemoveOnExit(std::filesystem::path path) : path_(std::move(path)) {}
    ~RemoveOnExit() {
        if (path_.empty()) return;
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path_.string() + suffix, ec);
    }
    RemoveOnExit(const RemoveOnExit&) = delete;
    RemoveOnExit& operator=(const RemoveOnExit&) = delete;
    void Keep() { path_.clear(); }

  private:
    std::filesystem::path path_;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Status WriteBackup(Installation& installation, const std::filesystem::path& out, const std::string& passphrase,
                   backup::Manifest& manifest, std::int64_t& archive_bytes) {
    const DataDir& dir = installation.dir();
    if (!installation.settings().store.empty()) {
        return Status::FailedPrecondition(
            "this installation keeps its records in PostgreSQL: back it up with the database's own tools (pg_dump, "
            "base backups; docs/operations.md, \"Backups\"), and keep the key file and the erasure ledger apart "
            "from them");
    }
    std::error_code ec;
    if (std::filesystem::exists(out, ec)) {
        return Status::Conflict("exists", out.string() + " already exists; refusing to overwrite it");
    }
    if (out.has_parent_path() && !std::filesystem::is_directory(out.parent_path(), ec)) {
        return Status::FailedPrecondition("the directory " + out.parent_path().string() + " does not exist");
    }

    // 1. A consistent snapshot, inside the private data directory.
    const std::filesystem::path snapshot = SiblingTempPath(dir.database(), "backup-snapshot");
    RemoveOnExit remove_snapshot(snapshot);
    {
        Progress progress("snapshot", 0, Progress::Unit::kCount);
        ONESTORY_RETURN_IF_ERROR(
            store::SnapshotSqliteDatabase(dir.database(), snapshot, [&](std::int64_t done, std::int64_t total) {
                progress.SetTotal(total);
                progress.Update(done);
            }));
        progress.Done();
    }
    ONESTORY_ASSIGN_OR_RETURN(File input, File::OpenForReading(snapshot));
    ONESTORY_ASSIGN_OR_RETURN(manifest.database_bytes, input.Size());
    ONESTORY_ASSIGN_OR_RETURN(manifest.schema_version, installation.store().SchemaVersion());
    manifest.created_at = FormatInstant(SystemClock().Now());
    manifest.onestory_version = kOnestoryVersion;
    manifest.master_key_fingerprint = installation.keyring().MasterKeyFingerprint();

    // 2. Compressed and encrypted into a temporary file beside the output,
    //    renamed into place only when complete and synced.
    const std::filesystem::path partial = SiblingTempPath(out, "partial");
    ONESTORY_ASSIGN_OR_RETURN(File output, File::CreateNew(partial));
    RemoveOnExit remove_partial(partial);
    std::string buffered;
    const backup::ByteSink sink = [&](std::string_view bytes) -> Status {
        buffered.append(bytes);
        if (buffered.size() < kCopyBuffer) return Status::Ok();
        Status s = output.WriteAll(buffered);
        buffered.clear();
        return s;
    };
    std::cerr << "deriving the backup key from the passphrase (Argon2id) ..." << std::endl;
    ONESTORY_ASSIGN_OR_RETURN(auto writer, backup::ArchiveWriter::Begin(sink, passphrase, manifest));
    {
        Progress progress("encrypt", manifest.database_bytes, Progress::Unit::kBytes);
        std::string chunk(kCopyBuffer, '\0');
        std::int64_t done = 0;
        for (;;) {
            ONESTORY_ASSIGN_OR_RETURN(std::size_t n, input.Read(chunk.data(), chunk.size()));
            if (n == 0) break;
            ONESTORY_RETURN_IF_ERROR(writer->Write(std::string_view(chunk).substr(0, n)));
            done += static_cast<std::int64_t>(n);
            progress.Update(done);
        }
        if (done != manifest.database_bytes) return Status::Internal("the snapshot changed while it was read");
        ONESTORY_RETURN_IF_ERROR(writer->Finish());
        progress.Done();
    }
    ONESTORY_RETURN_IF_ERROR(output.WriteAll(buffered));
    ONESTORY_RETURN_IF_ERROR(output.Sync());
    ONESTORY_RETURN_IF_ERROR(output.Close());
    archive_bytes = writer->bytes_out();
    ONESTORY_RETURN_IF_ERROR(DurableRename(partial, out));
    remove_partial.Keep();
    return Status::Ok();
}

}  // namespace

int RunBackup(const BackupOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    auto passphrase = ReadBackupPassphrase(options.passphrase_file);
    if (!passphrase.ok()) return Fail(passphrase.status());
    auto installation = Installation::Open(DataDir{options.data}, {});
    if (!installation.ok()) return Fail(installation.status());
    backup::Manifest manifest;
    std::int64_t archive_bytes = 0;
    const Status written = WriteBackup(**installation, options.out, *passphrase, manifest, archive_bytes);
    if (!written.ok()) return Fail(written);
    std::printf(
        "backup written: %s\n"
        "  archive   %lld bytes (database %lld bytes, schema version %d)\n"
        "  key       made under master key %s; the backup does not contain the key file\n"
        "  time      %.1f s\n"
        "Keep a copy of %s and %s apart from this backup: restoring needs the key file, and the erasure\n"
        "ledger keeps survivors erased after this backup was made erased when it is restored.\n",
        options.out.c_str(), static_cast<long long>(archive_bytes), static_cast<long long>(manifest.database_bytes),
        manifest.schema_version, manifest.master_key_fingerprint.c_str(), SecondsSince(started),
        DataDir{options.data}.master_key().c_str(), DataDir{options.data}.erasure_ledger().c_str());
    return 0;
}

}  // namespace onestory::cli
