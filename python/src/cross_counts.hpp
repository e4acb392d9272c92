#pragma once

// Counts by two fields (`count_by((first, second), …)` of a typed query or a selection) as a
// Python dict keyed by (first value, second value).

#include <cstddef>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <bestvalue/calendar/date.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/typing.h>

namespace bestvalue::python {

/// The dict of `query.count_by(first, second, day)`, built from the query's pairs as it gives
/// them (`for_each_count`) with no C++ map between. A value recurs across keys (each section
/// with each health), so the str of each is made once and shared by the keys that hold it.
template <typename Query, typename Field>
pybind11::typing::Dict<pybind11::typing::Tuple<pybind11::str, pybind11::str>, pybind11::int_>
cross_counts_dict(const Query& query, Field first, Field second, Date day) {
    std::unordered_map<std::string_view, pybind11::str> texts; // the views outlive the visits
    const auto text = [&texts](std::string_view value) {
        auto [found, is_new] = texts.try_emplace(value);
        if (is_new) {
            found->second = pybind11::str(value.data(), value.size());
        }
        return found->second;
    };
    pybind11::dict crossed;
    // The pairs come grouped by their first value: its str is kept while its group lasts.
    std::optional<std::string_view> group;
    pybind11::str group_text;
    query.for_each_count(first, second, day,
                         [&](std::string_view one, std::string_view other, std::size_t count) {
                             if (!group || one != *group) {
                                 group = one;
                                 group_text = text(one);
                             }
                             crossed[pybind11::make_tuple(group_text, text(other))] = count;
                         });
    return crossed;
}

} // namespace bestvalue::python
