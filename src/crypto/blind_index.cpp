// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "crypto/blind_index.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>

#include "common/check.hpp"
#include "common/strings.hpp"

namespace onestory::crypto {

namespace {

constexpr char32_t kFoldFirst = 0x00C0;
constexpr char32_t kFoldLast = 0x017F;

// Latin-1 Supplement and Latin Extended-A letters, folded to lower-case ASCII
// without diacritics; empty entries (× and ÷) are not letters and pass through.
// clang-format off
constexpr std::array<std::string_view, kFoldLast - kFoldFirst + 1> kLatinFold = {
    // U+00C0 À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0 Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0 à á â ã ä å æ ç è é ê ë ì í î ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0 ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100 Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110 Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120 Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130 İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140 ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150 Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160 Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170 Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};
// clang-format on

// Unicode White_Space (the brief's list plus NEL, U+1680, U+2028/9, U+202F and
// U+205F, which arrive the same way: pasted from documents).
bool IsSpace(char32_t cp) {
    switch (cp) {
        case U' ':
        case U'\t':
        case U'\n':
        case U'\v':
        case U'\f':
        case U'\r':
        case 0x0085:
        case 0x00A0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool IsCombiningMark(char32_t cp) {
    return cp >= 0x0300 && cp <= 0x036F;
}

// Decodes one well-formed UTF-8 sequence at the start of `s` into `cp` and
// returns its length, or 0 if the first byte does not start one (truncated,
// overlong, surrogate, beyond U+10FFFF or a stray continuation byte).
std::size_t DecodeUtf8(std::string_view s, char32_t& cp) {
    const auto c = static_cast<unsigned char>(s[0]);
    std::size_t len = 0;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (s.size() < len) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto next = static_cast<unsigned char>(s[k]);
        if ((next & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (next & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

}  // namespace

std::string NormalizeForIndex(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    // Emits visible output, turning a preceding run of whitespace into one
    // space unless it was leading.
    auto emit = [&](std::string_view piece) {
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out.append(piece);
    };

    while (!text.empty()) {
        char32_t cp = 0;
        const std::size_t len = DecodeUtf8(text, cp);
        if (len == 0) {
            // Not UTF-8: keep the byte so that distinct inputs stay distinct.
            emit(text.substr(0, 1));
            text.remove_prefix(1);
            continue;
        }
        const std::string_view encoded = text.substr(0, len);
        text.remove_prefix(len);

        if (IsSpace(cp)) {
            pending_space = true;
        } else if (IsCombiningMark(cp)) {
            // Dropped, so "e" + U+0301 (NFD) indexes like "é" (NFC).
        } else if (cp >= U'A' && cp <= U'Z') {
            const char lower = static_cast<char>(cp - U'A' + U'a');
            emit({&lower, 1});
        } else if (cp >= kFoldFirst && cp <= kFoldLast && !kLatinFold[cp - kFoldFirst].empty()) {
            emit(kLatinFold[cp - kFoldFirst]);
        } else {
            emit(encoded);
        }
    }
    return out;
}

std::string BlindIndex(const SecretBytes& key, std::string_view domain, std::string_view normalized_value) {
    EnsureSodium();
    ONESTORY_CHECK(key.size() >= crypto_generichash_KEYBYTES_MIN && key.size() <= crypto_generichash_KEYBYTES_MAX,
                   "blind-index key must be 16 to 64 bytes");
    // The domain is a constant of the code; without the separator in it, the
    // first separator of the input marks where the value starts.
    ONESTORY_CHECK(domain.find('\x1f') == std::string_view::npos, "blind-index domain must not contain U+001F");

    const auto* key_bytes = reinterpret_cast<const unsigned char*>(key.Reveal().data());
    crypto_generichash_state state;
    crypto_generichash_init(&state, key_bytes, key.size(), crypto_generichash_BYTES);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(domain.data()), domain.size());
    const unsigned char separator = 0x1f;
    crypto_generichash_update(&state, &separator, 1);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(normalized_value.data()),
                              normalized_value.size());
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash_final(&state, digest, sizeof digest);
    sodium_memzero(&state, sizeof state);
    return HexEncode({reinterpret_cast<const char*>(digest), sizeof digest});
}

}  // namespace onestory::crypto
