#pragma once

/// \file
/// `InternedTexts`: texts kept once each, found by position and by text.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include <bestvalue/detail/text_map.hpp>
#include <bestvalue/packed_texts.hpp>

namespace bestvalue {

/// Texts kept once each, laid end to end and found by position or by text: what a store's
/// compact collections keep of the texts their rows repeat (a progress update's status and
/// author, an action's plan, section and the ids it lists), each row holding a position.
class InternedTexts {
public:
    /// A position no text has: the hint when there is none.
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

    /// The text at `position`, which must be less than `size()`.
    [[nodiscard]] std::string_view operator[](std::size_t position) const noexcept {
        return texts_[position];
    }
    /// How many texts there are.
    [[nodiscard]] std::size_t size() const noexcept { return texts_.size(); }
    /// The texts, in the order first given.
    [[nodiscard]] const PackedTexts& texts() const noexcept { return texts_; }

    /// The position of `text`, which is added if it is new. `hint`, the position the text is
    /// most likely at (the row before's), is tried first, without hashing.
    /// \throws std::length_error past 2^32 - 2 texts.
    std::uint32_t intern(std::string_view text, std::uint32_t hint = none) {
        if (hint < texts_.size() && texts_[hint] == text) {
            return hint;
        }
        if (const auto found = positions_.find(text); found != positions_.end()) {
            return found->second;
        }
        if (texts_.size() >= none - 1) {
            throw std::length_error("InternedTexts: more than 2^32 - 2 texts");
        }
        const auto position = static_cast<std::uint32_t>(texts_.size());
        positions_.emplace(std::string(text), position);
        try {
            texts_.push_back(text);
        } catch (...) {
            positions_.erase(positions_.find(text));
            throw;
        }
        return position;
    }

private:
    PackedTexts texts_;
    detail::TextMap<std::uint32_t> positions_;
};

} // namespace bestvalue
