#pragma once

/// \file
/// The one mechanism that names enumerations: each enumeration that is written in JSON, SQL or
/// Python specialises `EnumNames` beside its declaration, and `to_name`/`from_name` read it.

#include <optional>
#include <string_view>
#include <vector>

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

/// Every name of an enumeration, in declaration order: what error messages offer as choices.
template <typename Enum>
[[nodiscard]] std::vector<std::string_view> enum_names() {
    std::vector<std::string_view> names;
    for (const auto& [value, name] : EnumNames<Enum>::names) {
        names.push_back(name);
    }
    return names;
}

} // namespace bestvalue
