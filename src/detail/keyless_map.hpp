#pragma once

// A map from text to small values that keeps no copy of its keys: each value says where its key
// is (an entity's place names the entity, which holds its id), and the map reads the key through
// it only to tell apart keys whose hashes agree. One open-addressed array of (hash, value)
// slots, probed linearly: a store's map of its 1.4 million ids is 42 MB of slots at national
// scale, where a node-based std::unordered_map held a node and a copy of each id
// (docs/performance.md, Hotspot 31). `IdMap` (id_map.hpp) is this map with the key's view kept
// in the value.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/detail/prefetch.hpp>

namespace bestvalue::detail {

/// Values of type `Value` by text, with no key kept: every operation that compares keys takes
/// `key_of`, which gives the key of a value held (`std::string_view key_of(const Value&)`), and
/// which must give each value's key for as long as the value is held, as the key it was added
/// under. At most `max_load_percent` of the slots are used. A value stays where it is until the
/// map grows or a value is erased. Values should be small, copyable and default-constructible.
/// Reading from several threads at once is safe; changing it is not.
template <typename Value, unsigned max_load_percent = 75>
class KeylessMap {
    static_assert(max_load_percent > 0 && max_load_percent < 100);

public:
    /// Room for `count` values without growing.
    void reserve(std::size_t count) {
        if (!has_room(count)) {
            rehash(count);
        }
    }

    /// Adds `value` under `key` unless a value is held under it: the value held under `key`
    /// (valid until the map grows or a value is erased), and whether it was added.
    template <typename KeyOf>
    std::pair<Value*, bool> try_emplace(std::string_view key, Value value, const KeyOf& key_of) {
        if (!has_room(size_ + 1)) {
            rehash(std::max<std::size_t>(size_ + 1, 2 * size_));
        }
        const std::uint32_t hash = hash_of(key);
        Slot& slot = slots_[probe(key, hash, key_of)];
        if (slot.hash != 0) {
            return {&slot.value, false};
        }
        slot = Slot{hash, std::move(value)};
        ++size_;
        return {&slot.value, true};
    }

    /// The value held under `key`, or null.
    template <typename KeyOf>
    [[nodiscard]] const Value* find(std::string_view key, const KeyOf& key_of) const {
        if (size_ == 0) {
            return nullptr;
        }
        const Slot& slot = slots_[probe(key, hash_of(key), key_of)];
        return slot.hash != 0 ? &slot.value : nullptr;
    }
    /// The value held under `key`, or null.
    template <typename KeyOf>
    [[nodiscard]] Value* find(std::string_view key, const KeyOf& key_of) {
        return const_cast<Value*>(std::as_const(*this).find(key, key_of));
    }

    /// Lets go of the value held under `key`, if any; true if there was one. The values after
    /// it in its run of slots move back into the gap, so no slot is left marked as erased.
    template <typename KeyOf>
    bool erase(std::string_view key, const KeyOf& key_of) noexcept {
        if (size_ == 0) {
            return false;
        }
        const std::size_t mask = slots_.size() - 1;
        std::size_t gap = probe(key, hash_of(key), key_of);
        if (slots_[gap].hash == 0) {
            return false;
        }
        for (std::size_t next = (gap + 1) & mask; slots_[next].hash != 0;
             next = (next + 1) & mask) {
            // A value may fill the gap if its home slot is not between the gap and it: probing
            // from its home then passes the gap.
            const std::size_t home = slots_[next].hash & mask;
            const bool home_after_gap =
                ((home - gap) & mask) <= ((next - gap) & mask) && home != gap;
            if (!home_after_gap) {
                slots_[gap] = std::move(slots_[next]);
                gap = next;
            }
        }
        slots_[gap] = Slot{};
        --size_;
        return true;
    }

    /// Asks for the slot where `key` would be looked for first, to be written soon: a pass
    /// adding or finding many keys asks for each some keys ahead of its turn, as a large map's
    /// slots are mostly out of the caches. Changes nothing.
    void prefetch(std::string_view key) const noexcept {
        if (!slots_.empty()) {
            detail::prefetch(&slots_[hash_of(key) & (slots_.size() - 1)], true);
        }
    }

    /// Calls `visit(value)` for every value held, in no particular order.
    template <typename Visit>
    void for_each(Visit visit) const {
        for (const Slot& slot : slots_) {
            if (slot.hash != 0) {
                visit(slot.value);
            }
        }
    }

    /// How many values are held.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    /// True if none is.
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
    /// The slots' memory, in bytes.
    [[nodiscard]] std::size_t bytes() const noexcept { return slots_.capacity() * sizeof(Slot); }

private:
    struct Slot {
        std::uint32_t hash = 0; // of the key, never 0 for a slot in use; 0 for a free one
        Value value{};
    };

    // The text's hash folded to 32 bits, 0 kept for free slots. Slots are placed by its low
    // bits, so a map holds at most 2^32 slots, as the values here number entities by uint32.
    static std::uint32_t hash_of(std::string_view key) noexcept {
        const std::size_t full = std::hash<std::string_view>{}(key);
        const auto folded = static_cast<std::uint32_t>(full ^ (full >> 32U));
        return folded != 0 ? folded : 1;
    }

    [[nodiscard]] bool has_room(std::size_t count) const noexcept {
        return count * 100 <= slots_.size() * max_load_percent;
    }

    // The slot holding `key`, or the free slot where it would go (there is always one).
    template <typename KeyOf>
    [[nodiscard]] std::size_t probe(std::string_view key, std::uint32_t hash,
                                    const KeyOf& key_of) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.hash == 0 || (slot.hash == hash && key_of(slot.value) == key)) {
                return i;
            }
        }
    }

    // Room for `count` values in a power of two slots, the values placed again by their hashes
    // alone: keys are distinct, so none is read.
    void rehash(std::size_t count) {
        std::size_t capacity = 16;
        while (count * 100 > capacity * max_load_percent) {
            capacity *= 2;
        }
        std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(capacity));
        const std::size_t mask = capacity - 1;
        for (Slot& slot : old) {
            if (slot.hash != 0) {
                std::size_t i = slot.hash & mask;
                while (slots_[i].hash != 0) {
                    i = (i + 1) & mask;
                }
                slots_[i] = std::move(slot);
            }
        }
    }

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

} // namespace bestvalue::detail
