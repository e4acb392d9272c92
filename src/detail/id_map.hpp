#pragma once

// A map from ids to small values, for the hundreds of thousands of id lookups of loading a
// store (checking each reference, finding the owner of each child row). The keys are views of
// ids held elsewhere, which must outlive the map. One open-addressed array of (hash, id, value)
// slots, at most half full: a lookup reads one slot, mostly, and the id's text, where a
// node-based std::unordered_map reads a bucket, the node before and the node. Values should be
// small (a slot is 24 bytes and the value), and default-constructible.

#include <cstddef>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace bestvalue::detail {

template <typename Value>
class IdMap {
public:
    /// Room for `count` ids without growing.
    void reserve(std::size_t count) {
        if (2 * count > slots_.size()) {
            rehash(count);
        }
    }

    /// Adds `id` with `value` unless it is there: the value held for `id` (which stays valid
    /// until the map grows), and whether it was added.
    std::pair<Value*, bool> try_emplace(std::string_view id, Value value) {
        if (2 * (size_ + 1) > slots_.size()) {
            rehash(size_ + 1);
        }
        const std::size_t hash = hash_of(id);
        Slot& slot = slots_[probe(id, hash)];
        if (slot.used()) {
            return {&slot.value, false};
        }
        slot = Slot{hash, id.data() == nullptr ? std::string_view("") : id, std::move(value)};
        ++size_;
        return {&slot.value, true};
    }

    /// The value held for `id`, or null.
    [[nodiscard]] const Value* find(std::string_view id) const {
        if (size_ == 0) {
            return nullptr;
        }
        const Slot& slot = slots_[probe(id, hash_of(id))];
        return slot.used() ? &slot.value : nullptr;
    }

    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

private:
    struct Slot {
        std::size_t hash = 0;
        std::string_view id; // a default view (null data) in a free slot
        Value value{};

        [[nodiscard]] bool used() const noexcept { return id.data() != nullptr; }
    };

    static std::size_t hash_of(std::string_view id) noexcept {
        return std::hash<std::string_view>{}(id);
    }

    // The slot holding `id`, or the free slot where it would go (there is always one).
    [[nodiscard]] std::size_t probe(std::string_view id, std::size_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (!slot.used() || (slot.hash == hash && slot.id == id)) {
                return i;
            }
        }
    }

    // At least twice `count` slots, a power of two, the entries placed again.
    void rehash(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < 2 * count) {
            capacity *= 2;
        }
        std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(capacity));
        for (Slot& slot : old) {
            if (slot.used()) {
                slots_[probe(slot.id, slot.hash)] = std::move(slot);
            }
        }
    }

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

} // namespace bestvalue::detail
