// Text the model may hold (core/text_clean.h), and what the workspace loader does with text that breaks
// the rules: every real character survives save and load unchanged; a lone surrogate or a NUL is
// repaired with a warning that names the customer and the field.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/text_clean.h"
#include "core/workspace_io.h"

using namespace lcs;

namespace {

// Text from every corner the issue names: CJK Extension B (outside the BMP), characters that only GBK
// (not GB2312) has, emoji with zero-width joiners and a skin tone, a combining accent, Arabic and
// Hebrew (right to left, with a left-to-right digit run), math letters.
const std::vector<std::string> kSamples = {
    "\xF0\xA0\xAE\xB7\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E",           // 𠮷田 太郎
    "\xE5\x96\x86 \xE5\xA0\x83 \xE8\xB5\x9F",                          // 喆 堃 赟
    "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",  // 👩‍👩‍👧
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ok",                             // 👍🏽 ok
    "Rene\xCC\x81 caf\xC3\xA9",                                        // René (e + U+0301) café (U+00E9)
    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 2024",                   // مرحبا 2024
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",                                // שלום
    "\xF0\x9D\x91\xA5 + \xF0\x9D\x91\xA6",                             // 𝑥 + 𝑦
    "\xF4\x8F\xBF\xBF last code point",                                // U+10FFFF
};

std::string doc(const std::string& customers_json) {
    return R"({"format": "lifecycle-studio-workspace", "version": 1, "workspace": {"name": "T"}, "customers": )" +
           customers_json + "}";
}

}  // namespace

TEST_CASE("text clean: valid text of every script comes back byte for byte") {
    for (const std::string& text : kSamples) {
        INFO("text: ", text);
        CHECK(is_clean_text(text));
        TextRepairs repairs;
        CHECK(clean_text(text, &repairs) == text);
        CHECK_FALSE(repairs.any());
    }
    CHECK(is_clean_text(""));
    CHECK(clean_text("") == "");
}

TEST_CASE("text clean: NULs are removed, wherever they are") {
    const std::string name = std::string("\xF0\xA0\xAE\xB7\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E!") + '\0';  // the issue's name
    CHECK_FALSE(is_clean_text(name));
    TextRepairs repairs;
    CHECK(clean_text(name, &repairs) == "\xF0\xA0\xAE\xB7\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E!");
    CHECK(repairs.nuls == 1);
    CHECK(clean_text(std::string("\0a\0\0b", 5)) == "ab");
    CHECK(describe_repairs(repairs) == "a NUL character was removed");
}

TEST_CASE("text clean: lone surrogates become U+FFFD; a CESU-8 pair is joined; other bad bytes become U+FFFD") {
    TextRepairs repairs;
    CHECK(clean_text("a\xED\xA0\x80z", &repairs) == "a\xEF\xBF\xBDz");  // lone high D800
    CHECK(clean_text("\xED\xBF\xBF", &repairs) == "\xEF\xBF\xBD");      // lone low DFFF
    CHECK(repairs.lone_surrogates == 2);
    // A high then a high: both lone. A low then a high: both lone (wrong order).
    CHECK(clean_text("\xED\xA0\xBD\xED\xA0\xBD") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(clean_text("\xED\xB8\x80\xED\xA0\xBD") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    // 😀 U+1F600 = D83D DE00, written as two 3-byte sequences.
    TextRepairs joined;
    CHECK(clean_text("x\xED\xA0\xBD\xED\xB8\x80y", &joined) == "x\xF0\x9F\x98\x80y");
    CHECK(joined.joined_pairs == 1);
    CHECK(joined.lone_surrogates == 0);
    TextRepairs bad;
    CHECK(clean_text("\xFF" "a\xC3", &bad) == "\xEF\xBF\xBD" "a\xEF\xBF\xBD");
    CHECK(bad.invalid_bytes == 2);
    CHECK(describe_repairs(bad) == "2 bytes that are not UTF-8 were replaced by U+FFFD");
    CHECK(describe_repairs(TextRepairs{}).empty());
    // The result is always clean.
    for (const char* broken : {"\xED\xA0\x80", "\xC0\x80", "\xF5\x80\x80\x80", "\xE0\x80\x80", "\xF4\x90\x80\x80"})
        CHECK(is_clean_text(clean_text(broken)));
}

TEST_CASE("text clean: UTF-16 units from key events join into characters") {
    Utf16Joiner joiner;
    std::uint32_t out[2] = {0, 0};
    CHECK(joiner.feed(0xD842, out) == 0);  // 𠮷 U+20BB7 = D842 DFB7
    CHECK(joiner.waiting());
    REQUIRE(joiner.feed(0xDFB7, out) == 1);
    CHECK(out[0] == 0x20BB7);
    CHECK_FALSE(joiner.waiting());
    REQUIRE(joiner.feed('a', out) == 1);
    CHECK(out[0] == 'a');
    REQUIRE(joiner.feed(0x1F600, out) == 1);  // a whole code point passes through
    CHECK(out[0] == 0x1F600);
    REQUIRE(joiner.feed(0xDE00, out) == 1);  // a low surrogate alone
    CHECK(out[0] == 0xFFFD);
    CHECK(joiner.feed(0xD83D, out) == 0);
    REQUIRE(joiner.feed('b', out) == 2);  // the waiting high surrogate had no partner
    CHECK(out[0] == 0xFFFD);
    CHECK(out[1] == 'b');
    CHECK(joiner.feed(0, out) == 0);  // NUL never becomes a character
}

TEST_CASE("text clean: every sample survives save and load unchanged, in every text field") {
    Workspace w;
    w.meta.name = kSamples[0];
    w.meta.notes = kSamples[5];
    for (std::size_t i = 0; i < kSamples.size(); ++i) {
        Customer c;
        c.id = "c" + std::to_string(i);
        c.name = kSamples[i];
        c.segment = kSamples[(i + 1) % kSamples.size()];
        c.channel = kSamples[(i + 2) % kSamples.size()];
        c.tags = {kSamples[(i + 3) % kSamples.size()], kSamples[(i + 4) % kSamples.size()]};
        w.customers.push_back(c);
    }
    const std::string saved = save_workspace_json(w);
    const LoadResult loaded = load_workspace_json(saved);
    REQUIRE(loaded.ok());
    CHECK(loaded.warnings.empty());
    const Workspace& back = *loaded.workspace;
    CHECK(back.meta.name == w.meta.name);
    CHECK(back.meta.notes == w.meta.notes);
    REQUIRE(back.customers.size() == w.customers.size());
    for (std::size_t i = 0; i < w.customers.size(); ++i) {
        CHECK(back.customers[i].name == w.customers[i].name);
        CHECK(back.customers[i].segment == w.customers[i].segment);
        CHECK(back.customers[i].channel == w.customers[i].channel);
        CHECK(back.customers[i].tags == w.customers[i].tags);
    }
    CHECK(save_workspace_json(back) == saved);
}

TEST_CASE("text clean: escaped astral characters load as the characters") {
    const LoadResult loaded = load_workspace_json(doc(R"([{"id": "c1", "name": "\ud842\udfb7\u7530 \ud83d\udc69\u200d\ud83d\udc67"}])"));
    REQUIRE(loaded.ok());
    CHECK(loaded.warnings.empty());
    CHECK(loaded.workspace->customers[0].name == "\xF0\xA0\xAE\xB7\xE7\x94\xB0 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7");
}

TEST_CASE("text clean: the loader repairs a lone surrogate escape and names the customer and field") {
    const LoadResult loaded = load_workspace_json(doc(R"([{"id": "c1"}, {"id": "C-7", "name": "\ud842\u7530 \udfb7"}])"));
    REQUIRE(loaded.ok());  // repaired, so the workspace opens
    CHECK(loaded.workspace->customers[1].name == "\xEF\xBF\xBD\xE7\x94\xB0 \xEF\xBF\xBD");
    REQUIRE(loaded.warnings.size() == 2);
    const Problem& first = loaded.warnings[0];
    CHECK(first.kind == "workspace.repaired_text");
    CHECK(first.where == "customers[1].name");
    CHECK(first.message == "customer \"C-7\": \\ud842 (a lone UTF-16 surrogate, half of a character) was replaced by "
                           "U+FFFD (line 1, column 135)");
    CHECK(first.line == 1);
    CHECK(loaded.warnings[1].message.find("\\udfb7 (a lone UTF-16 surrogate") != std::string::npos);
    // Saved again, the text is clean and loads without a warning.
    const LoadResult again = load_workspace_json(save_workspace_json(*loaded.workspace));
    REQUIRE(again.ok());
    CHECK(again.warnings.empty());
}

TEST_CASE("text clean: the loader removes NULs (escaped or raw) with a warning") {
    // What the app used to save after editing a name with 𠮷 in it.
    const LoadResult escaped = load_workspace_json(doc(R"([{"id": "c1", "name": "\ufffd\u7530 \u592a\u90ce!\u0000"}])"));
    REQUIRE(escaped.ok());
    CHECK(escaped.workspace->customers[0].name == "\xEF\xBF\xBD\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E!");
    REQUIRE(escaped.warnings.size() == 1);
    CHECK(escaped.warnings[0].where == "customers[0].name");
    CHECK(escaped.warnings[0].message.find("customer \"c1\": a NUL character (\\u0000) was removed") == 0);

    const std::string raw = doc(std::string("[{\"id\": \"c1\", \"tags\": [\"a") + '\0' + "b\"]}]");
    const LoadResult loaded = load_workspace_json(raw);
    REQUIRE(loaded.ok());
    CHECK(loaded.workspace->customers[0].tags == std::vector<std::string>{"ab"});
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings[0].where == "customers[0].tags");
    CHECK(loaded.warnings[0].message.find("a NUL byte was removed") != std::string::npos);
}

TEST_CASE("text clean: surrogates written as raw bytes are repaired; other bad bytes still refuse the file") {
    const LoadResult cesu = load_workspace_json(doc("[{\"id\": \"c1\", \"name\": \"\xED\xA0\xBD\xED\xB8\x80 \xED\xA0\x80\"}]"));
    REQUIRE(cesu.ok());
    CHECK(cesu.workspace->customers[0].name == "\xF0\x9F\x98\x80 \xEF\xBF\xBD");
    REQUIRE(cesu.warnings.size() == 2);
    CHECK(cesu.warnings[0].message.find("joined into one character") != std::string::npos);
    CHECK(cesu.warnings[1].message.find("a lone UTF-16 surrogate (3 bytes") != std::string::npos);

    const LoadResult gbk = load_workspace_json(doc("[{\"id\": \"c1\", \"name\": \"\xCD\xF5\"}]"));  // 王 in GBK
    CHECK_FALSE(gbk.ok());
    REQUIRE(gbk.problems.size() == 1);
    CHECK(gbk.problems[0].kind == "workspace.syntax");
    CHECK(gbk.problems[0].message == "invalid UTF-8 in a string (save the file as UTF-8)");
}

TEST_CASE("text clean: repairs outside customers name their section; the list stops at the limit") {
    const LoadResult meta = load_workspace_json(
        R"({"format": "lifecycle-studio-workspace", "version": 1, "workspace": {"name": "Q\u0000"}, "customers": [],
            "settings": {"note": "\ud800"}})");
    REQUIRE(meta.ok());
    CHECK(meta.workspace->meta.name == "Q");
    CHECK(meta.workspace->settings["note"] == "\xEF\xBF\xBD");
    REQUIRE(meta.warnings.size() == 2);
    CHECK(meta.warnings[0].where == "workspace");
    CHECK(meta.warnings[1].where == "settings");
    CHECK(meta.warnings[1].line == 2);

    std::string many = "[";
    for (int i = 0; i < 30; ++i) many += std::string(i ? "," : "") + R"({"id": "c)" + std::to_string(i) + R"(", "name": "\u0000"})";
    LoadLimits limits;
    limits.max_problems = 10;
    const LoadResult crowded = load_workspace_json(doc(many + "]"), limits);
    REQUIRE(crowded.ok());
    REQUIRE(crowded.warnings.size() == 11);
    CHECK(crowded.warnings.back().message == "20 more problems not listed (30 in total)");
}
