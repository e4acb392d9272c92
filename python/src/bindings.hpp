#pragma once

// The registration functions of the binding files; module.cpp calls them in order, so that
// every type is registered before a signature mentions it.

#include <vector>

#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/action.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>

namespace bestvalue::python {

/// Binds an enumeration as a Python enum.Enum with the names of its `EnumNames`.
template <typename Enum>
void bind_enum(pybind11::module_& module, const char* name, const char* doc) {
    pybind11::native_enum<Enum> binding(module, name, "enum.Enum", doc);
    for (const auto& [value, value_name] : EnumNames<Enum>::names) {
        // The names are string literals, so they live as long as the module.
        binding.value(value_name.data(), value);
    }
    binding.finalize();
}

void bind_errors(pybind11::module_& module);
void bind_calendar(pybind11::module_& module);
void bind_model(pybind11::module_& module);
void bind_store(pybind11::module_& module);
void bind_database(pybind11::module_& module);
void bind_query(pybind11::module_& module);
void bind_action_query(pybind11::module_& module);
void bind_slippage(pybind11::module_& module);
void bind_coverage(pybind11::module_& module);
void bind_ratings(pybind11::module_& module);
void bind_table(pybind11::module_& module);
void bind_rules(pybind11::module_& module);
/// The functions that make tables of a store: after the store is bound.
void bind_table_functions(pybind11::module_& module);

void bind_selections(pybind11::module_& module);

/// A query's answer with the Python store it came from, so that it can become a table.
struct AnsweredQuery : QueryResult {
    pybind11::object owner;
};

/// Runs a text query on `store` (a Python Store).
AnsweredQuery answer(const pybind11::object& store, std::string_view query,
                     std::optional<Date> today);

/// Entities a keyword query selected, in order, by their handles in the store; the Python
/// store is kept alive, and since a store only grows, the handles stay valid.
template <typename Entity>
struct Selection {
    pybind11::object owner;
    const Store* store;
    Handles handles;
    Date as_of;
};

/// The entities of `store` (a Python Store) that match keyword filters: the Python door to the
/// typed queries (`store.actions.where(lead="SPMO")`, …). See bind_select.cpp for how keywords
/// read.
Selection<Action> where_actions(const pybind11::object& store, const pybind11::kwargs& keywords);
Selection<Recommendation> where_recommendations(const pybind11::object& store,
                                                const pybind11::kwargs& keywords);
Selection<Assessment> where_assessments(const pybind11::object& store,
                                        const pybind11::kwargs& keywords);
Selection<Rating> where_ratings(const pybind11::object& store, const pybind11::kwargs& keywords);
Selection<Plan> where_plans(const pybind11::object& store, const pybind11::kwargs& keywords);

} // namespace bestvalue::python
