#pragma once

// Counts by two fields (`count_by((first, second), …)` of a typed query or a selection) as a
// Python dict keyed by (first value, second value).

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <pybind11/pybind11.h>
#include <pybind11/typing.h>

namespace bestvalue::python {

/// The dict of `counts`. A value recurs across keys (each section with each health), so the
/// str of each is made once and shared by the keys that hold it.
inline pybind11::typing::Dict<pybind11::typing::Tuple<pybind11::str, pybind11::str>, pybind11::int_>
cross_counts_dict(const std::map<std::pair<std::string, std::string>, std::size_t>& counts) {
    std::unordered_map<std::string_view, pybind11::str> texts;
    const auto text = [&texts](const std::string& value) {
        auto found = texts.find(value);
        if (found == texts.end()) {
            found = texts.emplace(value, pybind11::str(value)).first;
        }
        return found->second;
    };
    pybind11::dict crossed;
    for (const auto& [pair, count] : counts) {
        crossed[pybind11::make_tuple(text(pair.first), text(pair.second))] = count;
    }
    return crossed;
}

} // namespace bestvalue::python
