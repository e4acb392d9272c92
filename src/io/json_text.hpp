#pragma once

// Finding places in JSON text, for error messages: the line and column of a byte offset, and
// the offset of the value a JSON pointer names. Used only when reporting errors, so the fast
// path of loading never pays for positions.

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace bestvalue::detail {

/// The line and column (both from 1, column in bytes) of byte `offset` of `text`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

/// The byte offset where the value `pointer` (RFC 6901) names starts in the JSON `text`; when
/// the pointer goes deeper than the text does (a missing member), the offset of the deepest
/// value it reaches. Empty only if `text` is not JSON at its start.
std::optional<std::size_t> locate_pointer(std::string_view text, std::string_view pointer);

} // namespace bestvalue::detail
