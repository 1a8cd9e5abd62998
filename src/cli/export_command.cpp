// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory export: the installation's cases in the HTCDS vocabulary (with
// identities, for a run an administrator authorises), or the k-anonymous
// CTDC dataset. Both stream to a private temporary file beside FILE, which
// replaces nothing and becomes FILE only when the export is complete.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <boost/json.hpp>

#include "cli/commands.hpp"
#include "cli/export_formats.hpp"
#include "domain/exports/bulk_export.hpp"

namespace onestory::cli {
namespace {

Result<std::string> ReadAuthorisingPassword(const ExportOptions& options) {
    if (!options.admin_password_file.empty()) {
        std::ifstream in(options.admin_password_file);
        if (!in) return Status::FailedPrecondition("cannot read the password file " + options.admin_password_file);
        std::string password;
        std::getline(in, password);
        if (!password.empty() && password.back() == '\r') password.pop_back();
        return password;
    }
    if (const char* env = std::getenv("ONESTORY_ADMIN_PASSWORD"); env != nullptr && *env != '\0') {
        return std::string(env);
    }
    return Status::Invalid("admin-password",
                           "give the password of --admin-username with --admin-password-file FILE or the "
                           "ONESTORY_ADMIN_PASSWORD environment variable");
}

// The authorising account, checked like a login (throttled and audited);
// its session ends at once, the export runs as that person.
Result<policy::Actor> Authorise(Installation& inst, const ExportOptions& options) {
    if (options.admin_username.empty()) {
        return Status::Invalid("admin-username",
                               "an export runs on the authority of an administrator (or, for ctdc and "
                               "--no-identities, an analyst): give --admin-username");
    }
    ONESTORY_ASSIGN_OR_RETURN(std::string password, ReadAuthorisingPassword(options));
    ONESTORY_ASSIGN_OR_RETURN(auto login, inst.accounts().Login(options.admin_username, password, "onestory export"));
    ONESTORY_ASSIGN_OR_RETURN(auto principal, inst.accounts().Authenticate(login.token));
    ONESTORY_RETURN_IF_ERROR(inst.accounts().Logout(principal));
    return principal.actor;
}

// A progress bar on a terminal, redrawn at most ten times a second.
class ProgressBar {
  public:
    explicit ProgressBar(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO) == 1) {}
    void Update(const domain::ExportProgress& p) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (p.done < p.total && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        const double share = p.total > 0 ? static_cast<double>(p.done) / static_cast<double>(p.total) : 1.0;
        const int filled = static_cast<int>(share * 30);
        std::string bar(static_cast<std::size_t>(filled), '=');
        bar.resize(30, ' ');
        std::fprintf(stderr, "\r[%s] %3d%% %lld/%lld", bar.c_str(), static_cast<int>(share * 100),
                     static_cast<long long>(p.done), static_cast<long long>(p.total));
        std::fflush(stderr);
        drawn_ = true;
    }
    void Finish() {
        if (drawn_) std::fprintf(stderr, "\n");
    }

  private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

// FILE.partial, created private and exclusive; renamed to FILE when complete.
class OutputFile {
  public:
    static Result<std::unique_ptr<OutputFile>> Create(const std::filesystem::path& path) {
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
            return Status::Conflict("exists", path.string() + " exists; onestory export never overwrites a file");
        }
        const std::filesystem::path partial = path.string() + ".partial";
        const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) return Status::FailedPrecondition("cannot create " + partial.string());
        FILE* file = ::fdopen(fd, "w");
        if (file == nullptr) {
            ::close(fd);
            return Status::FailedPrecondition("cannot open " + partial.string());
        }
        return std::unique_ptr<OutputFile>(new OutputFile(path, partial, file));
    }
    ~OutputFile() {
        if (file_ != nullptr) {
            std::fclose(file_);
            std::error_code ec;
            std::filesystem::remove(partial_, ec);
        }
    }
    Status Write(std::string_view text) {
        if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
            return Status::FailedPrecondition("cannot write " + partial_.string());
        }
        return Status::Ok();
    }
    Status Commit() {
        const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
        const bool closed = std::fclose(file_) == 0;
        file_ = nullptr;
        std::error_code ec;
        if (!flushed || !closed) {
            std::filesystem::remove(partial_, ec);
            return Status::FailedPrecondition("cannot write " + partial_.string());
        }
        std::filesystem::rename(partial_, path_, ec);
        if (ec) return Status::FailedPrecondition("cannot rename to " + path_.string() + ": " + ec.message());
        return Status::Ok();
    }

  private:
    OutputFile(std::filesystem::path path, std::filesystem::path partial, FILE* file)
        : path_(std::move(path)), partial_(std::move(partial)), file_(file) {}
    std::filesystem::path path_;
    std::filesystem::path partial_;
    FILE* file_;
};

}  // namespace

int RunExport(const ExportOptions& options) {
    if (options.format != "htcds" && options.format != "ctdc") {
        return Fail(Status::Invalid("format", "--format is htcds or ctdc"));
    }
    OpenOptions open;
    if (!options.test_clock.empty()) {
        open.manual_clock = ParseInstant(options.test_clock);
        if (!open.manual_clock) return Fail(Status::Invalid("test-clock", "must be an RFC 3339 time"));
    }
    auto installation = Installation::Open(DataDir{options.data}, open);
    if (!installation.ok()) return Fail(installation.status());
    Installation& inst = **installation;
    auto actor = Authorise(inst, options);
    if (!actor.ok()) return Fail(actor.status());
    auto out = OutputFile::Create(options.out);
    if (!out.ok()) return Fail(out.status());
    OutputFile& file = **out;
    ProgressBar bar(!options.quiet);
    const auto progress = [&bar](const domain::ExportProgress& p) { bar.Update(p); };

    if (options.format == "htcds") {
        domain::HtcdsOptions htcds;
        htcds.agency_id = options.agency_id;
        htcds.decrypt = !options.no_identities;
        std::string line;
        auto summary = domain::ExportHtcds(
            inst.context(), *actor, htcds,
            [&](const domain::HtcdsRecord& record) {
                line = boost::json::serialize(HtcdsJson(record));
                line += '\n';
                return file.Write(line);
            },
            progress);
        bar.Finish();
        if (!summary.ok()) return Fail(summary.status());
        if (Status s = file.Commit(); !s.ok()) return Fail(s);
        std::cout << "wrote " << summary->records << " HTCDS records (" << summary->survivors << " survivors"
                  << (htcds.decrypt ? ", with identities" : ", without identities") << ") to " << options.out
                  << std::endl;
        return 0;
    }

    domain::CtdcOptions ctdc;
    ctdc.k = options.k;
    ctdc.agency_id = options.agency_id;
    if (Status s = file.Write(CtdcHeader()); !s.ok()) return Fail(s);
    auto summary = domain::ExportCtdc(
        inst.context(), *actor, ctdc, [&](const std::vector<std::string>& row) { return file.Write(CtdcRow(row)); },
        progress);
    bar.Finish();
    if (!summary.ok()) return Fail(summary.status());
    if (Status s = file.Commit(); !s.ok()) return Fail(s);
    std::cout << "wrote " << summary->written << " anonymised records (k = " << summary->k << ") to " << options.out
              << ": " << summary->consenting << " of " << summary->survivors
              << " survivors have a live statistics consent, " << summary->suppressed << " suppressed; levels";
    for (const auto& [name, level] : summary->levels) std::cout << " " << name << "=" << level;
    std::cout << std::endl;
    return 0;
}

}  // namespace onestory::cli
