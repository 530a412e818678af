// TextDecoder over glibc's iconv: strict (no //TRANSLIT, no //IGNORE), so a byte sequence that does
// not decode stops the conversion at its offset instead of becoming U+FFFD.
#include <iconv.h>

#include <cerrno>
#include <new>

#include "platform/text_decoder_host.h"

namespace lcs::platform {

namespace {

// glibc's names. Big5-HKSCS is the superset the WHATWG "big5" decoder of the browsers implements.
const char* iconv_name(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::utf8: return "UTF-8";
        case TextEncoding::utf16le: return "UTF-16LE";
        case TextEncoding::utf16be: return "UTF-16BE";
        case TextEncoding::gb18030: return "GB18030";
        case TextEncoding::big5: return "BIG5-HKSCS";
        default: return nullptr;
    }
}

DecodeOutcome convert(std::string_view bytes, const char* to, const char* from) {
    DecodeOutcome out;
    if (!to || !from) return out;
    iconv_t cd = iconv_open(to, from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return out;
    // Every conversion here at most doubles the size (2 bytes of GBK or UTF-16 give 3 of UTF-8; UTF-8 to
    // UTF-16 doubles ASCII); the loop grows the buffer anyway if that ever fails to hold.
    out.text.resize(bytes.size() * 2 + 16);
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write the input
    std::size_t in_left = bytes.size();
    std::size_t used = 0;
    for (;;) {
        char* dst = out.text.data() + used;
        std::size_t out_left = out.text.size() - used;
        const std::size_t rc = iconv(cd, in_left ? &in : nullptr, &in_left, &dst, &out_left);
        used = static_cast<std::size_t>(dst - out.text.data());
        if (rc != static_cast<std::size_t>(-1) && in_left == 0) {
            // Flush any shift state (none for these encodings, but iconv's contract asks for it).
            break;
        }
        if (rc == static_cast<std::size_t>(-1) && errno == E2BIG) {
            out.text.resize(out.text.size() * 2);
            continue;
        }
        // EILSEQ (a sequence that does not decode) or EINVAL (the input ends inside one).
        out.error_offset = bytes.size() - in_left;
        out.text.clear();
        iconv_close(cd);
        return out;
    }
    iconv_close(cd);
    out.text.resize(used);
    out.ok = true;
    return out;
}

class IconvDecoder final : public TextDecoder {
public:
    DecodeOutcome decode(std::string_view bytes, TextEncoding encoding) const override {
        return convert(bytes, "UTF-8", iconv_name(encoding));
    }
    DecodeOutcome encode(std::string_view utf8, TextEncoding encoding) const override {
        return convert(utf8, iconv_name(encoding), "UTF-8");
    }
};

}  // namespace

const TextDecoder& host_text_decoder() {
    static const IconvDecoder decoder;
    return decoder;
}

}  // namespace lcs::platform
