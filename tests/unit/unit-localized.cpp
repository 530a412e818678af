// Localized: bilingual domain text (core/localized.h).
#include <doctest/doctest.h>

#include "core/localized.h"

using namespace lcs;

TEST_CASE("localized: the text in a language, English when that language has none") {
    const Localized both{"Aware", "认识"};
    CHECK(both.in(Lang::en) == "Aware");
    CHECK(both.in(Lang::zh) == "认识");
    const Localized english_only{"Aware", ""};
    CHECK(english_only.in(Lang::zh) == "Aware");
    CHECK(english_only.in(Lang::en) == "Aware");
    CHECK_FALSE(english_only.empty());
    CHECK(Localized{"", "认识"}.in(Lang::zh) == "认识");
    CHECK(Localized{"", "认识"}.in(Lang::en).empty());
    CHECK_FALSE(Localized{"", "认识"}.empty());
    CHECK(Localized{}.empty());
}

TEST_CASE("localized: equal when both languages are equal") {
    CHECK(Localized{"Aware", "认识"} == Localized{"Aware", "认识"});
    CHECK(Localized{"Aware", "认识"} != Localized{"Aware", "了解"});
    CHECK(Localized{"Aware", "认识"} != Localized{"Know", "认识"});
    CHECK(Localized{"Aware", ""} != Localized{"Aware", "认识"});
}
