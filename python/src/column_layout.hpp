#pragma once

// A table column's values as numpy lays out fixed-size items: what `Table.column` and
// `Table.codes` hand out in new arrays and what a frame image lays out once (frame_image.hpp).

#include <cstddef>
#include <optional>
#include <string_view>

#include <bestvalue/query/table.hpp>

namespace bestvalue::python {

/// The units numpy can count dates in here: days, or seconds (what pandas holds dates in).
enum class DateUnit { days, seconds };

/// The unit numpy names `name` ('D' or 's').
/// \throws pybind11::value_error for another name.
[[nodiscard]] DateUnit date_unit_named(std::string_view name);

/// How a column's values are laid out as fixed-size items.
struct FixedLayout {
    std::string_view dtype; ///< as numpy names it: 'datetime64[s]', 'float64', 'int8' …
    std::size_t item_size;  ///< bytes per value
};

/// The layout of `column`'s values as fixed-size items: dates datetime64 in `unit` (NaT
/// missing), numbers float64 (NaN missing), integers int64, booleans bool; text naming
/// enumerators as codes, each value's position among the categories, -1 where missing, of the
/// type pandas keeps them in (int8 for fewer than 128 categories, else int16). None for other
/// text and for text lists, whose values are not of a fixed size.
/// \throws Error if a column naming enumerators has more categories than int16 can number.
[[nodiscard]] std::optional<FixedLayout> fixed_layout(const Column& column, DateUnit unit);

/// Writes `column`'s values at `out` in `fixed_layout(column, unit)`, which it must have, in
/// room for all of them.
/// \throws Error if a column naming enumerators holds a name that is not among its categories
/// (only one built by hand can).
void write_fixed(const Column& column, DateUnit unit, std::byte* out);
/// Writes rows `first` to `last` (not included) of `column` at `out`, as the whole `write_fixed`
/// would from its `first`-th item on; `first` ≤ `last` ≤ the column's size.
void write_fixed(const Column& column, DateUnit unit, std::size_t first, std::size_t last,
                 std::byte* out);

} // namespace bestvalue::python
