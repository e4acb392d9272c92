#include <limits>
#include <optional>

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

// An object array of `size` slots, each set from `make(i)` (a new reference).
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
    auto out = array.template mutable_unchecked<1>();
    for (std::size_t i = 0; i < values.size(); ++i) {
        out(static_cast<py::ssize_t>(i)) = static_cast<T>(values[i]);
    }
    return array;
}

// One column as a numpy array: numbers float64 (NaN missing), integers int64, booleans bool,
// dates datetime64[D] (NaT missing), text object arrays of str (None missing), text lists
// object arrays of lists of str.
py::array to_numpy(const Column& column) {
    return std::visit(
        [](const auto& values) -> py::array {
            using Values = std::decay_t<decltype(values)>;
            if constexpr (std::is_same_v<Values, TextValues>) {
                return object_array(values.size(), [&](std::size_t i) -> py::object {
                    return values[i] ? py::object(py::str(*values[i])) : py::object(py::none());
                });
            } else if constexpr (std::is_same_v<Values, TextListValues>) {
                return object_array(values.size(), [&](std::size_t i) -> py::object {
                    py::list list(values[i].size());
                    for (std::size_t j = 0; j < values[i].size(); ++j) {
                        list[j] = py::str(values[i][j]);
                    }
                    return list;
                });
            } else if constexpr (std::is_same_v<Values, DateValues>) {
                const Date epoch(1970, 1, 1);
                py::array_t<std::int64_t> days(static_cast<py::ssize_t>(values.size()));
                auto out = days.mutable_unchecked<1>();
                for (std::size_t i = 0; i < values.size(); ++i) {
                    out(static_cast<py::ssize_t>(i)) =
                        values[i] ? (*values[i] - epoch).days() : not_a_time;
                }
                return days.attr("view")("datetime64[D]");
            } else if constexpr (std::is_same_v<Values, NumberValues>) {
                return number_array<double>(values);
            } else if constexpr (std::is_same_v<Values, IntegerValues>) {
                return number_array<std::int64_t>(values);
            } else {
                return number_array<bool>(values);
            }
        },
        column.values);
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
            [](const Table& table, std::string_view name) { return to_numpy(table.column(name)); },
            py::arg("name"), "The column named name as a numpy array; raises NotFound.")
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
