#pragma once

// State kept in C++ for a Python object, without adding to what the object holds: the id strings
// kept for a Store (id_list.cpp), and the frame image and Arrow arrays of its text kept for a
// Table (bind_table.cpp).

#include <unordered_map>

#include <pybind11/pybind11.h>

namespace bestvalue::python {

/// Values of type `Value`, one for each Python object that asked, each let go when its object
/// goes (a weak reference's callback) or when `clear` is called (at the interpreter's exit,
/// while Python can still take back what a value holds of it). Only touched with the GIL held.
/// It must outlive the objects it keeps values for: make it a function's static.
template <typename Value>
class KeptWith {
public:
    KeptWith() = default;
    KeptWith(const KeptWith&) = delete;
    KeptWith& operator=(const KeptWith&) = delete;

    /// The value kept for `owner`, value-initialised the first time it is asked for.
    /// \throws pybind11::error_already_set if `owner` cannot be weakly referenced.
    Value& of(pybind11::handle owner) {
        auto [found, added] = kept_.try_emplace(owner.ptr());
        if (added) {
            // The weak reference must outlive the call, so it is released here and let go by
            // its own callback, which lets the value go first.
            try {
                const pybind11::cpp_function forget(
                    [this, key = owner.ptr()](pybind11::handle weak) {
                        kept_.erase(key);
                        weak.dec_ref();
                    });
                pybind11::weakref(owner, forget).release();
            } catch (...) {
                kept_.erase(found);
                throw;
            }
        }
        return found->second;
    }

    /// Lets every value go.
    void clear() noexcept { kept_.clear(); }

private:
    std::unordered_map<PyObject*, Value> kept_;
};

} // namespace bestvalue::python
