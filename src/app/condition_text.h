// A stage rule condition in words, in the UI language (the rule editor's tooltip). Core's
// describe_condition() gives the English wording for the CLI and logs; this builds the same sentence
// from the condition's kind and fields through i18n keys ("rules.cond_*"), so each language has its
// own word order.
#pragma once
#include <string>

#include "core/lifecycle/rules.h"

namespace lcs {

// E.g. "purchases in the last 365 days >= 2" / "最近 365 天的购买次数 >= 2".
std::string condition_text(const Condition& condition);

}  // namespace lcs
