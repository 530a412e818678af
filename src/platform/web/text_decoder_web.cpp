// TextDecoder over the JavaScript engine's own: the browser's (or Node's) TextDecoder with
// {fatal: true}, so bytes that do not decode throw instead of becoming U+FFFD. Works in the page and
// in the WASM CLI and unit tests under Node (both have full ICU decoders for GB18030 and Big5).
#include <emscripten.h>

#include "platform/text_decoder_host.h"

namespace {

// Decodes `length` bytes at `data` with the WHATWG encoding `label` and keeps the text on the JS side;
// returns its UTF-8 length, or -1 when the bytes do not decode or the label is unknown. ignoreBOM keeps
// a BOM as U+FEFF (core strips it before calling): no byte is dropped silently. Two steps (measure,
// then copy into a buffer C++ allocated) so the JS side never needs the module's malloc.
EM_JS(int, lcs_js_decode, (const char* label, const char* data, int length), {
    try {
        const decoder = new TextDecoder(UTF8ToString(label), {fatal: true, ignoreBOM: true});
        Module.lcsDecodedText = decoder.decode(HEAPU8.subarray(data, data + length));
    } catch (e) {
        Module.lcsDecodedText = null;
        return -1;
    }
    return lengthBytesUTF8(Module.lcsDecodedText);
});

// Copies the text lcs_js_decode kept into out (size + 1 bytes: stringToUTF8 ends it with a 0).
EM_JS(void, lcs_js_take_decoded, (char* out, int size), {
    stringToUTF8(Module.lcsDecodedText, out, size + 1);
    Module.lcsDecodedText = null;
});

// UTF-16 encoding only (the web platform has no GB18030 or Big5 encoder): a JS string's code units.
EM_JS(void, lcs_js_encode_utf16, (const char* data, int length, int big_endian, char* out), {
    const text = UTF8ToString(data, length);
    for (let i = 0; i < text.length; ++i) {
        const unit = text.charCodeAt(i);
        HEAPU8[out + 2 * i + (big_endian ? 1 : 0)] = unit & 0xFF;
        HEAPU8[out + 2 * i + (big_endian ? 0 : 1)] = unit >> 8;
    }
});

// UTF-16 code units of UTF-8 text (what lcs_js_encode_utf16 writes, 2 bytes each).
EM_JS(int, lcs_js_utf16_units, (const char* data, int length), { return UTF8ToString(data, length).length; });

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

class WebDecoder final : public lcs::TextDecoder {
public:
    lcs::DecodeOutcome decode(std::string_view bytes, lcs::TextEncoding encoding) const override {
        lcs::DecodeOutcome out;
        const char* label = whatwg_label(encoding);
        if (!label) return out;
        // The engine does not say where decoding failed: core finds the line (decode_import_text).
        const int size = lcs_js_decode(label, bytes.data(), static_cast<int>(bytes.size()));
        if (size < 0) return out;
        out.text.assign(static_cast<std::size_t>(size) + 1, '\0');
        lcs_js_take_decoded(out.text.data(), size);
        out.text.resize(static_cast<std::size_t>(size));
        out.ok = true;
        return out;
    }
    lcs::DecodeOutcome encode(std::string_view utf8, lcs::TextEncoding encoding) const override {
        lcs::DecodeOutcome out;
        if (encoding == lcs::TextEncoding::utf8) return lcs::DecodeOutcome{true, std::string(utf8), std::string::npos};
        if (encoding != lcs::TextEncoding::utf16le && encoding != lcs::TextEncoding::utf16be) return out;
        const int length = static_cast<int>(utf8.size());
        out.text.assign(static_cast<std::size_t>(lcs_js_utf16_units(utf8.data(), length)) * 2, '\0');
        lcs_js_encode_utf16(utf8.data(), length, encoding == lcs::TextEncoding::utf16be ? 1 : 0, out.text.data());
        out.ok = true;
        return out;
    }
};

}  // namespace

namespace lcs::platform {

const TextDecoder& host_text_decoder() {
    static const WebDecoder decoder;
    return decoder;
}

}  // namespace lcs::platform
