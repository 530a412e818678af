#include "core/clv/plain_text.h"

#include <cmath>
#include <cstdio>

namespace lcs::clv {

std::string fill_text(std::string_view pattern, std::initializer_list<std::string> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (size_t i = 0; i < pattern.size(); ++i) {
        const bool placeholder = pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
                                 pattern[i + 1] >= '0' && pattern[i + 1] <= '9';
        const size_t k = placeholder ? static_cast<size_t>(pattern[i + 1] - '0') : args.size();
        if (k < args.size()) {
            out += *(args.begin() + k);
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

Localized fill_localized(std::string_view en, std::string_view zh, std::initializer_list<std::string> args) {
    return Localized{fill_text(en, args), fill_text(zh, args)};
}

std::string number_text(double value, int decimals) {
    if (!std::isfinite(value)) return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

}  // namespace lcs::clv
