// The UI string tables (part of app_smoke): src/app/lang/en.cpp and zh.cpp hold the same keys, none
// twice, and each Chinese text takes the same numbered arguments as its English text, so trf() fills
// every value in either language. Whether every string the panels draw has a Chinese entry is checked
// by drawing them (app_smoke.cpp, "Chinese: every string drawn has a Chinese entry"); the rule tooltip,
// which the smoke run does not hover, is checked here for every condition kind.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "app/condition_text.h"
#include "app/i18n.h"
#include "app/lang/tables.h"

namespace {

// The distinct {n} placeholders of a text, e.g. "{0} of {1} customers" -> {"{0}", "{1}"}.
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        std::string inside = text.substr(open + 1, close - open - 1);
        if (!inside.empty() && inside.find_first_not_of("0123456789") == std::string::npos)
            out.insert(text.substr(open, close - open + 1));
    }
    return out;
}

std::map<std::string, std::string> as_map(const std::vector<lcs::lang::Entry>& entries) {
    std::map<std::string, std::string> out;
    for (const lcs::lang::Entry& e : entries) out.emplace(e.key, e.text);
    return out;
}

std::string joined(const std::vector<std::string>& keys) {
    std::string out;
    for (const std::string& k : keys) out += "\n  " + k;
    return out;
}

}  // namespace

TEST_CASE("translation tables: the same keys in English and Chinese, none twice, the same {n} arguments") {
    CHECK(lcs::duplicate_translations() == 0);
    const auto english = as_map(lcs::lang::english());
    const auto chinese = as_map(lcs::lang::chinese());
    REQUIRE(!english.empty());
    std::vector<std::string> only_english, only_chinese, different_arguments;
    for (const auto& [key, text] : english) {
        auto zh = chinese.find(key);
        if (zh == chinese.end()) only_english.push_back(key);
        else if (placeholders(text) != placeholders(zh->second)) different_arguments.push_back(key);
    }
    for (const auto& [key, text] : chinese)
        if (!english.count(key)) only_chinese.push_back(key);
    CHECK_MESSAGE(only_english.empty(), "keys without a Chinese text:" << joined(only_english));
    CHECK_MESSAGE(only_chinese.empty(), "keys without an English text:" << joined(only_chinese));
    CHECK_MESSAGE(different_arguments.empty(), "Chinese text with other {n} arguments:" << joined(different_arguments));
    for (const auto& [key, text] : english) {
        CHECK_MESSAGE(key.find('.') != std::string::npos, "key without an area: " << key);
        CHECK_MESSAGE(!text.empty(), "empty English text: " << key);
    }
}

TEST_CASE("tr, trf: the current language, else English, else the key; numbered arguments in any order") {
    const lcs::Language before = lcs::current_language();
    lcs::take_missing_translations();
    lcs::set_language(lcs::Language::english);
    CHECK(std::string(lcs::tr("common.customers")) == "Customers");
    CHECK(lcs::trf("customers.shown_of_total", {"3", "10"}) == "3 of 10 customers");
    lcs::set_language(lcs::Language::chinese);
    CHECK(std::string(lcs::tr("common.customers")) == "客户");
    CHECK(lcs::trf("customers.shown_of_total", {"3", "10"}) == "共 10 位客户，显示 3 位");
    CHECK(lcs::tr_id("common.customers", "customers") == "客户###customers");
    CHECK(lcs::trf("customers.shown_of_total", {"3"}) == "共 {1} 位客户，显示 3 位");  // a missing argument stays visible
    // Text that is not a key (a user's stage name) shows as it is, and is recorded as missing.
    CHECK(std::string(lcs::tr("Loyal fans")) == "Loyal fans");
    CHECK(lcs::take_missing_translations() == std::vector<std::string>{"Loyal fans"});
    CHECK(lcs::take_missing_translations().empty());
    lcs::set_language(before);
}

TEST_CASE("condition_text: every condition kind reads in Chinese without English keys, in any variant") {
    const lcs::Language before = lcs::current_language();
    lcs::set_language(lcs::Language::chinese);
    lcs::take_missing_translations();
    for (const lcs::ConditionKindInfo& info : lcs::kConditionKinds) {
        lcs::Condition c = lcs::default_condition(info.kind);
        for (int window : {0, 30})
            for (bool negate : {false, true})
                for (bool after : {false, true}) {
                    c.window_days = info.window == lcs::WindowUse::none ? 0 : std::max(window, info.window == lcs::WindowUse::required ? 1 : 0);
                    c.negate = negate;
                    c.after_last_purchase = after;
                    c.op = window ? lcs::Compare::between : info.default_op;
                    for (const char* text : {info.default_text, "spend", "detractor", "email"})
                        if (info.text != lcs::TextUse::none) {
                            c.text = text;
                            CHECK_FALSE(lcs::condition_text(c).empty());
                        }
                    CHECK_FALSE(lcs::condition_text(c).empty());
                }
    }
    lcs::Condition recent = lcs::default_condition(lcs::ConditionKind::purchases_in_window);
    recent.op = lcs::Compare::ge;
    recent.value = 2;
    recent.window_days = 365;
    CHECK(lcs::condition_text(recent) == "最近 365 天的购买次数 >= 2");
    lcs::set_language(lcs::Language::english);
    CHECK(lcs::condition_text(recent) == "purchases in the last 365 days >= 2");
    const std::vector<std::string> missing = lcs::take_missing_translations();
    CHECK_MESSAGE(missing.empty(), "condition text keys without an entry:" << joined(missing));
    lcs::set_language(before);
}
