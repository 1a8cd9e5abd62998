// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "fuzz/fuzz_support.hpp"

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "cli/installation.hpp"

namespace onestory::fuzz {
namespace {

constexpr const char* kPassword = "fuzz-password-123";

void Die(const Status& status, const char* what) {
    std::fprintf(stderr, "fuzz set-up failed (%s): %s\n", what, status.ToString().c_str());
    std::abort();
}

template <class T>
T Must(Result<T> result, const char* what) {
    if (!result.ok()) Die(result.status(), what);
    return std::move(result).value();
}

std::filesystem::path* g_scratch = nullptr;

void RemoveScratch() {
    std::error_code ec;
    if (g_scratch != nullptr) std::filesystem::remove_all(*g_scratch, ec);
}

}  // namespace

struct FuzzInstallation::Parts {
    std::unique_ptr<cli::Installation> installation;
    api::App* app = nullptr;
    std::string tokens[4];
    std::string ids[5];
};

FuzzInstallation& FuzzInstallation::Get() {
    static FuzzInstallation* instance = new FuzzInstallation();
    return *instance;
}

FuzzInstallation::FuzzInstallation() : parts_(new Parts()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "onestory-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    g_scratch = new std::filesystem::path(pattern);
    std::atexit(RemoveScratch);
    const cli::DataDir dir{*g_scratch / "data"};
    cli::InitOptions init;
    init.data = dir.root.string();
    init.admin_username = "admin";
    init.agency_country = "KE";
    if (Status s = cli::InitializeDataDir(dir, init, kPassword); !s.ok()) Die(s, "init");
    cli::OpenOptions open;
    open.durable = false;
    parts_->installation = Must(cli::Installation::Open(dir, open), "open");
    auto& inst = *parts_->installation;

    const auto admin_login = Must(inst.accounts().Login("admin", kPassword, "127.0.0.1"), "admin login");
    const policy::Actor admin{policy::Actor::Kind::kStaff,
                              admin_login.staff.id,
                              admin_login.staff.agency_id,
                              policy::AgencyKind::kOther,
                              {policy::Role::kAdmin}};
    const auto agency =
        Must(inst.accounts().CreateAgency(admin, {"Fuzz NGO", policy::AgencyKind::kNgo, "KE"}), "agency");
    const auto supervisor =
        Must(inst.accounts().CreateStaff(
                 admin, {"supervisor", kPassword, "Fuzz Supervisor", agency.id, {policy::Role::kSupervisor}}),
             "supervisor");
    const auto caseworker =
        Must(inst.accounts().CreateStaff(
                 admin, {"caseworker", kPassword, "Fuzz Caseworker", agency.id, {policy::Role::kCaseworker}}),
             "caseworker");
    parts_->tokens[1] = admin_login.token;
    parts_->tokens[2] = Must(inst.accounts().Login("supervisor", kPassword, "127.0.0.1"), "login").token;
    parts_->tokens[3] = Must(inst.accounts().Login("caseworker", kPassword, "127.0.0.1"), "login").token;

    const policy::Actor cw{
        policy::Actor::Kind::kStaff, caseworker.id, agency.id, policy::AgencyKind::kNgo, {policy::Role::kCaseworker}};
    const policy::Actor sup{
        policy::Actor::Kind::kStaff, supervisor.id, agency.id, policy::AgencyKind::kNgo, {policy::Role::kSupervisor}};
    domain::NewSurvivor survivor;
    survivor.code_name = "Fuzz Heron";
    survivor.identity.legal_name = "Fuzz Testperson";
    const auto registered = Must(inst.survivors().Register(cw, survivor), "survivor");
    domain::NewCase kase;
    kase.survivor_id = registered.id;
    const auto opened = Must(inst.cases().Create(cw, kase), "case");
    const auto erasure =
        Must(inst.erasures().Request(sup, registered.id, domain::ErasureReason::kRegisteredInError), "erasure");
    parts_->ids[0] = registered.id;
    parts_->ids[1] = opened.id;
    parts_->ids[2] = erasure.id;
    parts_->ids[3] = agency.id;
    parts_->ids[4] = caseworker.id;
    parts_->app = &inst.MakeApp({});
}

api::App& FuzzInstallation::app() {
    return *parts_->app;
}

const std::string& FuzzInstallation::Token(Who who) const {
    return parts_->tokens[static_cast<int>(who)];
}

const std::string& FuzzInstallation::Id(int which) const {
    return parts_->ids[which % 5];
}

void WriteSeedsIfAsked(const std::vector<std::string>& seeds) {
    const char* dir = std::getenv("ONESTORY_FUZZ_WRITE_SEEDS");
    if (dir == nullptr || *dir == '\0') return;
    std::filesystem::create_directories(dir);
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        std::ofstream(std::filesystem::path(dir) / ("seed-" + std::to_string(i)), std::ios::binary) << seeds[i];
    }
    std::fprintf(stderr, "wrote %zu seeds to %s\n", seeds.size(), dir);
    std::exit(0);
}

}  // namespace onestory::fuzz
