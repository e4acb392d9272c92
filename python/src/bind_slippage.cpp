#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/query/completion_series.hpp>
#include <bestvalue/query/computed_health.hpp>
#include <bestvalue/query/slippage.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// Actions given as Actions or as ids of actions in a store, as views: of the store's own, or of
// a table, kept here, of the Actions given. An Action is used as given, so its due may differ
// from the stored one's; the history always comes from the store.
class GivenActions {
public:
    explicit GivenActions(const Store& store)
        : store_(&store) {}
    // The views are of this object's table.
    GivenActions(const GivenActions&) = delete;
    GivenActions& operator=(const GivenActions&) = delete;

    // `action`, an Action or an id, as a view valid while this object lives.
    ActionView view(const py::handle& action) {
        if (py::isinstance<py::str>(action)) {
            return store_->get_action(action.cast<std::string>());
        }
        given_.push_back(action.cast<const Action&>());
        return given_[given_.size() - 1];
    }

private:
    const Store* store_;
    ActionTable given_;
};

std::string repr_of(const py::object& value) {
    return py::repr(value).cast<std::string>();
}

} // namespace

void bind_slippage(py::module_& module) {
    bind_enum<Baseline>(module, "Baseline",
                        "What slippage is measured against: the original due, or the latest "
                        "approved revision.");

    py::class_<Slippage>(module, "Slippage",
                         "How an action's due stood on a day: its original, baseline and "
                         "current last days, the revisions known and the days slipped. A "
                         "revision is known on a day if it is undated or made on or before it.")
        .def_readonly("baseline", &Slippage::baseline, "What baseline_end was measured from.")
        .def_readonly("original_end", &Slippage::original_end,
                      "The last day of the original due, or None if it could not be read.")
        .def_readonly("baseline_end", &Slippage::baseline_end,
                      "The last day of the baseline: the original due's, or the latest approved "
                      "revision's known on the day.")
        .def_readonly("current_end", &Slippage::current_end,
                      "The last day of the due in force on the day: the latest revision known "
                      "then, else the original.")
        .def_readonly("revisions", &Slippage::revisions, "How many revisions were known.")
        .def_readonly("days_slipped", &Slippage::days_slipped,
                      "current_end - baseline_end in days (negative if brought forward), or "
                      "None when either is unknown.")
        .def(
            "__eq__",
            [](const Slippage& self, const py::object& other) -> py::object {
                if (!py::isinstance<Slippage>(other)) {
                    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                }
                return py::bool_(self == other.cast<const Slippage&>());
            },
            py::arg("other"))
        .def("__repr__", [](const Slippage& slip) {
            return "<Slippage " + std::string(to_name(slip.baseline)) +
                   ": original_end=" + repr_of(py::cast(slip.original_end)) +
                   ", baseline_end=" + repr_of(py::cast(slip.baseline_end)) +
                   ", current_end=" + repr_of(py::cast(slip.current_end)) +
                   ", revisions=" + std::to_string(slip.revisions) +
                   ", days_slipped=" + repr_of(py::cast(slip.days_slipped)) + ">";
        });
    py::setattr(module.attr("Slippage"), "__hash__", py::none());

    module.def(
        "slippage_on",
        [](const Action& action, std::optional<Date> day, Baseline baseline) {
            ActionTable given;
            given.push_back(action);
            return day ? slippage_on(given[0], *day, baseline) : slippage_of(given[0], baseline);
        },
        py::arg("action"), py::arg("day") = py::none(),
        py::arg_v("baseline", Baseline::original, "Baseline.original"),
        "The slippage of action as known on day (None: counting every revision), against "
        "baseline.");

    py::class_<HealthThresholds>(module, "HealthThresholds",
                                 "How far behind the expected percent complete an action may "
                                 "be: green at or above on_track x expected, red below "
                                 "off_track x expected, amber between. Valid when 0 < off_track "
                                 "<= on_track <= 1.")
        .def(py::init([](double on_track, double off_track) {
                 HealthThresholds thresholds{on_track, off_track};
                 thresholds.validate();
                 return thresholds;
             }),
             py::arg("on_track") = 0.9, py::arg("off_track") = 0.7,
             "Thresholds as fractions of the expected progress; raises ValidationError unless "
             "0 < off_track <= on_track <= 1.")
        .def_readwrite("on_track", &HealthThresholds::on_track,
                       "At or above this fraction of the expected progress: green.")
        .def_readwrite("off_track", &HealthThresholds::off_track,
                       "Below this fraction of the expected progress: red.")
        .def("validate", &HealthThresholds::validate,
             "Raises ValidationError unless 0 < off_track <= on_track <= 1.")
        .def(
            "__eq__",
            [](const HealthThresholds& self, const py::object& other) -> py::object {
                if (!py::isinstance<HealthThresholds>(other)) {
                    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                }
                return py::bool_(self == other.cast<const HealthThresholds&>());
            },
            py::arg("other"))
        .def("__repr__", [](const HealthThresholds& thresholds) {
            return "HealthThresholds(on_track=" + repr_of(py::float_(thresholds.on_track)) +
                   ", off_track=" + repr_of(py::float_(thresholds.off_track)) + ")";
        });
    py::setattr(module.attr("HealthThresholds"), "__hash__", py::none());

    module.def(
        "health_start_of",
        [](const Store& store, const py::object& action) {
            GivenActions given(store);
            return health_start_of(store, given.view(action));
        },
        py::arg("store"), py::arg("action"),
        "The day an action's expected progress is measured from: its plan's adopted date, else "
        "its reference date, else its first progress update; None if none is known.");
    module.def(
        "computed_health_on",
        [](const Store& store, const py::object& action, Date day,
           const HealthThresholds& thresholds) {
            GivenActions given(store);
            return computed_health_on(store, given.view(action), day, thresholds);
        },
        py::arg("store"), py::arg("action"), py::arg("day"),
        py::arg("thresholds") = HealthThresholds{},
        "The health an action's dates and percent complete give on day: blue if completed, "
        "red if past its due, else by the percent against the expected (elapsed / duration); "
        "None if cancelled or superseded, or without a start, a readable due or a percent. "
        "action is an Action or an id.");
    module.def(
        "health_disagrees_on",
        [](const Store& store, const py::object& action, Date day,
           const HealthThresholds& thresholds) {
            GivenActions given(store);
            return health_disagrees_on(store, given.view(action), day, thresholds);
        },
        py::arg("store"), py::arg("action"), py::arg("day"),
        py::arg("thresholds") = HealthThresholds{},
        "True if on day the action has both a reported and a computed health and they differ. "
        "action is an Action or an id.");

    py::class_<CompletionPoint>(module, "CompletionPoint",
                                "Where a set of actions stood at the end of one step of a "
                                "completion series.")
        .def_readonly("label", &CompletionPoint::label,
                      "The step: 'Q2 2003/04', 'July 2003', '2003/04', 'H1 2003/04', 'week "
                      "ending 6 July 2003'.")
        .def_readonly("end", &CompletionPoint::end,
                      "The step's last day, on which statuses were taken.")
        .def_readonly("total", &CompletionPoint::total,
                      "Actions neither cancelled nor superseded on end.")
        .def_readonly("completed", &CompletionPoint::completed, "Of those, the ones completed.")
        .def_readonly("percent", &CompletionPoint::percent,
                      "100 x completed / total; 0.0 when total is 0.")
        .def(
            "__eq__",
            [](const CompletionPoint& self, const py::object& other) -> py::object {
                if (!py::isinstance<CompletionPoint>(other)) {
                    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                }
                return py::bool_(self == other.cast<const CompletionPoint&>());
            },
            py::arg("other"))
        .def("__repr__", [](const CompletionPoint& point) {
            return "<CompletionPoint " + repr_of(py::str(point.label)) + " " + to_iso(point.end) +
                   ": " + std::to_string(point.completed) + "/" + std::to_string(point.total) + ">";
        });
    py::setattr(module.attr("CompletionPoint"), "__hash__", py::none());

    module.def(
        "completion_series",
        [](const Store& store, const py::iterable& actions, const py::object& span,
           Frequency step) {
            GivenActions given(store);
            std::vector<ActionView> chosen;
            for (const auto& action : actions) {
                chosen.push_back(given.view(action));
            }
            const Period period = py::isinstance<py::str>(span)
                                      ? parse_period(span.cast<std::string>())
                                      : span.cast<Period>();
            return completion_series(store, chosen, period, step);
        },
        py::arg("store"), py::arg("actions"), py::arg("span"),
        py::arg_v("step", Frequency::quarterly, "Frequency.quarterly"),
        "One CompletionPoint per step (quarterly: financial quarters; six_monthly; annual: "
        "financial years; monthly; weekly) ending inside span, with statuses as known at its "
        "end. actions are Actions or ids; span is a Period or period text ('2003/04'). Raises "
        "ValidationError for an open span ('by 2005').");
    module.def("plan_life", &plan_life, py::arg("store"), py::arg("plan"),
               "The span of a plan: from its adopted date (else the earlier of its first "
               "progress update and its horizon's start) to the later of its last update and "
               "its horizon's end; None if unknown. Raises NotFound for an unknown plan.");
}

} // namespace bestvalue::python
