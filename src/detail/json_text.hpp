#pragma once

// Finding places in JSON text, for error messages: the line and column of a byte offset, the
// offset of the value a JSON pointer names, pointer tokens and the names of value kinds; shared
// by the store's JSON reader and the framework reader. Used only when reporting errors, so the fast
// path of loading never pays for positions.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/value.hpp>

namespace bestvalue::detail {

/// The line and column (both from 1, column in bytes) of byte `offset` of `text`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

/// The byte offset where the value `pointer` (RFC 6901) names starts in the JSON `text`; when
/// the pointer goes deeper than the text does (a missing member), the offset of the deepest
/// value it reaches. Empty only if `text` is not JSON at its start.
std::optional<std::size_t> locate_pointer(std::string_view text, std::string_view pointer);

/// A member name as a JSON pointer token: '~' and '/' escaped (RFC 6901).
std::string escape_pointer_token(std::string_view token);

/// What kind of JSON value `value` is, for messages: 'a string', 'an array', 'null' ….
std::string describe_kind(const boost::json::value& value);

} // namespace bestvalue::detail
