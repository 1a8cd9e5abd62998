// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/keyring.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/strings.hpp"
#include "crypto/aead.hpp"
#include "crypto/random.hpp"

namespace onestory::crypto {
namespace {

namespace fs = std::filesystem;

TEST(KeyringTest, WrapUnwrapRoundTrips) {
    const Keyring keyring(NewKey());
    const SecretBytes data_key = NewKey();
    const std::string wrapped = keyring.Wrap(data_key, "survivor:sv_a");
    EXPECT_EQ(wrapped.find(std::string(data_key.Reveal())), std::string::npos);
    const auto unwrapped = keyring.Unwrap(wrapped, "survivor:sv_a");
    ASSERT_TRUE(unwrapped.ok()) << unwrapped.status().ToString();
    EXPECT_EQ(unwrapped->Reveal(), data_key.Reveal());
}

TEST(KeyringTest, UnwrapUnderAnotherKeyNameFails) {
    const Keyring keyring(NewKey());
    const std::string wrapped = keyring.Wrap(NewKey(), "survivor:sv_a");
    for (const std::string_view name : {"survivor:sv_b", "audit", ""}) {
        const auto unwrapped = keyring.Unwrap(wrapped, name);
        ASSERT_FALSE(unwrapped.ok()) << name;
        EXPECT_EQ(unwrapped.status().code(), StatusCode::kDataLoss);
    }
}

TEST(KeyringTest, UnwrapWithAnotherMasterKeyFails) {
    const std::string wrapped = Keyring(NewKey()).Wrap(NewKey(), "audit");
    const auto unwrapped = Keyring(NewKey()).Unwrap(wrapped, "audit");
    ASSERT_FALSE(unwrapped.ok());
    EXPECT_EQ(unwrapped.status().code(), StatusCode::kDataLoss);
}

TEST(KeyringTest, FingerprintIsStableShortAndKeySpecific) {
    const SecretBytes master = NewKey();
    const std::string fingerprint = Keyring(SecretBytes::Copy(master.Reveal())).MasterKeyFingerprint();
    EXPECT_EQ(fingerprint.size(), 16u);
    EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(Keyring(SecretBytes::Copy(master.Reveal())).MasterKeyFingerprint(), fingerprint);
    EXPECT_NE(Keyring(NewKey()).MasterKeyFingerprint(), fingerprint);
    EXPECT_EQ(HexEncode(master.Reveal()).find(fingerprint), std::string::npos);
}

// A fresh directory under the system temporary directory, removed afterwards.
class MasterKeyFileTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("onestory-crypto-test-" + NewIdString("d"));
        fs::create_directory(dir_);
        path_ = dir_ / "master.key";
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    static std::string ReadFile(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        return content.str();
    }
    static void WriteFile(const fs::path& path, std::string_view content) {
        std::ofstream out(path, std::ios::binary);
        out << content;
    }
    // The status of loading a file with `content` and `mode`.
    Status LoadWith(std::string_view content, fs::perms mode) {
        WriteFile(path_, content);
        fs::permissions(path_, mode);
        return LoadMasterKeyFile(path_).status();
    }

    fs::path dir_;
    fs::path path_;
};

TEST_F(MasterKeyFileTest, CreateWritesAnOwnerOnlyFileThatLoads) {
    const mode_t old_umask = ::umask(0);  // the file must be 0600 whatever the umask
    const Status created = CreateMasterKeyFile(path_);
    ::umask(old_umask);
    ASSERT_TRUE(created.ok()) << created.ToString();

    struct stat st {};
    ASSERT_EQ(::stat(path_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u);

    const std::string content = ReadFile(path_);
    ASSERT_EQ(content.size(), 23u + 43u + 1u);
    EXPECT_EQ(content.substr(0, 23), "onestory-master-key v1\n");
    EXPECT_EQ(content.back(), '\n');

    const auto loaded = LoadMasterKeyFile(path_);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_EQ(loaded->size(), kKeyBytes);
    EXPECT_EQ(Base64UrlEncode(loaded->Reveal()), content.substr(23, 43));
}

TEST_F(MasterKeyFileTest, WriteThenLoadReturnsTheSameKey) {
    const SecretBytes key = NewKey();
    ASSERT_TRUE(WriteMasterKeyFile(path_, key).ok());
    auto loaded = LoadMasterKeyFile(path_);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_EQ(loaded->Reveal(), key.Reveal());
    EXPECT_EQ(Keyring(std::move(loaded).value()).MasterKeyFingerprint(),
              Keyring(SecretBytes::Copy(key.Reveal())).MasterKeyFingerprint());
}

TEST_F(MasterKeyFileTest, CreateRefusesToOverwrite) {
    ASSERT_TRUE(CreateMasterKeyFile(path_).ok());
    const std::string before = ReadFile(path_);
    for (const Status& status : {CreateMasterKeyFile(path_), WriteMasterKeyFile(path_, NewKey())}) {
        EXPECT_EQ(status.code(), StatusCode::kConflict);
        EXPECT_EQ(status.reason(), "exists");
        EXPECT_NE(status.message().find(path_.string()), std::string::npos) << status.message();
    }
    EXPECT_EQ(ReadFile(path_), before);
}

TEST_F(MasterKeyFileTest, CreateInAMissingDirectoryFails) {
    const Status status = CreateMasterKeyFile(dir_ / "absent" / "master.key");
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
}

TEST_F(MasterKeyFileTest, WriteRejectsAWrongSizeKey) {
    EXPECT_EQ(WriteMasterKeyFile(path_, SecretBytes(16)).code(), StatusCode::kInvalidArgument);
    EXPECT_FALSE(fs::exists(path_));
}

TEST_F(MasterKeyFileTest, LoadRefusesAMissingFile) {
    const Status status = LoadMasterKeyFile(path_).status();
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ(status.message(),
              "master key file " + path_.string() + " does not exist; create the data directory with `onestory init`");
}

TEST_F(MasterKeyFileTest, LoadRefusesGroupOrOtherAccess) {
    ASSERT_TRUE(CreateMasterKeyFile(path_).ok());
    struct Case {
        fs::perms mode;
        std::string expected;
    };
    const Case cases[] = {
        {fs::perms(0644), "is readable by group or others (mode 0644); run chmod 600 " + path_.string()},
        {fs::perms(0640), "is readable by group or others (mode 0640); run chmod 600 " + path_.string()},
        {fs::perms(0604), "is readable by group or others (mode 0604); run chmod 600 " + path_.string()},
        {fs::perms(0620), "is writable by group or others (mode 0620); run chmod 600 " + path_.string()},
    };
    for (const auto& c : cases) {
        fs::permissions(path_, c.mode);
        const Status status = LoadMasterKeyFile(path_).status();
        EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
        EXPECT_EQ(status.message(), "master key file " + path_.string() + " " + c.expected);
    }
    fs::permissions(path_, fs::perms(0400));
    EXPECT_TRUE(LoadMasterKeyFile(path_).ok());
}

TEST_F(MasterKeyFileTest, LoadRefusesADirectory) {
    fs::create_directory(path_);
    fs::permissions(path_, fs::perms(0700));
    const Status status = LoadMasterKeyFile(path_).status();
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ(status.message(), "master key file " + path_.string() + " is not a regular file");
}

TEST_F(MasterKeyFileTest, LoadRefusesAnUnreadableFile) {
    WriteFile(path_, "onestory-master-key v1\n");
    fs::permissions(path_, fs::perms::none);
    if (::geteuid() != 0) {
        const Status status = LoadMasterKeyFile(path_).status();
        EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
        EXPECT_NE(status.message().find("is not readable by this user"), std::string::npos) << status.message();
        return;
    }
    // Root reads any file, so the check runs in a child that has dropped to
    // an unprivileged user (as a service account would be).
    fs::permissions(dir_, fs::perms::owner_all | fs::perms::others_exec);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
        const Status status = LoadMasterKeyFile(path_).status();
        const bool right = status.code() == StatusCode::kFailedPrecondition &&
                           status.message().find("is not readable by this user") != std::string::npos;
        ::_exit(right ? 0 : 1);
    }
    int wstatus = 0;
    ASSERT_EQ(::waitpid(child, &wstatus, 0), child);
    ASSERT_TRUE(WIFEXITED(wstatus));
    EXPECT_EQ(WEXITSTATUS(wstatus), 0) << "as an unprivileged user, loading did not fail with the expected message";
}

TEST_F(MasterKeyFileTest, LoadRefusesMalformedContent) {
    const std::string good_key(43, 'A');
    const std::string bad_header = "it does not start with the line \"onestory-master-key v1\"";
    const std::string bad_key = "the second line must be the 32-byte key in base64url, without padding";
    struct Case {
        std::string name;
        std::string content;
        std::string problem;
    };
    const Case cases[] = {
        {"empty", "", bad_header},
        {"other header", "onestory-master-key v2\n" + good_key + "\n", bad_header},
        {"no header", good_key + "\n", bad_header},
        {"no key", "onestory-master-key v1\n", bad_key},
        {"short key", "onestory-master-key v1\n" + good_key.substr(1) + "\n", bad_key},
        {"long key", "onestory-master-key v1\n" + good_key + "A\n", bad_key},
        {"padded key", "onestory-master-key v1\n" + good_key + "=\n", bad_key},
        {"standard base64", "onestory-master-key v1\n" + good_key.substr(1) + "+\n", bad_key},
        {"non-canonical last char", "onestory-master-key v1\n" + good_key.substr(1) + "B\n", bad_key},
        {"crlf", "onestory-master-key v1\n" + good_key + "\r\n", bad_key},
        {"trailing line", "onestory-master-key v1\n" + good_key + "\n\n", bad_key},
        {"huge", "onestory-master-key v1\n" + std::string(100000, 'A'), bad_key},
    };
    for (const auto& c : cases) {
        const Status status = LoadWith(c.content, fs::perms(0600));
        EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition) << c.name;
        EXPECT_EQ(status.message(), "master key file " + path_.string() + " is malformed: " + c.problem) << c.name;
    }
}

TEST_F(MasterKeyFileTest, LoadAcceptsAMissingFinalNewline) {
    const std::string encoded(43, 'A');
    WriteFile(path_, "onestory-master-key v1\n" + encoded);
    fs::permissions(path_, fs::perms(0600));
    const auto loaded = LoadMasterKeyFile(path_);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_EQ(loaded->Reveal(), std::string(kKeyBytes, '\0'));
}

}  // namespace
}  // namespace onestory::crypto
