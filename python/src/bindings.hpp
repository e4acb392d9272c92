#pragma once

// The registration functions of the binding files; module.cpp calls them in order, so that
// every type is registered before a signature mentions it.

#include <pybind11/pybind11.h>

namespace bestvalue::python {

void bind_errors(pybind11::module_& module);
void bind_calendar(pybind11::module_& module);
void bind_model(pybind11::module_& module);
void bind_store(pybind11::module_& module);

} // namespace bestvalue::python
