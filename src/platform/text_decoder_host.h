// The host's character decoder for imports (core/import/text_decoder.h): glibc iconv natively
// (native/text_decoder_iconv.cpp), the browser's or Node's TextDecoder in the web build
// (web/text_decoder_web.cpp). The CLI, the unit tests and the app all take it from here.
#pragma once
#include "core/import/text_decoder.h"

namespace lcs::platform {

// The one decoder of this host; lives for the whole program.
const TextDecoder& host_text_decoder();

}  // namespace lcs::platform
