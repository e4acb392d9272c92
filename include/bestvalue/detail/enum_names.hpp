#pragma once

/// \file
/// The one mechanism that names enumerations: each enumeration that is written in JSON, SQL or
/// Python specialises `EnumNames` beside its declaration, and `to_name`/`from_name` read it.

#include <optional>
#include <string_view>

namespace bestvalue {

/// The names of an enumeration's values: a specialisation has a constexpr array `names` of
/// (value, name) pairs.
template <typename Enum>
struct EnumNames;

/// The name an enumerator is written with: `to_name(Health::amber) == "amber"`.
template <typename Enum>
[[nodiscard]] constexpr std::string_view to_name(Enum value) noexcept {
    for (const auto& [candidate, name] : EnumNames<Enum>::names) {
        if (candidate == value) {
            return name;
        }
    }
    return {};
}

/// The enumerator written `name`, or nothing if there is none.
template <typename Enum>
[[nodiscard]] constexpr std::optional<Enum> from_name(std::string_view name) noexcept {
    for (const auto& [value, candidate] : EnumNames<Enum>::names) {
        if (candidate == name) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace bestvalue
