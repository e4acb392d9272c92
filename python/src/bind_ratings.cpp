// Ratings over time: direction of travel, regimes, histories with directions, ambitions.

#include <bestvalue/error.hpp>
#include <bestvalue/query/ambition.hpp>
#include <bestvalue/query/direction.hpp>
#include <bestvalue/query/regime.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// A history step for Python: it holds a copy of its rating, so it outlives changes to the
// store, where the C++ step points into it.
struct PyHistoryStep {
    Rating rating;
    std::optional<Direction> direction;
};

// A rating given as a Rating or as the id of one in `store`.
const Rating& rating_arg(const Store& store, const py::handle& rating) {
    if (py::isinstance<py::str>(rating)) {
        const std::string id = rating.cast<std::string>();
        const Rating* found = store.find_rating(id);
        if (found == nullptr) {
            throw NotFound("rating", id);
        }
        return *found;
    }
    return rating.cast<const Rating&>();
}

const std::vector<Regime>& regimes_arg(const std::optional<std::vector<Regime>>& regimes) {
    return regimes ? *regimes : builtin_regimes();
}

std::string repr_of(const py::object& value) {
    return py::repr(value).cast<std::string>();
}

template <typename Value>
void equal_by_value(py::class_<Value>& binding) {
    binding.def(
        "__eq__",
        [](const Value& self, const py::object& other) -> py::object {
            if (!py::isinstance<Value>(other)) {
                return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            }
            return py::bool_(self == other.cast<const Value&>());
        },
        py::arg("other"));
}

} // namespace

void bind_ratings(py::module_& module) {
    bind_enum<Direction>(module, "Direction", "How a later rating stands against an earlier one.");
    bind_enum<AmbitionStatus>(module, "AmbitionStatus",
                              "Where an ambition stands on a day: met, missed, not yet due.");

    py::class_<ScaleMapping> mapping(
        module, "ScaleMapping",
        "How the levels of one scale read on another, given explicitly: levels maps a level "
        "code on from_scale to a code on to_scale.");
    mapping
        .def(py::init([](std::string from_scale, std::string to_scale,
                         std::map<std::string, std::string> levels) {
                 return ScaleMapping{std::move(from_scale), std::move(to_scale), std::move(levels)};
             }),
             py::arg("from_scale"), py::arg("to_scale"),
             py::arg("levels") = std::map<std::string, std::string>{},
             "A mapping from the levels of from_scale to those of to_scale.")
        .def_readwrite("from_scale", &ScaleMapping::from_scale, "Scale id of the levels mapped.")
        .def_readwrite("to_scale", &ScaleMapping::to_scale, "Scale id they are read on.")
        .def_readwrite("levels", &ScaleMapping::levels,
                       "Level code on from_scale -> level code on to_scale.")
        .def("__repr__", [](const ScaleMapping& value) {
            return "ScaleMapping(" + repr_of(py::str(value.from_scale)) + ", " +
                   repr_of(py::str(value.to_scale)) + ", " + repr_of(py::cast(value.levels)) + ")";
        });
    equal_by_value(mapping);
    py::setattr(module.attr("ScaleMapping"), "__hash__", py::none());

    py::class_<Regime> regime(module, "Regime",
                              "A scale as one assessment regime used it: the kinds of council "
                              "it rated and the window of dates (inclusive).");
    regime
        .def(
            py::init([](std::string id, std::string name, std::string scale,
                        std::vector<OrganisationKind> kinds, Date from, Date to,
                        std::string source) {
                return Regime{
                    std::move(id),    std::move(name), std::move(scale), std::move(kinds), from, to,
                    std::move(source)};
            }),
            py::arg("id"), py::arg("name"), py::arg("scale"), py::arg("kinds"), py::arg("start"),
            py::arg("end"), py::arg("source") = "",
            "A regime rating kinds of organisation on scale from start to end inclusive.")
        .def_readwrite("id", &Regime::id, "The regime's id: 'cpa-2002-2004-category'.")
        .def_readwrite("name", &Regime::name, "How it is shown.")
        .def_readwrite("scale", &Regime::scale, "The scale id.")
        .def_readwrite("kinds", &Regime::kinds, "The kinds of organisation it rated.")
        .def_readwrite("start", &Regime::from, "First day of the window.")
        .def_readwrite("end", &Regime::to, "Last day of the window.")
        .def_readwrite("source", &Regime::source, "Where the window comes from, in words.")
        .def("covers", &Regime::covers, py::arg("scale"), py::arg("kind"), py::arg("day"),
             "True if it rated organisations of kind on scale on day.")
        .def("__repr__", [](const Regime& value) {
            return "<Regime " + value.id + ": " + value.scale + " " + to_iso(value.from) + " to " +
                   to_iso(value.to) + ">";
        });
    equal_by_value(regime);
    py::setattr(module.attr("Regime"), "__hash__", py::none());

    py::class_<PyHistoryStep>(module, "HistoryStep",
                              "One step of a history: a rating (a copy) and its direction from "
                              "the step before (None for the first, undated ones and steps "
                              "across regimes).")
        .def_readonly("rating", &PyHistoryStep::rating, "The rating.")
        .def_readonly("direction", &PyHistoryStep::direction,
                      "Its direction from the step before, or None.")
        .def("__repr__", [](const PyHistoryStep& step) {
            return "<HistoryStep " + step.rating.id + " " + step.rating.level + " " +
                   (step.direction ? std::string(to_name(*step.direction)) : "-") + ">";
        });

    py::class_<AmbitionCheck> check(module, "AmbitionCheck",
                                    "A plan target on a scale, checked against the ratings of "
                                    "the plan's organisation on a day.");
    check.def_readonly("plan", &AmbitionCheck::plan, "The plan id.")
        .def_readonly("target", &AmbitionCheck::target, "The target's text.")
        .def_readonly("scale", &AmbitionCheck::scale, "The scale id.")
        .def_readonly("level", &AmbitionCheck::level, "The level aimed at.")
        .def_readonly("due", &AmbitionCheck::due,
                      "Last day of the target's due, or None if it has none readable.")
        .def_readonly("status", &AmbitionCheck::status, "Met, missed or not yet due.")
        .def_readonly("rating", &AmbitionCheck::rating,
                      "Met: the rating that reached the level; otherwise the latest rating "
                      "counted, or '' when there is none.")
        .def("__repr__", [](const AmbitionCheck& value) {
            return "<AmbitionCheck " + value.plan + ": " + value.scale + " " + value.level +
                   " by " + (value.due ? to_iso(*value.due) : std::string("?")) + " " +
                   std::string(to_name(value.status)) + ">";
        });
    equal_by_value(check);
    py::setattr(module.attr("AmbitionCheck"), "__hash__", py::none());

    module.def("builtin_regimes", &builtin_regimes,
               "The regimes bestvalue knows, with their windows (docs/ratings.md).");
    module.def(
        "regime_of",
        [](std::string_view scale, OrganisationKind kind, Date day,
           const std::optional<std::vector<Regime>>& regimes) {
            return regime_of(scale, kind, day, regimes_arg(regimes));
        },
        py::arg("scale"), py::arg("kind"), py::arg("day"), py::arg("regimes") = py::none(),
        "The regime that rated organisations of kind on scale on day, or None; regimes "
        "defaults to builtin_regimes().");
    module.def(
        "regime_of_rating",
        [](const Store& store, const py::object& rating,
           const std::optional<std::vector<Regime>>& regimes) {
            return regime_of_rating(store, rating_arg(store, rating), regimes_arg(regimes));
        },
        py::arg("store"), py::arg("rating"), py::arg("regimes") = py::none(),
        "The regime a rating (or rating id) was given under, or None if it is undated or no "
        "regime covers it.");
    module.def(
        "direction_between",
        [](const Store& store, const py::object& earlier, const py::object& later,
           const std::optional<ScaleMapping>& mapping,
           const std::optional<std::vector<Regime>>& regimes) {
            return direction_between(store, rating_arg(store, earlier), rating_arg(store, later),
                                     mapping, regimes_arg(regimes));
        },
        py::arg("store"), py::arg("earlier"), py::arg("later"), py::arg("mapping") = py::none(),
        py::arg("regimes") = py::none(),
        "Whether later (a Rating or id) is higher, lower or level with earlier on the scale. "
        "Raises Error for ratings on different scales or regimes unless a ScaleMapping is "
        "given.");
    module.def(
        "history_with_directions",
        [](const Store& store, std::string_view subject, std::string_view scale,
           std::string_view service_area, std::string_view component,
           const std::optional<std::vector<Regime>>& regimes) {
            std::vector<PyHistoryStep> steps;
            for (const auto& step : history_with_directions(store, subject, scale, service_area,
                                                            component, regimes_arg(regimes))) {
                steps.push_back({*step.rating, step.direction});
            }
            return steps;
        },
        py::arg("store"), py::arg("subject"), py::arg("scale"), py::arg("service_area") = "",
        py::arg("component") = "", py::arg("regimes") = py::none(),
        "A subject's ratings on a scale for one service area and component ('' for the whole "
        "body), oldest first, each with its direction from the step before.");
    module.def(
        "compare_subjects",
        [](const Store& store, std::string_view scale, int year, OrganisationKind kind,
           std::string_view component) {
            std::vector<Rating> found;
            for (const Rating* rating : compare_subjects(store, scale, year, kind, component)) {
                found.push_back(*rating);
            }
            return found;
        },
        py::arg("store"), py::arg("scale"), py::arg("year"), py::arg("kind"),
        py::arg("component") = "",
        "The whole-body ratings on scale dated in year of subjects of kind, highest level "
        "first, then by subject id: copies.");
    module.def("check_ambitions", &check_ambitions, py::arg("store"), py::arg("day"),
               "Every plan target on a scale, checked against the plan organisation's ratings "
               "as known on day: met, missed or not yet due.");
}

} // namespace bestvalue::python
