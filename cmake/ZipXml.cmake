# Unzip and XML for the .xlsx reader (src/core/import/xlsx_*): zlib's minizip and pugixml, both from
# Debian. Native and fuzz builds link the -dev packages (tools/setup.sh installs zlib1g-dev,
# libminizip-dev, libpugixml-dev); em++ cannot use them, so the web build compiles the same releases
# from Debian's source packages, which tools/setup.sh unpacks into .deps/zlib and .deps/pugixml.
# Both flavours give one target, lcs_zipxml, whose users include <unzip.h>, <zip.h> and <pugixml.hpp>.
add_library(lcs_zipxml INTERFACE)
if(EMSCRIPTEN)
  set(LCS_ZLIB_DIR "${CMAKE_SOURCE_DIR}/.deps/zlib" CACHE PATH "zlib 1.2.13 sources with contrib/minizip (tools/setup.sh)")
  set(LCS_PUGIXML_DIR "${CMAKE_SOURCE_DIR}/.deps/pugixml" CACHE PATH "pugixml 1.13 sources (tools/setup.sh)")
  if(NOT EXISTS "${LCS_ZLIB_DIR}/contrib/minizip/unzip.c" OR NOT EXISTS "${LCS_PUGIXML_DIR}/src/pugixml.cpp")
    message(FATAL_ERROR "zlib/minizip or pugixml sources missing in .deps: run tools/setup.sh")
  endif()
  enable_language(C)
  set(_z ${LCS_ZLIB_DIR})
  add_library(lcs_zlib STATIC
      ${_z}/adler32.c ${_z}/crc32.c ${_z}/deflate.c ${_z}/inffast.c ${_z}/inflate.c ${_z}/inftrees.c
      ${_z}/trees.c ${_z}/zutil.c
      ${_z}/contrib/minizip/ioapi.c ${_z}/contrib/minizip/unzip.c ${_z}/contrib/minizip/zip.c)
  # No encryption (xlsx parts never use zip's); 32-bit stdio names (wasm has no fopen64); the reader
  # only ever uses its own in-memory I/O functions.
  target_compile_definitions(lcs_zlib PRIVATE NOCRYPT NOUNCRYPT IOAPI_NO_64)
  target_compile_options(lcs_zlib PRIVATE -w)
  target_include_directories(lcs_zlib SYSTEM PUBLIC ${_z} ${_z}/contrib/minizip)
  add_library(lcs_pugixml STATIC ${LCS_PUGIXML_DIR}/src/pugixml.cpp)
  target_include_directories(lcs_pugixml SYSTEM PUBLIC ${LCS_PUGIXML_DIR}/src)
  target_link_libraries(lcs_zipxml INTERFACE lcs_zlib lcs_pugixml)
  message(STATUS "xlsx: zlib+minizip from ${LCS_ZLIB_DIR}, pugixml from ${LCS_PUGIXML_DIR}")
else()
  find_package(ZLIB REQUIRED)
  find_package(pugixml REQUIRED)
  find_path(LCS_MINIZIP_INCLUDE unzip.h PATH_SUFFIXES minizip REQUIRED)
  find_library(LCS_MINIZIP_LIB minizip REQUIRED)
  target_include_directories(lcs_zipxml SYSTEM INTERFACE ${LCS_MINIZIP_INCLUDE})
  target_link_libraries(lcs_zipxml INTERFACE ${LCS_MINIZIP_LIB} ZLIB::ZLIB pugixml::pugixml)
  message(STATUS "xlsx: Debian minizip ${LCS_MINIZIP_LIB}, zlib ${ZLIB_VERSION_STRING}, pugixml ${pugixml_VERSION}")
endif()
