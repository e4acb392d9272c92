#pragma once

/// \file
/// `Table`: query results as typed columns, the shape pandas and Arrow take, built in C++ column
/// by column; and the tables of actions, recommendations, assessments, ratings and plans.

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/model/action_table.hpp>
#include <bestvalue/model/assessment.hpp>
#include <bestvalue/model/plan.hpp>
#include <bestvalue/model/rating.hpp>
#include <bestvalue/model/recommendation.hpp>
#include <bestvalue/query/text_values.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// The types a column can have. Each maps to one numpy dtype and one Arrow type.
enum class ColumnType {
    text,      ///< strings; a missing value is empty (None, Arrow null)
    date,      ///< days; a missing value is empty (NaT, Arrow null); Arrow date32
    number,    ///< doubles; a missing value is NaN (Arrow null)
    integer,   ///< 64-bit integers, never missing
    boolean,   ///< never missing
    text_list, ///< several strings per row, such as an action's leads (Arrow list<string>)
};

template <>
struct EnumNames<ColumnType> {
    static constexpr std::string_view type_name = "ColumnType";
    static constexpr std::array<std::pair<ColumnType, std::string_view>, 6> names = {{
        {ColumnType::text, "text"},
        {ColumnType::date, "date"},
        {ColumnType::number, "number"},
        {ColumnType::integer, "integer"},
        {ColumnType::boolean, "boolean"},
        {ColumnType::text_list, "text_list"},
    }};
};

/// The values of a date column; an empty optional is a missing value.
using DateValues = std::vector<std::optional<Date>>;
/// The values of a number column; NaN is a missing value, as in numpy and pandas.
using NumberValues = std::vector<double>;
/// The values of an integer column.
using IntegerValues = std::vector<std::int64_t>;
/// The values of a boolean column: a byte per row, 1 for true and 0 for false, as numpy lays
/// out booleans (`std::vector<bool>` packs bits, which must be unpacked one by one).
using BooleanValues = std::vector<std::uint8_t>;
// Text columns (TextValues) and text list columns (TextListValues) are in text_values.hpp. Text
// lists are kept as lists rather than joined text so ids stay separable (pandas `explode`,
// Arrow list<string>).

/// The values of one column, of one of the six types; the alternatives are in the order of
/// `ColumnType`.
using ColumnValues = std::variant<TextValues, DateValues, NumberValues, IntegerValues,
                                  BooleanValues, TextListValues>;

/// One named, typed column.
struct Column {
    std::string name;
    ColumnValues values;
    /// For a text column whose values name an enumerator: every name the enumeration has, in
    /// its order (what pandas makes a Categorical of). Empty for other columns.
    std::vector<std::string> categories;
    /// For a column whose values name an enumerator, as `make_column` builds it: each row's
    /// position in `categories`, -1 where missing (what pandas' `Categorical.from_codes` takes),
    /// so they need not be found again from the text. Empty for other columns, and for one
    /// built by hand.
    std::vector<std::int16_t> codes = {};

    /// The type of `values`.
    [[nodiscard]] ColumnType type() const noexcept {
        return static_cast<ColumnType>(values.index());
    }
    /// The number of values.
    [[nodiscard]] std::size_t size() const noexcept;

    friend bool operator==(const Column&, const Column&) = default;
};

/// Rows of equal length in named, typed columns, in order: a query's results in the shape
/// pandas and Arrow take. A regular value: copyable and comparable.
class Table {
public:
    /// Appends a column.
    /// \throws Error if the table already has a column of that name, or if the column's length
    /// differs from the table's other columns.
    void add(Column column);

    /// Every column, in order.
    [[nodiscard]] const std::vector<Column>& columns() const noexcept { return columns_; }
    /// The names of the columns, in order.
    [[nodiscard]] std::vector<std::string> column_names() const;
    /// The number of rows (0 for a table with no columns).
    [[nodiscard]] std::size_t row_count() const noexcept { return rows_; }
    /// The number of columns.
    [[nodiscard]] std::size_t column_count() const noexcept { return columns_.size(); }

    /// The column named `name`, if there is one.
    [[nodiscard]] const Column* find_column(std::string_view name) const noexcept;
    /// The column named `name`.
    /// \throws NotFound if there is none.
    [[nodiscard]] const Column& column(std::string_view name) const;

    /// The values of the column named `name` as the type they have: `values<TextValues>("id")`.
    /// \throws NotFound if there is no such column, Error if it holds another type.
    template <typename Values>
    [[nodiscard]] const Values& values(std::string_view name) const {
        const auto* found = std::get_if<Values>(&column(name).values);
        if (found == nullptr) {
            throw Error("column '" + std::string(name) + "' is of type " +
                        std::string(to_name(column(name).type())));
        }
        return *found;
    }

    friend bool operator==(const Table&, const Table&) = default;

private:
    std::vector<Column> columns_;
    std::size_t rows_ = 0;
};

namespace detail {

template <typename T>
struct is_optional : std::false_type {};
template <typename T>
struct is_optional<std::optional<T>> : std::true_type {
    using value_type = T;
};

template <typename T>
concept named_enum = std::is_enum_v<T> && requires {
    EnumNames<T>::names;
};

// The column type a getter's result goes into, and how a result is added to it.
template <typename T>
struct ColumnOf;

template <typename T>
requires std::convertible_to<const T&, std::string_view>
struct ColumnOf<T> {
    using Values = TextValues;
    static void append(TextValues& values, const T& text) {
        const std::string_view view(text);
        values.push_back(view.empty() ? std::nullopt : std::optional<std::string_view>(view));
    }
};

template <named_enum T>
struct ColumnOf<T> {
    using Values = TextValues;
    static void append(TextValues& values, T value) { values.push_back(to_name(value)); }
};

template <>
struct ColumnOf<Date> {
    using Values = DateValues;
    static void append(DateValues& values, Date day) {
        values.push_back(day.is_special() ? std::nullopt : std::optional<Date>(day));
    }
};

template <>
struct ColumnOf<double> {
    using Values = NumberValues;
    static void append(NumberValues& values, double number) { values.push_back(number); }
};

template <>
struct ColumnOf<bool> {
    using Values = BooleanValues;
    static void append(BooleanValues& values, bool flag) { values.push_back(flag ? 1 : 0); }
};

template <std::integral T>
requires(!std::same_as<T, bool>) struct ColumnOf<T> {
    using Values = IntegerValues;
    static void append(IntegerValues& values, T number) {
        values.push_back(static_cast<std::int64_t>(number));
    }
};

template <>
struct ColumnOf<std::vector<std::string>> {
    using Values = TextListValues;
    static void append(TextListValues& values, const std::vector<std::string>& list) {
        values.push_back(list);
    }
};

template <>
struct ColumnOf<TextList> {
    using Values = TextListValues;
    static void append(TextListValues& values, const TextList& list) { values.push_back(list); }
};

// An optional value is missing when empty: empty text or date, NaN for a number.
template <typename T>
requires is_optional<T>::value struct ColumnOf<T> {
    using Inner = typename is_optional<T>::value_type;
    using Values = typename ColumnOf<Inner>::Values;
    static void append(Values& values, const T& value) {
        if (value) {
            ColumnOf<Inner>::append(values, *value);
        } else if constexpr (std::same_as<Values, NumberValues>) {
            values.push_back(std::numeric_limits<double>::quiet_NaN());
        } else {
            values.push_back(std::nullopt);
        }
    }
};

// Whether a getter's result names an enumerator, and if so the code of a value: its position
// among the enumeration's names, -1 if missing.
template <typename T>
struct EnumeratorCode : std::false_type {};
template <named_enum T>
struct EnumeratorCode<T> : std::true_type {
    static std::int16_t code(T value) noexcept {
        const auto& names = EnumNames<T>::names;
        for (std::size_t position = 0; position < names.size(); ++position) {
            if (names[position].first == value) {
                return static_cast<std::int16_t>(position);
            }
        }
        return -1;
    }
};
template <named_enum T>
struct EnumeratorCode<std::optional<T>> : std::true_type {
    static std::int16_t code(const std::optional<T>& value) noexcept {
        return value ? EnumeratorCode<T>::code(*value) : std::int16_t{-1};
    }
};

template <typename T>
std::vector<std::string> categories_of() {
    if constexpr (is_optional<T>::value) {
        return categories_of<typename is_optional<T>::value_type>();
    } else if constexpr (named_enum<T>) {
        std::vector<std::string> names;
        for (const auto& [value, name] : EnumNames<T>::names) {
            names.emplace_back(name);
        }
        return names;
    } else {
        return {};
    }
}

// The row a query's result stands for: the entity pointed to, or an action's view itself.
template <typename Row>
const Row& row_of(const Row* row) noexcept {
    return *row;
}
inline const ActionView& row_of(const ActionView& row) noexcept {
    return row;
}

} // namespace detail

/// A column named `name` holding `get(row)` for each of `rows` — pointers to entities, or
/// `ActionView`s, as queries give them: the one way every table here is built. Its type follows
/// from what `get` returns: text (strings and views; enumerators, written by name, with their
/// categories), dates, numbers (double), integers, booleans, or text lists
/// (`std::vector<std::string>`, `TextList`); `std::optional` of any but a list gives a missing
/// value when empty. An empty string, and a date that is not a day (an open end), are missing
/// values too. `get` may be a pointer to a member (`&Recommendation::text`) or to a member
/// function (`&ActionView::title`): it is read in place, not copied.
template <typename Rows, typename Get>
[[nodiscard]] Column make_column(std::string name, const Rows& rows, Get get) {
    using Row = decltype(detail::row_of(*std::begin(rows)));
    using Result = std::remove_cvref_t<std::invoke_result_t<Get&, Row>>;
    using Convert = detail::ColumnOf<Result>;
    using Enumerator = detail::EnumeratorCode<Result>;
    typename Convert::Values values;
    values.reserve(rows.size());
    std::vector<std::int16_t> codes;
    if constexpr (Enumerator::value) {
        codes.reserve(rows.size());
    }
    for (const auto& row : rows) {
        decltype(auto) result = std::invoke(get, detail::row_of(row));
        if constexpr (Enumerator::value) {
            codes.push_back(Enumerator::code(result));
        }
        Convert::append(values, result);
    }
    return Column{std::move(name), ColumnValues(std::move(values)), detail::categories_of<Result>(),
                  std::move(codes)};
}

/// The actions as a table, with status as of `day`. Columns: id, plan, organisation (the
/// plan's), section, ref, title, text, leads (officer ids), due (the text as written), due_end (the
/// last day of the latest due), lifecycle and health on `day` (health missing where none was
/// reported), overdue on `day`, percent (the latest percent complete known on `day`, NaN if
/// none), source_tags, addresses (recommendation ids), visibility.
[[nodiscard]] Table action_table(const Store& store, const std::vector<ActionView>& actions,
                                 Date day);

/// The recommendations as a table. Columns: id, number, text, source (assessment id),
/// source_tag, priority, visibility.
[[nodiscard]] Table recommendation_table(const Store& store,
                                         const std::vector<const Recommendation*>& recommendations);

/// The assessments as a table. Columns: id, title, kind, assessors (organisation ids), subject,
/// service_areas, programme, track, scheduled (text as written), scheduled_start (first day of
/// the earliest period read from it), scheduled_end (last day of the latest), actual (text as
/// written), status, responsible (officer ids), visibility.
[[nodiscard]] Table assessment_table(const Store& store,
                                     const std::vector<const Assessment*>& assessments);

/// The ratings as a table. Columns: id, scale, level (its code), subject, service_area,
/// component, date, assessment, text, visibility.
[[nodiscard]] Table rating_table(const Store& store, const std::vector<const Rating*>& ratings);

/// The plans as a table. Columns: id, title, organisation, kind, status, adopted, versions
/// (how many), visibility.
[[nodiscard]] Table plan_table(const Store& store, const std::vector<const Plan*>& plans);

} // namespace bestvalue
