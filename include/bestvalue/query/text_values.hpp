#pragma once

/// \file
/// `TextValues` and `TextListValues`: a table's text columns, their texts laid end to end in the
/// layout Arrow takes, so that a table is built without a string allocated per value and Python
/// reads its text without a copy.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/detail/position_iterator.hpp>
#include <bestvalue/packed_texts.hpp>
#include <bestvalue/text_list.hpp>

namespace bestvalue {

/// The values of a text column, one per row, each a text or missing. The texts lie end to end
/// (`texts()`, a missing value's text empty) beside a byte per row saying whether it has a value
/// (`present()`): Arrow's string layout, less its bitmap.
class TextValues {
public:
    /// A row's value: a view of its text, valid while the values are unchanged; empty if missing.
    using value_type = std::optional<std::string_view>;
    /// Reads the values in order.
    using const_iterator = detail::PositionIterator<TextValues, value_type>;

    /// No values.
    TextValues() = default;
    /// The values given, in order: `TextValues{"x", std::nullopt}`.
    TextValues(std::initializer_list<std::optional<std::string_view>> values) {
        reserve(values.size());
        for (const auto& value : values) {
            push_back(value);
        }
    }

    /// Makes room for `rows` more values of `bytes` bytes in all.
    void reserve(std::size_t rows, std::size_t bytes = 0) {
        texts_.reserve(rows, bytes);
        present_.reserve(present_.size() + rows);
    }
    /// Adds a row's value, or a missing one (`std::nullopt`).
    void push_back(std::optional<std::string_view> text) {
        texts_.push_back(text.value_or(std::string_view()));
        present_.push_back(text ? 1 : 0);
    }

    /// The value of `row`, which must be less than `size()`.
    [[nodiscard]] value_type operator[](std::size_t row) const noexcept {
        return present_[row] != 0 ? value_type(texts_[row]) : std::nullopt;
    }
    /// The number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return present_.size(); }
    /// True if there are no rows.
    [[nodiscard]] bool empty() const noexcept { return present_.empty(); }
    /// The first value.
    [[nodiscard]] const_iterator begin() const noexcept { return {this, 0}; }
    /// Past the last value.
    [[nodiscard]] const_iterator end() const noexcept { return {this, size()}; }

    /// Each row's text in order, empty where the value is missing.
    [[nodiscard]] const PackedTexts& texts() const noexcept { return texts_; }
    /// 1 for each row with a value, 0 for each missing one.
    [[nodiscard]] std::span<const std::uint8_t> present() const noexcept { return present_; }

    /// The same values in the same order.
    friend bool operator==(const TextValues&, const TextValues&) = default;

private:
    PackedTexts texts_;
    std::vector<std::uint8_t> present_;
};

/// The values of a text list column: a list of texts per row, possibly empty, never missing.
/// Every row's texts lie end to end (`texts()`), and `row_starts()` says where each row's
/// begin: Arrow's list of strings layout.
class TextListValues {
public:
    /// A row's texts.
    using value_type = TextList;
    /// Reads the rows in order.
    using const_iterator = detail::PositionIterator<TextListValues, TextList>;

    /// No rows.
    TextListValues() = default;
    /// The rows given, in order: `TextListValues{{"a", "b"}, {}}`.
    TextListValues(std::initializer_list<std::vector<std::string>> rows) {
        reserve(rows.size());
        for (const auto& row : rows) {
            push_back(row);
        }
    }

    /// Makes room for `rows` more rows.
    void reserve(std::size_t rows) { row_starts_.reserve(row_starts_.size() + rows); }
    /// Adds a row holding `texts`.
    void push_back(std::span<const std::string> texts) {
        for (const auto& text : texts) {
            texts_.push_back(text);
        }
        row_starts_.push_back(texts_.size());
    }
    /// Adds a row holding `texts`.
    void push_back(const TextList& texts) {
        for (const std::string_view text : texts) {
            texts_.push_back(text);
        }
        row_starts_.push_back(texts_.size());
    }

    /// The texts of `row`, which must be less than `size()`.
    [[nodiscard]] TextList operator[](std::size_t row) const noexcept {
        return {texts_, row_starts_[row], row_starts_[row + 1]};
    }
    /// The number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return row_starts_.size() - 1; }
    /// True if there are no rows.
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }
    /// The first row.
    [[nodiscard]] const_iterator begin() const noexcept { return {this, 0}; }
    /// Past the last row.
    [[nodiscard]] const_iterator end() const noexcept { return {this, size()}; }

    /// Every row's texts, row after row.
    [[nodiscard]] const PackedTexts& texts() const noexcept { return texts_; }
    /// Where each row's texts start among `texts()`, then where the last row's end: one more
    /// than `size()`, the first 0.
    [[nodiscard]] std::span<const std::size_t> row_starts() const noexcept { return row_starts_; }

    /// The same lists in the same order.
    friend bool operator==(const TextListValues&, const TextListValues&) = default;

private:
    PackedTexts texts_;
    std::vector<std::size_t> row_starts_{0};
};

} // namespace bestvalue
