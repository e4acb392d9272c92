#pragma once

// Comparisons of text that the store's indexes and the query engine share, so that both agree
// on what 'ignoring case' and 'in ref order' mean.

#include <string>
#include <string_view>
#include <vector>

namespace bestvalue::detail {

// ASCII lower case: ids, tags and officer abbreviations are ASCII; other bytes are kept.
[[nodiscard]] std::string lower_case(std::string_view text);

[[nodiscard]] bool equal_ignoring_case(std::string_view a, std::string_view b);

// Where `words` first occur in `text` at or after `from`, ignoring ASCII case; npos if nowhere.
[[nodiscard]] std::size_t find_ignoring_case(std::string_view text, std::string_view words,
                                             std::size_t from = 0);

[[nodiscard]] bool contains_ignoring_case(std::string_view text, std::string_view words);

// Compares text with runs of digits compared as numbers, so refs order 3.2 before 3.10.
[[nodiscard]] bool natural_less(std::string_view a, std::string_view b);

// The name of `known` nearest `name` by edit distance, or empty if none is near (within about
// half its length); names that share a beginning ('lead_officer', 'lead') count as near.
// Error messages use it for their 'did you mean'.
[[nodiscard]] std::string_view nearest_name(std::string_view name,
                                            const std::vector<std::string_view>& known);

} // namespace bestvalue::detail
