#pragma once

// Reading a whole file as bytes, for the readers that take text (JSON documents, frameworks,
// results tables); each says in its own words what a missing file means.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace bestvalue::detail {

// A file's bytes, held for as long as this lives. A regular file is mapped into memory rather
// than copied: copying a national document (1.1 GB) made as much fresh memory, which the
// kernel clears page by page: mapping it took a quarter off the load (docs/performance.md,
// Hotspot 24). A file that is not regular (a pipe) or cannot be mapped is read, from the
// descriptor it was opened on, into a string.
//
// While mapped, the file must not shrink: reading a page past its new end kills the process
// (SIGBUS), as with any mapped file. Replacing it (writing a new file and renaming it over, as
// editors and `save_json_file` do) is safe: the mapping keeps the old one.
class FileText {
public:
    // The bytes of the file at `path`, or none if it cannot be opened or is a directory.
    [[nodiscard]] static std::optional<FileText> read(const std::filesystem::path& path);

    FileText(const FileText&) = delete;
    FileText& operator=(const FileText&) = delete;
    FileText(FileText&& other) noexcept;
    FileText& operator=(FileText&& other) noexcept;
    ~FileText();

    [[nodiscard]] std::string_view view() const noexcept {
        return mapping_ != nullptr
                   ? std::string_view(static_cast<const char*>(mapping_), mapped_size_)
                   : std::string_view(read_);
    }
    // True if the bytes are mapped from the file, not copied.
    [[nodiscard]] bool is_mapped() const noexcept { return mapping_ != nullptr; }

private:
    FileText() = default;

    void* mapping_ = nullptr; // read-only: the mapping, when there is one
    std::size_t mapped_size_ = 0;
    std::string read_; // the bytes, when not mapped
};

} // namespace bestvalue::detail
