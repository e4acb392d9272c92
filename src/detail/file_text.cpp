#include "file_text.hpp"

#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define BESTVALUE_MAPS_FILES 1
#endif

namespace bestvalue::detail {

namespace {

#if BESTVALUE_MAPS_FILES
// The regular file at `path` mapped read-only, with its size; null where it is not a
// regular file of at least one byte, or cannot be opened or mapped.
std::pair<void*, std::size_t> map_file(const std::filesystem::path& path) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) {
        return {nullptr, 0};
    }
    struct stat status {};
    void* mapping = MAP_FAILED;
    std::size_t size = 0;
    if (::fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
        size = static_cast<std::size_t>(status.st_size);
        mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
    }
    ::close(descriptor); // the mapping keeps the file
    if (mapping == MAP_FAILED) {
        return {nullptr, 0};
    }
    return {mapping, size};
}
#endif

// The file's bytes read into a string, or none if it cannot be opened.
std::optional<std::string> copy_file(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        return std::nullopt; // which a stream opens, and then reads nothing from
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return std::nullopt;
    }
    // Sized once from the file's length and read in one go: a buffer grown by doubling copied a
    // large document several times over.
    std::string text;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > 0) {
        text.resize(size);
        file.read(text.data(), static_cast<std::streamsize>(size));
        text.resize(static_cast<std::size_t>(file.gcount())); // less if it shrank meanwhile
    }
    // What is left: all of it where the length is unknown (a pipe), or what a growing file
    // gained.
    if (file) {
        std::ostringstream rest;
        rest << file.rdbuf();
        text += std::move(rest).str();
    }
    return text;
}

} // namespace

std::optional<FileText> FileText::read(const std::filesystem::path& path) {
    FileText text;
#if BESTVALUE_MAPS_FILES
    std::tie(text.mapping_, text.mapped_size_) = map_file(path);
    if (text.mapping_ != nullptr) {
        return text;
    }
#endif
    auto copied = copy_file(path);
    if (!copied) {
        return std::nullopt;
    }
    text.read_ = std::move(*copied);
    return text;
}

FileText::FileText(FileText&& other) noexcept
    : mapping_(std::exchange(other.mapping_, nullptr))
    , mapped_size_(std::exchange(other.mapped_size_, 0))
    , read_(std::move(other.read_)) {}

FileText& FileText::operator=(FileText&& other) noexcept {
    if (this != &other) {
        FileText old(std::move(*this));
        mapping_ = std::exchange(other.mapping_, nullptr);
        mapped_size_ = std::exchange(other.mapped_size_, 0);
        read_ = std::move(other.read_);
    }
    return *this;
}

FileText::~FileText() {
#if BESTVALUE_MAPS_FILES
    if (mapping_ != nullptr) {
        ::munmap(mapping_, mapped_size_);
    }
#endif
}

} // namespace bestvalue::detail
