// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace onestory {

// Lists of enumeration values (exploitation types, languages, roles) are kept
// as comma-joined text in the store; the values themselves never hold commas.
std::string JoinList(const std::vector<std::string>& values);
std::vector<std::string> SplitList(std::string_view joined);

bool IsValidUtf8(std::string_view text);
std::string ToLowerAscii(std::string_view text);

// Lower-case hexadecimal of arbitrary bytes.
std::string HexEncode(std::string_view bytes);
// URL-safe base64 without padding (tokens, cursors).
std::string Base64UrlEncode(std::string_view bytes);
bool Base64UrlDecode(std::string_view text, std::string& out);

}  // namespace onestory
