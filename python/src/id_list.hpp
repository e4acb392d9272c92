#pragma once

// Python lists of entities' ids, made straight from the ids the store's index lays end to end:
// the answers of queries (`ActionQuery.ids()`, `QueryResult.ids`, a selection's `ids`) are
// lists of thousands of ids, and reading each from its entity, scattered through a large
// store, cost a wait on memory for the entity and another for its id's text.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <bestvalue/packed_texts.hpp>
#include <bestvalue/store.hpp>
#include <bestvalue/store_index.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/typing.h>

namespace bestvalue::python {

/// The ids at `count` handles as a new list of str: `handle_at(i)` gives the i-th handle, a
/// position in `ids` (one of `StoreIndex`'s id lists). Handles in no useful order (an answer
/// sorted by slippage) find each id's start and text far apart, so both are asked for ahead:
/// the start 128 places ahead, the text (whose start has arrived by then) 64 places ahead. Asking
/// only for the text made every ask wait for its start: 75 % of the time of the list; asking 32
/// places ahead left Q7's 66,736 ids at national scale 0.6-1.1 ms slower than 64.
template <typename HandleAt>
pybind11::typing::List<pybind11::str> id_list(const PackedTexts& ids, std::size_t count,
                                              HandleAt handle_at) {
    constexpr std::size_t text_ahead = 64;
    constexpr std::size_t start_ahead = 2 * text_ahead;
    const bool ascii = ids.is_ascii();
#if defined(__GNUC__) || defined(__clang__)
    const auto starts = ids.starts();
    const char* const bytes = ids.bytes().data();
#endif
    pybind11::list list(count);
    for (std::size_t i = 0; i < count; ++i) {
#if defined(__GNUC__) || defined(__clang__)
        if (i + start_ahead < count) {
            const auto later = static_cast<std::size_t>(handle_at(i + start_ahead));
            if (later < ids.size()) {
                __builtin_prefetch(&starts[later]);
            }
        }
        if (i + text_ahead < count) {
            const auto later = static_cast<std::size_t>(handle_at(i + text_ahead));
            if (later < ids.size()) {
                __builtin_prefetch(bytes + starts[later]);
            }
        }
#endif
        const auto handle = static_cast<std::size_t>(handle_at(i));
        if (handle >= ids.size()) {
            throw pybind11::index_error("no entity at handle " + std::to_string(handle));
        }
        const std::string_view id = ids[handle];
        PyObject* text =
            ascii ? PyUnicode_New(static_cast<Py_ssize_t>(id.size()), 0x7F)
                  : PyUnicode_DecodeUTF8(id.data(), static_cast<Py_ssize_t>(id.size()), nullptr);
        if (text == nullptr) {
            throw pybind11::error_already_set();
        }
        if (ascii) {
            // An ASCII string's characters are its bytes: copied in, not decoded.
            std::memcpy(PyUnicode_1BYTE_DATA(text), id.data(), id.size());
        }
        PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(i), text); // steals the reference
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
