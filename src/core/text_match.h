// Case-insensitive text matching for filter boxes (the customers table, a stage's member list), so
// every filter in the app treats "anna", "ANNA" and "Ａｎｎａ" alike.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace lcs {

struct Customer;

// UTF-8 text with letter case removed: ASCII, Latin-1 and Latin Extended-A, Greek and Cyrillic
// capitals become small letters, and full-width Latin letters and digits (Ａ, ｂ, ３) become their
// ASCII small forms. Scripts without case (Chinese, Japanese kana, ...) and invalid bytes are kept
// as they are. Folding never changes how many characters a text has.
std::string fold_case(std::string_view text);

// A filter box's query, folded once and matched against many texts.
class TextFilter {
public:
    explicit TextFilter(std::string_view query);

    // True when the query is empty: it matches everything.
    bool empty() const { return needle_.empty(); }

    // True when the query occurs in text ignoring case (see fold_case), or the query is empty.
    bool matches(std::string_view text) const;

    // True when the query occurs in any of the texts (or is empty).
    bool matches_any(std::initializer_list<std::string_view> texts) const;

    // True when the query occurs in the customer's id, name, segment or any of their tags (or is
    // empty): what every customer filter box searches, so a segment saved as a tag is found too.
    bool matches_customer(const Customer& customer) const;

private:
    std::string needle_;
};

}  // namespace lcs
