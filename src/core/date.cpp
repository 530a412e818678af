#include "core/date.h"

#include <cstdio>

namespace lcs {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_calendar_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the whole proleptic calendar.
Date date_from_ymd(YearMonthDay ymd) {
    int y = ymd.year - (ymd.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(ymd.month + (ymd.month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(ymd.day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

YearMonthDay ymd_from_date(Date date) {
    const int z = date.days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return YearMonthDay{y + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

static bool parse_digits(std::string_view text, size_t from, size_t count, int& out) {
    out = 0;
    for (size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parse_digits(text, 0, 4, y) || !parse_digits(text, 5, 2, m) || !parse_digits(text, 8, 2, d))
        return std::nullopt;
    if (!is_calendar_date(y, m, d)) return std::nullopt;
    return date_from_ymd({y, m, d});
}

std::string to_iso(Date date) {
    const YearMonthDay ymd = ymd_from_date(date);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
    return buffer;
}

Date month_start(Date date) {
    YearMonthDay ymd = ymd_from_date(date);
    ymd.day = 1;
    return date_from_ymd(ymd);
}

Date add_months(Date month_first_day, int months) {
    const YearMonthDay ymd = ymd_from_date(month_first_day);
    const int index = ymd.year * 12 + (ymd.month - 1) + months;
    const int year = index >= 0 ? index / 12 : (index - 11) / 12;
    return date_from_ymd({year, index - year * 12 + 1, 1});
}

int months_between(Date a, Date b) {
    const YearMonthDay ya = ymd_from_date(a), yb = ymd_from_date(b);
    return (yb.year - ya.year) * 12 + (yb.month - ya.month);
}

}  // namespace lcs
