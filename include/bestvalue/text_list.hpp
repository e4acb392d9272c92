#pragma once

/// \file
/// `TextList`: a list of texts read in place from the `PackedTexts` that keeps them.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/detail/position_iterator.hpp>
#include <bestvalue/packed_texts.hpp>

namespace bestvalue {

/// A list of texts read in place from a `PackedTexts`: either a run of its texts (a row of a
/// table's text list column) or its texts at given positions (an action's leads, each id kept
/// once for a whole store). A random-access range of `std::string_view`s, valid while what it
/// views is unchanged; `to_vector()` copies it.
class TextList {
public:
    /// Reads the texts in order.
    using const_iterator = detail::PositionIterator<TextList, std::string_view>;
    using iterator = const_iterator;
    using value_type = std::string_view;
    using size_type = std::size_t;

    /// No texts.
    TextList() = default;
    /// The texts `first` to `last` (not included) of `texts`.
    TextList(const PackedTexts& texts, std::size_t first, std::size_t last) noexcept
        : texts_(&texts)
        , first_(first)
        , size_(last - first) {}
    /// The texts of `texts` at `positions`, in their order.
    TextList(const PackedTexts& texts, std::span<const std::uint32_t> positions) noexcept
        : texts_(&texts)
        , positions_(positions.data())
        , size_(positions.size()) {}

    /// The text at `position`, which must be less than `size()`.
    [[nodiscard]] std::string_view operator[](std::size_t position) const noexcept {
        return (*texts_)[positions_ != nullptr ? positions_[position] : first_ + position];
    }
    /// The number of texts.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    /// True if there are none.
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
    /// The first text; the list must not be empty.
    [[nodiscard]] std::string_view front() const noexcept { return (*this)[0]; }
    /// The last text; the list must not be empty.
    [[nodiscard]] std::string_view back() const noexcept { return (*this)[size_ - 1]; }
    /// The first text.
    [[nodiscard]] const_iterator begin() const noexcept { return {this, 0}; }
    /// Past the last text.
    [[nodiscard]] const_iterator end() const noexcept { return {this, size_}; }

    /// True if `text` is one of the texts.
    [[nodiscard]] bool contains(std::string_view text) const noexcept {
        return std::find(begin(), end(), text) != end();
    }
    /// The texts as strings of their own.
    [[nodiscard]] std::vector<std::string> to_vector() const { return {begin(), end()}; }

    /// The same texts in the same order.
    friend bool operator==(const TextList& list, const TextList& other) noexcept {
        return list.size() == other.size() && std::equal(list.begin(), list.end(), other.begin());
    }
    /// The same texts as `texts`, in the same order.
    friend bool operator==(const TextList& list, const std::vector<std::string>& texts) noexcept {
        return list.size() == texts.size() && std::equal(list.begin(), list.end(), texts.begin());
    }

private:
    const PackedTexts* texts_ = nullptr;
    // Where the texts are: at these positions, or else from first_ on.
    const std::uint32_t* positions_ = nullptr;
    std::size_t first_ = 0;
    std::size_t size_ = 0;
};

} // namespace bestvalue
