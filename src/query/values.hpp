#pragma once

// Small helpers the typed queries share to turn field values into text and index entries into
// candidate sets.

#include <string>
#include <vector>

#include <bestvalue/store_index.hpp>

namespace bestvalue::detail {

// The values as they are, or one "" when there are none: every entity has a group.
[[nodiscard]] inline std::vector<std::string> or_empty(const std::vector<std::string>& values) {
    return values.empty() ? std::vector<std::string>{""} : values;
}

// The handles in any of the lists, ascending and without repeats.
[[nodiscard]] Handles union_of(const std::vector<const Handles*>& lists);

} // namespace bestvalue::detail
