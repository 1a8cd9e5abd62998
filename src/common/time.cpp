// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "common/time.hpp"

#include <cstdio>

namespace onestory {
namespace {

bool Digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

}  // namespace

std::string FormatDate(Date d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buffer;
}

std::optional<Date> ParseDate(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!Digits(text, 0, 4, y) || !Digits(text, 5, 2, m) || !Digits(text, 8, 2, d)) return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok() || y < 1) return std::nullopt;
    return date;
}

std::string FormatInstant(Instant t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const Date date{day};
    const std::chrono::hh_mm_ss hms{t - day};
    char buffer[48];
    const auto micros = static_cast<long>(hms.subseconds().count());
    if (micros == 0) {
        std::snprintf(buffer, sizeof buffer, "%sT%02ld:%02ld:%02ldZ", FormatDate(date).c_str(),
                      static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                      static_cast<long>(hms.seconds().count()));
    } else {
        std::snprintf(buffer, sizeof buffer, "%sT%02ld:%02ld:%02ld.%06ldZ", FormatDate(date).c_str(),
                      static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                      static_cast<long>(hms.seconds().count()), micros);
    }
    return buffer;
}

std::optional<Instant> ParseInstant(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
    if (text.size() < 20) return std::nullopt;
    const auto date = ParseDate(text.substr(0, 10));
    if (!date || (text[10] != 'T' && text[10] != 't')) return std::nullopt;
    int hh = 0, mm = 0, ss = 0;
    if (!Digits(text, 11, 2, hh) || text[13] != ':' || !Digits(text, 14, 2, mm) || text[16] != ':' ||
        !Digits(text, 17, 2, ss)) {
        return std::nullopt;
    }
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    std::size_t pos = 19;
    long micros = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 6) micros = micros * 10 + (text[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0 || digits > 9) return std::nullopt;
        for (int i = digits; i < 6; ++i) micros *= 10;
    }
    if (pos >= text.size()) return std::nullopt;
    long offset_minutes = 0;
    if (text[pos] == 'Z' || text[pos] == 'z') {
        ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
        int oh = 0, om = 0;
        if (!Digits(text, pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
            !Digits(text, pos + 4, 2, om) || oh > 23 || om > 59) {
            return std::nullopt;
        }
        offset_minutes = (oh * 60 + om) * (text[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt;
    Instant t = std::chrono::sys_days{*date} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
                std::chrono::seconds{ss} + std::chrono::microseconds{micros};
    return t - std::chrono::minutes{offset_minutes};
}

std::int64_t ToMicros(Instant t) {
    return t.time_since_epoch().count();
}
Instant FromMicros(std::int64_t micros) {
    return Instant{std::chrono::microseconds{micros}};
}
Date DateOf(Instant t) {
    return Date{std::chrono::floor<std::chrono::days>(t)};
}

}  // namespace onestory
