#pragma once

/// \file
/// The one map keyed by text that the store and its index use: found by any view of a key,
/// without making a string of it (a lookup by id asks with a `std::string_view`).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bestvalue::detail {

/// Hashes text however it is held, so that a map keyed by `std::string` finds a
/// `std::string_view`.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

/// A map from text to `Value`, found by any view of the text.
template <typename Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

} // namespace bestvalue::detail
