// The seam between import and the host's character decoder. Core detects which encoding a file is in
// (core/import/decode_file.h) but never converts bytes with a table of its own: the host does, with
// glibc's iconv natively (src/platform/native/text_decoder_iconv.cpp) and the browser's
// TextDecoder({fatal: true}) in the web build (src/platform/web/text_decoder_web.cpp).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace lcs {

// Encodings an import reads. automatic: detect (BOM, then UTF-8 validity, then GB18030 vs Big5).
enum class TextEncoding { automatic, utf8, utf16le, utf16be, gb18030, big5 };

// "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5"; "automatic". The names iconv and the WHATWG
// Encoding standard both accept (case aside).
const char* text_encoding_name(TextEncoding encoding);
// Reads a user's choice: auto, utf-8/utf8, utf-16 (little-endian unless a BOM says otherwise),
// utf-16le, utf-16be, gb18030/gbk/gb2312, big5. false when the name is unknown.
bool parse_text_encoding(std::string_view name, TextEncoding& encoding);

struct DecodeOutcome {
    bool ok = false;
    std::string text;                                 // UTF-8 when ok
    std::size_t error_offset = std::string::npos;     // byte offset of the first bad byte, when the host knows it
};

class TextDecoder {
public:
    virtual ~TextDecoder() = default;
    // Converts bytes in `encoding` (not automatic; no BOM expected, one is kept as U+FEFF) to UTF-8.
    // Never substitutes U+FFFD: bytes that do not decode make ok false. Must not throw for bad input.
    virtual DecodeOutcome decode(std::string_view bytes, TextEncoding encoding) const = 0;
    // The opposite direction, used by tests and benchmarks to make files; ok false when `utf8` has a
    // character the encoding cannot hold. Hosts without an encoder return ok false.
    virtual DecodeOutcome encode(std::string_view utf8, TextEncoding encoding) const = 0;
};

}  // namespace lcs
