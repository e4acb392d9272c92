#pragma once

/// \file
/// `PackedTexts`: texts laid end to end in one buffer and found by position.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bestvalue {

/// Texts laid end to end in one buffer, each found by its position: what a store's index keeps
/// of each collection's ids, so that a long list of ids is read in order of handle from one
/// buffer rather than from each entity where it lies in memory; and how a table holds its text
/// columns, in the layout Arrow takes (the bytes, and where each text starts), so that Python
/// reads them without a copy.
class PackedTexts {
public:
    /// No texts.
    PackedTexts() = default;

    /// Makes room for `count` more texts of `bytes` bytes in all.
    void reserve(std::size_t count, std::size_t bytes) {
        bytes_.reserve(bytes_.size() + bytes);
        starts_.reserve(starts_.size() + count);
    }
    /// Adds `text` after the others: its position is the number there were before.
    void push_back(std::string_view text) {
        if (ascii_) {
            ascii_ = is_ascii(text);
        }
        bytes_.append(text);
        starts_.push_back(bytes_.size());
    }
    /// Adds the texts of `other` from position `from` (at most `other.size()`) on after these,
    /// in their order, copying their bytes whole. Nothing is added if it throws.
    void append(const PackedTexts& other, std::size_t from = 0) {
        if (&other == this) {
            append(PackedTexts(other), from);
            return;
        }
        // Room first, so that the steps after cannot throw; by doubling, as push_back grows.
        const std::size_t starts = starts_.size() + other.size() - from;
        if (starts > starts_.capacity()) {
            starts_.reserve(std::max(starts, 2 * starts_.capacity()));
        }
        const std::size_t first_byte = other.starts_[from];
        const std::size_t offset = bytes_.size();
        bytes_.append(other.bytes_, first_byte);
        for (std::size_t i = from + 1; i < other.starts_.size(); ++i) {
            starts_.push_back(offset + (other.starts_[i] - first_byte));
        }
        // Texts left out may be what made `other` not ASCII.
        ascii_ =
            ascii_ && (other.ascii_ || is_ascii(std::string_view(other.bytes_).substr(first_byte)));
    }
    /// Keeps the first `count` texts (at most `size()`) and forgets the rest.
    void truncate(std::size_t count) {
        if (count >= size()) {
            return;
        }
        bytes_.resize(starts_[count]);
        starts_.resize(count + 1);
        if (!ascii_) {
            ascii_ = is_ascii(bytes_); // the text that was not may be gone
        }
    }
    /// The text at `position`, which must be less than `size()`; valid until the next change.
    [[nodiscard]] std::string_view operator[](std::size_t position) const noexcept {
        return {bytes_.data() + starts_[position], starts_[position + 1] - starts_[position]};
    }
    /// How many texts there are.
    [[nodiscard]] std::size_t size() const noexcept { return starts_.size() - 1; }
    /// True if there are none.
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }

    /// True if every byte of every text is ASCII (below 0x80): each text is then its own
    /// characters, one a byte, which lets Python make its strings without decoding UTF-8.
    [[nodiscard]] bool is_ascii() const noexcept { return ascii_; }
    /// Every text's bytes, one after another.
    [[nodiscard]] std::string_view bytes() const noexcept { return bytes_; }
    /// Where each text starts in `bytes()`, then where the last ends: one more than `size()`,
    /// the first 0; text i is `bytes().substr(starts()[i], starts()[i + 1] - starts()[i])`.
    [[nodiscard]] std::span<const std::size_t> starts() const noexcept { return starts_; }

    /// The same texts in the same order.
    friend bool operator==(const PackedTexts&, const PackedTexts&) = default;

private:
    // True if no byte of `text` has its high bit set. Eight bytes are read at a time: a table's
    // texts run to hundreds of megabytes, and a byte at a time cost a third of building one.
    static bool is_ascii(std::string_view text) noexcept {
        constexpr std::uint64_t high_bits = 0x8080808080808080U;
        std::uint64_t seen = 0;
        std::size_t at = 0;
        for (; at + sizeof seen <= text.size(); at += sizeof seen) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + at, sizeof word);
            seen |= word;
        }
        for (; at < text.size(); ++at) {
            seen |= static_cast<unsigned char>(text[at]);
        }
        return (seen & high_bits) == 0;
    }

    std::string bytes_;
    // Text i is bytes_[starts_[i], starts_[i + 1]).
    std::vector<std::size_t> starts_{0};
    bool ascii_ = true;
};

} // namespace bestvalue
