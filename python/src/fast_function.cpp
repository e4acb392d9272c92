#include "fast_function.hpp"

#include <algorithm>
#include <string>

namespace bestvalue::python {

namespace {

std::string called(const char* function) {
    return std::string(function) + "()";
}

} // namespace

FastArguments::FastArguments(const char* function, std::span<const char* const> parameters,
                             PyObject* const* arguments, Py_ssize_t count_and_flag,
                             PyObject* keyword_names)
    : function_(function) {
    const std::size_t wanted = parameters.size(); // at most max_parameters: checked on compiling
    std::copy(parameters.begin(), parameters.end(), names_.begin());
    const auto positional = static_cast<std::size_t>(PyVectorcall_NARGS(count_and_flag));
    if (positional > wanted) {
        throw pybind11::type_error(called(function) + " takes " + std::to_string(wanted) +
                                   " positional arguments but " + std::to_string(positional) +
                                   " were given");
    }
    for (std::size_t i = 0; i < positional; ++i) {
        given_[i] = arguments[i];
    }
    const Py_ssize_t keywords = keyword_names == nullptr ? 0 : PyTuple_GET_SIZE(keyword_names);
    for (Py_ssize_t k = 0; k < keywords; ++k) {
        PyObject* const keyword = PyTuple_GET_ITEM(keyword_names, k);
        std::size_t parameter = 0;
        while (parameter < wanted &&
               PyUnicode_CompareWithASCIIString(keyword, names_[parameter]) != 0) {
            ++parameter;
        }
        if (parameter == wanted) {
            throw pybind11::type_error(called(function) + " got an unexpected keyword argument '" +
                                       std::string(pybind11::str(keyword)) + "'");
        }
        if (given_[parameter] != nullptr) {
            throw pybind11::type_error(called(function) + " got multiple values for argument '" +
                                       names_[parameter] + "'");
        }
        given_[parameter] = arguments[positional + static_cast<std::size_t>(k)];
    }
    for (std::size_t i = 0; i < wanted; ++i) {
        if (given_[i] == nullptr) {
            throw pybind11::type_error(called(function) + " missing required argument '" +
                                       names_[i] + "' (pos " + std::to_string(i + 1) + ")");
        }
    }
}

std::string_view FastArguments::text(std::size_t i) const {
    PyObject* const argument = given_[i];
    if (!PyUnicode_Check(argument)) {
        refuse(i, "str");
    }
    Py_ssize_t size = 0;
    const char* const utf8 = PyUnicode_AsUTF8AndSize(argument, &size);
    if (utf8 == nullptr) {
        throw pybind11::error_already_set(); // a str with lone surrogates
    }
    return {utf8, static_cast<std::size_t>(size)};
}

void FastArguments::refuse(std::size_t i, const std::string& wanted) const {
    throw pybind11::type_error(
        called(function_) + " argument '" + names_[i] + "' must be " + wanted + ", not " +
        pybind11::str(pybind11::type::handle_of(given_[i]).attr("__name__")).cast<std::string>());
}

std::string FastArguments::full_name(pybind11::handle type) {
    return pybind11::str(type.attr("__module__")).cast<std::string>() + "." +
           pybind11::str(type.attr("__qualname__")).cast<std::string>();
}

void add_fast_function(pybind11::module_& module, PyMethodDef& definition) {
    const pybind11::object module_name = module.attr("__name__");
    auto function = pybind11::reinterpret_steal<pybind11::object>(
        PyCFunction_NewEx(&definition, nullptr, module_name.ptr()));
    if (!function) {
        throw pybind11::error_already_set();
    }
    module.add_object(definition.ml_name, function);
}

} // namespace bestvalue::python
