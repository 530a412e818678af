// The UI string tables, one per language: stable key -> text (see src/app/i18n.h for how keys are
// named and looked up). en.cpp and zh.cpp each define one table, one line per key, sorted by key.
#pragma once
#include <vector>

namespace lcs::lang {

struct Entry {
    const char* key;   // "<area>.<name>", e.g. "customers.shown_of_total"
    const char* text;  // may hold numbered arguments {0}, {1}... filled by trf()
};

// Every key the UI uses; the fallback for keys missing from another language.
const std::vector<Entry>& english();
// The same keys in 简体中文 (the app smoke test checks the key sets and placeholders match).
const std::vector<Entry>& chinese();

}  // namespace lcs::lang
