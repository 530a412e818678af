// Reading the parts of an .xlsx workbook (a zip archive) from memory, through zlib's minizip, with the
// limits that keep a hostile file (a zip bomb, a damaged archive) from taking the machine: every part's
// declared and actual inflated size, and their total, are capped; a damaged or truncated archive is a
// problem naming the part, never a crash or a silent partial read.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/problem.h"

namespace lcs {

namespace xlsx_problem {
inline constexpr const char* kBadZip = "xlsx.bad_zip";          // not a zip archive, or damaged/truncated
inline constexpr const char* kTooLarge = "xlsx.too_large";      // a part inflates past the limits
inline constexpr const char* kMissingPart = "xlsx.missing_part";  // a part the workbook needs is absent
inline constexpr const char* kBadXml = "xlsx.bad_xml";          // a part is not well-formed XML
inline constexpr const char* kNoSheet = "xlsx.no_sheet";        // no such sheet / no sheets at all
inline constexpr const char* kTooManyCells = "xlsx.too_many_cells";  // a sheet past the cell limits
}  // namespace xlsx_problem

// Inflated bytes one workbook may produce in all (every part read counts).
inline constexpr std::uint64_t kXlsxMaxInflatedTotal = 512ull * 1024 * 1024;
// A part larger than kXlsxRatioFloor may inflate at most this many times its compressed size (real
// sheet XML compresses 5-30x; a bomb 1000x and more).
inline constexpr std::uint64_t kXlsxMaxRatio = 400;
inline constexpr std::uint64_t kXlsxRatioFloor = 16ull * 1024 * 1024;

// True when bytes start like a zip archive ("PK\3\4"), i.e. should be read as a workbook, not text.
bool looks_like_zip(std::string_view bytes);

// A zip archive held in memory (the bytes must outlive it). Reads whole parts by name.
class ZipReader {
public:
    explicit ZipReader(std::string_view bytes);  // on failure, problems() says why
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    bool ok() const { return archive_ != nullptr; }
    const Problems& problems() const { return problems_; }
    bool has(const std::string& name) const;
    // The inflated part `name` into out; false with a problem (missing, damaged, past the limits)
    // added to problems(). The total inflated so far counts against kXlsxMaxInflatedTotal.
    bool read(const std::string& name, std::string& out);

private:
    struct Memory;
    std::unique_ptr<Memory> memory_;
    void* archive_ = nullptr;  // minizip unzFile
    std::uint64_t inflated_total_ = 0;
    Problems problems_;
    bool fail(const char* kind, const std::string& where, const std::string& message);
};

}  // namespace lcs
