#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/plan_query.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/stl.h>
#include <pybind11/typing.h>

#include "bindings.hpp"
#include "casters.hpp"
#include "cross_counts.hpp"
#include "entity_copies.hpp"
#include "fast_function.hpp"
#include "id_list.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// Keeps the Python Store alive for as long as a query over it is.
struct BoundActionQuery {
    py::object owner;
    ActionQuery query;
};

py::typing::List<py::str> ids_of(const AnsweredQuery& answer) {
    const StoreIndex& index = answer.owner.cast<const Store&>().index();
    const auto ids_at = [&](const PackedTexts& ids) {
        return id_list(answer.owner, index, ids, answer.handles.size(),
                       [&](std::size_t i) { return answer.handles[i]; });
    };
    switch (answer.collection) {
    case QueryCollection::actions:
        return ids_at(index.action_ids());
    case QueryCollection::recommendations:
        return ids_at(index.recommendation_ids());
    case QueryCollection::assessments:
        return ids_at(index.assessment_ids());
    case QueryCollection::ratings:
        return ids_at(index.rating_ids());
    case QueryCollection::plans:
        return ids_at(index.plan_ids());
    }
    return py::list();
}

// `rating_history_ids(store, subject, scale)`: the ids of `rating_history`, as the kept strings
// of the store's ratings. A fast function, for a history is found in a tenth of what
// pybind11's dispatcher takes to make the call (fast_function.hpp).
PyObject* rating_history_ids(PyObject* /*module*/, PyObject* const* arguments,
                             Py_ssize_t count_and_flag, PyObject* keyword_names) {
    return fast_call("rating_history_ids", {"store", "subject", "scale"}, arguments, count_and_flag,
                     keyword_names, [](const FastArguments& given) -> py::object {
                         const Store& store = given.object<Store>(0);
                         // The index's history, in order: no rating itself is read.
                         const auto history =
                             store.index().rating_history(given.text(1), given.text(2));
                         return id_list(given.handle(0), store.index(), store.index().rating_ids(),
                                        history.size(), [&](std::size_t i) { return history[i]; });
                     });
}

PyMethodDef rating_history_ids_definition{
    "rating_history_ids",
    reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&rating_history_ids)),
    METH_FASTCALL | METH_KEYWORDS,
    "rating_history_ids(store: bestvalue._core.Store, subject: str, scale: str) -> list[str]\n\n"
    "The ids of rating_history(store, subject, scale), in its order: oldest first, undated "
    "ones last. Each id is the str the store keeps for it, as QueryResult.ids lists."};

} // namespace

AnsweredQuery answer(const py::object& store, std::string_view query, std::optional<Date> today) {
    // By handles: `ids` makes each Python string from the store's id when it is read.
    return {run_query_handles(store.cast<const Store&>(), query, today), store};
}

void bind_query(py::module_& module) {
    bind_enum<ActionField>(module, "ActionField", "What actions can be ordered and grouped by.");
    bind_enum<RecommendationField>(module, "RecommendationField",
                                   "What recommendations can be ordered and grouped by.");
    bind_enum<AssessmentField>(module, "AssessmentField",
                               "What assessments can be ordered and grouped by.");
    bind_enum<RatingField>(module, "RatingField", "What ratings can be ordered and grouped by.");
    bind_enum<PlanField>(module, "PlanField", "What plans can be ordered and grouped by.");
    bind_enum<QueryCollection>(module, "QueryCollection", "What a question asks about.");

    py::class_<SeriesPoint>(module, "SeriesPoint",
                            "One step of a series: the count as of the step's last day.")
        .def_readonly("label", &SeriesPoint::label, "The step: 'Q2 2003/04'.")
        .def_readonly("end", &SeriesPoint::end, "Its last day, the day the count was taken.")
        .def_readonly("counts", &SeriesPoint::counts, "How many per key ('' if ungrouped).")
        .def_readonly("completed", &SeriesPoint::completed,
                      "For actions: how many of those were completed on the day.")
        .def("__repr__", [](const SeriesPoint& point) {
            return "SeriesPoint(" + point.label + ", " +
                   py::repr(py::cast(point.counts)).cast<std::string>() + ")";
        });

    py::class_<AnsweredQuery>(module, "QueryResult",
                              "The answer to a text query: ids in order, or counts; it keeps "
                              "its store, for tables.")
        .def_readonly("collection", &QueryResult::collection, "What the query asked about.")
        .def_property_readonly("ids", &ids_of, "The matching ids, in order (empty for a count).")
        .def_readonly("is_count", &QueryResult::is_count, "True for a count query.")
        .def_readonly("counts", &QueryResult::counts,
                      "For a count: how many per value ('' for an ungrouped count).")
        .def_readonly("completed", &QueryResult::completed,
                      "For a count of actions: how many of those under each key were completed "
                      "on the day.")
        .def(
            "percent_complete",
            [](const AnsweredQuery& result) {
                std::map<std::string, double> percents;
                for (const auto& [key, count] : result.counts) {
                    const auto found = result.completed.find(key);
                    const auto done = found == result.completed.end() ? 0 : found->second;
                    percents[key] =
                        count == 0 ? 0.0
                                   : 100.0 * static_cast<double>(done) / static_cast<double>(count);
                }
                return percents;
            },
            "For a count of actions: the percentage completed under each key.")
        .def_readonly("as_of", &QueryResult::as_of, "The day status was answered for.")
        .def_readonly("series", &QueryResult::series,
                      "For 'count … per step in period': the count at the end of each step.")
        .def(
            "__len__",
            [](const AnsweredQuery& result) {
                return result.is_count ? result.counts.size() : result.handles.size();
            },
            "How many ids (or groups, for a count).")
        .def(
            "table",
            [](const AnsweredQuery& answer) {
                return table_of(answer.owner.cast<const Store&>(), answer);
            },
            "The answer as a Table: the entities' columns, or for a count key, count (and for "
            "actions completed and percent_complete).")
        .def(
            "to_pandas",
            [](const AnsweredQuery& answer) {
                return py::module_::import("bestvalue.frames")
                    .attr("to_pandas")(table_of(answer.owner.cast<const Store&>(), answer));
            },
            "The answer as a pandas DataFrame (needs pandas).")
        .def(
            "to_arrow",
            [](const AnsweredQuery& answer) {
                return py::module_::import("bestvalue.frames")
                    .attr("to_arrow")(table_of(answer.owner.cast<const Store&>(), answer));
            },
            "The answer as a pyarrow Table (needs pyarrow).")
        .def("__repr__", [](const AnsweredQuery& result) {
            if (result.is_count) {
                return "<QueryResult count " +
                       py::repr(py::cast(result.counts)).cast<std::string>() + ">";
            }
            return "<QueryResult of " + std::to_string(result.handles.size()) + " ids>";
        });
}

void bind_action_query(py::module_& module) {

    py::class_<BoundActionQuery>(module, "ActionQuery",
                                 "A question about the actions of a store, built filter by "
                                 "filter; the same engine as Store.query.")
        .def(py::init([](const Store& store) {
                 // The Python object that owns `store`, kept alive by the query.
                 return BoundActionQuery{py::cast(store, py::return_value_policy::reference),
                                         ActionQuery(store)};
             }),
             py::keep_alive<1, 2>(), py::arg("store"),
             "Starts a question about the actions of store.")
        .def(
            "in_plan",
            [](BoundActionQuery& self, const std::string& plan) -> BoundActionQuery& {
                self.query.in_plan(plan);
                return self;
            },
            py::arg("plan"), py::return_value_policy::reference_internal,
            "Actions of the plan with this id.")
        .def(
            "in_organisation",
            [](BoundActionQuery& self, const std::string& id) -> BoundActionQuery& {
                self.query.in_organisation(id);
                return self;
            },
            py::arg("organisation"), py::return_value_policy::reference_internal,
            "Actions of the plans of this organisation.")
        .def(
            "in_section",
            [](BoundActionQuery& self, const std::string& id) -> BoundActionQuery& {
                self.query.in_section(id);
                return self;
            },
            py::arg("section"), py::return_value_policy::reference_internal,
            "Actions of this section or any section below it.")
        .def(
            "led_by",
            [](BoundActionQuery& self, const std::string& officer) -> BoundActionQuery& {
                self.query.led_by(officer);
                return self;
            },
            py::arg("officer"), py::return_value_policy::reference_internal,
            "Actions led by an officer: id, abbreviation, post or holder's name.")
        .def(
            "delivered_by",
            [](BoundActionQuery& self, const std::string& officer) -> BoundActionQuery& {
                self.query.delivered_by(officer);
                return self;
            },
            py::arg("officer"), py::return_value_policy::reference_internal,
            "Actions with this officer among the delivery officers.")
        .def(
            "with_lifecycle",
            [](BoundActionQuery& self, Lifecycle lifecycle, Date day) -> BoundActionQuery& {
                self.query.with_lifecycle(lifecycle, day);
                return self;
            },
            py::arg("lifecycle"), py::arg("day"), py::return_value_policy::reference_internal,
            "Actions with this lifecycle on day.")
        .def(
            "with_health",
            [](BoundActionQuery& self, std::optional<Health> health,
               Date day) -> BoundActionQuery& {
                self.query.with_health(health, day);
                return self;
            },
            py::arg("health"), py::arg("day"), py::return_value_policy::reference_internal,
            "Actions with this health on day (None: no health reported).")
        .def(
            "open_on",
            [](BoundActionQuery& self, Date day) -> BoundActionQuery& {
                self.query.open_on(day);
                return self;
            },
            py::arg("day"), py::return_value_policy::reference_internal,
            "Actions not completed, cancelled or superseded on day.")
        .def(
            "overdue_on",
            [](BoundActionQuery& self, Date day) -> BoundActionQuery& {
                self.query.overdue_on(day);
                return self;
            },
            py::arg("day"), py::return_value_policy::reference_internal, "Actions overdue on day.")
        .def(
            "due_before",
            [](BoundActionQuery& self, Date day) -> BoundActionQuery& {
                self.query.due_before(day);
                return self;
            },
            py::arg("day"), py::return_value_policy::reference_internal,
            "Actions whose due's last day is before day.")
        .def(
            "due_after",
            [](BoundActionQuery& self, Date day) -> BoundActionQuery& {
                self.query.due_after(day);
                return self;
            },
            py::arg("day"), py::return_value_policy::reference_internal,
            "Actions whose due's last day is after day.")
        .def(
            "due_within",
            [](BoundActionQuery& self, const Period& period) -> BoundActionQuery& {
                self.query.due_within(period);
                return self;
            },
            py::arg("period"), py::return_value_policy::reference_internal,
            "Actions whose due's last day falls within period.")
        .def(
            "tagged",
            [](BoundActionQuery& self, const std::string& tag) -> BoundActionQuery& {
                self.query.tagged(tag);
                return self;
            },
            py::arg("source_tag"), py::return_value_policy::reference_internal,
            "Actions with this source tag ('RoP', 'PR', 'CPA').")
        .def(
            "addressing",
            [](BoundActionQuery& self, const std::string& id) -> BoundActionQuery& {
                self.query.addressing(id);
                return self;
            },
            py::arg("recommendation"), py::return_value_policy::reference_internal,
            "Actions that address this recommendation.")
        .def(
            "text_contains",
            [](BoundActionQuery& self, const std::string& words) -> BoundActionQuery& {
                self.query.text_contains(words);
                return self;
            },
            py::arg("words"), py::return_value_policy::reference_internal,
            "Actions whose ref, title or text contains words, ignoring case.")
        .def(
            "public_only",
            [](BoundActionQuery& self) -> BoundActionQuery& {
                self.query.public_only();
                return self;
            },
            py::return_value_policy::reference_internal, "Public actions only.")
        .def(
            "order_by",
            [](BoundActionQuery& self, ActionField field, bool descending,
               std::optional<Date> day) -> BoundActionQuery& {
                self.query.order_by(field, descending, day);
                return self;
            },
            py::arg("field"), py::arg("descending") = false, py::arg("day") = py::none(),
            py::return_value_policy::reference_internal,
            "Orders the results; lifecycle and health are taken on day (default today).")
        .def(
            "limit",
            [](BoundActionQuery& self, std::size_t count, std::size_t offset) -> BoundActionQuery& {
                self.query.limit(count, offset);
                return self;
            },
            py::arg("count"), py::arg("offset") = 0, py::return_value_policy::reference_internal,
            "At most count results, after skipping offset.")
        .def(
            "run", [](const BoundActionQuery& self) { return copies(self.query.run()); },
            "The matching actions (copies).")
        .def(
            "ids",
            [](const BoundActionQuery& self) {
                const std::vector<ActionView> found = self.query.run();
                const Store& store = self.query.store();
                return id_list(self.owner, store.index(), store.index().action_ids(), found.size(),
                               [&](std::size_t i) { return found[i].position(); });
            },
            "The ids of the matching actions, in order.")
        .def(
            "count", [](const BoundActionQuery& self) { return self.query.count(); },
            "How many actions match.")
        .def(
            "count_by",
            [](const BoundActionQuery& self, ActionField field, Date day) {
                return self.query.count_by(field, day);
            },
            py::arg("field"), py::arg("day"), "How many match, per value of field on day.")
        .def(
            "count_by",
            [](const BoundActionQuery& self, std::pair<ActionField, ActionField> fields,
               Date day) -> py::typing::Dict<py::typing::Tuple<py::str, py::str>, py::int_> {
                return cross_counts_dict(self.query, fields.first, fields.second, day);
            },
            py::arg("fields"), py::arg("day"),
            "How many match, per pair of values of two fields on day (a cross-tabulation, such "
            "as (section, health)): keyed by (first value, second value); an action counts "
            "under every pair its values make, and under '' for a field it has no value of.");

    module.def(
        "rating_history",
        [](const Store& store, std::string_view subject, std::string_view scale) {
            return rating_history(store, subject, scale);
        },
        // Each copied once, straight into its Python object.
        py::return_value_policy::copy, py::arg("store"), py::arg("subject"), py::arg("scale"),
        "A subject's ratings on a scale, oldest first (undated ones last): copies.");
    add_fast_function(module, rating_history_ids_definition);
    module.def(
        "run_query",
        [](const py::object& store, std::string_view query, std::optional<Date> today) {
            return answer(store, query, today);
        },
        py::arg("store"), py::arg("query"), py::arg("today") = py::none(),
        "Runs a text query (docs/query.md) against store; raises QueryError.");
}

} // namespace bestvalue::python
