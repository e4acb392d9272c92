#include <algorithm>
#include <type_traits>
#include <utility>

#include <bestvalue/error.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/condition.hpp>
#include <bestvalue/query/plan_query.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>
#include <bestvalue/query/table.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "casters.hpp"
#include "cross_counts.hpp"
#include "entity_copies.hpp"
#include "id_list.hpp"

// The Python keyword door: `store.actions.where(lead="SPMO", overdue_on="2009-03-18")`. Each
// keyword becomes a `Condition` of the text language — `due_before=d` is `due < d`,
// `revisions_at_least=2` is `revisions >= 2`, `overdue_on=d` is the flag `overdue` answered on d,
// `addressed=False` is `not addressed`, `not_plan=p` is `not plan = p` — and goes through the same
// condition functions, so the keywords, the language and the C++ builders give the same answers.

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// What the typed queries of a kind ask about: the entities, or for actions, kept compactly, their
// views.
template <typename Entity>
using Queried = std::conditional_t<std::is_same_v<Entity, Action>, ActionView, Entity>;

// The store's entities of a selection's kind, which its handles index.
template <typename Entity>
decltype(auto) stored(const Selection<Entity>& chosen) {
    return entities_of(*chosen.store, static_cast<const Queried<Entity>*>(nullptr));
}

template <typename Entity>
const char* selection_name();
template <>
const char* selection_name<Action>() {
    return "ActionSelection";
}
template <>
const char* selection_name<Recommendation>() {
    return "RecommendationSelection";
}
template <>
const char* selection_name<Assessment>() {
    return "AssessmentSelection";
}
template <>
const char* selection_name<Rating>() {
    return "RatingSelection";
}
template <>
const char* selection_name<Plan>() {
    return "PlanSelection";
}

// The selected entities as a table, built column by column in C++ (bestvalue/query/table.hpp).
Table table_of(const Store& store, const std::vector<ActionView>& chosen, Date day) {
    return action_table(store, chosen, day);
}
Table table_of(const Store& store, const std::vector<const Recommendation*>& chosen, Date) {
    return recommendation_table(store, chosen);
}
Table table_of(const Store& store, const std::vector<const Assessment*>& chosen, Date) {
    return assessment_table(store, chosen);
}
Table table_of(const Store& store, const std::vector<const Rating*>& chosen, Date) {
    return rating_table(store, chosen);
}
Table table_of(const Store& store, const std::vector<const Plan*>& chosen, Date) {
    return plan_table(store, chosen);
}

// A value given to a keyword, as the language would write it.
std::string value_text(const py::handle& value) {
    if (py::isinstance<py::str>(value)) {
        return value.cast<std::string>();
    }
    if (py::isinstance<py::bool_>(value)) {
        throw py::type_error("a flag takes True or False; other keywords take text, a date, a "
                             "number or an enumeration");
    }
    if (py::hasattr(value, "isoformat")) {
        return to_iso(value.cast<Date>());
    }
    if (py::hasattr(value, "name") && py::hasattr(value, "value")) { // an enumeration
        return value.attr("name").cast<std::string>();
    }
    return py::str(value).cast<std::string>();
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The condition a keyword stands for, or nothing for the keywords that shape the results.
Condition condition_of(QueryCollection collection, const std::string& key,
                       const py::handle& value) {
    Condition condition;
    condition.field = key;
    if (condition.field.rfind("not_", 0) == 0) {
        condition.negated = true;
        condition.field.erase(0, 4);
    }
    const auto& known = condition_fields(collection);
    const auto is_known = [&](std::string_view field) {
        return std::find(known.begin(), known.end(), field) != known.end();
    };
    static const std::pair<std::string_view, std::string_view> suffixes[] = {
        {"_before", "<"},    {"_after", ">"},    {"_in", "in"},  {"_contains", "contains"},
        {"_at_least", ">="}, {"_at_most", "<="}, {"_over", ">"}, {"_under", "<"}};
    if (!is_known(condition.field)) {
        for (const auto& [suffix, op] : suffixes) {
            const auto field = condition.field.substr(0, condition.field.size() - suffix.size());
            if (ends_with(condition.field, suffix) && is_known(field) &&
                !is_flag(collection, field)) {
                condition.field = field;
                condition.op = op;
                break;
            }
        }
        if (condition.op.empty() && ends_with(condition.field, "_on")) {
            const auto field = condition.field.substr(0, condition.field.size() - 3);
            if (is_flag(collection, field)) {
                condition.field = field;
                condition.day = value.cast<Date>();
                return condition;
            }
        }
        if (condition.op.empty()) {
            std::vector<std::string_view> keywords(known.begin(), known.end());
            for (const std::string_view shaping :
                 {"as_of", "order_by", "descending", "limit", "offset"}) {
                keywords.push_back(shaping);
            }
            throw py::type_error("where() got an unexpected keyword '" + key + "'" +
                                 did_you_mean(key, keywords));
        }
    } else if (is_flag(collection, condition.field)) {
        if (!py::isinstance<py::bool_>(value)) {
            throw py::type_error("'" + key + "' is a flag: give True or False, or use '" +
                                 condition.field + "_on' with a date");
        }
        condition.negated = condition.negated != !value.cast<bool>();
        return condition;
    } else {
        condition.op = "=";
    }
    condition.value = value_text(value);
    return condition;
}

// The field a keyword or an argument names, to order or count by: a field enumeration, or its
// name.
template <typename Field>
Field named_field(const py::handle& value, const char* purpose) {
    if (py::isinstance<py::str>(value)) {
        auto name = value.cast<std::string>();
        // For actions the language says 'status' for the lifecycle.
        if (std::is_same_v<Field, ActionField> && name == "status") {
            name = "lifecycle";
        }
        if (const auto field = from_name<Field>(name)) {
            return *field;
        }
        throw py::value_error(std::string("cannot ") + purpose + " by '" + name + "'");
    }
    return value.cast<Field>();
}

template <typename Entity, typename Query, typename Field, typename MakeFilter>
Selection<Entity> select(const py::object& owner, QueryCollection collection,
                         const py::kwargs& keywords, MakeFilter make_filter) {
    const Store& store = owner.cast<const Store&>();
    Query query(store);
    // Status conditions are answered on `as_of` when given, else today.
    const Date day = keywords.contains("as_of") ? keywords["as_of"].cast<Date>()
                                                : boost::gregorian::day_clock::local_day();
    std::optional<Field> order;
    std::optional<bool> descending; // keywords come in any order: applied after the loop
    std::optional<std::size_t> limit;
    std::size_t offset = 0;
    for (const auto& item : keywords) {
        const py::handle value = item.second;
        const auto key = py::cast<std::string>(item.first);
        if (key == "as_of") {
            continue;
        }
        if (key == "order_by") {
            order = named_field<Field>(value, "order");
        } else if (key == "descending") {
            descending = value.cast<bool>();
        } else if (key == "limit") {
            limit = value.cast<std::size_t>();
        } else if (key == "offset") {
            offset = value.cast<std::size_t>();
        } else {
            // Errors quote the keyword as the question's text.
            Condition condition = condition_of(collection, key, value);
            const std::string text = key + "=" + py::repr(value).cast<std::string>();
            condition.column = 1;
            condition.value_column = key.size() + 2;
            query.where(make_filter(store, condition, day, text));
        }
    }
    if (descending && !order) {
        throw py::value_error("descending needs order_by");
    }
    if (order) {
        query.order_by(*order, descending.value_or(false), day);
    }
    if (limit || offset > 0) {
        query.limit(limit.value_or(static_cast<std::size_t>(-1)), offset);
    }
    Selection<Entity> selection{owner, &store, {}, day};
    for (const auto& entity : query.run()) {
        selection.handles.push_back(handle_of_found(store, entity));
    }
    return selection;
}

// A typed query of exactly the chosen entities, so that a selection counts as the typed
// queries and the language do (a value an entity lists twice counts once).
template <typename Query, typename Entity>
Query chosen_query(const Selection<Entity>& chosen) {
    Handles handles = chosen.handles;
    std::sort(handles.begin(), handles.end()); // chosen in the order asked for; candidates ascend
    Query query(*chosen.store);
    query.where(Filter<Queried<Entity>>([](const Queried<Entity>&) { return true; },
                                        std::move(handles), Candidates::exact));
    return query;
}

template <typename Entity, typename Query, typename Field>
void bind_selection(py::module_& module, const char* what) {
    using Chosen = Selection<Entity>;
    const auto pointers = [](const Chosen& chosen) {
        std::vector<Found<Queried<Entity>>> found;
        found.reserve(chosen.handles.size());
        const auto& entities = stored(chosen);
        for (const auto handle : chosen.handles) {
            if constexpr (std::is_same_v<Entity, Action>) {
                found.push_back(entities[handle]);
            } else {
                found.push_back(&entities[handle]);
            }
        }
        return found;
    };
    const auto table = [pointers](const Chosen& chosen) {
        return table_of(*chosen.store, pointers(chosen), chosen.as_of);
    };
    py::class_<Chosen>(module, selection_name<Entity>(),
                       (std::string("The ") + what +
                        " a where() selected, in order: a sequence of copies, with their ids and "
                        "conversions to tables.")
                           .c_str())
        .def(
            "__len__", [](const Chosen& chosen) { return chosen.handles.size(); },
            "How many were selected.")
        .def(
            "__getitem__",
            [](const Chosen& chosen, std::ptrdiff_t index) {
                const auto count = static_cast<std::ptrdiff_t>(chosen.handles.size());
                if (index < 0) {
                    index += count;
                }
                if (index < 0 || index >= count) {
                    throw py::index_error("index " + std::to_string(index) + " out of range");
                }
                return Entity(
                    owned(stored(chosen)[chosen.handles[static_cast<std::size_t>(index)]]));
            },
            py::arg("index"), "The one at this place; negative indexes count from the end.")
        .def(
            "__getitem__",
            [](const Chosen& chosen, const py::slice& slice) {
                std::size_t start = 0;
                std::size_t stop = 0;
                std::size_t step = 0;
                std::size_t length = 0;
                if (!slice.compute(chosen.handles.size(), &start, &stop, &step, &length)) {
                    throw py::error_already_set();
                }
                Chosen part{chosen.owner, chosen.store, {}, chosen.as_of};
                for (std::size_t i = 0; i < length; ++i, start += step) {
                    part.handles.push_back(chosen.handles[start]);
                }
                return part;
            },
            py::arg("slice"), "A selection of these places.")
        .def(
            "__iter__",
            [](const Chosen& chosen) {
                std::vector<Entity> copies;
                copies.reserve(chosen.handles.size());
                for (const auto handle : chosen.handles) {
                    copies.push_back(owned(stored(chosen)[handle]));
                }
                return py::iter(py::cast(std::move(copies)));
            },
            "Iterates over copies, in order.")
        .def_property_readonly(
            "ids",
            [](const Chosen& chosen) {
                const StoreIndex& index = chosen.store->index();
                return id_list(
                    chosen.owner, index, ids_of_kind(index, static_cast<const Entity*>(nullptr)),
                    chosen.handles.size(), [&](std::size_t i) { return chosen.handles[i]; });
            },
            "The ids, in order.")
        .def_readonly("as_of", &Chosen::as_of, "The day status was answered on.")
        .def(
            "count_by",
            [](const Chosen& chosen, const py::object& field)
                -> py::typing::Union<
                    py::typing::Dict<py::str, py::int_>,
                    py::typing::Dict<py::typing::Tuple<py::str, py::str>, py::int_>> {
                const Query query = chosen_query<Query>(chosen);
                if (py::isinstance<py::tuple>(field) || py::isinstance<py::list>(field)) {
                    if (py::len(field) != 2) {
                        throw py::type_error("count_by takes one field, or two as (first, second)");
                    }
                    const auto fields = field.cast<std::pair<py::object, py::object>>();
                    return cross_counts_dict(query, named_field<Field>(fields.first, "count"),
                                             named_field<Field>(fields.second, "count"),
                                             chosen.as_of);
                }
                return py::cast(query.count_by(named_field<Field>(field, "count"), chosen.as_of));
            },
            py::arg("field"),
            "How many have each value of field (an enumeration of fields, or its name) on "
            "as_of; one with several values counts under each, one with none under ''. Given "
            "two fields, (first, second), how many have each pair of their values: a "
            "cross-tabulation keyed by (first value, second value).")
        .def("table", table,
             "The selection as a Table, built column by column in C++ (status on as_of).")
        .def(
            "to_pandas",
            [table](const Chosen& chosen) {
                return py::module_::import("bestvalue.frames").attr("to_pandas")(table(chosen));
            },
            "The selection as a pandas DataFrame, one row each (needs pandas).")
        .def(
            "to_arrow",
            [table](const Chosen& chosen) {
                return py::module_::import("bestvalue.frames").attr("to_arrow")(table(chosen));
            },
            "The selection as a pyarrow Table, one row each (needs pyarrow).")
        .def("__repr__", [](const Chosen& chosen) {
            return "<" + std::string(selection_name<Entity>()) + " of " +
                   std::to_string(chosen.handles.size()) + ">";
        });
}

} // namespace

template struct Selection<Action>;
template struct Selection<Recommendation>;
template struct Selection<Assessment>;
template struct Selection<Rating>;
template struct Selection<Plan>;

Selection<Action> where_actions(const py::object& store, const py::kwargs& keywords) {
    return select<Action, ActionQuery, ActionField>(store, QueryCollection::actions, keywords,
                                                    &action_condition);
}
Selection<Recommendation> where_recommendations(const py::object& store,
                                                const py::kwargs& keywords) {
    return select<Recommendation, RecommendationQuery, RecommendationField>(
        store, QueryCollection::recommendations, keywords, &recommendation_condition);
}
Selection<Assessment> where_assessments(const py::object& store, const py::kwargs& keywords) {
    return select<Assessment, AssessmentQuery, AssessmentField>(store, QueryCollection::assessments,
                                                                keywords, &assessment_condition);
}
Selection<Rating> where_ratings(const py::object& store, const py::kwargs& keywords) {
    return select<Rating, RatingQuery, RatingField>(store, QueryCollection::ratings, keywords,
                                                    &rating_condition);
}
Selection<Plan> where_plans(const py::object& store, const py::kwargs& keywords) {
    return select<Plan, PlanQuery, PlanField>(store, QueryCollection::plans, keywords,
                                              &plan_condition);
}

void bind_selections(py::module_& module) {
    bind_selection<Action, ActionQuery, ActionField>(module, "actions");
    bind_selection<Recommendation, RecommendationQuery, RecommendationField>(module,
                                                                             "recommendations");
    bind_selection<Assessment, AssessmentQuery, AssessmentField>(module, "assessments");
    bind_selection<Rating, RatingQuery, RatingField>(module, "ratings");
    bind_selection<Plan, PlanQuery, PlanField>(module, "plans");
}

} // namespace bestvalue::python
