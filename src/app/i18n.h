// UI strings in English and 简体中文, looked up by stable key: tr("customers.title") gives the text of
// that key in the current language. Keys are "<area>.<name>": the area is the file that uses the
// string (panel_customers.cpp -> "customers.") or "common." for text used in several files. The
// tables live in src/app/lang/en.cpp and zh.cpp (one line per key); a sentence with values in it is
// one key with numbered arguments, filled by trf(): "{0} of {1} customers" / "共 {1} 位客户，显示 {0} 位",
// so each language keeps its own word order.
#pragma once
#include <initializer_list>
#include <string>
#include <vector>

namespace lcs {

enum class Language { english, chinese };

void set_language(Language language);
Language current_language();
const char* language_code(Language language);   // "en" | "zh"
Language language_from_code(const std::string& code);  // unknown codes give english

// The text of `key` in the current language, else in English, else `key` itself (so text that is
// not a key, such as a name typed by the user, shows as it is). The pointer lives as long as the
// program or as `key`, whichever is shorter.
const char* tr(const char* key);

// tr(key) + "###" + id: a window/tab label whose ImGui id stays the same in every language.
std::string tr_id(const char* key, const char* id);

// tr(key) with each {n} replaced by args[n]. The caller formats numbers (to_string, format_value...),
// so a translation may reorder the arguments but never changes how a value is written.
std::string trf(const char* key, std::initializer_list<std::string> args);
std::string trf(const char* key, const std::vector<std::string>& args);

// Keys listed more than once in a table (only the first entry is ever used): kept at zero by the
// app smoke test.
int duplicate_translations();

// The keys looked up since the last call that have no entry in the language current at the time
// (sorted, each once), and forgets them. The app smoke test draws every panel in Chinese and fails
// on any: an English string in the Chinese UI.
std::vector<std::string> take_missing_translations();

}  // namespace lcs
