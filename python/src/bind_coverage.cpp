#include <algorithm>

#include <bestvalue/query/coverage.hpp>
#include <bestvalue/query/plan_diff.hpp>
#include <bestvalue/query/recommendation_query.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/functional.h>
#include <pybind11/native_enum.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "casters.hpp"
#include "entity_copies.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

std::string quote(const std::string& text) {
    return py::repr(py::str(text)).cast<std::string>();
}

// The name of an EntityKind that a row or change can hold, for to_dict.
std::string kind_name(EntityKind kind) {
    switch (kind) {
    case EntityKind::action:
        return "action";
    case EntityKind::plan:
        return "plan";
    case EntityKind::section:
        return "section";
    default:
        return py::cast(kind).attr("name").cast<std::string>();
    }
}

template <typename Enum>
py::object name_or_none(const std::optional<Enum>& value) {
    return value ? py::object(py::str(std::string(to_name(*value)))) : py::object(py::none());
}

py::dict summary_dict(const CoverageSummary& summary) {
    py::dict out;
    out["recommendations"] = summary.recommendations;
    out["addressed"] = summary.addressed;
    out["delivered"] = summary.delivered;
    return out;
}

py::dict field_dict(const FieldChange& field) {
    py::dict out;
    out["field"] = field.field;
    out["before"] = field.before;
    out["after"] = field.after;
    return out;
}

py::list field_list(const std::vector<FieldChange>& fields) {
    py::list out;
    for (const auto& field : fields) {
        out.append(field_dict(field));
    }
    return out;
}

py::dict change_dict(const PlanChange& change) {
    py::dict out;
    out["kind"] = std::string(to_name(change.kind));
    out["entity"] = kind_name(change.entity);
    out["ref"] = change.ref;
    out["title"] = change.title;
    out["before_id"] = change.before_id;
    out["after_id"] = change.after_id;
    out["fields"] = field_list(change.fields);
    return out;
}

} // namespace

void bind_coverage(py::module_& module) {
    py::class_<TraceRow>(module, "TraceRow",
                         "One row of the traceability matrix: a recommendation, where it came "
                         "from, and one action or plan that addresses it (empty fields if "
                         "nothing does).")
        .def_readonly("recommendation", &TraceRow::recommendation, "The recommendation id.")
        .def_readonly("source", &TraceRow::source, "Id of the assessment that made it; '' if none.")
        .def_readonly("assessors", &TraceRow::assessors,
                      "Organisation ids of the source assessment's assessors.")
        .def_readonly("source_tag", &TraceRow::source_tag,
                      "The recommendation's own tag: 'PR', 'CPA'; '' if none.")
        .def_readonly("addressed_by", &TraceRow::addressed_by,
                      "Id of the action or plan that addresses it; '' if nothing does.")
        .def_readonly("addressed_by_kind", &TraceRow::addressed_by_kind,
                      "EntityKind.action or EntityKind.plan; None if nothing addresses it.")
        .def_readonly("plan", &TraceRow::plan, "The action's plan, or the plan itself; '' if none.")
        .def_readonly("lifecycle", &TraceRow::lifecycle,
                      "The action's lifecycle on the day; None for a plan row or an empty one.")
        .def_readonly("health", &TraceRow::health,
                      "The action's health on the day, or None (always None for a plan row).")
        .def(
            "to_dict",
            [](const TraceRow& row) {
                py::dict out;
                out["recommendation"] = row.recommendation;
                out["source"] = row.source;
                out["assessors"] = row.assessors;
                out["source_tag"] = row.source_tag;
                out["addressed_by"] = row.addressed_by;
                out["addressed_by_kind"] =
                    row.addressed_by_kind ? py::object(py::str(kind_name(*row.addressed_by_kind)))
                                          : py::object(py::none());
                out["plan"] = row.plan;
                out["lifecycle"] = name_or_none(row.lifecycle);
                out["health"] = name_or_none(row.health);
                return out;
            },
            "The row as a dict of plain values (enums by name), e.g. for pandas.DataFrame.")
        .def(
            "__eq__",
            [](const TraceRow& self, const py::object& other) -> py::object {
                if (!py::isinstance<TraceRow>(other)) {
                    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                }
                return py::bool_(self == other.cast<const TraceRow&>());
            },
            py::arg("other"))
        .def("__repr__", [](const TraceRow& row) {
            std::string out = "TraceRow(recommendation=" + quote(row.recommendation) +
                              ", addressed_by=" + quote(row.addressed_by);
            if (row.lifecycle) {
                out += ", lifecycle=" + quote(std::string(to_name(*row.lifecycle)));
            }
            return out + ")";
        });
    module.attr("TraceRow").attr("__hash__") = py::none();

    py::class_<CoverageSummary>(module, "CoverageSummary",
                                "How many recommendations there are, how many are addressed and "
                                "how many delivered, on a day.")
        .def_readonly("recommendations", &CoverageSummary::recommendations,
                      "How many recommendations were counted.")
        .def_readonly("addressed", &CoverageSummary::addressed,
                      "How many some action or whole plan addresses.")
        .def_readonly("delivered", &CoverageSummary::delivered,
                      "How many had every addressing action completed on the day.")
        .def("to_dict", &summary_dict, "The counts as a dict.")
        .def(
            "__eq__",
            [](const CoverageSummary& self, const py::object& other) -> py::object {
                if (!py::isinstance<CoverageSummary>(other)) {
                    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                }
                return py::bool_(self == other.cast<const CoverageSummary&>());
            },
            py::arg("other"))
        .def("__repr__", [](const CoverageSummary& summary) {
            return "CoverageSummary(recommendations=" + std::to_string(summary.recommendations) +
                   ", addressed=" + std::to_string(summary.addressed) +
                   ", delivered=" + std::to_string(summary.delivered) + ")";
        });
    module.attr("CoverageSummary").attr("__hash__") = py::none();

    bind_enum<ChangeKind>(module, "ChangeKind",
                          "What happened to a section or action between two versions of a plan.");

    py::class_<FieldChange>(module, "FieldChange",
                            "One field that differs between two versions, as text ('' for empty "
                            "or unset).")
        .def_readonly("field", &FieldChange::field, "The field: 'due', 'leads', 'title' ….")
        .def_readonly("before", &FieldChange::before, "Its text in the before version.")
        .def_readonly("after", &FieldChange::after, "Its text in the after version.")
        .def("to_dict", &field_dict, "The change as a dict.")
        .def(
            "__eq__",
            [](const FieldChange& self, const py::object& other) -> py::object {
                if (!py::isinstance<FieldChange>(other)) {
                    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                }
                return py::bool_(self == other.cast<const FieldChange&>());
            },
            py::arg("other"))
        .def("__repr__", [](const FieldChange& field) {
            return "FieldChange(field=" + quote(field.field) + ", before=" + quote(field.before) +
                   ", after=" + quote(field.after) + ")";
        });
    module.attr("FieldChange").attr("__hash__") = py::none();

    py::class_<PlanChange>(module, "PlanChange", "A section or action added, removed or changed.")
        .def_readonly("kind", &PlanChange::kind, "Added, removed or changed.")
        .def_readonly("entity", &PlanChange::entity, "EntityKind.section or EntityKind.action.")
        .def_readonly("ref", &PlanChange::ref,
                      "The ref (the after version's; the before version's when removed).")
        .def_readonly("title", &PlanChange::title,
                      "The title likewise; for an action without one, its text.")
        .def_readonly("before_id", &PlanChange::before_id, "Its id in the before version; ''.")
        .def_readonly("after_id", &PlanChange::after_id, "Its id in the after version; ''.")
        .def_readonly("fields", &PlanChange::fields, "The fields that differ, when changed.")
        .def("label", &PlanChange::label,
             "How the record names it: 'Action 3.4', or by its title when it has no ref.")
        .def("to_dict", &change_dict, "The change as a dict of plain values.")
        .def("__repr__", [](const PlanChange& change) {
            return "PlanChange(kind=" + quote(std::string(to_name(change.kind))) +
                   ", entity=" + quote(kind_name(change.entity)) + ", ref=" + quote(change.ref) +
                   ", fields=" + std::to_string(change.fields.size()) + ")";
        });

    py::class_<PlanDiff>(module, "PlanDiff",
                         "What changed between two versions of a plan (see docs/query.md for how "
                         "sections and actions are matched).")
        .def_readonly("before_plan", &PlanDiff::before_plan, "The plan id in the before store.")
        .def_readonly("after_plan", &PlanDiff::after_plan, "The plan id in the after store.")
        .def_readonly("plan_fields", &PlanDiff::plan_fields, "The plan's own fields that differ.")
        .def_readonly("changes", &PlanDiff::changes,
                      "Sections then actions: added and changed in the after order, then "
                      "removed.")
        .def("empty", &PlanDiff::empty, "True if nothing differs.")
        .def("summary", &PlanDiff::summary,
             "One line per change, as a record of review and amendment words it.")
        .def("as_version", &PlanDiff::as_version, py::arg("number"), py::arg("review_date"),
             py::arg("approved_by"),
             "The PlanVersion row this review produces: issues = summary(), amended 'Y' or 'N'.")
        .def(
            "to_dict",
            [](const PlanDiff& diff) {
                py::dict out;
                out["before_plan"] = diff.before_plan;
                out["after_plan"] = diff.after_plan;
                out["plan_fields"] = field_list(diff.plan_fields);
                py::list changes;
                for (const auto& change : diff.changes) {
                    changes.append(change_dict(change));
                }
                out["changes"] = changes;
                return out;
            },
            "The diff as a dict of plain values (JSON-ready).")
        .def("__repr__", [](const PlanDiff& diff) {
            return "<PlanDiff " + quote(diff.before_plan) + " -> " + quote(diff.after_plan) + ": " +
                   std::to_string(diff.changes.size()) + " changes, " +
                   std::to_string(diff.plan_fields.size()) + " plan fields>";
        });

    module.def(
        "actions_addressing",
        [](const Store& store, const std::string& recommendation) {
            return copies(actions_addressing(store, recommendation));
        },
        py::arg("store"), py::arg("recommendation"),
        "The actions that address the recommendation with this id, in the order added (raises "
        "NotFound).");
    module.def(
        "plans_addressing",
        [](const Store& store, const std::string& recommendation) {
            return copies(plans_addressing(store, recommendation));
        },
        py::arg("store"), py::arg("recommendation"),
        "The plans that address the recommendation as a whole (raises NotFound).");
    module.def(
        "recommendations_addressed_by",
        [](const Store& store, const std::string& action_or_plan) {
            return copies(recommendations_addressed_by(store, action_or_plan));
        },
        py::arg("store"), py::arg("action_or_plan"),
        "The recommendations an action, or a plan (as a whole and through its actions), "
        "addresses, in the order added (raises NotFound).");
    // Each takes a Recommendation or its id; the entity's id is looked up in store.
    module.def(
        "is_addressed",
        [](const Store& store, const Recommendation& recommendation) {
            return is_addressed(store, recommendation);
        },
        py::arg("store"), py::arg("recommendation"),
        "True if some action or whole plan addresses the recommendation (raises NotFound).");
    module.def(
        "is_addressed",
        [](const Store& store, const std::string& recommendation) {
            return is_addressed(store, store.get_recommendation(recommendation));
        },
        py::arg("store"), py::arg("recommendation"),
        "As above, for the recommendation with this id.");
    module.def(
        "is_delivered_on",
        [](const Store& store, const Recommendation& recommendation, Date day) {
            return is_delivered_on(store, recommendation, day);
        },
        py::arg("store"), py::arg("recommendation"), py::arg("day"),
        "True if at least one action addresses the recommendation and every one that does was "
        "completed on day; a recommendation addressed only by a whole plan is never delivered "
        "by this measure (raises NotFound).");
    module.def(
        "is_delivered_on",
        [](const Store& store, const std::string& recommendation, Date day) {
            return is_delivered_on(store, store.get_recommendation(recommendation), day);
        },
        py::arg("store"), py::arg("recommendation"), py::arg("day"),
        "As above, for the recommendation with this id.");
    module.def("traceability", &traceability, py::arg("store"), py::arg("day"),
               "The traceability matrix on day: a TraceRow per recommendation and action or plan "
               "that addresses it, in the order added.");
    module.def(
        "coverage_on",
        [](const Store& store, Date day, std::optional<std::string> source,
           std::optional<std::string> source_tag,
           std::optional<std::function<bool(const Recommendation&)>> where) {
            std::vector<Filter<Recommendation>> filters;
            if (source) {
                filters.push_back(recommendation_filters::from_source(store, *source));
            }
            if (source_tag) {
                filters.push_back(recommendation_filters::tagged(store, *source_tag));
            }
            if (where) {
                filters.push_back(*where);
            }
            return coverage_on(store, day, [&filters](const Recommendation& recommendation) {
                return std::all_of(filters.begin(), filters.end(),
                                   [&](const auto& filter) { return filter(recommendation); });
            });
        },
        py::arg("store"), py::arg("day"), py::kw_only(), py::arg("source") = py::none(),
        py::arg("source_tag") = py::none(), py::arg("where") = py::none(),
        "Coverage on day of the recommendations from source (an assessment id), with "
        "source_tag, and for which where(recommendation) is true; all of them by default.");
    module.def("coverage_by_source", &coverage_by_source, py::arg("store"), py::arg("day"),
               "Coverage on day per source assessment id ('' for none).");
    module.def("coverage_by_source_tag", &coverage_by_source_tag, py::arg("store"), py::arg("day"),
               "Coverage on day per source tag ('' for none).");
    module.def(
        "diff_plans",
        [](const Store& before_store, const std::string& before_plan, const Store& after_store,
           const std::string& after_plan) {
            return diff_plans(before_store, before_plan, after_store, after_plan);
        },
        py::arg("before_store"), py::arg("before_plan"), py::arg("after_store"),
        py::arg("after_plan"),
        "What changed from one version of a plan to another, each in its own store (raises "
        "NotFound).");
    module.def(
        "diff_plans",
        [](const Store& store, const std::string& before_plan, const std::string& after_plan) {
            return diff_plans(store, before_plan, after_plan);
        },
        py::arg("store"), py::arg("before_plan"), py::arg("after_plan"),
        "What changed from one version of a plan to another, both in store (raises NotFound).");
}

} // namespace bestvalue::python
