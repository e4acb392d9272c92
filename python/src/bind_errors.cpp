#include <functional>

#include <bestvalue/error.hpp>

#include <pybind11/gil_safe_call_once.h>
#include <pybind11/stl.h>

#include "bindings.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// The Python exception classes, created once per interpreter: each inherits both the library's
// root and the builtin Python users expect, so `except ValueError` works too.
struct ErrorTypes {
    py::object error;
    py::object parse_error;
    py::object validation_error;
    py::object not_found;
    py::object query_error;
    py::object database_error;
};

py::object new_exception(py::module_& module, const char* name, py::tuple bases, const char* doc) {
    // Named as defined in bestvalue._core, like every other class of the module; the package
    // re-exports them, so users write bestvalue.ParseError.
    const std::string qualified = std::string("bestvalue._core.") + name;
    py::object type = py::reinterpret_steal<py::object>(
        PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr));
    if (!type) {
        throw py::error_already_set();
    }
    module.attr(name) = type;
    return type;
}

void raise(const py::object& type, const std::exception& error,
           const std::function<void(py::object&)>& annotate) {
    py::object instance = type(error.what());
    annotate(instance);
    PyErr_SetObject(type.ptr(), instance.ptr());
}

} // namespace

void bind_errors(py::module_& module) {
    PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<ErrorTypes> storage;
    storage.call_once_and_store_result([&]() {
        ErrorTypes types;
        types.error = new_exception(module, "Error", py::make_tuple(py::handle(PyExc_Exception)),
                                    "The root of every exception bestvalue raises.");
        types.parse_error = new_exception(
            module, "ParseError", py::make_tuple(types.error, py::handle(PyExc_ValueError)),
            "Text that could not be read. Attributes: reason, text, source, line, column.");
        types.validation_error = new_exception(
            module, "ValidationError", py::make_tuple(types.error, py::handle(PyExc_ValueError)),
            "A value that breaks a rule of the model. Attribute problems: a list of "
            "(location, message, line, column), every problem found.");
        types.not_found = new_exception(module, "NotFound",
                                        py::make_tuple(types.error, py::handle(PyExc_KeyError)),
                                        "An id that is not there. Attributes: kind, id.");
        types.query_error = new_exception(
            module, "QueryError", py::make_tuple(types.error, py::handle(PyExc_ValueError)),
            "A query that cannot be read or run. Attributes: reason, query, column.");
        types.database_error = new_exception(
            module, "DatabaseError", py::make_tuple(types.error, py::handle(PyExc_OSError)),
            "A database file that cannot be opened, read or written; nothing was written. "
            "Attributes: failure (a DatabaseFailure), path, reason.");
        return types;
    });

    py::register_exception_translator([](std::exception_ptr pointer) {
        if (!pointer) {
            return;
        }
        const ErrorTypes& types = storage.get_stored();
        try {
            std::rethrow_exception(pointer);
        } catch (const ParseError& error) {
            raise(types.parse_error, error, [&](py::object& instance) {
                instance.attr("reason") = error.reason();
                instance.attr("text") = error.text();
                instance.attr("source") = error.location().source;
                instance.attr("line") = error.location().line;
                instance.attr("column") = error.location().column;
            });
        } catch (const ValidationError& error) {
            raise(types.validation_error, error, [&](py::object& instance) {
                py::list problems;
                for (const auto& problem : error.problems()) {
                    problems.append(py::make_tuple(problem.location, problem.message, problem.line,
                                                   problem.column));
                }
                instance.attr("problems") = problems;
            });
        } catch (const QueryError& error) {
            raise(types.query_error, error, [&](py::object& instance) {
                instance.attr("reason") = error.reason();
                instance.attr("query") = error.query();
                instance.attr("column") = error.column();
            });
        } catch (const NotFound& error) {
            raise(types.not_found, error, [&](py::object& instance) {
                instance.attr("kind") = error.kind();
                instance.attr("id") = error.id();
            });
        } catch (const DatabaseError& error) {
            raise(types.database_error, error, [&](py::object& instance) {
                instance.attr("failure") = py::cast(error.failure());
                instance.attr("path") = error.path();
                instance.attr("reason") = error.reason();
            });
        } catch (const Error& error) {
            raise(types.error, error, [](py::object&) {});
        }
    });
}

} // namespace bestvalue::python
