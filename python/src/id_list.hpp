#pragma once

// Python lists of entities' ids, made from the ids the store's index lays end to end, each id's
// str made once and kept with its store: the answers of queries (`ActionQuery.ids()`,
// `QueryResult.ids`, a selection's `ids`) are lists of thousands of ids, and making each as a
// new str, read from a different place in a large store, was most of the time of a text search
// at national scale (docs/performance.md, Hotspot 19).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/detail/prefetch.hpp>
#include <bestvalue/packed_texts.hpp>
#include <bestvalue/store.hpp>
#include <bestvalue/store_index.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/typing.h>

namespace bestvalue::python {

/// The str objects of one of a store's id lists (`StoreIndex::action_ids()`, …), by handle:
/// each is made the first time an answer lists it and kept until the Python Store goes or its
/// index is rebuilt, so every answer after shares it, as CPython shares interned strings. A
/// str is immutable, so sharing it changes nothing an answer's user can see but `is`. What is
/// kept is bounded by the store: one pointer per entity of the kind once any is listed, and
/// one str per entity ever listed (about 70 bytes for an id of 20 characters).
class IdStrings {
public:
    /// The strings kept for `ids`, one of the id lists of `index`, the index of the Python
    /// Store `store`; made empty the first time, and again when the index is not the one they
    /// were made from (`StoreIndex::generation`).
    static IdStrings& of(pybind11::handle store, const StoreIndex& index, const PackedTexts& ids);

    IdStrings() = default;
    IdStrings(const IdStrings&) = delete;
    IdStrings& operator=(const IdStrings&) = delete;
    IdStrings(IdStrings&& other) noexcept = default;
    IdStrings& operator=(IdStrings&& other) noexcept = delete;
    ~IdStrings();

    /// Lets every kept string go when the interpreter exits (Python's `atexit`), while Python
    /// can still take them back: module initialisation calls it once.
    static void let_go_at_exit();

    /// A new reference to the str of the id at `handle` of `ids` (the list these strings were
    /// asked for with), made now if no answer has listed it before.
    /// \throws pybind11::error_already_set when Python cannot make it.
    PyObject* take(const PackedTexts& ids, std::size_t handle);
    /// Where the str of the entity at `handle` is kept, or null while none is: for asking for
    /// it ahead of its turn.
    [[nodiscard]] PyObject* const* slot(std::size_t handle) const noexcept {
        return &strings_[handle];
    }
    [[nodiscard]] PyObject* kept(std::size_t handle) const noexcept { return strings_[handle]; }

private:
    std::vector<PyObject*> strings_; // owned references by handle; null until made
};

/// The ids at `count` handles as a new list of str: `handle_at(i)` gives the i-th handle, a
/// position in `ids`, one of the id lists of `index`, the index of the Python Store `store`;
/// the strs are those `IdStrings` keeps for the list. Handles in no useful order (an answer
/// sorted by slippage) find each kept str far from the last, so each is asked for ahead: where
/// it is kept 64 places ahead, the str itself (to count a reference to it) 32 places ahead, or,
/// not made yet, where its id's text starts.
template <typename HandleAt>
pybind11::typing::List<pybind11::str> id_list(pybind11::handle store, const StoreIndex& index,
                                              const PackedTexts& ids, std::size_t count,
                                              HandleAt handle_at) {
    IdStrings& strings = IdStrings::of(store, index, ids);
    constexpr std::size_t string_ahead = 32;
    constexpr std::size_t slot_ahead = 2 * string_ahead;
    pybind11::list list(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (i + slot_ahead < count) {
            const auto later = static_cast<std::size_t>(handle_at(i + slot_ahead));
            if (later < ids.size()) {
                detail::prefetch(strings.slot(later));
            }
        }
        if (i + string_ahead < count) {
            const auto later = static_cast<std::size_t>(handle_at(i + string_ahead));
            if (later < ids.size()) {
                if (PyObject* const kept = strings.kept(later)) {
                    detail::prefetch(kept, true); // its reference count is written
                } else {
                    detail::prefetch(&ids.starts()[later]);
                }
            }
        }
        const auto handle = static_cast<std::size_t>(handle_at(i));
        if (handle >= ids.size()) {
            throw pybind11::index_error("no entity at handle " + std::to_string(handle));
        }
        // The list steals the new reference.
        PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(i), strings.take(ids, handle));
    }
    return list;
}

/// The index's ids of the collection of `Entity`s, chosen by type as `entities_of` chooses.
inline const PackedTexts& ids_of_kind(const StoreIndex& index, const Action*) {
    return index.action_ids();
}
inline const PackedTexts& ids_of_kind(const StoreIndex& index, const Recommendation*) {
    return index.recommendation_ids();
}
inline const PackedTexts& ids_of_kind(const StoreIndex& index, const Assessment*) {
    return index.assessment_ids();
}
inline const PackedTexts& ids_of_kind(const StoreIndex& index, const Rating*) {
    return index.rating_ids();
}
inline const PackedTexts& ids_of_kind(const StoreIndex& index, const Plan*) {
    return index.plan_ids();
}

} // namespace bestvalue::python
