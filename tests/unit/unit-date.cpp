#include <doctest/doctest.h>

#include "core/date.h"

using namespace lcs;

TEST_CASE("dates round-trip through days since the epoch") {
    CHECK(date_from_ymd({1970, 1, 1}).days == 0);
    CHECK(date_from_ymd({2000, 3, 1}).days == 11017);
    for (int d = -800000; d < 3000000; d += 997) {
        const Date date{d};
        CHECK(date_from_ymd(ymd_from_date(date)) == date);
    }
}

TEST_CASE("ISO dates are parsed strictly") {
    CHECK(to_iso(*parse_iso_date("2024-02-29")) == "2024-02-29");
    CHECK(parse_iso_date("2014-03-08 00:00:00").has_value());
    CHECK(parse_iso_date("1997-01-01T10:00:00Z").has_value());
    CHECK_FALSE(parse_iso_date("2023-02-30").has_value());
    CHECK_FALSE(parse_iso_date("2023-13-01").has_value());
    CHECK_FALSE(parse_iso_date("2023-1-01").has_value());
    CHECK_FALSE(parse_iso_date("20230101").has_value());
    CHECK_FALSE(parse_iso_date("2023-01-01x").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
}

TEST_CASE("month arithmetic") {
    const Date d = *parse_iso_date("2023-11-17");
    CHECK(to_iso(month_start(d)) == "2023-11-01");
    CHECK(to_iso(add_months(month_start(d), 2)) == "2024-01-01");
    CHECK(to_iso(add_months(month_start(d), -11)) == "2022-12-01");
    CHECK(months_between(d, *parse_iso_date("2024-02-01")) == 3);
}
