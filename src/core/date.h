// Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), with strict ISO parsing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lcs {

struct Date {
    int32_t days = 0;  // days since 1970-01-01; may be negative
    friend bool operator==(Date a, Date b) { return a.days == b.days; }
    friend bool operator!=(Date a, Date b) { return a.days != b.days; }
    friend bool operator<(Date a, Date b) { return a.days < b.days; }
    friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
    friend bool operator>(Date a, Date b) { return a.days > b.days; }
    friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

struct YearMonthDay {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1..12
bool is_calendar_date(int year, int month, int day);

// Precondition: is_calendar_date(ymd). Valid for years 1..9999.
Date date_from_ymd(YearMonthDay ymd);
YearMonthDay ymd_from_date(Date date);

// Accepts exactly "YYYY-MM-DD" (an optional time part "THH:MM:SS..." or " HH:MM:SS" is ignored).
// Returns nullopt when the text is not of that shape or not a calendar date.
std::optional<Date> parse_iso_date(std::string_view text);
std::string to_iso(Date date);  // "YYYY-MM-DD"

// First day of the month containing date; the first day of the month `months` later (may be negative).
Date month_start(Date date);
Date add_months(Date month_first_day, int months);
// Whole calendar months from a's month to b's month (b's month minus a's month).
int months_between(Date a, Date b);

}  // namespace lcs
