// Filling numbers into the plain-language sentences core writes in both languages (model
// comparison verdicts, guard-rail messages): "{0}" .. "{9}" in a pattern are replaced by the
// arguments, so the English and Chinese patterns may put the values in their own word order.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/localized.h"

namespace lcs::clv {

// `pattern` with every "{k}" (k = 0..9, k < args.size()) replaced by args[k]; other text unchanged.
std::string fill_text(std::string_view pattern, std::initializer_list<std::string> args);
// The same arguments filled into an English and a Chinese pattern.
Localized fill_localized(std::string_view en, std::string_view zh, std::initializer_list<std::string> args);
// `value` with `decimals` decimals ("-" when not finite), e.g. number_text(1.234, 1) = "1.2".
std::string number_text(double value, int decimals);

}  // namespace lcs::clv
