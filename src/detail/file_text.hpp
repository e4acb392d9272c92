#pragma once

// Reading a whole file as bytes, for the readers that take text (JSON documents, frameworks,
// results tables); each says in its own words what a missing file means.

#include <filesystem>
#include <optional>
#include <string>

namespace bestvalue::detail {

// The file's bytes, or none if it cannot be opened.
[[nodiscard]] std::optional<std::string> read_file_text(const std::filesystem::path& path);

} // namespace bestvalue::detail
