#include "column_layout.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>
#include <variant>

#include <bestvalue/error.hpp>

#include <pybind11/pybind11.h>

namespace bestvalue::python {

namespace {

// numpy's datetime64 counts from the Unix epoch and marks NaT with the smallest int64.
constexpr std::int64_t not_a_time = std::numeric_limits<std::int64_t>::min();

// The codes of rows `first` to `last` of a column naming enumerators at `out`: those the column
// holds, else found from the text.
template <typename Code>
void write_codes(const Column& column, const TextValues& values, std::size_t first,
                 std::size_t last, Code* out) {
    if (column.codes.size() == values.size()) {
        std::transform(column.codes.begin() + static_cast<std::ptrdiff_t>(first),
                       column.codes.begin() + static_cast<std::ptrdiff_t>(last), out,
                       [](std::int16_t code) { return static_cast<Code>(code); });
        return;
    }
    const auto& categories = column.categories;
    for (std::size_t row = first; row < last; ++row) {
        const auto& value = values[row];
        Code& code = out[row - first];
        if (!value) {
            code = -1;
            continue;
        }
        const auto found = std::find(categories.begin(), categories.end(), *value);
        if (found == categories.end()) {
            throw Error("column '" + column.name + "' holds '" + std::string(*value) +
                        "', not one of its categories");
        }
        code = static_cast<Code>(found - categories.begin());
    }
}

// Rows `first` to `last` of `values` converted to T at `out`.
template <typename T, typename Values>
void write_numbers(const Values& values, std::size_t first, std::size_t last, std::byte* out) {
    std::transform(values.begin() + static_cast<std::ptrdiff_t>(first),
                   values.begin() + static_cast<std::ptrdiff_t>(last), reinterpret_cast<T*>(out),
                   [](auto value) { return static_cast<T>(value); });
}

} // namespace

DateUnit date_unit_named(std::string_view name) {
    if (name == "D") {
        return DateUnit::days;
    }
    if (name == "s") {
        return DateUnit::seconds;
    }
    throw pybind11::value_error("date_unit must be 'D' or 's', not '" + std::string(name) + "'");
}

std::optional<FixedLayout> fixed_layout(const Column& column, DateUnit unit) {
    switch (column.type()) {
    case ColumnType::date:
        return FixedLayout{unit == DateUnit::seconds ? "datetime64[s]" : "datetime64[D]",
                           sizeof(std::int64_t)};
    case ColumnType::number:
        return FixedLayout{"float64", sizeof(double)};
    case ColumnType::integer:
        return FixedLayout{"int64", sizeof(std::int64_t)};
    case ColumnType::boolean:
        return FixedLayout{"bool", 1};
    case ColumnType::text:
        if (column.categories.empty()) {
            return std::nullopt;
        }
        if (column.categories.size() > static_cast<std::size_t>(INT16_MAX)) {
            throw Error("column '" + column.name + "' has " +
                        std::to_string(column.categories.size()) +
                        " categories, more than codes of int16 can number");
        }
        // Codes of any other type pandas would convert, copying them again.
        if (column.categories.size() < 128) {
            return FixedLayout{"int8", 1};
        }
        return FixedLayout{"int16", 2};
    case ColumnType::text_list:
        return std::nullopt;
    }
    return std::nullopt;
}

void write_fixed(const Column& column, DateUnit unit, std::byte* out) {
    write_fixed(column, unit, 0, column.size(), out);
}

void write_fixed(const Column& column, DateUnit unit, std::size_t first, std::size_t last,
                 std::byte* out) {
    std::visit(
        [&](const auto& values) {
            using Values = std::decay_t<decltype(values)>;
            if constexpr (std::is_same_v<Values, TextValues>) {
                if (column.categories.empty()) {
                    throw Error("column '" + column.name + "' does not name enumerators");
                }
                if (column.categories.size() < 128) {
                    write_codes(column, values, first, last, reinterpret_cast<std::int8_t*>(out));
                } else {
                    write_codes(column, values, first, last, reinterpret_cast<std::int16_t*>(out));
                }
            } else if constexpr (std::is_same_v<Values, DateValues>) {
                // A day's number less the epoch's: what subtracting the dates gives, without
                // the checks for special values that a day never is.
                const auto epoch = static_cast<std::int64_t>(Date(1970, 1, 1).day_number());
                const std::int64_t per_day = unit == DateUnit::seconds ? 86'400 : 1;
                auto* counts = reinterpret_cast<std::int64_t*>(out);
                for (std::size_t row = first; row < last; ++row) {
                    const auto& day = values[row];
                    counts[row - first] =
                        day ? (static_cast<std::int64_t>(day->day_number()) - epoch) * per_day
                            : not_a_time;
                }
            } else if constexpr (std::is_same_v<Values, NumberValues>) {
                write_numbers<double>(values, first, last, out);
            } else if constexpr (std::is_same_v<Values, IntegerValues>) {
                write_numbers<std::int64_t>(values, first, last, out);
            } else if constexpr (std::is_same_v<Values, BooleanValues>) {
                // A byte of 0 or 1 per row, as numpy's bool is.
                std::memcpy(out, values.data() + first, last - first);
            } else {
                throw Error("column '" + column.name + "' is a text list, not of fixed size");
            }
        },
        column.values);
}

} // namespace bestvalue::python
