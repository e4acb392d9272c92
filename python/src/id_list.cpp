#include "id_list.hpp"

#include <cstring>
#include <unordered_map>

#include "kept_with.hpp"

namespace bestvalue::python {

namespace {

// The strings kept for one Python Store: by id list (its address in the index), for the
// index of one generation.
struct KeptForStore {
    std::uint64_t generation = 0;
    std::unordered_map<const PackedTexts*, IdStrings> lists;
};

// By Python Store.
KeptWith<KeptForStore>& kept_for_stores() {
    static KeptWith<KeptForStore> kept;
    return kept;
}

} // namespace

IdStrings& IdStrings::of(pybind11::handle store, const StoreIndex& index, const PackedTexts& ids) {
    KeptForStore& for_store = kept_for_stores().of(store);
    if (for_store.generation != index.generation()) {
        for_store.lists.clear();
        for_store.generation = index.generation();
    }
    IdStrings& strings = for_store.lists[&ids];
    if (strings.strings_.size() != ids.size()) {
        // Made for this generation's list only, so it held nothing yet.
        strings.strings_.assign(ids.size(), nullptr);
    }
    return strings;
}

void IdStrings::let_go_at_exit() {
    pybind11::module_::import("atexit").attr("register")(
        pybind11::cpp_function([] { kept_for_stores().clear(); }));
}

IdStrings::~IdStrings() {
    // Strings kept after the interpreter has ended (were `let_go_at_exit` not called) are not
    // let go then, as nothing of Python may be touched.
    if (Py_IsInitialized() == 0) {
        return;
    }
    for (PyObject* string : strings_) {
        Py_XDECREF(string);
    }
}

PyObject* IdStrings::take(const PackedTexts& ids, std::size_t handle) {
    PyObject*& string = strings_[handle];
    if (string == nullptr) {
        const std::string_view id = ids[handle];
        const auto size = static_cast<Py_ssize_t>(id.size());
        PyObject* made = nullptr;
        if (ids.is_ascii()) {
            // An ASCII string's characters are its bytes: copied in, not decoded.
            made = PyUnicode_New(size, 0x7F);
            if (made != nullptr) {
                std::memcpy(PyUnicode_1BYTE_DATA(made), id.data(), id.size());
            }
        } else {
            made = PyUnicode_DecodeUTF8(id.data(), size, nullptr);
        }
        if (made == nullptr) {
            throw pybind11::error_already_set();
        }
        string = made;
    }
    Py_INCREF(string);
    return string;
}

} // namespace bestvalue::python
