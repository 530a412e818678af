// Turning an imported file's bytes into UTF-8 text: which encoding (BOM, then UTF-8 validity, then a
// byte-statistics test between GB18030 and Big5), decoded by the host's TextDecoder, and checked
// (bytes that do not decode, NUL characters) with the line they are on. Never a U+FFFD substitute.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/import/text_decoder.h"
#include "core/problem.h"

namespace lcs {

struct EncodingGuess {
    TextEncoding encoding = TextEncoding::utf8;
    std::size_t bom_size = 0;  // bytes of byte-order mark at the start (0 when none)
    const char* reason = "";   // "byte-order mark", "valid UTF-8", "byte statistics", "zero bytes", "chosen"
};

// Detects the encoding from the bytes alone. Looks at every byte for UTF-8 validity and at the first
// 256 KiB for the double-byte statistics. Plain ASCII is UTF-8.
EncodingGuess detect_text_encoding(std::string_view bytes);

struct DecodedText {
    std::string text;          // UTF-8, no BOM; empty when problem is set
    EncodingGuess encoding;    // what was used (requested or detected)
    Problems problems;         // at most one: csv.bad_encoding or csv.bad_text, naming the line
    bool ok() const { return problems.empty(); }
};

// Decodes `bytes` in `requested` (automatic: detect_text_encoding). With utf16le chosen by the user a
// big-endian BOM switches to utf16be (and the other way round). UTF-8 is only validated (no
// conversion needed); other encodings go through `decoder`. Fails, naming the 1-based line, when a
// byte sequence does not decode or the text holds a NUL character.
DecodedText decode_import_text(std::string_view bytes, TextEncoding requested, const TextDecoder& decoder);

// 1-based line of byte `offset` in `bytes` of `encoding` (counts line feeds before it; UTF-16 by code unit).
int line_of_offset(std::string_view bytes, TextEncoding encoding, std::size_t offset);

}  // namespace lcs
