#pragma once

// A map from ids to small values, for the hundreds of thousands of id lookups of loading a
// store (checking each reference, finding the owner of each child row). The keys are views of
// ids held elsewhere, which must outlive the map. One open-addressed array of (hash, id, value)
// slots, at most half full (keyless_map.hpp, with the id's view kept beside the value): a
// lookup reads one slot, mostly, and the id's text, where a node-based std::unordered_map reads
// a bucket, the node before and the node. Values should be small, and default-constructible.

#include <cstddef>
#include <string_view>
#include <utility>

#include "keyless_map.hpp"

namespace bestvalue::detail {

template <typename Value>
class IdMap {
public:
    /// Room for `count` ids without growing.
    void reserve(std::size_t count) { entries_.reserve(count); }

    /// Adds `id` with `value` unless it is there: the value held for `id` (which stays valid
    /// until the map grows), and whether it was added.
    std::pair<Value*, bool> try_emplace(std::string_view id, Value value) {
        const auto [entry, added] = entries_.try_emplace(id, Entry{id, std::move(value)}, id_of);
        return {&entry->value, added};
    }

    /// The value held for `id`, or null.
    [[nodiscard]] const Value* find(std::string_view id) const {
        const Entry* entry = entries_.find(id, id_of);
        return entry != nullptr ? &entry->value : nullptr;
    }

    /// Asks for the slot where `id` would be looked for first (`KeylessMap::prefetch`).
    void prefetch(std::string_view id) const noexcept { entries_.prefetch(id); }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }

private:
    struct Entry {
        std::string_view id;
        Value value{};
    };

    static std::string_view id_of(const Entry& entry) noexcept { return entry.id; }

    KeylessMap<Entry, 50> entries_;
};

} // namespace bestvalue::detail
