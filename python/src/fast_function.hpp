#pragma once

// Module functions that CPython calls with its own fast convention (METH_FASTCALL with
// keywords) rather than through pybind11's dispatcher. The dispatcher tries each overload,
// casts every argument through a caster and matches keywords by name: about 0.4 µs a call on
// the benchmark machine, most of a question whose answer takes a tenth of that to find (a
// rating history, docs/performance.md Hotspot 23). A fast function reads its arguments itself,
// by position or keyword as Python matches them, and raises what a bound function would: the
// same TypeErrors for arguments that do not fit, and C++ exceptions turned into Python ones by
// pybind11's translators.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <pybind11/pybind11.h>

namespace bestvalue::python {

/// The arguments of one call of a fast function, each matched to its parameter by position or
/// by keyword. Parameters have no defaults: each must be given once.
class FastArguments {
public:
    /// The most parameters a fast function may have.
    static constexpr std::size_t max_parameters = 8;

    /// Matches the call's `arguments` (`count_and_flag` positional ones, as CPython passes that
    /// count, then one for each name in the tuple `keyword_names`, which may be null) to the
    /// parameters named `parameters` of the function `function`.
    /// \throws pybind11::type_error, worded as Python words its own, for too many positional
    /// arguments, an unknown keyword, one given twice, or a parameter not given.
    template <std::size_t Count>
    FastArguments(const char* function, const char* const (&parameters)[Count],
                  PyObject* const* arguments, Py_ssize_t count_and_flag, PyObject* keyword_names)
        : FastArguments(function, std::span<const char* const>(parameters), arguments,
                        count_and_flag, keyword_names) {
        static_assert(Count <= max_parameters, "a fast function has at most max_parameters");
    }

    /// The argument of parameter `i`, borrowed for the call.
    [[nodiscard]] pybind11::handle handle(std::size_t i) const noexcept { return given_[i]; }

    /// The argument of parameter `i` as UTF-8 text, borrowed for the call (CPython keeps a
    /// str's UTF-8 with it once made, so asking again is free).
    /// \throws pybind11::type_error if it is not a str.
    [[nodiscard]] std::string_view text(std::size_t i) const;

    /// The C++ object that the argument of parameter `i`, an instance of a class bound with
    /// pybind11, holds.
    /// \throws pybind11::type_error if it is not an instance of `T`'s class.
    template <typename T>
    [[nodiscard]] const T& object(std::size_t i) const {
        const pybind11::handle argument = given_[i];
        if (!pybind11::isinstance<T>(argument)) {
            refuse(i, full_name(pybind11::type::of<T>()));
        }
        return argument.cast<const T&>();
    }

private:
    // The constructor's work, for any count of parameters up to max_parameters.
    FastArguments(const char* function, std::span<const char* const> parameters,
                  PyObject* const* arguments, Py_ssize_t count_and_flag, PyObject* keyword_names);

    [[noreturn]] void refuse(std::size_t i, const std::string& wanted) const;
    // A class's name as a signature gives it: 'bestvalue._core.Store'.
    [[nodiscard]] static std::string full_name(pybind11::handle type);

    const char* function_;
    std::array<const char*, max_parameters> names_{};
    std::array<PyObject*, max_parameters> given_{};
};

/// Runs `answer(const FastArguments&)`, which returns a `pybind11::object`, for one call of the
/// fast function `function` with the given `parameters`: the answer as a new reference, or null
/// with the Python exception set that pybind11 would set for whatever was thrown.
template <std::size_t Count, typename Answer>
PyObject* fast_call(const char* function, const char* const (&parameters)[Count],
                    PyObject* const* arguments, Py_ssize_t count_and_flag, PyObject* keyword_names,
                    Answer&& answer) noexcept {
    try {
        const FastArguments given(function, parameters, arguments, count_and_flag, keyword_names);
        return answer(given).release().ptr();
    } catch (...) {
        pybind11::detail::try_translate_exceptions();
        return nullptr;
    }
}

/// Adds the fast function `definition` describes to `module`. `definition` is kept, not copied,
/// by CPython, so it must outlive the module (a static); its flags must be METH_FASTCALL |
/// METH_KEYWORDS, and its documentation should start with the signature as pybind11 writes
/// one ("name(a: int) -> str", then a blank line), which `help()` shows and the stubs read.
void add_fast_function(pybind11::module_& module, PyMethodDef& definition);

} // namespace bestvalue::python
