// Ratings over time: direction of travel, regimes, histories with directions, ambitions, and
// national results tables read into ratings.

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/io/rating_table.hpp>
#include <bestvalue/query/ambition.hpp>
#include <bestvalue/query/direction.hpp>
#include <bestvalue/query/regime.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

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

// A change between two periods for Python, holding copies of its ratings likewise.
struct PyRatingChange {
    std::string subject;
    Rating earlier;
    Rating later;
    Direction direction;
};

// A period given as a Period or as period text ('2005', '2005/06').
Period period_arg(const py::handle& period) {
    if (py::isinstance<py::str>(period)) {
        return parse_period(period.cast<std::string>());
    }
    return period.cast<Period>();
}

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

void bind_rating_tables(py::module_& module) {
    bind_enum<UnknownSubjects>(module, "UnknownSubjects",
                               "What reading a results table does with a council the store "
                               "does not know: reject (an error), add it, or skip the row.");

    py::class_<RatingColumn> column(module, "RatingColumn",
                                    "How one column of a results table reads as ratings.");
    column
        .def(py::init([](std::string header, std::string scale, std::string service_area,
                         std::string component, std::map<std::string, std::string> levels) {
                 return RatingColumn{std::move(header), std::move(scale), std::move(service_area),
                                     std::move(component), std::move(levels)};
             }),
             py::arg("header"), py::arg("scale"), py::arg("service_area") = "",
             py::arg("component") = "", py::arg("levels") = std::map<std::string, std::string>{},
             "A column headed header whose cells are levels of scale, rating service_area or "
             "component; levels maps other cell text ('1 star') to level codes.")
        .def_readwrite("header", &RatingColumn::header, "The column's header, as written.")
        .def_readwrite("scale", &RatingColumn::scale, "The scale its levels are on.")
        .def_readwrite("service_area", &RatingColumn::service_area,
                       "The service area rated; may be ''.")
        .def_readwrite("component", &RatingColumn::component,
                       "What is rated, when not a service area.")
        .def_readwrite("levels", &RatingColumn::levels,
                       "Cell text -> level code, for cells that are neither a code nor a label.")
        .def("__repr__", [](const RatingColumn& value) {
            return "RatingColumn(" + repr_of(py::str(value.header)) + ", " +
                   repr_of(py::str(value.scale)) + ")";
        });
    equal_by_value(column);
    py::setattr(module.attr("RatingColumn"), "__hash__", py::none());

    const RatingTableMapping defaults;
    py::class_<RatingTableMapping> mapping(
        module, "RatingTableMapping",
        "How a results table maps onto ratings: the council and year columns, the rated "
        "columns, the markers and what to do with unknown councils (docs/ratings.md).");
    mapping
        .def(py::init([](std::vector<RatingColumn> columns, std::string subject_column,
                         std::string year_column, std::string date_column, std::string kind_column,
                         std::vector<std::string> ignored_columns,
                         std::map<std::string, std::string> subjects,
                         std::optional<std::map<std::string, std::string>> markers,
                         UnknownSubjects unknown_subjects, OrganisationKind kind,
                         std::string id_part, std::string document) {
                 RatingTableMapping value;
                 value.columns = std::move(columns);
                 value.subject_column = std::move(subject_column);
                 value.year_column = std::move(year_column);
                 value.date_column = std::move(date_column);
                 value.kind_column = std::move(kind_column);
                 value.ignored_columns = std::move(ignored_columns);
                 value.subjects = std::move(subjects);
                 if (markers) {
                     value.markers = std::move(*markers);
                 }
                 value.unknown_subjects = unknown_subjects;
                 value.kind = kind;
                 value.id_part = std::move(id_part);
                 value.document = std::move(document);
                 return value;
             }),
             py::arg("columns"), py::kw_only(), py::arg("subject_column") = defaults.subject_column,
             py::arg("year_column") = defaults.year_column, py::arg("date_column") = "",
             py::arg("kind_column") = "", py::arg("ignored_columns") = std::vector<std::string>{},
             py::arg("subjects") = std::map<std::string, std::string>{},
             py::arg("markers") = py::none(),
             py::arg_v("unknown_subjects", UnknownSubjects::reject, "UnknownSubjects.reject"),
             py::arg_v("kind", OrganisationKind::other, "OrganisationKind.other"),
             py::arg("id_part") = defaults.id_part, py::arg("document") = "",
             "A mapping; markers defaults to '' (blank), 'n/a' and 'N/A' (not applicable) and "
             "'s/r' (subject to review).")
        .def_readwrite("columns", &RatingTableMapping::columns, "The rated columns.")
        .def_readwrite("subject_column", &RatingTableMapping::subject_column,
                       "Header of the column naming the council.")
        .def_readwrite("year_column", &RatingTableMapping::year_column,
                       "Header of the column giving the year.")
        .def_readwrite("date_column", &RatingTableMapping::date_column,
                       "Header of a column giving each row's exact date; '' dates ratings on the "
                       "last day of the row's year.")
        .def_readwrite("kind_column", &RatingTableMapping::kind_column,
                       "Header of a column giving the kind of council, for councils added.")
        .def_readwrite("ignored_columns", &RatingTableMapping::ignored_columns,
                       "Headers of columns to leave unread; any other unmapped column is an "
                       "error.")
        .def_readwrite("subjects", &RatingTableMapping::subjects,
                       "Council as written -> organisation id.")
        .def_readwrite("markers", &RatingTableMapping::markers,
                       "Cell text that holds no level -> its meaning.")
        .def_readwrite("unknown_subjects", &RatingTableMapping::unknown_subjects,
                       "What to do with councils the store does not know.")
        .def_readwrite("kind", &RatingTableMapping::kind,
                       "The kind of councils added without a kind column.")
        .def_readwrite("id_part", &RatingTableMapping::id_part,
                       "The middle of each rating id: '<council>/<id_part>/<year>/<column>'.")
        .def_readwrite("document", &RatingTableMapping::document,
                       "Id of a Document the table is cited as; may be ''.")
        .def("__repr__", [](const RatingTableMapping& value) {
            return "<RatingTableMapping " + std::to_string(value.columns.size()) + " columns>";
        });
    equal_by_value(mapping);
    py::setattr(module.attr("RatingTableMapping"), "__hash__", py::none());

    py::class_<MarkedCell>(module, "MarkedCell", "A cell that held a marker instead of a level.")
        .def_readonly("line", &MarkedCell::line, "Its line in the table, from 1.")
        .def_readonly("column", &MarkedCell::column, "Its column's header.")
        .def_readonly("subject", &MarkedCell::subject, "The organisation id.")
        .def_readonly("year", &MarkedCell::year, "The row's year, as written.")
        .def_readonly("text", &MarkedCell::text, "The marker, as written.")
        .def_readonly("meaning", &MarkedCell::meaning, "What the mapping says it means.")
        .def("__repr__", [](const MarkedCell& cell) {
            return "<MarkedCell line " + std::to_string(cell.line) + " " + cell.column + ": " +
                   repr_of(py::str(cell.text)) + " (" + cell.meaning + ")>";
        });
    py::class_<SkippedRow>(module, "SkippedRow", "A row left out because its council is unknown.")
        .def_readonly("line", &SkippedRow::line, "Its line in the table, from 1.")
        .def_readonly("subject", &SkippedRow::subject, "The council, as written.")
        .def_readonly("year", &SkippedRow::year, "The year, as written.")
        .def("__repr__", [](const SkippedRow& row) {
            return "<SkippedRow line " + std::to_string(row.line) + " " +
                   repr_of(py::str(row.subject)) + ">";
        });
    py::class_<RatingTableImport>(module, "RatingTableImport", "What reading a results table did.")
        .def_readonly("ratings", &RatingTableImport::ratings,
                      "Ids of the ratings read, in table order.")
        .def_readonly("organisations", &RatingTableImport::organisations,
                      "Ids of the councils added.")
        .def_readonly("marked", &RatingTableImport::marked, "Every cell that held a marker.")
        .def_readonly("skipped", &RatingTableImport::skipped, "Every row left out.")
        .def("__repr__", [](const RatingTableImport& report) {
            return "<RatingTableImport " + std::to_string(report.ratings.size()) + " ratings, " +
                   std::to_string(report.organisations.size()) + " councils added, " +
                   std::to_string(report.marked.size()) + " marked cells, " +
                   std::to_string(report.skipped.size()) + " rows skipped>";
        });

    module.def("read_rating_table", &read_rating_table, py::arg("store"), py::arg("text"),
               py::arg("mapping"), py::arg("source") = "",
               "Reads a results table (CSV text) into ratings in store: all of it or, on any "
               "error, nothing (ParseError, ValidationError with every problem's line and "
               "column).");
    module.def("read_rating_table_file", &read_rating_table_file, py::arg("store"), py::arg("path"),
               py::arg("mapping"),
               "Reads a results table file into ratings in store, all or nothing.");
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

    py::class_<PyRatingChange>(module, "RatingChange",
                               "How one subject's rating moved from one period to another "
                               "(copies of both ratings).")
        .def_readonly("subject", &PyRatingChange::subject, "The organisation id.")
        .def_readonly("earlier", &PyRatingChange::earlier, "Its rating in the earlier period.")
        .def_readonly("later", &PyRatingChange::later, "Its rating in the later period.")
        .def_readonly("direction", &PyRatingChange::direction, "Improved, declined or unchanged.")
        .def("__repr__", [](const PyRatingChange& change) {
            return "<RatingChange " + change.subject + ": " + change.earlier.level + " -> " +
                   change.later.level + " " + std::string(to_name(change.direction)) + ">";
        });

    bind_rating_tables(module);

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
    module.def(
        "changes_between",
        [](const Store& store, std::string_view scale, const py::object& earlier,
           const py::object& later, std::string_view service_area, std::string_view component,
           const std::optional<ScaleMapping>& mapping,
           const std::optional<std::vector<Regime>>& regimes) {
            std::vector<PyRatingChange> changes;
            for (const auto& change :
                 changes_between(store, scale, period_arg(earlier), period_arg(later), service_area,
                                 component, mapping, regimes_arg(regimes))) {
                changes.push_back(
                    {change.subject, *change.earlier, *change.later, change.direction});
            }
            return changes;
        },
        py::arg("store"), py::arg("scale"), py::arg("earlier"), py::arg("later"),
        py::arg("service_area") = "", py::arg("component") = "", py::arg("mapping") = py::none(),
        py::arg("regimes") = py::none(),
        "Every subject rated on scale (for one service area and component; '' for the whole "
        "body) within both periods (Periods or period text such as '2005'), with how its "
        "latest rating in each moved: direction declined for those that fell. Ordered by "
        "subject.");
    module.def("check_ambitions", &check_ambitions, py::arg("store"), py::arg("day"),
               "Every plan target on a scale, checked against the plan organisation's ratings "
               "as known on day: met, missed or not yet due.");
}

} // namespace bestvalue::python
