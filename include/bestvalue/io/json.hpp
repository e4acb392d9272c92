#pragma once

/// \file
/// The JSON document format (docs/format.md): reading into a store, all or nothing, and
/// writing a store in canonical form, so that save → load → save gives the same bytes.

#include <filesystem>
#include <string>
#include <string_view>

#include <bestvalue/store.hpp>

namespace bestvalue {

/// Reads a JSON document into `store`: all of it, or — on any error — nothing.
///
/// `source` names the text in error messages (a file path). Date text without its readings is
/// read with the calendar parser against each entity's reference date.
/// \throws ParseError for text that is not JSON (with line and column), or not a bestvalue
/// document of a known version; ValidationError listing every problem of a well-formed document
/// (wrong types, unknown members, unresolved references …), each with its JSON pointer, line
/// and column.
void read_json(Store& store, std::string_view text, std::string_view source = {});

/// Reads a JSON document file into `store`, all or nothing (see `read_json`).
/// \throws Error if the file cannot be read.
void read_json_file(Store& store, const std::filesystem::path& path);

/// A new store holding the document in `path`.
[[nodiscard]] Store load_json_file(const std::filesystem::path& path);

/// The store's contents as a canonical JSON document (built-in scales and vocabularies left
/// out): members in the order of docs/format.md, two-space indentation, UTF-8, absent and
/// default members left out, a final newline.
[[nodiscard]] std::string write_json(const Store& store);

/// Writes `write_json(store)` to `path`, replacing the file only once it is complete.
/// \throws Error if the file cannot be written.
void save_json_file(const Store& store, const std::filesystem::path& path);

} // namespace bestvalue
