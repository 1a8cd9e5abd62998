// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The erasure ledger, which restore reads from a file the operator supplies.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "domain/erasure/erasure_ledger.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

const onestory::crypto::SecretBytes& AuditKey() {
    static const auto* key =
        new onestory::crypto::SecretBytes(onestory::crypto::SecretBytes::Copy(std::string(32, 'k')));
    return *key;
}

const onestory::domain::ErasureLedger& Ledger() {
    static const auto* ledger = new onestory::domain::ErasureLedger("/nonexistent/erasure.ledger", AuditKey());
    return *ledger;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // A valid ledger under the fixed key, made by appending through the real code.
    std::string pattern = "/tmp/onestory-ledger-seed-XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) {
        const std::filesystem::path path = std::filesystem::path(pattern) / "erasure.ledger";
        onestory::domain::ErasureLedger writer(path, AuditKey());
        (void)writer.Append({"er_first", "sv_first", "survivor_request", 1795000000000000});
        (void)writer.Append({"er_second", "sv_second", "retention_expired", 1795000000000001});
        std::ifstream in(path, std::ios::binary);
        const std::string valid((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::error_code ec;
        std::filesystem::remove_all(pattern, ec);
        onestory::fuzz::WriteSeedsIfAsked({valid, "onestory-erasure-ledger v1\n", valid.substr(0, valid.size() - 9)});
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto entries = Ledger().Parse(text);
    if (!entries.ok() && entries.status().code() != onestory::StatusCode::kDataLoss) std::abort();
    return 0;
}
