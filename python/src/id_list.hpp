#pragma once

// Python lists of entities' ids, made straight from the store's strings: the answers of queries
// (`ActionQuery.ids()`, `QueryResult.ids`, a selection's `ids`) are lists of thousands of ids,
// and copying each into a std::string first, then converting the vector, cost twice as much.

#include <cstddef>
#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/typing.h>

namespace bestvalue::python {

/// The ids of `count` entities as a new list of str, `entity_at(i)` giving the i-th entity (a
/// reference into the store). Entities and their ids lie scattered in memory: each entity is
/// asked for 32 places ahead and its id's text 16 ahead, so that the waits overlap.
template <typename EntityAt>
pybind11::typing::List<pybind11::str> id_list(std::size_t count, EntityAt entity_at) {
    constexpr std::size_t ahead = 16;
    const auto prefetch = [&](std::size_t i, bool text) {
#if defined(__GNUC__) || defined(__clang__)
        if (i < count) {
            const auto& entity = entity_at(i);
            __builtin_prefetch(text ? static_cast<const void*>(entity.id.data())
                                    : static_cast<const void*>(&entity));
        }
#else
        static_cast<void>(i);
        static_cast<void>(text);
#endif
    };
    pybind11::list ids(count);
    for (std::size_t i = 0; i < count; ++i) {
        prefetch(i + 2 * ahead, false);
        prefetch(i + ahead, true);
        const std::string& id = entity_at(i).id;
        PyObject* text =
            PyUnicode_DecodeUTF8(id.data(), static_cast<Py_ssize_t>(id.size()), nullptr);
        if (text == nullptr) {
            throw pybind11::error_already_set();
        }
        PyList_SET_ITEM(ids.ptr(), static_cast<Py_ssize_t>(i), text); // steals the reference
    }
    return ids;
}

} // namespace bestvalue::python
