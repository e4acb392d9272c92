#pragma once

// Reading a JSON document into a store as a change not yet kept, for a database's import: the
// change is taken back if the file refuses its rows.

#include <string_view>

#include <bestvalue/store.hpp>

namespace bestvalue::detail {

/// `read_json`, pending: the same reading, checks and problems (with lines and columns), as
/// a change of `store` that `Store::PendingChange` takes back unless kept.
/// \throws ParseError or ValidationError as `read_json` does, leaving the store as it was.
[[nodiscard]] Store::PendingChange read_json_pending(Store& store, std::string_view text,
                                                     std::string_view source);

} // namespace bestvalue::detail
