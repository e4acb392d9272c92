#include <concepts>
#include <type_traits>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/calendar/financial_year.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/calendar/recurrence.hpp>
#include <bestvalue/calendar/season.hpp>
#include <bestvalue/error.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// Python's repr of a value, for building reprs that read like constructor calls.
std::string repr_of(const py::object& value) {
    return py::repr(value).cast<std::string>();
}

template <typename Value>
std::string repr_of(const Value& value) {
    return repr_of(py::cast(value));
}

// Pickled state carries a version first, so that later layouts can still read old pickles.
constexpr int pickle_version = 1;

void check_pickle_version(const py::tuple& state, std::size_t size, const char* type) {
    if (state.size() != size || state[0].cast<int>() != pickle_version) {
        throw Error(std::string("cannot unpickle ") + type + ": unknown state layout");
    }
}

// Equality that answers NotImplemented for other types, as Python's data model asks, ordering
// for types that have one, and a hash consistent with equality: what makes a value type behave
// like one in Python (usable in sets and as dict keys, sortable).
template <typename Value, typename Hash>
void def_value_semantics(py::class_<Value>& cls, bool ordered, Hash hash) {
    cls.def("__eq__", [](const Value& self, const py::object& other) -> py::object {
        if (!py::isinstance<Value>(other)) {
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        }
        return py::bool_(self == other.cast<const Value&>());
    });
    cls.def("__ne__", [](const Value& self, const py::object& other) -> py::object {
        if (!py::isinstance<Value>(other)) {
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        }
        return py::bool_(!(self == other.cast<const Value&>()));
    });
    cls.def("__hash__", hash);
    if constexpr (std::three_way_comparable<Value>) {
        if (ordered) {
            cls.def(py::self < py::self);
            cls.def(py::self <= py::self);
            cls.def(py::self > py::self);
            cls.def(py::self >= py::self);
        }
    }
}

std::string period_repr(const Period& period) {
    if (period.has_open_start()) {
        return "Period.by(" + repr_of(period.end()) + ", text=" + repr_of(period.text()) + ")";
    }
    return "Period(" + repr_of(period.start()) + ", " + repr_of(period.end()) + ", " +
           "Precision." + std::string(to_string(period.precision())) + ", " +
           repr_of(period.text()) + ")";
}

void bind_enums(py::module_& module) {
    bind_enum<Precision>(module, "Precision", "How precisely a period was written.");
    py::native_enum<Season>(module, "Season", "enum.Enum",
                            "A meteorological season (spring = March-May).")
        .value("spring", Season::spring)
        .value("summer", Season::summer)
        .value("autumn", Season::autumn)
        .value("winter", Season::winter)
        .finalize();
    bind_enum<Frequency>(module, "Frequency", "How often something recurs.");
}

void bind_period(py::module_& module) {
    py::class_<Period> period_class(
        module, "Period",
        "A span of whole days, both ends inclusive, with the precision it was written at and its "
        "original text. An open 'by' period has start None.");
    def_value_semantics(period_class, true, [](const Period& period) {
        return py::hash(py::make_tuple(to_iso(period.start()), to_iso(period.end()),
                                       to_string(period.precision()), period.text()));
    });
    period_class
        .def(py::init(
                 [](std::optional<Date> start, Date end, Precision precision, std::string text) {
                     return Period(start.value_or(Date(boost::gregorian::neg_infin)), end,
                                   precision, std::move(text));
                 }),
             py::arg("start"), py::arg("end"), py::arg("precision"), py::arg("text") = "",
             "A period from start to end inclusive; start is None only for Precision.open_by.")
        .def_static("by", &Period::by, py::arg("end"), py::arg("text") = "",
                    "An open period that ends on end: what 'by 1 April 2009' means.")
        .def_static("day", &Period::day, py::arg("day"), py::arg("text") = "", "The single day.")
        .def_static("month", &Period::month, py::arg("year"), py::arg("month"),
                    py::arg("text") = "", "The whole of month (1-12) of year.")
        .def_static("year", &Period::year, py::arg("year"), py::arg("text") = "",
                    "The calendar year, 1 January to 31 December.")
        .def_property_readonly(
            "start",
            [](const Period& period) -> std::optional<Date> {
                return period.has_open_start() ? std::nullopt : std::optional<Date>(period.start());
            },
            "The first day, or None for an open 'by' period.")
        .def_property_readonly("end", &Period::end, "The last day.")
        .def_property_readonly("precision", &Period::precision, "How precisely it was written.")
        .def_property_readonly("text", &Period::text, "The text it was read from, verbatim.")
        .def_property_readonly("has_open_start", &Period::has_open_start,
                               "True for an open 'by' period, which has no first day.")
        .def_property_readonly("length_in_days", &Period::length_in_days,
                               "Days in the period, both ends counted; None if open.")
        .def("contains", py::overload_cast<Date>(&Period::contains, py::const_), py::arg("day"),
             "True if the day falls within the period.")
        .def("contains", py::overload_cast<const Period&>(&Period::contains, py::const_),
             py::arg("other"), "True if every day of other falls within this period.")
        .def("overlaps", &Period::overlaps, py::arg("other"),
             "True if at least one day is in both periods.")
        .def("with_text", &Period::with_text, py::arg("text"),
             "The same span and precision with other text.")
        .def("describe", &Period::describe, "The span in words: '1 February 2009 – 31 March 2009'.")
        .def("__repr__", &period_repr)
        .def("__str__",
             [](const Period& period) {
                 return period.describe() + " (" + std::string(to_string(period.precision())) +
                        (period.text().empty() ? "" : ", " + repr_of(period.text())) + ")";
             })
        .def(py::pickle(
            [](const Period& period) {
                return py::make_tuple(pickle_version, to_iso(period.start()), to_iso(period.end()),
                                      to_string(period.precision()), period.text());
            },
            [](const py::tuple& state) {
                check_pickle_version(state, 5, "Period");
                const auto start = state[1].cast<std::string>();
                return Period(start == "-infinity" ? Date(boost::gregorian::neg_infin)
                                                   : parse_iso_date(start),
                              parse_iso_date(state[2].cast<std::string>()),
                              parse_precision(state[3].cast<std::string>()),
                              state[4].cast<std::string>());
            }));

    module.def("is_met", &is_met, py::arg("due"), py::arg("completed_on"),
               "True if work completed on completed_on meets the due period (done by its end).");
    module.def("is_overdue_on", &is_overdue_on, py::arg("due"), py::arg("day"),
               py::arg("completed_on") = py::none(),
               "True if work due in due is overdue on day: not completed on day, and day is "
               "after the due period's end.");
}

void bind_years_and_quarters(py::module_& module) {
    // Both classes are registered before either's methods, as each names the other.
    py::class_<FinancialYear> financial_year(
        module, "FinancialYear", "A UK financial year, 1 April to 31 March, written '2003/04'.");
    py::class_<FinancialQuarter> financial_quarter(
        module, "FinancialQuarter",
        "A quarter of a financial year: Q1 April-June … Q4 January-March.");
    def_value_semantics(financial_year, true,
                        [](FinancialYear year) { return py::hash(py::int_(year.start_year())); });
    def_value_semantics(financial_quarter, true, [](const FinancialQuarter& quarter) {
        return py::hash(py::make_tuple(quarter.year().start_year(), quarter.number()));
    });
    financial_year
        .def(py::init<int>(), py::arg("start_year"),
             "The financial year that starts on 1 April of start_year.")
        .def_static("containing", &FinancialYear::containing, py::arg("day"),
                    "The financial year a day falls in.")
        .def_static("parse", &FinancialYear::parse, py::arg("text"),
                    py::arg("reference") = py::none(),
                    "Reads '2003/04', '2002/2003', '2002-03', or '09/10' with a reference date.")
        .def_property_readonly("start_year", &FinancialYear::start_year,
                               "The calendar year in which it starts (2003 for 2003/04).")
        .def_property_readonly("end_year", &FinancialYear::end_year,
                               "The calendar year in which it ends (2004 for 2003/04).")
        .def_property_readonly("first_day", &FinancialYear::first_day, "1 April of the start year.")
        .def_property_readonly("last_day", &FinancialYear::last_day, "31 March of the end year.")
        .def_property_readonly("label", &FinancialYear::label, "'2003/04'.")
        .def("period", &FinancialYear::period, "The year as a Period.")
        .def("contains", &FinancialYear::contains, py::arg("day"),
             "True if the day falls within the year.")
        .def("quarter", &FinancialYear::quarter, py::arg("number"), "Quarter 1-4 (1 = April-June).")
        .def("__add__", [](FinancialYear year, int years) { return year + years; })
        .def("__radd__", [](FinancialYear year, int years) { return year + years; })
        .def("__sub__", [](FinancialYear year, int years) { return year - years; })
        .def("__sub__", [](FinancialYear a, FinancialYear b) { return a - b; })
        .def("__repr__",
             [](FinancialYear year) {
                 return "FinancialYear(" + std::to_string(year.start_year()) + ")";
             })
        .def("__str__", &FinancialYear::label)
        .def(py::pickle(
            [](FinancialYear year) { return py::make_tuple(pickle_version, year.start_year()); },
            [](const py::tuple& state) {
                check_pickle_version(state, 2, "FinancialYear");
                return FinancialYear(state[1].cast<int>());
            }));

    // What the two kinds of quarter share; each adds its constructor, year and pickled state.
    const auto bind_quarter = [](auto& cls, const char* label_example) {
        using Quarter = typename std::remove_reference_t<decltype(cls)>::type;
        cls.def_static("containing", &Quarter::containing, py::arg("day"),
                       "The quarter a day falls in.")
            .def_property_readonly("number", &Quarter::number, "1-4.")
            .def_property_readonly("first_day", &Quarter::first_day,
                                   "The first day of the quarter.")
            .def_property_readonly("last_day", &Quarter::last_day, "The last day of the quarter.")
            .def_property_readonly("label", &Quarter::label, label_example)
            .def("period", &Quarter::period, "The quarter as a Period.")
            .def("contains", &Quarter::contains, py::arg("day"),
                 "True if the day falls within the quarter.")
            .def("__add__", [](const Quarter& quarter, int n) { return quarter + n; })
            .def("__sub__", [](const Quarter& quarter, int n) { return quarter + -n; })
            .def("__str__", &Quarter::label);
    };

    bind_quarter(financial_quarter, "'Q3 2004/05'.");
    financial_quarter
        .def(py::init<FinancialYear, int>(), py::arg("year"), py::arg("number"),
             "Quarter number (1-4) of the given financial year.")
        .def_property_readonly("year", &FinancialQuarter::year,
                               "The financial year it is a quarter of.")
        .def("__repr__",
             [](const FinancialQuarter& quarter) {
                 return "FinancialQuarter(FinancialYear(" +
                        std::to_string(quarter.year().start_year()) + "), " +
                        std::to_string(quarter.number()) + ")";
             })
        .def(py::pickle(
            [](const FinancialQuarter& quarter) {
                return py::make_tuple(pickle_version, quarter.year().start_year(),
                                      quarter.number());
            },
            [](const py::tuple& state) {
                check_pickle_version(state, 3, "FinancialQuarter");
                return FinancialQuarter(FinancialYear(state[1].cast<int>()), state[2].cast<int>());
            }));

    py::class_<CalendarQuarter> calendar_quarter(module, "CalendarQuarter",
                                                 "A quarter of a calendar year: Q1 January-March.");
    def_value_semantics(calendar_quarter, true, [](const CalendarQuarter& quarter) {
        return py::hash(py::make_tuple(quarter.year(), quarter.number()));
    });
    bind_quarter(calendar_quarter, "'Q1 2009'.");
    calendar_quarter
        .def(py::init<int, int>(), py::arg("year"), py::arg("number"),
             "Quarter number (1-4) of the given calendar year.")
        .def_property_readonly("year", &CalendarQuarter::year,
                               "The calendar year it is a quarter of.")
        .def("__repr__",
             [](const CalendarQuarter& quarter) {
                 return "CalendarQuarter(" + std::to_string(quarter.year()) + ", " +
                        std::to_string(quarter.number()) + ")";
             })
        .def(py::pickle(
            [](const CalendarQuarter& quarter) {
                return py::make_tuple(pickle_version, quarter.year(), quarter.number());
            },
            [](const py::tuple& state) {
                check_pickle_version(state, 3, "CalendarQuarter");
                return CalendarQuarter(state[1].cast<int>(), state[2].cast<int>());
            }));

    module.def("season_of", &season_of, py::arg("day"), "The season a day falls in.");
    module.def("season_period", &season_period, py::arg("season"), py::arg("year"),
               py::arg("text") = "",
               "The season of year as a Period; a winter belongs to the year of its December.");
}

void bind_date_text(py::module_& module) {
    py::class_<Recurrence> recurrence(
        module, "Recurrence",
        "Something done again and again: 'annually', 'Refreshed annually in March'.");
    def_value_semantics(recurrence, false, [](const Recurrence& value) {
        return py::hash(py::make_tuple(to_string(value.frequency), value.month, value.text));
    });
    recurrence
        .def(py::init([](Frequency frequency, std::optional<int> month, std::string text) {
                 return Recurrence{frequency, month, std::move(text)};
             }),
             py::arg("frequency"), py::arg("month") = py::none(), py::arg("text") = "",
             "A recurrence of frequency; month (1-12) only for an annual one that names it.")
        .def_readonly("frequency", &Recurrence::frequency, "How often it recurs.")
        .def_readonly("month", &Recurrence::month,
                      "The month (1-12) of an annual recurrence that names one, else None.")
        .def_readonly("text", &Recurrence::text, "The text it was read from, verbatim.")
        .def("next_occurrence", &Recurrence::next_occurrence, py::arg("day"),
             "The first occurrence ending on or after day, where the text says when; else "
             "None.")
        .def("__repr__", [](const Recurrence& recurrence) {
            return "Recurrence(Frequency." + std::string(to_string(recurrence.frequency)) + ", " +
                   repr_of(recurrence.month) + ", " + repr_of(recurrence.text) + ")";
        });

    py::class_<DateText> date_text(
        module, "DateText",
        "What a piece of council date text says: its periods, recurrence and done marker, the "
        "words not read as dates, and the text itself.");
    // Equal readings have equal text, so the text alone is a consistent hash.
    def_value_semantics(date_text, false,
                        [](const DateText& reading) { return py::hash(py::str(reading.text)); });
    date_text.def_readonly("text", &DateText::text, "The original text, verbatim.")
        .def_readonly("periods", &DateText::periods, "Every period found, in order.")
        .def_readonly("recurrence", &DateText::recurrence,
                      "A recurrence ('annually'), if the text gives one; else None.")
        .def_readonly("done", &DateText::done, "True if the text marks the work as done.")
        .def_readonly("unread", &DateText::unread, "Runs of the text not read as dates.")
        .def_readonly("reason", &DateText::reason, "Why it was not read in full; '' if it was.")
        .def_property_readonly("is_exact", &DateText::is_exact,
                               "True if the whole text was read and something was found.")
        .def("__repr__", [](const DateText& reading) {
            return "DateText(text=" + repr_of(reading.text) +
                   ", periods=" + repr_of(reading.periods) +
                   ", recurrence=" + repr_of(reading.recurrence) +
                   ", done=" + (reading.done ? "True" : "False") +
                   ", unread=" + repr_of(reading.unread) + ", reason=" + repr_of(reading.reason) +
                   ")";
        });

    module.def("parse_date_text", &parse_date_text, py::arg("text"),
               py::arg("reference") = py::none(),
               "Reads council date text ('Feb 09 Nov 08 Nov/Dec 08', 'Done - Refreshed "
               "annually'). Never raises for prose; raises ParseError for an impossible date. "
               "reference (a date) resolves two-digit years.");
    module.def("parse_period", &parse_period, py::arg("text"), py::arg("reference") = py::none(),
               "Reads text that must be exactly one period ('Feb/Mar 09'); raises ParseError "
               "otherwise. reference (a date) resolves two-digit years.");
}

} // namespace

void bind_calendar(py::module_& module) {
    bind_enums(module);
    bind_period(module);
    bind_years_and_quarters(module);
    bind_date_text(module);
}

} // namespace bestvalue::python
