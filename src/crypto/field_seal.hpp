// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "crypto/secret.hpp"

namespace onestory::crypto {

// Protected fields of a survivor's record are sealed with that survivor's data
// key and associated data naming the survivor and the field, so a sealed value
// copied into another row or column fails to open.
//
// `record_id` names the row within the survivor's data when one survivor has
// many values of a field (a statement passage id); empty for survivor-level
// fields such as legal_name.
std::string FieldAssociatedData(std::string_view survivor_id, std::string_view field, std::string_view record_id = {});

std::string SealField(const SecretBytes& data_key, std::string_view survivor_id, std::string_view field,
                      std::string_view plaintext, std::string_view record_id = {});
Result<std::string> OpenField(const SecretBytes& data_key, std::string_view survivor_id, std::string_view field,
                              std::string_view sealed, std::string_view record_id = {});

}  // namespace onestory::crypto
