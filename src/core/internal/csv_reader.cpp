#include "core/internal/csv_reader.h"

#include "core/internal/io_json_text.h"

namespace lcs::internal {

namespace {
bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && is_blank(text[begin])) ++begin;
    while (end > begin && is_blank(text[end - 1])) --end;
    return text.substr(begin, end - begin);
}
}  // namespace

// Fields are written over the previous record's strings, reusing their memory: a million-row import
// would otherwise allocate every field longer than the short-string buffer again for every row.
void CsvReader::put(std::vector<std::string>& fields, std::string_view value) {
    if (count_ < fields.size()) fields[count_].assign(value.data(), value.size());
    else fields.emplace_back(value);
    ++count_;
}

CsvReader::CsvReader(std::string_view text, char separator) : text_(text), separator_(separator) {
    if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    valid_utf8_ = true;
    for (std::size_t i = 0; i < text_.size() && valid_utf8_;) {
        if (static_cast<unsigned char>(text_[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence_length(text_, i);
        valid_utf8_ = length > 0;
        i += length;
    }
}

bool CsvReader::at_line_end() const { return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r'; }

void CsvReader::consume_line_end() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
}

bool CsvReader::next(std::vector<std::string>& fields, int& line, std::string& error) {
    if (!read_record(fields, line, error)) return false;
    fields.resize(count_);
    if (valid_utf8_) return true;
    for (std::string& field : fields)
        for (char c : field)
            if (static_cast<unsigned char>(c) >= 0x80) {  // only non-ASCII fields can be invalid
                field = valid_utf8(field);
                break;
            }
    return true;
}

bool CsvReader::read_record(std::vector<std::string>& fields, int& line, std::string& error) {
    count_ = 0;
    error.clear();
    // Skip blank lines.
    for (;;) {
        if (pos_ >= text_.size()) return false;
        std::size_t probe = pos_;
        while (probe < text_.size() && is_blank(text_[probe])) ++probe;
        if (probe < text_.size() && text_[probe] != '\n' && text_[probe] != '\r') break;
        pos_ = probe;
        if (pos_ >= text_.size()) return false;
        consume_line_end();
    }
    line = line_;

    if (separator_ == ' ') {
        while (!at_line_end()) {
            while (!at_line_end() && is_blank(text_[pos_])) ++pos_;
            const std::size_t start = pos_;
            while (!at_line_end() && !is_blank(text_[pos_])) ++pos_;
            if (pos_ > start) put(fields, text_.substr(start, pos_ - start));
        }
        consume_line_end();
        return true;
    }

    for (;;) {
        // One field.
        std::size_t probe = pos_;
        while (probe < text_.size() && is_blank(text_[probe]) && text_[probe] != separator_) ++probe;
        if (probe < text_.size() && text_[probe] == '"') {
            pos_ = probe + 1;
            std::string value;
            bool closed = false;
            while (pos_ < text_.size()) {
                const char c = text_[pos_++];
                if (c == '"') {
                    if (pos_ < text_.size() && text_[pos_] == '"') {
                        value += '"';
                        ++pos_;
                    } else {
                        closed = true;
                        break;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(pos_ < text_.size() && text_[pos_] == '\n'))) ++line_;
                    value += c;
                }
            }
            if (!closed) {
                error = "a quoted field is not closed (missing '\"')";
                return true;
            }
            while (pos_ < text_.size() && is_blank(text_[pos_]) && text_[pos_] != separator_) ++pos_;
            if (!at_line_end() && text_[pos_] != separator_) {
                error = "unexpected text after a closing quote (a quote inside a field must be doubled: \"\")";
                while (!at_line_end()) ++pos_;
                consume_line_end();
                return true;
            }
            put(fields, value);
        } else {
            const std::size_t start = pos_;
            while (!at_line_end() && text_[pos_] != separator_) ++pos_;
            put(fields, trimmed(text_.substr(start, pos_ - start)));
        }
        if (at_line_end()) {
            consume_line_end();
            return true;
        }
        ++pos_;  // the separator
    }
}

}  // namespace lcs::internal
