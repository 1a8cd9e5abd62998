// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "support/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace onestory::testing {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> Environment(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// Spawns the binary with stdout and stderr sent to the given descriptors.
pid_t Spawn(std::vector<std::string> args, const std::vector<std::string>& extra_env, int out_fd, int err_fd) {
    args.insert(args.begin(), OnestoryBinary());
    auto env = Environment(extra_env);
    auto argv = Pointers(args);
    auto envp = Pointers(env);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + args[0] + ": " + std::strerror(rc));
    return pid;
}

int WaitExit(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

std::string OnestoryBinary() {
    if (const char* env = std::getenv("ONESTORY_BINARY"); env != nullptr && *env != '\0') return env;
    return ONESTORY_TEST_BINARY;
}

CommandResult RunOnestory(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    TempDir scratch;
    const auto out_path = scratch.path() / "out";
    const auto err_path = scratch.path() / "err";
    const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const pid_t pid = Spawn(args, env, out_fd, err_fd);
    ::close(out_fd);
    ::close(err_fd);
    CommandResult result;
    result.exit_code = WaitExit(pid);
    result.out = ReadFile(out_path);
    result.err = ReadFile(err_path);
    return result;
}

ServerProcess::ServerProcess() : ServerProcess(Options{}) {}

ServerProcess::ServerProcess(Options options)
    : options_(std::move(options)), data_(options_.data_dir.empty() ? dir_.path() / "data" : options_.data_dir) {
    if (options_.init && options_.data_dir.empty()) {
        const auto password_file = dir_.path() / "admin-password";
        std::ofstream(password_file) << options_.admin_password << "\n";
        const auto init = RunOnestory({"init", "--data", data_.string(), "--admin-username", options_.admin_username,
                                       "--admin-password-file", password_file.string(), "--agency-country", "KE"});
        if (init.exit_code != 0) throw std::runtime_error("onestory init failed: " + init.err);
    }
    if (!options_.settings_json.empty()) std::ofstream(data_ / "settings.json") << options_.settings_json;
    Start();
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) Stop();
}

void ServerProcess::Start() {
    ++starts_;
    const auto out_path = dir_.path() / ("serve-" + std::to_string(starts_) + ".out");
    const auto err_path = dir_.path() / "serve.log";
    const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    std::vector<std::string> args{"serve", "--data", data_.string(), "--listen", "127.0.0.1:0"};
    if (!options_.test_clock.empty()) {
        args.emplace_back("--test-clock");
        args.push_back(options_.test_clock);
    }
    args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
    pid_ = Spawn(args, options_.env, out_fd, err_fd);
    ::close(out_fd);
    ::close(err_fd);

    // Wait for "listening on http://127.0.0.1:PORT".
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        const std::string out = ReadFile(out_path);
        const auto pos = out.find("listening on http://127.0.0.1:");
        if (pos != std::string::npos && out.find('\n', pos) != std::string::npos) {
            port_ = static_cast<std::uint16_t>(std::stoi(out.substr(pos + 30)));
            return;
        }
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("onestory serve exited before listening: " + Log());
        }
        ::usleep(10'000);
    }
    Kill();
    throw std::runtime_error("onestory serve did not start within 60 s: " + Log());
}

int ServerProcess::Stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    const int code = WaitExit(pid_);
    pid_ = -1;
    return code;
}

void ServerProcess::Kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    WaitExit(pid_);
    pid_ = -1;
}

void ServerProcess::Restart() {
    if (pid_ > 0) Stop();
    Start();
}

std::string ServerProcess::Log() const {
    return ReadFile(dir_.path() / "serve.log");
}

}  // namespace onestory::testing
