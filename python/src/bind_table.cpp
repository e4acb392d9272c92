#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <bestvalue/error.hpp>
#include <bestvalue/query/table.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "casters.hpp"
#include "column_layout.hpp"
#include "frame_image.hpp"
#include "kept_with.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// What is kept with a Python Table for the frames and Arrow tables made of it, let go with the
// table (a Table does not change once made).
struct KeptForTable {
    // Laid out the first time frame_arrays() is called.
    std::unique_ptr<const FrameImage> frame_image;
    // What bestvalue.frames makes of the table once: the Arrow arrays of its text, which hold
    // the C++ table by the views text_buffers() gives, never the Python table, so no cycle
    // keeps the table; its columns' names, types and categories.
    py::dict frames_kept;
};

KeptWith<KeptForTable>& kept_for_tables() {
    static KeptWith<KeptForTable> kept;
    return kept;
}

// A new str of UTF-8 text.
py::object new_str(std::string_view text) {
    PyObject* made =
        PyUnicode_DecodeUTF8(text.data(), static_cast<py::ssize_t>(text.size()), nullptr);
    if (made == nullptr) {
        throw py::error_already_set();
    }
    return py::reinterpret_steal<py::object>(made);
}

// Makes the str of each value of a column, once per distinct value while values repeat (plans,
// organisations, sections, officer ids): a later row shares the first's object, which saves
// decoding and memory. Once distinct values outnumber repeats past a first stretch (ids,
// titles), it stops looking them up and makes each afresh.
class StrMaker {
public:
    py::object operator()(std::string_view text) {
        if (!sharing_) {
            return new_str(text);
        }
        const auto [found, inserted] = made_.try_emplace(text);
        if (!inserted) {
            ++repeats_;
            return found->second;
        }
        try {
            found->second = new_str(text);
        } catch (...) {
            made_.erase(found);
            throw;
        }
        if (made_.size() > sample && made_.size() > repeats_) {
            sharing_ = false;
        }
        return found->second;
    }

private:
    static constexpr std::size_t sample = 256;
    // Keys view the table's strings, which outlive the maker.
    std::unordered_map<std::string_view, py::object> made_;
    std::size_t repeats_ = 0;
    bool sharing_ = true;
};

// Holds Python's cyclic garbage collector off while it lives: a list per row would otherwise set
// off collections that walk every object Python has, many times over, though lists of str can
// form no cycle.
class CollectorPause {
public:
    CollectorPause()
        : gc_(py::module_::import("gc"))
        , was_enabled_(gc_.attr("isenabled")().cast<bool>()) {
        gc_.attr("disable")();
    }
    ~CollectorPause() {
        if (was_enabled_) {
            // No throwing from a destructor: a failure (there is none in CPython) is dropped.
            PyObject* done = PyObject_CallMethod(gc_.ptr(), "enable", nullptr);
            if (done == nullptr) {
                PyErr_Clear();
            }
            Py_XDECREF(done);
        }
    }
    CollectorPause(const CollectorPause&) = delete;
    CollectorPause& operator=(const CollectorPause&) = delete;

private:
    py::module_ gc_;
    bool was_enabled_;
};

// An object array of `size` slots, each set from `make(i)` (a py::object).
template <typename Make>
py::array object_array(std::size_t size, Make make) {
    py::array array(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(size)});
    auto* slots = static_cast<PyObject**>(array.mutable_data());
    for (std::size_t i = 0; i < size; ++i) {
        PyObject* old = slots[i];
        slots[i] = make(i).release().ptr();
        Py_XDECREF(old); // numpy fills new object arrays with None (or NULL)
    }
    return array;
}

// A new array of a column's values as fixed-size items (column_layout.hpp), which it must have.
py::array fixed_array(const Column& column, DateUnit date_unit) {
    const auto layout = fixed_layout(column, date_unit);
    py::array array(py::dtype(std::string(layout->dtype)),
                    std::vector<py::ssize_t>{static_cast<py::ssize_t>(column.size())});
    write_fixed(column, date_unit, static_cast<std::byte*>(array.mutable_data()));
    return array;
}

// The codes of a column naming enumerators as a new array (pandas may write to a Categorical's
// codes), of the type pandas keeps them in (column_layout.hpp).
py::array codes_of(const Column& column) {
    if (column.type() != ColumnType::text || column.categories.empty()) {
        throw Error("column '" + column.name + "' does not name enumerators");
    }
    return fixed_array(column, DateUnit::days);
}

// One column as a numpy array: numbers float64 (NaN missing), integers int64, booleans bool,
// dates datetime64[D] or [s] (NaT missing), text object arrays of str (None missing), text
// lists object arrays of lists of str.
py::array to_numpy(const Column& column, DateUnit date_unit = DateUnit::days) {
    return std::visit(
        [&column, date_unit](const auto& values) -> py::array {
            using Values = std::decay_t<decltype(values)>;
            if constexpr (std::is_same_v<Values, TextValues>) {
                StrMaker make_str;
                return object_array(values.size(), [&](std::size_t i) -> py::object {
                    return values[i] ? make_str(*values[i]) : py::object(py::none());
                });
            } else if constexpr (std::is_same_v<Values, TextListValues>) {
                StrMaker make_str;
                const CollectorPause pause;
                return object_array(values.size(), [&](std::size_t i) -> py::object {
                    const auto& texts = values[i];
                    PyObject* made = PyList_New(static_cast<py::ssize_t>(texts.size()));
                    if (made == nullptr) {
                        throw py::error_already_set();
                    }
                    auto list = py::reinterpret_steal<py::object>(made);
                    for (std::size_t j = 0; j < texts.size(); ++j) {
                        // SET_ITEM takes the reference over.
                        PyList_SET_ITEM(made, static_cast<py::ssize_t>(j),
                                        make_str(texts[j]).release().ptr());
                    }
                    return list;
                });
            } else {
                return fixed_array(column, date_unit);
            }
        },
        column.values);
}

// A read-only numpy array of `size` values of `dtype` at `data`, which `owner` (a Python object)
// keeps alive.
py::array read_only_view(const py::dtype& dtype, const void* data, std::size_t size,
                         const py::handle owner) {
    py::array view(dtype, std::vector<py::ssize_t>{static_cast<py::ssize_t>(size)}, data, owner);
    view.attr("setflags")(py::arg("write") = false);
    return view;
}

// Where texts start, as int64 (Arrow's large offsets): std::size_t has the same bytes, and
// offsets never reach 2^63.
py::array starts_view(std::span<const std::size_t> starts, const py::handle owner) {
    static_assert(sizeof(std::size_t) == sizeof(std::int64_t));
    return read_only_view(py::dtype::of<std::int64_t>(), starts.data(), starts.size(), owner);
}

// An owner for views of a table's buffers: a capsule sharing the C++ table, so that a view, or
// anything made of it, keeps the table without keeping its Python object.
py::capsule table_owner(std::shared_ptr<Table> table) {
    auto held = std::make_unique<std::shared_ptr<const Table>>(std::move(table));
    py::capsule owner(held.get(), [](void* table) {
        std::unique_ptr<std::shared_ptr<const Table>>(
            static_cast<std::shared_ptr<const Table>*>(table))
            .reset();
    });
    static_cast<void>(held.release()); // the capsule holds it now
    return owner;
}

// A text or text list column in Arrow's layout (see Table.text_buffers): views of the table's
// own buffers, which `owner` (`table_owner`) keeps alive; no text is copied.
py::tuple text_buffers(const Column& column, const py::handle owner) {
    if (const auto* values = std::get_if<TextValues>(&column.values)) {
        const auto bytes = values->texts().bytes();
        const auto present = values->present(); // a byte of 0 or 1 each: numpy's bool
        return py::make_tuple(
            starts_view(values->texts().starts(), owner),
            read_only_view(py::dtype::of<std::uint8_t>(), bytes.data(), bytes.size(), owner),
            read_only_view(py::dtype::of<bool>(), present.data(), present.size(), owner));
    }
    if (const auto* lists = std::get_if<TextListValues>(&column.values)) {
        const auto bytes = lists->texts().bytes();
        return py::make_tuple(
            starts_view(lists->texts().starts(), owner),
            read_only_view(py::dtype::of<std::uint8_t>(), bytes.data(), bytes.size(), owner),
            starts_view(lists->row_starts(), owner));
    }
    throw Error("column '" + column.name + "' is of type " + std::string(to_name(column.type())));
}

// What a table's row is, from what the store's find gives: a pointer, or the view found.
template <typename Found>
struct RowOf {
    using type = Found;
};
template <typename View>
struct RowOf<std::optional<View>> {
    using type = View;
};

// Entities named in Python by the entity (a copy: looked up by its id) or by the id, resolved to
// those the store holds, as the store gives them (pointers; views of actions); None means every
// one.
template <typename Entity, typename All, typename Find>
auto resolve(const Store& store, const std::optional<py::iterable>& items, All all, Find find,
             std::string_view kind) {
    using Found = decltype((store.*find)(std::string_view()));
    constexpr bool pointed = std::is_pointer_v<Found>;
    using Row = typename RowOf<Found>::type;
    std::vector<Row> found;
    if (!items) {
        const auto& entities = (store.*all)();
        found.reserve(entities.size());
        for (std::size_t i = 0; i < entities.size(); ++i) {
            if constexpr (pointed) {
                found.push_back(&entities[i]);
            } else {
                found.push_back(entities[i]);
            }
        }
        return found;
    }
    if (py::isinstance<py::str>(*items)) {
        throw py::type_error("expected a list of " + std::string(kind) + "s or ids, not one id");
    }
    for (const py::handle item : *items) {
        const std::string id = py::isinstance<py::str>(item) ? item.cast<std::string>()
                                                             : item.cast<const Entity&>().id;
        const auto entity = (store.*find)(id);
        if (!entity) {
            throw NotFound(kind, id);
        }
        if constexpr (pointed) {
            found.push_back(entity);
        } else {
            found.push_back(*entity);
        }
    }
    return found;
}

} // namespace

void bind_table(py::module_& module) {
    // What is kept with tables holds Python objects: let go while Python can take them back.
    py::module_::import("atexit").attr("register")(
        py::cpp_function([] { kept_for_tables().clear(); }));
    bind_enum<ColumnType>(module, "ColumnType", "The types a table column can have.");

    // Held by a shared pointer, so that views of its buffers can hold the C++ table without the
    // Python one.
    py::class_<Table, std::shared_ptr<Table>>(
        module, "Table",
        "Query results as named, typed columns, built in C++: columns() gives "
        "numpy arrays; bestvalue.to_pandas and bestvalue.to_arrow convert it.")
        .def_property_readonly("column_names", &Table::column_names,
                               "The names of the columns, in order.")
        .def_property_readonly(
            "column_types",
            [](const Table& table) {
                py::dict types;
                for (const auto& column : table.columns()) {
                    types[py::str(column.name)] = py::cast(column.type());
                }
                return types;
            },
            "The type of each column, by name, in order.")
        .def_property_readonly(
            "categories",
            [](const Table& table) {
                py::dict categories;
                for (const auto& column : table.columns()) {
                    if (!column.categories.empty()) {
                        categories[py::str(column.name)] = py::cast(column.categories);
                    }
                }
                return categories;
            },
            "For each column whose values name an enumerator: every name, in the enum's order.")
        .def("__len__", &Table::row_count, "The number of rows.")
        .def(
            "column",
            [](const Table& table, std::string_view name, std::string_view date_unit) {
                return to_numpy(table.column(name), date_unit_named(date_unit));
            },
            py::arg("name"), py::kw_only(), py::arg("date_unit") = "D",
            "The column named name as a numpy array; raises NotFound. Dates are datetime64[D], "
            "or datetime64[s] with date_unit='s' (what pandas holds dates in, so it need not "
            "convert them); ValueError for another unit.")
        .def(
            "columns",
            [](const Table& table) {
                py::dict columns;
                for (const auto& column : table.columns()) {
                    columns[py::str(column.name)] = to_numpy(column);
                }
                return columns;
            },
            "Every column as a numpy array, by name, in order: float64 (NaN missing), int64, "
            "bool, datetime64[D] (NaT missing), object arrays of str (None missing) or of lists "
            "of str.")
        .def(
            "codes",
            [](const Table& table, std::string_view name) { return codes_of(table.column(name)); },
            py::arg("name"),
            "The column named name, whose values name enumerators, as codes: each value's "
            "position in categories[name], -1 where missing (what "
            "pandas.Categorical.from_codes takes), in a new array of the type pandas keeps "
            "them in (int8 for fewer than 128 categories, else int16). Raises NotFound, or "
            "Error for another column.")
        .def_property_readonly(
            "_kept", [](const py::object& self) { return kept_for_tables().of(self).frames_kept; },
            "A dict kept with the table, and let go with it, for what bestvalue.frames makes of "
            "it once: the Arrow arrays of its text, its columns' names, types and categories.")
        .def(
            "frame_arrays",
            [](const py::object& self) {
                auto& image = kept_for_tables().of(self).frame_image;
                if (!image) {
                    image = std::make_unique<const FrameImage>(self.cast<const Table&>());
                }
                return image->arrays();
            },
            "The columns that are not free text or lists, in the forms a pandas frame holds "
            "them, as new arrays by name, in order: dates datetime64[s] (NaT missing), numbers "
            "float64, integers int64, booleans bool, and for each column naming enumerators its "
            "codes (as codes() gives them). They are the caller's own and writable. The first "
            "call lays them out once, kept with the table; on Linux, where they take 1 MiB or "
            "more, each call after maps that copy-on-write, so nothing is copied until an array "
            "is written, and then only the pages written; else each call copies it. Raises "
            "Error as codes() does.")
        .def(
            "text_buffers",
            [](const py::object& self, std::string_view name) {
                auto table = self.cast<std::shared_ptr<Table>>();
                const Column& column = table->column(name);
                return text_buffers(column, table_owner(std::move(table)));
            },
            py::arg("name"),
            "The text or text list column named name in Arrow's layout, as numpy arrays: "
            "offsets (int64, one more than there are strings; string i is "
            "data[offsets[i]:offsets[i + 1]]) and data (uint8, UTF-8), then for text whether "
            "each row has a value (bool), for a text list where each row's strings start "
            "(int64, one more than there are rows). The arrays are read-only views of the "
            "table's own buffers, which they keep alive: nothing is copied. Raises NotFound, or "
            "Error for another column.")
        .def("__repr__", [](const Table& table) {
            return "<Table of " + std::to_string(table.row_count()) + " rows and " +
                   std::to_string(table.column_count()) + " columns>";
        });
}

void bind_table_functions(py::module_& module) {
    module.def("_map_frame_images_from", &FrameImage::map_from, py::arg("bytes"),
               "The smallest frame image, in bytes, laid out from now on to be mapped (1 MiB "
               "unless set); gives the size before. For tests of both paths.");
    module.def(
        "action_table",
        [](const Store& store, const std::optional<py::iterable>& actions,
           std::optional<Date> as_of) {
            const auto rows =
                resolve<Action>(store, actions, &Store::actions, &Store::find_action, "action");
            return action_table(store, rows,
                                as_of.value_or(boost::gregorian::day_clock::local_day()));
        },
        py::arg("store"), py::arg("actions") = py::none(), py::arg("as_of") = py::none(),
        "The actions (Action objects or ids; None: all of store's) as a Table, with lifecycle, "
        "health, overdue and percent as of as_of (default today).");
    module.def(
        "recommendation_table",
        [](const Store& store, const std::optional<py::iterable>& recommendations) {
            return recommendation_table(
                store, resolve<Recommendation>(store, recommendations, &Store::recommendations,
                                               &Store::find_recommendation, "recommendation"));
        },
        py::arg("store"), py::arg("recommendations") = py::none(),
        "The recommendations (objects or ids; None: all of store's) as a Table.");
    module.def(
        "assessment_table",
        [](const Store& store, const std::optional<py::iterable>& assessments) {
            return assessment_table(store,
                                    resolve<Assessment>(store, assessments, &Store::assessments,
                                                        &Store::find_assessment, "assessment"));
        },
        py::arg("store"), py::arg("assessments") = py::none(),
        "The assessments (objects or ids; None: all of store's) as a Table.");
    module.def(
        "rating_table",
        [](const Store& store, const std::optional<py::iterable>& ratings) {
            return rating_table(store, resolve<Rating>(store, ratings, &Store::ratings,
                                                       &Store::find_rating, "rating"));
        },
        py::arg("store"), py::arg("ratings") = py::none(),
        "The ratings (objects or ids; None: all of store's) as a Table.");
    module.def(
        "plan_table",
        [](const Store& store, const std::optional<py::iterable>& plans) {
            return plan_table(
                store, resolve<Plan>(store, plans, &Store::plans, &Store::find_plan, "plan"));
        },
        py::arg("store"), py::arg("plans") = py::none(),
        "The plans (objects or ids; None: all of store's) as a Table.");
}

} // namespace bestvalue::python
