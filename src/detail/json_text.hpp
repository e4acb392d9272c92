#pragma once

// Finding places in JSON text: the members of a document's top-level object, so that the store's
// JSON reader can read its collections item by item; and, for error messages, the line and column
// of a byte offset, the offset of the value a JSON pointer names, pointer tokens and the names of
// value kinds (shared with the framework reader). Positions are worked out only when reporting
// errors, so the fast path of loading never pays for them.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/error.hpp>

#include <boost/json/value.hpp>

namespace bestvalue::detail {

/// The line and column (both from 1, column in bytes) of byte `offset` of `text`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

/// The byte offset where the value `pointer` (RFC 6901) names starts in the JSON `text`; when
/// the pointer goes deeper than the text does (a missing member), the offset of the deepest
/// value it reaches. Empty only if `text` is not JSON at its start.
std::optional<std::size_t> locate_pointer(std::string_view text, std::string_view pointer);

/// A member of a JSON object as laid out in the object's text: its name as written (quoted,
/// escapes not decoded), where its value starts and ends (one past its last byte), and, when
/// the value is an array, how many items it has.
struct MemberSpan {
    std::string_view name;
    std::size_t value_begin = 0;
    std::size_t value_end = 0;
    std::size_t items = 0;
    /// For an array: where items `item_mark_spacing`, 2 × that, … begin (the offset just after
    /// the comma before each), so that a reader can start at one of them.
    std::vector<std::size_t> item_marks;
};

/// How many items lie between two of an array's `MemberSpan::item_marks`.
inline constexpr std::size_t item_mark_spacing = 4096;

/// How many bytes of text the scanner of `object_members` reads at once.
inline constexpr std::size_t block_size = 64;

/// Where the bytes of one block of `block_size` bytes that matter to the scanner are: one bit
/// a byte, the block's first byte the lowest bit.
struct BlockBits {
    std::uint64_t quotes = 0;
    std::uint64_t backslashes = 0;
    std::uint64_t opens = 0;  ///< '{' and '['
    std::uint64_t closes = 0; ///< '}' and ']'
    std::uint64_t commas = 0;

    friend bool operator==(const BlockBits&, const BlockBits&) = default;
};

/// The bits of the block at `block`: with SSE2 where the processor has it, else as
/// `block_bits_each_byte`, which they must equal.
BlockBits block_bits(const char* block);
/// The bits of the block at `block`, found a byte at a time.
BlockBits block_bits_each_byte(const char* block);

/// The members of the object that `text` holds (whitespace aside, nothing else), in the order
/// written, found without parsing their values: brackets and strings are matched, the rest is
/// not checked, so whoever reads a value must parse it. Empty when the text is not laid out as
/// an object; a reader then parses the text whole to say what is wrong.
std::optional<std::vector<MemberSpan>> object_members(std::string_view text);

/// As `object_members(text)`, calling `scanned(member)` for each member as soon as its value
/// is scanned, in the order written, before the members after it are: a reader may start on the
/// first while the rest are scanned. A text that turns out not to be laid out as an object may
/// have had members found before that.
std::optional<std::vector<MemberSpan>>
object_members(std::string_view text, const std::function<void(const MemberSpan&)>& scanned);

/// Gives each problem whose location is a JSON pointer into `text` the line and column of the
/// value it leads to (as `locate_pointer` and `line_and_column` would), in about one walk of
/// the text however many problems there are: a national document with a misspelt officer in
/// every action has a hundred thousand problems, and locating each from the start of a
/// gigabyte of text would take hours. Problems it cannot place keep line and column 0.
void locate_problems(std::string_view text, std::vector<Problem>& problems);

/// A member name as a JSON pointer token: '~' and '/' escaped (RFC 6901).
std::string escape_pointer_token(std::string_view token);

/// What kind of JSON value `value` is, for messages: 'a string', 'an array', 'null' ….
std::string describe_kind(const boost::json::value& value);
/// The same, for a value of kind `kind` (how a value of another parser is described).
std::string describe_kind(boost::json::kind kind);

} // namespace bestvalue::detail
