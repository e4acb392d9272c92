#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include <bestvalue/error.hpp>
#include <bestvalue/query/table.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// numpy's datetime64 counts from the Unix epoch and marks NaT with the smallest int64.
constexpr std::int64_t not_a_time = std::numeric_limits<std::int64_t>::min();

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

template <typename T, typename Values>
py::array_t<T> number_array(const Values& values) {
    py::array_t<T> array(static_cast<py::ssize_t>(values.size()));
    T* out = array.mutable_data();
    std::transform(values.begin(), values.end(), out,
                   [](auto value) { return static_cast<T>(value); });
    return array;
}

// The units numpy can count dates in here: days, or seconds (what pandas holds dates in).
enum class DateUnit { days, seconds };

DateUnit date_unit_named(std::string_view name) {
    if (name == "D") {
        return DateUnit::days;
    }
    if (name == "s") {
        return DateUnit::seconds;
    }
    throw py::value_error("date_unit must be 'D' or 's', not '" + std::string(name) + "'");
}

// One column as a numpy array: numbers float64 (NaN missing), integers int64, booleans bool,
// dates datetime64[D] or [s] (NaT missing), text object arrays of str (None missing), text
// lists object arrays of lists of str.
py::array to_numpy(const Column& column, DateUnit date_unit = DateUnit::days) {
    return std::visit(
        [date_unit](const auto& values) -> py::array {
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
            } else if constexpr (std::is_same_v<Values, DateValues>) {
                // A day's number less the epoch's: what subtracting the dates gives, without
                // the checks for special values that a day never is.
                const auto epoch = static_cast<std::int64_t>(Date(1970, 1, 1).day_number());
                const std::int64_t per_day = date_unit == DateUnit::seconds ? 86'400 : 1;
                py::array_t<std::int64_t> counts(static_cast<py::ssize_t>(values.size()));
                std::int64_t* out = counts.mutable_data();
                for (std::size_t i = 0; i < values.size(); ++i) {
                    out[i] =
                        values[i]
                            ? (static_cast<std::int64_t>(values[i]->day_number()) - epoch) * per_day
                            : not_a_time;
                }
                return counts.attr("view")(date_unit == DateUnit::seconds ? "datetime64[s]"
                                                                          : "datetime64[D]");
            } else if constexpr (std::is_same_v<Values, NumberValues>) {
                return number_array<double>(values);
            } else if constexpr (std::is_same_v<Values, IntegerValues>) {
                return number_array<std::int64_t>(values);
            } else {
                // A byte of 0 or 1 per row, as numpy's bool is.
                py::array_t<bool> flags(static_cast<py::ssize_t>(values.size()));
                std::memcpy(flags.mutable_data(), values.data(), values.size());
                return flags;
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

// Fills `out` with the codes of a column naming enumerators: each value's position among its
// categories, -1 where missing; those the column holds, else found from the text.
template <typename Code>
void fill_codes(const Column& column, const TextValues& values, Code* out) {
    if (column.codes.size() == values.size()) {
        std::transform(column.codes.begin(), column.codes.end(), out,
                       [](std::int16_t code) { return static_cast<Code>(code); });
        return;
    }
    const auto& categories = column.categories;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& value = values[i];
        if (!value) {
            out[i] = -1;
            continue;
        }
        const auto found = std::find(categories.begin(), categories.end(), *value);
        if (found == categories.end()) {
            throw Error("column '" + column.name + "' holds '" + std::string(*value) +
                        "', not one of its categories");
        }
        out[i] = static_cast<Code>(found - categories.begin());
    }
}

// The codes of a column naming enumerators as a new array (pandas may write to a Categorical's
// codes), of the type pandas keeps them in: int8 for fewer than 128 categories, else int16.
// Codes of any other type pandas would convert, copying them again.
py::array codes_of(const Column& column) {
    const auto* values = std::get_if<TextValues>(&column.values);
    if (values == nullptr || column.categories.empty()) {
        throw Error("column '" + column.name + "' does not name enumerators");
    }
    const auto rows = static_cast<py::ssize_t>(values->size());
    if (column.categories.size() > static_cast<std::size_t>(INT16_MAX)) {
        throw Error("column '" + column.name + "' has " + std::to_string(column.categories.size()) +
                    " categories, more than codes of int16 can number");
    }
    if (column.categories.size() < 128) {
        py::array_t<std::int8_t> codes(rows);
        fill_codes(column, *values, codes.mutable_data());
        return codes;
    }
    py::array_t<std::int16_t> codes(rows);
    fill_codes(column, *values, codes.mutable_data());
    return codes;
}

// A text or text list column in Arrow's layout (see Table.text_buffers): views of the table's
// own buffers, which `owner`, the Python table, keeps alive; no text is copied.
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

// Entities named in Python by the entity (a copy: looked up by its id) or by the id, resolved to
// those the store holds; None means every one.
template <typename Entity, typename All, typename Find>
std::vector<const Entity*> resolve(const Store& store, const std::optional<py::iterable>& items,
                                   All all, Find find, std::string_view kind) {
    std::vector<const Entity*> found;
    if (!items) {
        for (const Entity& entity : (store.*all)()) {
            found.push_back(&entity);
        }
        return found;
    }
    if (py::isinstance<py::str>(*items)) {
        throw py::type_error("expected a list of " + std::string(kind) + "s or ids, not one id");
    }
    for (const py::handle item : *items) {
        const std::string id = py::isinstance<py::str>(item) ? item.cast<std::string>()
                                                             : item.cast<const Entity&>().id;
        const Entity* entity = (store.*find)(id);
        if (entity == nullptr) {
            throw NotFound(kind, id);
        }
        found.push_back(entity);
    }
    return found;
}

} // namespace

void bind_table(py::module_& module) {
    bind_enum<ColumnType>(module, "ColumnType", "The types a table column can have.");

    py::class_<Table>(module, "Table",
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
        .def(
            "text_buffers",
            [](const py::object& self, std::string_view name) {
                return text_buffers(self.cast<const Table&>().column(name), self);
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
