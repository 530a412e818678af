// Domain text that exists in English and 简体中文 (stage names, playbooks, value tiers, scenario
// explanations): one Localized value instead of twin `_zh` fields. The workspace JSON keeps its twin
// keys ("name" / "name_zh"); the readers and writers map them to and from Localized.
#pragma once
#include <string>

namespace lcs {

// The language domain text is shown in. The app maps its UI language to this in one place.
enum class Lang { en, zh };

struct Localized {
    std::string en;  // English; the fallback for every other language
    std::string zh;  // 简体中文; empty: the English text is shown

    // The text in `lang`; English when that language has no text.
    const std::string& in(Lang lang) const { return lang == Lang::zh && !zh.empty() ? zh : en; }
    // True when neither language has text.
    bool empty() const { return en.empty() && zh.empty(); }
};

inline bool operator==(const Localized& a, const Localized& b) { return a.en == b.en && a.zh == b.zh; }
inline bool operator!=(const Localized& a, const Localized& b) { return !(a == b); }

}  // namespace lcs
