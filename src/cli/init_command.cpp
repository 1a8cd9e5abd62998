// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/settings_file.hpp"
#include "common/enum_names.hpp"
#include "policy/vocabulary.hpp"
#include "store/postgres/postgres_dsn.hpp"

namespace onestory::cli {
namespace {

Result<std::string> ReadPassword(const InitOptions& options) {
    if (!options.admin_password_file.empty()) {
        std::ifstream in(options.admin_password_file);
        if (!in) return Status::FailedPrecondition("cannot read the password file " + options.admin_password_file);
        std::string password;
        std::getline(in, password);
        if (!password.empty() && password.back() == '\r') password.pop_back();
        return password;
    }
    if (const char* env = std::getenv("ONESTORY_ADMIN_PASSWORD"); env != nullptr && *env != '\0')
        return std::string(env);
    return Status::Invalid("admin-password",
                           "give the administrator's password with --admin-password-file FILE or the "
                           "ONESTORY_ADMIN_PASSWORD environment variable");
}

}  // namespace

int Fail(const Status& status) {
    std::cerr << "onestory: " << (status.message().empty() ? status.ToString() : status.message()) << "\n";
    return 1;
}

Status InitializeDataDir(const DataDir& dir, const InitOptions& options, const std::string& admin_password) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(dir.database(), ec) || fs::exists(dir.master_key(), ec)) {
        return Status::Conflict("exists",
                                dir.root.string() + " already holds a onestory installation; refusing to overwrite it");
    }
    const auto kind = ParseEnum<policy::AgencyKind>(options.agency_kind);
    if (!kind) return Status::Invalid("agency-kind", "unknown agency kind " + options.agency_kind);
    if (!options.store.empty()) {
        if (Status s = store::ValidatePostgresDsn(options.store); !s.ok()) {
            return Status::Invalid("store", "--store " + s.message());
        }
    }
    const bool had_settings = fs::exists(dir.settings(), ec);

    bool created_dir = false;
    if (!fs::exists(dir.root, ec)) {
        if (!fs::create_directories(dir.root, ec)) {
            return Status::FailedPrecondition("cannot create " + dir.root.string() + ": " + ec.message());
        }
        created_dir = true;
    }
    ::chmod(dir.root.c_str(), 0700);

    auto cleanup = [&] {
        fs::remove(dir.master_key(), ec);
        fs::remove(dir.lock_file(), ec);
        fs::remove(dir.erasure_ledger(), ec);
        if (!had_settings) fs::remove(dir.settings(), ec);
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(dir.database().string() + suffix, ec);
        if (created_dir) fs::remove(dir.root, ec);
    };

    Status status = crypto::CreateMasterKeyFile(dir.master_key());
    if (status.ok() && !options.store.empty()) status = WriteStoreSetting(dir.settings(), options.store);
    if (!status.ok()) {
        cleanup();
        return status;
    }
    OpenOptions open;
    open.create = true;
    auto installation = Installation::Open(dir, open);
    if (!installation.ok()) {
        cleanup();
        return installation.status();
    }
    domain::NewAgency agency{options.agency_name, *kind, options.agency_country};
    domain::NewStaff admin{
        options.admin_username, admin_password, options.admin_display_name, "", {policy::Role::kAdmin}};
    auto created = (*installation)->accounts().Bootstrap(agency, admin);
    if (!created.ok()) {
        installation->reset();
        cleanup();
        const auto& s = created.status();
        return Status(s.code(), s.reason(), (s.field().empty() ? "" : s.field() + " ") + s.message(), s.field());
    }
    return Status::Ok();
}

int RunInit(const InitOptions& options) {
    if (options.admin_username.empty()) return Fail(Status::Invalid("admin-username", "give --admin-username"));
    auto password = ReadPassword(options);
    if (!password.ok()) return Fail(password.status());
    const Status status = InitializeDataDir(DataDir{options.data}, options, *password);
    if (!status.ok()) return Fail(status);
    const std::string database = options.store.empty() ? DataDir{options.data}.database().string()
                                                       : store::DescribeDsn(options.store) + " (PostgreSQL)";
    std::cout << "initialised " << options.data << "\n"
              << "  database  " << database << "\n"
              << "  key file  " << DataDir{options.data}.master_key().string()
              << "  (keep a copy apart from the database; without it the data cannot be read)\n"
              << "  ledger    " << DataDir{options.data}.erasure_ledger().string()
              << "  (keep a copy with the key file; it keeps erased survivors erased after a restore)\n"
              << "  admin     " << options.admin_username << "\n";
    return 0;
}

int RunAuditVerify(const std::string& data) {
    auto installation = Installation::Open(DataDir{data}, {});
    if (!installation.ok()) return Fail(installation.status());
    auto report = (*installation)->audit().Verify((*installation)->store());
    if (!report.ok()) return Fail(report.status());
    if (!report->intact) {
        std::cout << "audit chain broken at event " << report->first_bad_seq << ": " << report->problem << "\n";
        return 2;
    }
    std::cout << "audit chain intact: " << report->events << " events\n";
    return 0;
}

}  // namespace onestory::cli
