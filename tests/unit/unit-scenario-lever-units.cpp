// Lever units agree everywhere: the lever card types and shows points and percentages ("5 pts",
// "20%"), the lever and its JSON store fractions (0.05, 0.2), and the help says so.
#include <doctest/doctest.h>

#include <string>

#include "core/scenario/explain.h"
#include "core/scenario/lever.h"

using namespace lcs;

TEST_CASE("lever units: every fraction-valued parameter has a unit; 5 shown is 0.05 stored and written") {
    for (LeverKind kind : kAllLeverKinds) {
        const Json fields = lever_to_json(neutral_lever(kind));
        for (const char* field : {"points", "contact_rate", "winback_share", "volume_change", "margin_change"}) {
            CAPTURE(lever_kind_id(kind));
            CAPTURE(field);
            // A parameter the kind writes is a fraction: it must say how it is typed and shown.
            CHECK(fields.contains(field) == lever_parameter(kind, field).has_value());
        }
        for (const LeverParameter& p : lever_parameters(kind)) {
            CHECK(p.shown_min < p.shown_max);
            // The slider's range in stored units stays inside what validate_lever accepts (-1..1 or 0..1, volume up to 1000).
            CHECK(lever_stored_value(p.shown_min) >= -1);
            CHECK(lever_stored_value(p.shown_max) <= (p.unit == LeverUnit::points ? 1.0 : 1000.0));
            CHECK(p.is_signed == (p.shown_min < 0));
        }
    }
    CHECK(lever_parameter(LeverKind::retention, "points")->unit == LeverUnit::points);
    CHECK(lever_parameter(LeverKind::acquisition, "volume_change")->unit == LeverUnit::percent);
    CHECK_FALSE(lever_parameter(LeverKind::retention, "volume_change"));

    // Typing 5 in the points box stores 0.05, which the file keeps and shows back as 5.
    Lever lever = neutral_lever(LeverKind::retention);
    lever.points = lever_stored_value(5);
    CHECK(lever.points == doctest::Approx(0.05));
    CHECK(lever_to_json(lever)["points"].get<double>() == doctest::Approx(0.05));
    CHECK(lever_shown_value(lever.points) == doctest::Approx(5));
}

TEST_CASE("lever units: the help describes what is typed and what is stored in the same units") {
    for (Lang lang : {Lang::en, Lang::zh}) {
        const std::string retention = lever_explanation(LeverKind::retention, lang);
        CHECK(retention.find("0.05 = 5") == std::string::npos);  // the old help read as "type 0.05"
        CHECK(retention.find('5') != std::string::npos);
        CHECK(retention.find("0.05") != std::string::npos);
        const std::string acquisition = lever_explanation(LeverKind::acquisition, lang);
        CHECK(acquisition.find("+0.2 =") == std::string::npos);
        CHECK(acquisition.find("+20%") != std::string::npos);
        CHECK(acquisition.find("0.2") != std::string::npos);
    }
    CHECK(std::string(lever_explanation(LeverKind::retention, Lang::en)).find("5 pts") != std::string::npos);
}
