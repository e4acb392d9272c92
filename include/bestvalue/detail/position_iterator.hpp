#pragma once

/// \file
/// `detail::PositionIterator`: the iterator of the collections read by position, whose
/// elements are views made when read.

#include <compare>
#include <cstddef>
#include <iterator>

namespace bestvalue::detail {

/// Iterates over anything read by position (`owner[position]`), giving what that returns: a
/// random-access iterator whose elements are values made on reading, not references.
template <typename Owner, typename Value>
class PositionIterator {
public:
    using value_type = Value;
    using difference_type = std::ptrdiff_t;
    using iterator_concept = std::random_access_iterator_tag;
    // Values are made on reading, not referred to: to the standard library's older algorithms
    // an input iterator, which may only read once.
    using iterator_category = std::input_iterator_tag;
    using reference = Value;
    using pointer = void;

    PositionIterator() = default;
    PositionIterator(const Owner* owner, std::size_t position) noexcept
        : owner_(owner)
        , position_(position) {}

    [[nodiscard]] Value operator*() const { return (*owner_)[position_]; }
    [[nodiscard]] Value operator[](difference_type offset) const {
        return (*owner_)[position_ + static_cast<std::size_t>(offset)];
    }
    PositionIterator& operator++() noexcept {
        ++position_;
        return *this;
    }
    PositionIterator operator++(int) noexcept {
        PositionIterator before = *this;
        ++position_;
        return before;
    }
    PositionIterator& operator--() noexcept {
        --position_;
        return *this;
    }
    PositionIterator operator--(int) noexcept {
        PositionIterator before = *this;
        --position_;
        return before;
    }
    PositionIterator& operator+=(difference_type offset) noexcept {
        position_ += static_cast<std::size_t>(offset);
        return *this;
    }
    PositionIterator& operator-=(difference_type offset) noexcept {
        position_ -= static_cast<std::size_t>(offset);
        return *this;
    }
    [[nodiscard]] friend PositionIterator operator+(PositionIterator at,
                                                    difference_type offset) noexcept {
        return at += offset;
    }
    [[nodiscard]] friend PositionIterator operator+(difference_type offset,
                                                    PositionIterator at) noexcept {
        return at += offset;
    }
    [[nodiscard]] friend PositionIterator operator-(PositionIterator at,
                                                    difference_type offset) noexcept {
        return at -= offset;
    }
    [[nodiscard]] friend difference_type operator-(const PositionIterator& left,
                                                   const PositionIterator& right) noexcept {
        return static_cast<difference_type>(left.position_) -
               static_cast<difference_type>(right.position_);
    }
    [[nodiscard]] friend bool operator==(const PositionIterator& left,
                                         const PositionIterator& right) noexcept {
        return left.position_ == right.position_;
    }
    [[nodiscard]] friend std::strong_ordering operator<=>(const PositionIterator& left,
                                                          const PositionIterator& right) noexcept {
        return left.position_ <=> right.position_;
    }

private:
    const Owner* owner_ = nullptr;
    std::size_t position_ = 0;
};

} // namespace bestvalue::detail
