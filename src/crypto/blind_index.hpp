// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "crypto/secret.hpp"

namespace onestory::crypto {

// Blind indexes let the store find equal values (duplicate registrations of
// one survivor across agencies) without holding the values: the store keeps
// only a keyed hash of the normalised value.
//
// Normalisation makes spelling variants equal: Unicode letters of the Latin
// script are folded to lower case without diacritics (É→e, ñ→n, ß→ss, æ→ae,
// ø→o, œ→oe, ł→l, đ→d, þ→th; combining marks U+0300–U+036F are dropped),
// leading and trailing whitespace is removed and runs of whitespace become one
// space. Other characters (Cyrillic, Arabic, CJK...) are kept as they are.
std::string NormalizeForIndex(std::string_view text);

// Keyed BLAKE2b-256 of `normalized_value` in a named domain ("name_birth"),
// hex-encoded. Different domains give unrelated indexes for equal values.
std::string BlindIndex(const SecretBytes& key, std::string_view domain, std::string_view normalized_value);

}  // namespace onestory::crypto
