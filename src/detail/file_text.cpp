#include "file_text.hpp"

#include <fstream>
#include <sstream>

namespace bestvalue::detail {

std::optional<std::string> read_file_text(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return std::move(buffer).str();
}

} // namespace bestvalue::detail
