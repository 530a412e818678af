#include "core/import/xlsx_zip.h"

#include <unzip.h>

#include <algorithm>
#include <cstring>

namespace lcs {

namespace {

// minizip's I/O callbacks over a read-only buffer: the archive never touches the file system.
struct MemoryFile {
    const char* data = nullptr;
    std::uint64_t size = 0;
    std::uint64_t position = 0;
};

voidpf ZCALLBACK memory_open(voidpf opaque, const void*, int) { return opaque; }

uLong ZCALLBACK memory_read(voidpf, voidpf stream, void* buffer, uLong size) {
    auto* file = static_cast<MemoryFile*>(stream);
    const std::uint64_t left = file->size - std::min(file->position, file->size);
    const uLong n = static_cast<uLong>(std::min<std::uint64_t>(size, left));
    if (n > 0) std::memcpy(buffer, file->data + file->position, n);
    file->position += n;
    return n;
}

uLong ZCALLBACK memory_write(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK memory_tell(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->position; }

long ZCALLBACK memory_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* file = static_cast<MemoryFile*>(stream);
    std::uint64_t base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = file->position;
    else if (origin == ZLIB_FILEFUNC_SEEK_END) base = file->size;
    if (offset > file->size || base + offset > file->size) return -1;
    file->position = base + offset;
    return 0;
}

int ZCALLBACK memory_close(voidpf, voidpf) { return 0; }
int ZCALLBACK memory_error(voidpf, voidpf) { return 0; }

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB"; }

}  // namespace

struct ZipReader::Memory {
    MemoryFile file;
    zlib_filefunc64_def functions{};
};

bool looks_like_zip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\3\4", 4); }

ZipReader::ZipReader(std::string_view bytes) : memory_(std::make_unique<Memory>()) {
    memory_->file = MemoryFile{bytes.data(), bytes.size(), 0};
    zlib_filefunc64_def& f = memory_->functions;
    f.zopen64_file = memory_open;
    f.zread_file = memory_read;
    f.zwrite_file = memory_write;
    f.ztell64_file = memory_tell;
    f.zseek64_file = memory_seek;
    f.zclose_file = memory_close;
    f.zerror_file = memory_error;
    f.opaque = &memory_->file;
    archive_ = unzOpen2_64("workbook", &f);
    if (!archive_)
        fail(xlsx_problem::kBadZip, "",
             "the file is not a complete zip archive (truncated or damaged); an .xlsx workbook is a zip archive");
}

ZipReader::~ZipReader() {
    if (archive_) unzClose(archive_);
}

bool ZipReader::fail(const char* kind, const std::string& where, const std::string& message) {
    problems_.push_back(Problem{kind, where, message, 0, 0});
    return false;
}

bool ZipReader::has(const std::string& name) const {
    return archive_ && unzLocateFile(archive_, name.c_str(), 1) == UNZ_OK;
}

bool ZipReader::read(const std::string& name, std::string& out) {
    out.clear();
    if (!archive_) return false;
    if (unzLocateFile(archive_, name.c_str(), 1) != UNZ_OK)
        return fail(xlsx_problem::kMissingPart, name, "the workbook has no part " + name);
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(archive_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return fail(xlsx_problem::kBadZip, name, "the zip directory entry is damaged");
    const std::uint64_t declared = info.uncompressed_size;
    if (declared > kXlsxMaxInflatedTotal - inflated_total_)
        return fail(xlsx_problem::kTooLarge, name,
                    "declares " + std::to_string(declared) + " bytes uncompressed; a workbook may inflate to at most " +
                        megabytes(kXlsxMaxInflatedTotal) + " in all");
    if (declared > kXlsxRatioFloor && declared / std::max<std::uint64_t>(info.compressed_size, 1) > kXlsxMaxRatio)
        return fail(xlsx_problem::kTooLarge, name,
                    "inflates " + std::to_string(declared / std::max<std::uint64_t>(info.compressed_size, 1)) +
                        " times its compressed size (at most " + std::to_string(kXlsxMaxRatio) + "): not a real workbook");
    if (unzOpenCurrentFile(archive_) != UNZ_OK) return fail(xlsx_problem::kBadZip, name, "the part cannot be opened (damaged or encrypted)");
    out.resize(static_cast<std::size_t>(declared));
    std::uint64_t got = 0;
    int n = 0;
    while (got < declared) {
        const unsigned chunk = static_cast<unsigned>(std::min<std::uint64_t>(declared - got, 1u << 20));
        n = unzReadCurrentFile(archive_, out.data() + got, chunk);
        if (n <= 0) break;
        got += static_cast<std::uint64_t>(n);
    }
    const int closed = unzCloseCurrentFile(archive_);
    inflated_total_ += got;
    if (n < 0 || got != declared || closed != UNZ_OK) {
        out.clear();
        return fail(xlsx_problem::kBadZip, name,
                    closed == UNZ_CRCERROR ? "the part's checksum does not match (the file is damaged)"
                                           : "the part is truncated or damaged (inflated " + std::to_string(got) + " of " +
                                                 std::to_string(declared) + " bytes)");
    }
    return true;
}

}  // namespace lcs
