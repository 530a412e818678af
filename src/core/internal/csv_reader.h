// Splits delimited text into records: RFC 4180 quoting (separators, doubled quotes and line breaks
// inside quotes), a UTF-8 BOM, CRLF / LF / CR line ends, or runs of blanks as the separator.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lcs::internal {

class CsvReader {
public:
    // separator: ',', ';', '\t', or ' ' meaning "any run of spaces/tabs" (no quoting then).
    CsvReader(std::string_view text, char separator);

    // Reads the next non-blank record. Unquoted fields are trimmed of spaces and tabs.
    // line = 1-based line where the record starts. Returns false at the end of the text.
    // error is set (and the rest of the record skipped) when a quoted field is not closed properly.
    // Fields are valid UTF-8: invalid bytes become U+FFFD, so that values (customer ids) compare as
    // they will be saved. (Text that is valid UTF-8 throughout, as a decoded file is, is checked once
    // here in the constructor instead of field by field.)
    bool next(std::vector<std::string>& fields, int& line, std::string& error);

private:
    bool read_record(std::vector<std::string>& fields, int& line, std::string& error);
    void put(std::vector<std::string>& fields, std::string_view value);
    bool at_line_end() const;
    void consume_line_end();

    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    char separator_;
    bool valid_utf8_ = false;  // the whole text is valid UTF-8: fields need no check
    std::size_t count_ = 0;    // fields of the record being read
};

}  // namespace lcs::internal
