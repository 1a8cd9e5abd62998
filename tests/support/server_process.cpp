// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "support/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/json.hpp>

#include "store/postgres/postgres_test_database.hpp"

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

// Spawns a program with stdout and stderr sent to the given descriptors.
pid_t SpawnProgram(const std::string& program, std::vector<std::string> args, const std::vector<std::string>& extra_env,
                   int out_fd, int err_fd) {
    args.insert(args.begin(), program);
    auto env = Environment(extra_env);
    auto argv = Pointers(args);
    auto envp = Pointers(env);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + args[0] + ": " + std::strerror(rc));
    return pid;
}

pid_t Spawn(std::vector<std::string> args, const std::vector<std::string>& extra_env, int out_fd, int err_fd) {
    return SpawnProgram(OnestoryBinary(), std::move(args), extra_env, out_fd, err_fd);
}

// Written private: the settings may hold a database password.
void WritePrivateFile(const std::filesystem::path& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw std::runtime_error("cannot write " + path.string());
    ::fchmod(fd, 0600);
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (!ok) throw std::runtime_error("cannot write " + path.string());
}

std::string StoreOfDataDir(const std::filesystem::path& data) {
    std::error_code ec;
    const std::string text = ReadFile(data / "settings.json");
    if (text.empty()) return "";
    const auto doc = boost::json::parse(text, ec);
    if (ec || !doc.is_object()) return "";
    const auto* store = doc.get_object().if_contains("store");
    return store != nullptr && store->is_string() ? std::string(store->get_string()) : std::string();
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

std::string TestStoreDsn() {
    const char* dsn = std::getenv("ONESTORY_TEST_STORE_DSN");
    return dsn != nullptr ? dsn : "";
}

CommandResult RunOnestory(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    return RunProgram(OnestoryBinary(), args, env);
}

CommandResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                         const std::vector<std::string>& env) {
    TempDir scratch;
    const auto out_path = scratch.path() / "out";
    const auto err_path = scratch.path() / "err";
    const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const pid_t pid = SpawnProgram(program, args, env, out_fd, err_fd);
    ::close(out_fd);
    ::close(err_fd);
    CommandResult result;
    result.exit_code = WaitExit(pid);
    result.out = ReadFile(out_path);
    result.err = ReadFile(err_path);
    return result;
}

ServerProcess::ServerProcess() : ServerProcess(Options{}) {}

ServerProcess::ServerProcess(Options options) : options_(std::move(options)), data_(dir_.path() / "data") {
    if (!options_.data_dir.empty()) {
        data_ = options_.data_dir;
        options_.init = false;
        store_dsn_ = StoreOfDataDir(data_);
    }
    if (options_.init) {
        const auto password_file = dir_.path() / "admin-password";
        std::ofstream(password_file) << options_.admin_password << "\n";
        std::vector<std::string> args{"init",
                                      "--data",
                                      data_.string(),
                                      "--admin-username",
                                      options_.admin_username,
                                      "--admin-password-file",
                                      password_file.string(),
                                      "--agency-country",
                                      "KE"};
        if (!options_.store_admin_dsn.empty()) {
            auto database = store::TestDatabase::Create(options_.store_admin_dsn);
            if (!database.ok())
                throw std::runtime_error("cannot create a test database: " + database.status().message());
            database_ = std::move(database).value();
            store_dsn_ = database_->dsn();
            args.insert(args.end(), {"--store", store_dsn_});
        }
        const auto init = RunOnestory(args);
        if (init.exit_code != 0) throw std::runtime_error("onestory init failed: " + init.err);
    }
    if (!options_.settings_json.empty()) {
        std::string text = options_.settings_json;
        if (!store_dsn_.empty()) {
            // Keep the store init wrote beside the test's settings.
            auto doc = boost::json::parse(text).as_object();
            doc["store"] = store_dsn_;
            text = boost::json::serialize(doc);
        }
        WritePrivateFile(data_ / "settings.json", text);
    }
    Start();
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) Stop();
}

std::string ServerProcess::DumpStore() const {
    if (store_dsn_.empty()) {
        // The WAL is checkpointed on a clean stop; take whatever remains too.
        return ReadFile(data_ / "onestory.db") + ReadFile(data_ / "onestory.db-wal");
    }
    // Plain SQL text with binary columns hex-encoded, as an operator's backup would hold them.
    const auto dump = RunProgram("pg_dump", {"--dbname=" + store_dsn_, "--format=plain", "--no-owner"});
    if (dump.exit_code != 0) throw std::runtime_error("pg_dump failed: " + dump.err);
    return dump.out;
}

void ServerProcess::ExecSql(const std::string& sql) const {
    if (!store_dsn_.empty()) {
        const Status s = store::ExecOnTestDatabase(store_dsn_, sql);
        if (!s.ok()) throw std::runtime_error("SQL failed: " + s.ToString());
        return;
    }
    sqlite3* handle = nullptr;
    if (sqlite3_open((data_ / "onestory.db").c_str(), &handle) != SQLITE_OK) {
        sqlite3_close(handle);
        throw std::runtime_error("cannot open the SQLite database");
    }
    char* error = nullptr;
    const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(handle);
    if (rc != SQLITE_OK) throw std::runtime_error("SQL failed: " + message);
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
    pid_ = Spawn(args, {}, out_fd, err_fd);
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
