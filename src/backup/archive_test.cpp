// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>
#include <random>

#include "backup/archive_reader.hpp"
#include "backup/archive_writer.hpp"

namespace onestory::backup {
namespace {

const KdfParams kFast{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};

Manifest SampleManifest(std::int64_t bytes) {
    return {"2026-11-26T09:00:00Z", "0.1.0", 4, "0123456789abcdef", bytes};
}

// Part random (like sealed values), part repetitive (like page slack).
std::string SampleDatabase(std::size_t size) {
    std::mt19937 rng(7);
    std::string out(size, '\0');
    for (std::size_t i = 0; i < size; ++i) out[i] = (i / 4096) % 2 == 0 ? static_cast<char>(rng()) : 'x';
    return out;
}

crypto::SecretBytes FixedKey() {
    return crypto::SecretBytes::Copy(std::string(32, '\x42'));
}

std::string Archive(const std::string& database, const crypto::SecretBytes& key) {
    std::string out;
    auto writer = ArchiveWriter::BeginWithKey(
        [&](std::string_view b) {
            out.append(b);
            return Status::Ok();
        },
        key, std::string(kSaltBytes, 's'), kFast, SampleManifest(static_cast<std::int64_t>(database.size())));
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    // Several writes of odd sizes, as a file copy would make.
    for (std::size_t at = 0; at < database.size(); at += 10007) {
        EXPECT_TRUE((*writer)->Write(std::string_view(database).substr(at, 10007)).ok());
    }
    EXPECT_TRUE((*writer)->Finish().ok());
    EXPECT_EQ((*writer)->bytes_out(), static_cast<std::int64_t>(out.size()));
    return out;
}

ByteSource SourceOf(const std::string& bytes) {
    auto at = std::make_shared<std::size_t>(0);
    return [&bytes, at](char* buffer, std::size_t size) -> Result<std::size_t> {
        const std::size_t n = std::min(size, bytes.size() - *at);
        std::memcpy(buffer, bytes.data() + *at, n);
        *at += n;
        return n;
    };
}

// Reads an archive with the fixed key; the database on success.
Result<std::string> ReadBack(const std::string& archive, const crypto::SecretBytes& key) {
    ONESTORY_ASSIGN_OR_RETURN(auto reader, ArchiveReader::Open(SourceOf(archive)));
    ONESTORY_RETURN_IF_ERROR(reader->UnlockWithKey(key));
    ONESTORY_RETURN_IF_ERROR(reader->ReadManifest().status());
    std::string database;
    ONESTORY_RETURN_IF_ERROR(reader->ReadDatabase([&](std::string_view b) {
        database.append(b);
        return Status::Ok();
    }));
    return database;
}

TEST(ArchiveTest, RoundTripsTheDatabaseAndTheManifest) {
    const std::string database = SampleDatabase(300 * 1024);
    const auto key = FixedKey();
    const std::string archive = Archive(database, key);
    EXPECT_LT(archive.size(), database.size());  // the repetitive half compresses
    auto reader = ArchiveReader::Open(SourceOf(archive));
    ASSERT_TRUE(reader.ok());
    ASSERT_TRUE((*reader)->UnlockWithKey(key).ok());
    auto manifest = (*reader)->ReadManifest();
    ASSERT_TRUE(manifest.ok()) << manifest.status().ToString();
    EXPECT_EQ(manifest->schema_version, 4);
    EXPECT_EQ(manifest->master_key_fingerprint, "0123456789abcdef");
    EXPECT_EQ(manifest->database_bytes, static_cast<std::int64_t>(database.size()));
    std::string out;
    ASSERT_TRUE((*reader)
                    ->ReadDatabase([&](std::string_view b) {
                        out.append(b);
                        return Status::Ok();
                    })
                    .ok());
    EXPECT_EQ(out, database);
    EXPECT_EQ((*reader)->bytes_in(), static_cast<std::int64_t>(archive.size()));
}

TEST(ArchiveTest, TheKeyComesFromThePassphraseAndAWrongOneIsNamed) {
    std::string archive;
    auto writer = ArchiveWriter::Begin(
        [&](std::string_view b) {
            archive.append(b);
            return Status::Ok();
        },
        "correct horse battery staple", SampleManifest(5), kFast);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Write("hello").ok());
    ASSERT_TRUE((*writer)->Finish().ok());
    EXPECT_EQ(archive.find("hello"), std::string::npos);

    auto wrong = ArchiveReader::Open(SourceOf(archive));
    ASSERT_TRUE(wrong.ok());
    const Status refused = (*wrong)->Unlock("correct horse battery stapler");
    EXPECT_EQ(refused.reason(), "wrong_passphrase");
    EXPECT_NE(refused.message().find("passphrase"), std::string::npos);

    auto right = ArchiveReader::Open(SourceOf(archive));
    ASSERT_TRUE(right.ok());
    ASSERT_TRUE((*right)->Unlock("correct horse battery staple").ok());
    ASSERT_TRUE((*right)->ReadManifest().ok());
    std::string out;
    ASSERT_TRUE((*right)
                    ->ReadDatabase([&](std::string_view b) {
                        out.append(b);
                        return Status::Ok();
                    })
                    .ok());
    EXPECT_EQ(out, "hello");
}

TEST(ArchiveTest, EveryTruncationIsRefused) {
    const auto key = FixedKey();
    const std::string archive = Archive(SampleDatabase(150 * 1024), key);
    for (std::size_t length = 0; length < archive.size(); length += (length < kHeaderBytes + 64 ? 1 : 211)) {
        const auto result = ReadBack(archive.substr(0, length), key);
        ASSERT_FALSE(result.ok()) << "a backup cut at " << length << " bytes was accepted";
        if (length >= kHeaderBytes) {
            EXPECT_EQ(result.status().code(), StatusCode::kDataLoss) << length;
            EXPECT_NE(result.status().message().find("truncated"), std::string::npos)
                << length << ": " << result.status().message();
        }
    }
    // Cut exactly at a record boundary before the final block: still truncated.
    const auto without_final = ReadBack(archive.substr(0, archive.size() - (4 + kMessageOverhead)), key);
    ASSERT_FALSE(without_final.ok());
    EXPECT_NE(without_final.status().message().find("truncated"), std::string::npos);
}

TEST(ArchiveTest, EveryFlippedBitIsRefused) {
    const auto key = FixedKey();
    const std::string archive = Archive(SampleDatabase(40 * 1024), key);
    for (std::size_t at = 0; at < archive.size(); at += (at < kHeaderBytes + 64 ? 1 : 97)) {
        for (int bit : {0, 7}) {
            std::string damaged = archive;
            damaged[at] = static_cast<char>(damaged[at] ^ (1 << bit));
            ASSERT_FALSE(ReadBack(damaged, key).ok()) << "a flipped bit at byte " << at << " was accepted";
        }
    }
}

TEST(ArchiveTest, DataAfterTheEndIsRefused) {
    const auto key = FixedKey();
    const auto result = ReadBack(Archive("abc", key) + "x", key);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.status().message().find("after the final block"), std::string::npos);
}

TEST(ArchiveTest, OtherFilesAndHostileHeadersAreRefusedBeforeAnyWork) {
    EXPECT_EQ(ArchiveReader::Open(SourceOf("SQLite format 3")).status().reason(), "not_a_backup");
    EXPECT_EQ(ArchiveReader::Open(SourceOf("")).status().reason(), "not_a_backup");
    const std::string archive = Archive("abc", FixedKey());
    std::string newer = archive;
    newer[8] = 2;
    EXPECT_EQ(ArchiveReader::Open(SourceOf(newer)).status().reason(), "unsupported_version");
    std::string greedy = archive;
    greedy[20 + 5] = '\x7f';  // memlimit far beyond the sensitive limit
    EXPECT_EQ(ArchiveReader::Open(SourceOf(greedy)).status().reason(), "bad_header");
    std::string lazy = archive;
    std::memset(lazy.data() + 12, 0, 8);  // opslimit 0
    EXPECT_EQ(ArchiveReader::Open(SourceOf(lazy)).status().reason(), "bad_header");
}

TEST(ManifestTest, RoundTripsAndRefusesAnythingElse) {
    const Manifest m = SampleManifest(123);
    const auto parsed = ParseManifest(FormatManifest(m));
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(parsed->created_at, m.created_at);
    EXPECT_EQ(parsed->database_bytes, 123);
    const std::string good = FormatManifest(m);
    for (const std::string& bad :
         {std::string(""), std::string("onestory-backup-manifest v2\n"), good.substr(0, good.size() - 1),
          good + "extra=1\n", good + "database_bytes=5\n", good.substr(0, good.find("database_bytes")),
          std::string("onestory-backup-manifest v1\ncreated_at=yesterday\n")}) {
        EXPECT_FALSE(ParseManifest(bad).ok()) << bad;
    }
}

TEST(ArchiveTest, ADatabaseLargerThanItsManifestSaysIsRefused) {
    // 1 MiB of zeros compresses to about a kilobyte; a reader must not
    // produce more than the manifest promised.
    std::string archive;
    auto writer = ArchiveWriter::BeginWithKey(
        [&](std::string_view b) {
            archive.append(b);
            return Status::Ok();
        },
        FixedKey(), std::string(kSaltBytes, 's'), kFast, SampleManifest(1000));
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Write(std::string(1024 * 1024, '\0')).ok());
    ASSERT_TRUE((*writer)->Finish().ok());
    EXPECT_LT(archive.size(), 8000u);
    const auto result = ReadBack(archive, FixedKey());
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.status().message().find("larger than its manifest"), std::string::npos);
}

TEST(DatabaseInflaterTest, RefusesWhatIsNotZlibAndAStreamThatEndsEarly) {
    std::int64_t received = 0;
    const ByteSink count = [&](std::string_view b) {
        received += static_cast<std::int64_t>(b.size());
        return Status::Ok();
    };
    DatabaseInflater garbage(1000, count);
    EXPECT_FALSE(garbage.Feed("not zlib at all").ok());
    DatabaseInflater empty(1000, count);
    EXPECT_FALSE(empty.Finish().ok());
    EXPECT_EQ(received, 0);
}

}  // namespace
}  // namespace onestory::backup
