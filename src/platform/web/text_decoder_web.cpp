// TextDecoder over the JavaScript engine's own: the browser's (or Node's) TextDecoder with
// {fatal: true}, so bytes that do not decode throw instead of becoming U+FFFD. Works in the page and
// in the WASM CLI and unit tests under Node (both have full ICU decoders for GB18030 and Big5).
#include <emscripten.h>

#include <cstdlib>

#include "platform/text_decoder_host.h"

namespace {

// Decodes `length` bytes at `data` with the WHATWG encoding `label`; returns a malloc'ed UTF-8 buffer
// (its length in *out_length) or 0 when the bytes do not decode or the label is unknown.
// ignoreBOM keeps a BOM as U+FEFF (core strips it before calling): no byte is dropped silently.
EM_JS(char*, lcs_js_decode, (const char* label, const char* data, int length, int* out_length), {
    let text;
    try {
        const decoder = new TextDecoder(UTF8ToString(label), {fatal: true, ignoreBOM: true});
        text = decoder.decode(HEAPU8.subarray(data, data + length));
    } catch (e) {
        return 0;
    }
    const size = lengthBytesUTF8(text);
    const out = _malloc(size + 1);
    if (!out) return 0;
    stringToUTF8(text, out, size + 1);
    HEAP32[out_length >> 2] = size;
    return out;
});

// UTF-16 encoding only (the web platform has no GB18030 or Big5 encoder): a JS string's code units.
EM_JS(char*, lcs_js_encode_utf16, (const char* data, int length, int big_endian, int* out_length), {
    const text = new TextDecoder("utf-8", {fatal: false}).decode(HEAPU8.subarray(data, data + length));
    const out = _malloc(text.length * 2 + 1);
    if (!out) return 0;
    for (let i = 0; i < text.length; ++i) {
        const unit = text.charCodeAt(i);
        HEAPU8[out + 2 * i + (big_endian ? 1 : 0)] = unit & 0xFF;
        HEAPU8[out + 2 * i + (big_endian ? 0 : 1)] = unit >> 8;
    }
    HEAP32[out_length >> 2] = text.length * 2;
    return out;
});

const char* whatwg_label(lcs::TextEncoding encoding) {
    switch (encoding) {
        case lcs::TextEncoding::utf8: return "utf-8";
        case lcs::TextEncoding::utf16le: return "utf-16le";
        case lcs::TextEncoding::utf16be: return "utf-16be";
        case lcs::TextEncoding::gb18030: return "gb18030";
        case lcs::TextEncoding::big5: return "big5";
        default: return nullptr;
    }
}

lcs::DecodeOutcome take(char* buffer, int length) {
    lcs::DecodeOutcome out;
    if (!buffer) return out;
    out.text.assign(buffer, static_cast<std::size_t>(length));
    std::free(buffer);
    out.ok = true;
    return out;
}

class WebDecoder final : public lcs::TextDecoder {
public:
    lcs::DecodeOutcome decode(std::string_view bytes, lcs::TextEncoding encoding) const override {
        const char* label = whatwg_label(encoding);
        if (!label) return {};
        int length = 0;
        // The engine does not say where decoding failed: core finds the line (decode_import_text).
        return take(lcs_js_decode(label, bytes.data(), static_cast<int>(bytes.size()), &length), length);
    }
    lcs::DecodeOutcome encode(std::string_view utf8, lcs::TextEncoding encoding) const override {
        if (encoding == lcs::TextEncoding::utf8) return lcs::DecodeOutcome{true, std::string(utf8), std::string::npos};
        if (encoding != lcs::TextEncoding::utf16le && encoding != lcs::TextEncoding::utf16be) return {};
        int length = 0;
        return take(lcs_js_encode_utf16(utf8.data(), static_cast<int>(utf8.size()),
                                        encoding == lcs::TextEncoding::utf16be ? 1 : 0, &length),
                    length);
    }
};

}  // namespace

namespace lcs::platform {

const TextDecoder& host_text_decoder() {
    static const WebDecoder decoder;
    return decoder;
}

}  // namespace lcs::platform
