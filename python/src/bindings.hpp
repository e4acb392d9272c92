#pragma once

// The registration functions of the binding files; module.cpp calls them in order, so that
// every type is registered before a signature mentions it.

#include <vector>

#include <bestvalue/model/action.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/pybind11.h>

namespace bestvalue::python {

void bind_errors(pybind11::module_& module);
void bind_calendar(pybind11::module_& module);
void bind_model(pybind11::module_& module);
void bind_store(pybind11::module_& module);
void bind_query(pybind11::module_& module);
void bind_action_query(pybind11::module_& module);
void bind_table(pybind11::module_& module);

/// The actions of `store` that match keyword filters: the Python door to `ActionQuery`
/// (ActionCollection.where).
std::vector<Action> select_actions(const Store& store, const pybind11::kwargs& keywords);

} // namespace bestvalue::python
