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

[[nodiscard]] bool contains_ignoring_case(std::string_view text, std::string_view words);

// Asks the processor to start fetching `text` into its cache, so that a scan testing one
// entity's text after another waits on memory once for several of them rather than once each
// (the texts are separate allocations, which its own prefetching cannot foresee). A hint only.
void prefetch(std::string_view text) noexcept;

// Compares text with runs of digits compared as numbers, so refs order 3.2 before 3.10.
[[nodiscard]] bool natural_less(std::string_view a, std::string_view b);

// The name of `known` nearest `name` by edit distance, or empty if none is near (within about
// half its length); names that share a beginning ('lead_officer', 'lead') count as near.
// Error messages use it for their 'did you mean'.
[[nodiscard]] std::string_view nearest_name(std::string_view name,
                                            const std::vector<std::string_view>& known);

} // namespace bestvalue::detail
