// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <stdlib.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"

namespace onestory::cli {
namespace {

constexpr const char* kDemoPassword = "demo-password-1";

// Removes the throw-away directory when the demo ends, however it ends.
class ThrowAwayDir {
  public:
    explicit ThrowAwayDir(std::filesystem::path path) : path_(std::move(path)) {}
    ~ThrowAwayDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ThrowAwayDir(const ThrowAwayDir&) = delete;
    ThrowAwayDir& operator=(const ThrowAwayDir&) = delete;

  private:
    std::filesystem::path path_;
};

}  // namespace

int RunDemo(const DemoOptions& options) {
    std::filesystem::path root;
    std::unique_ptr<ThrowAwayDir> throw_away;
    if (options.data.empty()) {
        std::string pattern = (std::filesystem::temp_directory_path() / "onestory-demo-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) return Fail(Status::Internal("cannot create a temporary directory"));
        root = pattern;
        throw_away = std::make_unique<ThrowAwayDir>(root);
    } else {
        root = options.data;
    }
    const DataDir dir{root};

    InitOptions init;
    init.data = root.string();
    init.admin_username = "admin";
    init.agency_name = "onestory administration";
    init.agency_country = "KE";
    std::cout << "onestory demo: generating synthetic data in " << root.string() << " ..." << std::endl;
    if (Status s = InitializeDataDir(dir, init, kDemoPassword); !s.ok()) return Fail(s);
    // Demo data is throw-away: skip fsync so it is generated quickly. It is
    // generated with a manual clock, so that its histories (care, weeks of
    // wellbeing) span the past year; the server then runs on the system clock.
    OpenOptions open;
    open.durable = !options.data.empty() && !options.no_fsync;
    open.manual_clock = SystemClock().Now();
    auto installation = Installation::Open(dir, open);
    if (!installation.ok()) return Fail(installation.status());
    if (Status s = GenerateDemoData(**installation, options.survivors, kDemoPassword); !s.ok()) return Fail(s);
    installation->reset();

    std::cout << "\nDemo logins (password for all: " << kDemoPassword << ")\n"
              << "  admin              administrator (accounts only; no survivor data)\n"
              << "  supervisor         supervisor, Harbour Light Aftercare (NGO)\n"
              << "  caseworker         caseworker, Harbour Light Aftercare (NGO)\n"
              << "  counsellor         counsellor, Harbour Light Aftercare (NGO)\n"
              << "  trainer, analyst   trainer and M&E analyst at the NGO\n"
              << "  investigator       investigator, Metro Police Anti-Trafficking Unit\n"
              << "  prosecutor         prosecutor, Office of the Public Prosecutor\n"
              << "  clinician          clinician, Riverside Community Clinic\n"
              << "  shelter, clerk, child-protection, helpline   staff of the other agencies\n\n";
    if (options.generate_only) return 0;
    OpenOptions serving;
    serving.durable = open.durable;
    auto served = Installation::Open(dir, serving);
    if (!served.ok()) return Fail(served.status());
    ServeOptions serve;
    serve.data = root.string();
    serve.listen = options.listen;
    return Serve(**served, serve);
}

}  // namespace onestory::cli
