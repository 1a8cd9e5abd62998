// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/passphrase.hpp"

#include <cstdlib>

#include "cli/files.hpp"

namespace onestory::cli {

Result<std::string> ReadBackupPassphrase(const std::string& file) {
    std::string passphrase;
    if (!file.empty()) {
        ONESTORY_ASSIGN_OR_RETURN(std::string text, ReadSmallFile(file, 64 * 1024));
        if (text.starts_with("onestory-master-key")) {
            return Status::Invalid("passphrase-file",
                                   file +
                                       " is a master key file; a backup is protected by a passphrase kept apart "
                                       "from the key file, never by the key file itself");
        }
        passphrase = text.substr(0, text.find('\n'));
        if (!passphrase.empty() && passphrase.back() == '\r') passphrase.pop_back();
    } else if (const char* env = std::getenv("ONESTORY_BACKUP_PASSPHRASE"); env != nullptr) {
        passphrase = env;
    } else {
        return Status::Invalid("passphrase",
                               "give the backup passphrase with --passphrase-file FILE or the "
                               "ONESTORY_BACKUP_PASSPHRASE environment variable");
    }
    if (passphrase.starts_with("onestory-master-key")) {
        return Status::Invalid("passphrase", "the passphrase must not be the master key file's contents");
    }
    std::size_t chars = 0;
    for (const char c : passphrase) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (chars < kMinPassphraseChars) {
        return Status::Invalid("passphrase", "the backup passphrase must be at least " +
                                                 std::to_string(kMinPassphraseChars) + " characters");
    }
    return passphrase;
}

}  // namespace onestory::cli
