#include "app/i18n.h"

#include <set>
#include <string_view>
#include <unordered_map>

#include "app/lang/tables.h"

namespace lcs {
namespace {

using Table = std::unordered_map<std::string_view, const char*>;

Language g_language = Language::english;  // the UI's one language switch
std::set<std::string> g_missing;          // keys looked up without an entry; see take_missing_translations

Table index(const std::vector<lang::Entry>& entries) {
    Table t;
    for (const lang::Entry& e : entries) t.emplace(e.key, e.text);
    return t;
}

const Table& table(Language language) {
    static const Table english = index(lang::english());
    static const Table chinese = index(lang::chinese());
    return language == Language::chinese ? chinese : english;
}

const char* find(Language language, const char* key) {
    const Table& t = table(language);
    auto it = t.find(key);
    return it == t.end() ? nullptr : it->second;
}

}  // namespace

void set_language(Language language) { g_language = language; }
Language current_language() { return g_language; }
const char* language_code(Language language) { return language == Language::chinese ? "zh" : "en"; }
Language language_from_code(const std::string& code) {
    return code == "zh" ? Language::chinese : Language::english;
}

const char* tr(const char* key) {
    if (const char* text = find(g_language, key)) return text;
    g_missing.insert(key);
    if (g_language != Language::english)
        if (const char* text = find(Language::english, key)) return text;
    return key;
}

std::string tr_id(const char* key, const char* id) { return std::string(tr(key)) + "###" + id; }

std::string trf(const char* key, std::initializer_list<std::string> args) {
    return trf(key, std::vector<std::string>(args));
}

std::string trf(const char* key, const std::vector<std::string>& args) {
    std::string_view format = tr(key);
    std::string out;
    out.reserve(format.size() + 16);
    for (std::size_t i = 0; i < format.size(); ++i) {
        // "{n}" with n < args.size() is replaced; anything else (other braces, "{9}" without a 10th
        // argument) is copied as it is.
        if (format[i] == '{') {
            std::size_t n = 0, end = i + 1;
            while (end < format.size() && end < i + 4 && format[end] >= '0' && format[end] <= '9')
                n = n * 10 + static_cast<std::size_t>(format[end++] - '0');
            if (end > i + 1 && end < format.size() && format[end] == '}' && n < args.size()) {
                out += args[n];
                i = end;
                continue;
            }
        }
        out += format[i];
    }
    return out;
}

int duplicate_translations() {
    int duplicates = 0;
    for (Language language : {Language::english, Language::chinese}) {
        const auto& entries = language == Language::chinese ? lang::chinese() : lang::english();
        duplicates += static_cast<int>(entries.size() - table(language).size());
    }
    return duplicates;
}

std::vector<std::string> take_missing_translations() {
    std::vector<std::string> keys(g_missing.begin(), g_missing.end());
    g_missing.clear();
    return keys;
}

}  // namespace lcs
