// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/field_seal.hpp"

#include "crypto/aead.hpp"

namespace onestory::crypto {

namespace {
constexpr std::string_view kDomain = "onestory:field:v1";
constexpr char kSeparator = '\x1f';
constexpr char kEscape = '\x1e';

// Ids and field names never hold the separator, so for them this is a plain
// copy; escaping keeps the encoding injective even if one ever did.
void AppendComponent(std::string& out, std::string_view component) {
    for (const char c : component) {
        if (c == kSeparator || c == kEscape) out += kEscape;
        out += c;
    }
}
}  // namespace

std::string FieldAssociatedData(std::string_view survivor_id, std::string_view field, std::string_view record_id) {
    std::string ad;
    ad.reserve(kDomain.size() + survivor_id.size() + field.size() + record_id.size() + 3);
    ad.append(kDomain);
    ad += kSeparator;
    AppendComponent(ad, survivor_id);
    ad += kSeparator;
    AppendComponent(ad, field);
    ad += kSeparator;
    AppendComponent(ad, record_id);
    return ad;
}

std::string SealField(const SecretBytes& data_key, std::string_view survivor_id, std::string_view field,
                      std::string_view plaintext, std::string_view record_id) {
    return Seal(data_key, plaintext, FieldAssociatedData(survivor_id, field, record_id));
}

Result<std::string> OpenField(const SecretBytes& data_key, std::string_view survivor_id, std::string_view field,
                              std::string_view sealed, std::string_view record_id) {
    return Open(data_key, sealed, FieldAssociatedData(survivor_id, field, record_id));
}

}  // namespace onestory::crypto
