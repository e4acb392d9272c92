#include "file_text.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace bestvalue::detail {

std::optional<std::string> read_file_text(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return std::nullopt;
    }
    // Sized once from the file's length and read in one go: a buffer grown by doubling copied a
    // national document (1.1 GB) several times over, and made fresh memory of twice its size.
    std::string text;
    std::error_code error;
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

} // namespace bestvalue::detail
