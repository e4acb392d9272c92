#include "file_text.hpp"

#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define BESTVALUE_MAPS_FILES 1
#else
#include <fstream>
#include <sstream>
#include <system_error>
#endif

namespace bestvalue::detail {

namespace {

#if BESTVALUE_MAPS_FILES
// Closes a file descriptor when it goes.
class Descriptor {
public:
    explicit Descriptor(int descriptor) noexcept
        : descriptor_(descriptor) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (descriptor_ >= 0) {
            ::close(descriptor_);
        }
    }
    [[nodiscard]] int get() const noexcept { return descriptor_; }

private:
    int descriptor_;
};

// Everything left to read from `descriptor` (a pipe's bytes as they come, until its writer
// closes it), or none if reading fails. `expected` sizes the buffer once where the length is
// known.
std::optional<std::string> read_rest(int descriptor, std::size_t expected) {
    std::string text;
    text.resize(expected > 0 ? expected + 1 : std::size_t{65536}); // + 1: sees the end at once
    std::size_t filled = 0;
    for (;;) {
        if (filled == text.size()) {
            text.resize(2 * text.size());
        }
        const ssize_t got = ::read(descriptor, text.data() + filled, text.size() - filled);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return std::nullopt;
        }
        if (got == 0) {
            break;
        }
        filled += static_cast<std::size_t>(got);
    }
    text.resize(filled);
    return text;
}
#else
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
    std::string text;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > 0) {
        text.resize(size);
        file.read(text.data(), static_cast<std::streamsize>(size));
        text.resize(static_cast<std::size_t>(file.gcount()));
    }
    if (file) {
        std::ostringstream rest;
        rest << file.rdbuf();
        text += std::move(rest).str();
    }
    return text;
}
#endif

} // namespace

std::optional<FileText> FileText::read(const std::filesystem::path& path) {
    FileText text;
#if BESTVALUE_MAPS_FILES
    // Opened once, and what is not mapped is read from the same descriptor: a pipe opened and
    // closed again to be reopened would lose its writer's first bytes, or kill it (SIGPIPE).
    const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) {
        return std::nullopt;
    }
    struct stat status {};
    if (::fstat(file.get(), &status) != 0 || S_ISDIR(status.st_mode)) {
        return std::nullopt;
    }
    const bool regular = S_ISREG(status.st_mode);
    if (regular && status.st_size > 0) {
        const auto size = static_cast<std::size_t>(status.st_size);
        void* const mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.get(), 0);
        if (mapping != MAP_FAILED) {
            text.mapping_ = mapping; // the mapping keeps the file once the descriptor closes
            text.mapped_size_ = size;
            return text;
        }
    }
    auto bytes = read_rest(file.get(), regular ? static_cast<std::size_t>(status.st_size) : 0);
#else
    auto bytes = copy_file(path);
#endif
    if (!bytes) {
        return std::nullopt;
    }
    text.read_ = std::move(*bytes);
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
