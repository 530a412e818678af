#include <doctest/doctest.h>

#include "core/text_match.h"
#include "core/workspace.h"

using namespace lcs;

TEST_CASE("text match: fold_case removes case in ASCII, Latin, Greek, Cyrillic and full-width letters") {
    CHECK(fold_case("Anna SMITH 42") == "anna smith 42");
    CHECK(fold_case("ÀÉÎÕÜ Ø Þ ×") == "àéîõü ø þ ×");  // × is not a letter
    CHECK(fold_case("ŁÓDŹ Ş Ÿ") == "łódź ş ÿ");
    CHECK(fold_case("ΑΘΗΝΑ") == "αθηνα");
    CHECK(fold_case("МОСКВА Ёж") == "москва ёж");
    CHECK(fold_case("ＶＩＰ　客户 ａｂ ３") == "vip　客户 ab 3");
    CHECK(fold_case("王小明") == "王小明");  // Chinese has no case
    CHECK(fold_case("") == "");
    // Invalid UTF-8 passes through byte for byte.
    CHECK(fold_case(std::string("A\xFF" "B\xC3", 4)) == std::string("a\xFF" "b\xC3", 4));
}

TEST_CASE("text match: a filter matches a substring ignoring case; empty matches everything") {
    const TextFilter empty("");
    CHECK(empty.empty());
    CHECK(empty.matches(""));
    CHECK(empty.matches_any({}));
    const TextFilter vip("VIP");
    CHECK_FALSE(vip.empty());
    CHECK(vip.matches("big vip customer"));
    CHECK(vip.matches("ＶＩＰ"));
    CHECK_FALSE(vip.matches("v-i-p"));
    CHECK(vip.matches_any({"C001", "Anna", "Vip"}));
    CHECK_FALSE(vip.matches_any({"C001", "Anna", "retail"}));
    CHECK(TextFilter("müller").matches("Herr MÜLLER"));
    CHECK(TextFilter("客户").matches("重要客户A"));
    CHECK_FALSE(TextFilter("客户").matches("客 户"));
}

TEST_CASE("text match: a customer filter searches id, name, segment and every tag") {
    Customer c;
    c.id = "C042";
    c.name = "王小明";
    c.segment = "Retail";
    c.tags = {"vip", "TOP20"};
    CHECK(TextFilter("").matches_customer(c));
    CHECK(TextFilter("c04").matches_customer(c));
    CHECK(TextFilter("小明").matches_customer(c));
    CHECK(TextFilter("retail").matches_customer(c));
    CHECK(TextFilter("top20").matches_customer(c));  // a segment saved as a tag is found
    CHECK(TextFilter("VIP").matches_customer(c));
    CHECK_FALSE(TextFilter("top30").matches_customer(c));
    CHECK_FALSE(TextFilter("vip, top20").matches_customer(c));  // one tag at a time, not the joined list
    c.tags.clear();
    CHECK_FALSE(TextFilter("top20").matches_customer(c));
}
