// Text the model may hold: valid UTF-8 (RFC 3629) with no NUL. Every place where text enters the
// model from outside (a UI edit, a loaded file) passes it through clean_text, so a lone UTF-16
// surrogate, a stray NUL or a broken byte never reaches a saved workspace.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lcs {

// What clean_text changed, counted per kind (each count is the number of places repaired).
struct TextRepairs {
    std::size_t nuls = 0;             // NUL characters removed
    std::size_t lone_surrogates = 0;  // surrogate halves without their partner, each now U+FFFD
    std::size_t joined_pairs = 0;     // surrogate pairs written as two 3-byte sequences (CESU-8), joined
    std::size_t invalid_bytes = 0;    // other bytes that are not UTF-8, each now U+FFFD
    bool any() const { return nuls + lone_surrogates + joined_pairs + invalid_bytes > 0; }
};

// True when text is valid UTF-8 and has no NUL (the model's invariant). Surrogate code points
// (bytes ED A0..ED BF ..) are not valid UTF-8.
bool is_clean_text(std::string_view text);

// The text made clean: NULs removed; a surrogate pair encoded as two 3-byte sequences (CESU-8, as
// Java and some JavaScript encoders write) joined into its 4-byte character; a lone surrogate
// (encoded as 3 bytes, "WTF-8") replaced by U+FFFD; any other invalid byte replaced by U+FFFD.
// Valid text comes back unchanged, byte for byte (combining marks, ZWJ sequences and right-to-left
// text are left exactly as they are). repairs, when given, receives the counts (added to).
std::string clean_text(std::string_view text, TextRepairs* repairs = nullptr);

// One sentence naming what was repaired, for problem messages: "a lone surrogate was replaced by
// U+FFFD; 2 NUL characters were removed". Empty when nothing was.
std::string describe_repairs(const TextRepairs& repairs);

// UTF-16 surrogates: high D800..DBFF, low DC00..DFFF; a pair stands for one code point above U+FFFF.
inline bool is_high_surrogate(std::uint32_t code) { return code >= 0xD800 && code <= 0xDBFF; }
inline bool is_low_surrogate(std::uint32_t code) { return code >= 0xDC00 && code <= 0xDFFF; }
inline std::uint32_t join_surrogates(std::uint32_t high, std::uint32_t low) {
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}
// The surrogate code point encoded as 3 bytes at text[i] (ED A0..BF 80..BF, which UTF-8 forbids and
// CESU-8 / WTF-8 write), or 0 when there is none there.
std::uint32_t encoded_surrogate_at(std::string_view text, std::size_t i);

// Appends code point `code` (<= U+10FFFF) to out as UTF-8. Surrogate code points are written as
// their 3-byte form: callers that must not produce them check first.
void append_utf8(std::string& out, std::uint32_t code);

// Joins UTF-16 code units that arrive one at a time (browser key events deliver a character outside
// the Basic Multilingual Plane as two keypresses, one per surrogate half) into code points.
class Utf16Joiner {
public:
    // Feeds one UTF-16 unit, or a whole code point above U+FFFF (passed through). Returns how many
    // code points it wrote to out[0..1]: 0 while a high surrogate waits for its partner, 2 when a
    // waiting high surrogate turned out to be lone (U+FFFD, then the new character). A lone low
    // surrogate gives U+FFFD; NUL gives nothing.
    int feed(std::uint32_t unit, std::uint32_t out[2]);
    bool waiting() const { return high_ != 0; }

private:
    std::uint32_t high_ = 0;
};

}  // namespace lcs
