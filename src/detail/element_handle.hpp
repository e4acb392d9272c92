#pragma once

// The handle of an entity given by reference: its position in the store's vector when the
// reference is to one of that vector's elements, found by address alone, without looking its
// id up.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace bestvalue::detail {

// The position of `element` in `elements` if it is one of them; none if it lies elsewhere (a
// copy, or an entity of another store). std::less orders pointers into different arrays too.
template <typename Entity>
[[nodiscard]] std::optional<std::uint32_t> element_handle(const std::vector<Entity>& elements,
                                                          const Entity& element) {
    const std::less<const Entity*> before;
    if (elements.empty() || before(&element, elements.data()) ||
        !before(&element, elements.data() + elements.size())) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(&element - elements.data());
}

} // namespace bestvalue::detail
