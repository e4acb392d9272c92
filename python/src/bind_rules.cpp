#include <bestvalue/rules/framework.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

std::string quote(const std::string& text) {
    return py::repr(py::str(text)).cast<std::string>();
}

// Ratings from Python: a mapping of component name → level code, where a whole number stands
// for its digits ({'education': 3} is {'education': '3'}).
ComponentRatings ratings_from(const py::dict& ratings) {
    ComponentRatings result;
    for (const auto& [key, value] : ratings) {
        if (!py::isinstance<py::str>(key)) {
            throw py::type_error("component names are strings, not " +
                                 py::repr(key).cast<std::string>());
        }
        const auto name = key.cast<std::string>();
        if (py::isinstance<py::str>(value)) {
            result[name] = value.cast<std::string>();
        } else if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) {
            result[name] = std::to_string(value.cast<long long>());
        } else {
            throw py::type_error("the level of " + name + " is a level code (str or int), not " +
                                 py::repr(value).cast<std::string>());
        }
    }
    return result;
}

py::dict step_dict(const EvaluationStep& step) {
    py::dict out;
    out["rule"] = step.rule;
    out["text"] = step.text;
    out["applies"] = step.applies;
    out["because"] = step.because;
    return out;
}

py::dict evaluation_dict(const Evaluation& evaluation) {
    py::dict out;
    out["framework"] = evaluation.framework;
    out["outcome"] = evaluation.outcome ? py::object(py::str(*evaluation.outcome)) : py::none();
    out["outcome_label"] = evaluation.outcome_label;
    out["determined"] = evaluation.determined();
    out["missing_rule"] = evaluation.missing_rule;
    py::list steps;
    for (const auto& step : evaluation.steps) {
        steps.append(step_dict(step));
    }
    out["steps"] = steps;
    out["ratings"] = py::cast(evaluation.ratings);
    return out;
}

} // namespace

void bind_rules(py::module_& module) {
    py::class_<FrameworkSource>(module, "FrameworkSource",
                                "Where a framework's rules come from, and which parts it covers.")
        .def_readonly("title", &FrameworkSource::title, "The source's title.")
        .def_readonly("publisher", &FrameworkSource::publisher, "Who published it.")
        .def_readonly("url", &FrameworkSource::url, "Where it is, if known.")
        .def_readonly("text", &FrameworkSource::text, "The citation as written.")
        .def_readonly("covers", &FrameworkSource::covers,
                      "The parts of the framework file it sources.")
        .def("__repr__", [](const FrameworkSource& source) {
            return "FrameworkSource(" + quote(source.publisher) + ", " + quote(source.title) + ")";
        });

    py::class_<FrameworkComponent>(module, "FrameworkComponent",
                                   "A rated input of a framework, on its scale.")
        .def_readonly("name", &FrameworkComponent::name, "How ratings name it.")
        .def_readonly("label", &FrameworkComponent::label, "How it is shown.")
        .def_readonly("scale", &FrameworkComponent::scale, "The scale it is rated on.")
        .def_readonly("optional", &FrameworkComponent::optional,
                      "Whether it may be absent ('where present').")
        .def("__repr__", [](const FrameworkComponent& component) {
            return "FrameworkComponent(" + quote(component.name) + ", " +
                   quote(component.scale.id) + ")";
        });

    py::class_<ComponentGroup>(module, "ComponentGroup",
                               "A named set of components that conditions count over.")
        .def_readonly("name", &ComponentGroup::name, "The group's name ('level1').")
        .def_readonly("members", &ComponentGroup::members, "The components in it.")
        .def_readonly("is_default", &ComponentGroup::is_default,
                      "True if bestvalue set the membership, not the source.")
        .def_readonly("note", &ComponentGroup::note, "What the file says of it.")
        .def("__repr__", [](const ComponentGroup& group) {
            return "ComponentGroup(" + quote(group.name) + ")";
        });

    py::class_<EvaluationStep>(module, "EvaluationStep",
                               "A row, cell, sum or cap, and why it did or did not apply.")
        .def_readonly("rule", &EvaluationStep::rule, "Which rule: 'row 2', 'cap 1' ….")
        .def_readonly("text", &EvaluationStep::text, "The rule's published wording.")
        .def_readonly("applies", &EvaluationStep::applies, "Whether it matched or applied.")
        .def_readonly("because", &EvaluationStep::because, "Why.")
        .def("to_dict", &step_dict, "The step as a dict.")
        .def("__repr__", [](const EvaluationStep& step) {
            return "EvaluationStep(" + quote(step.rule) + ", " + quote(step.because) + ")";
        });

    py::class_<Evaluation>(module, "Evaluation",
                           "A framework's outcome on a set of ratings, with its explanation.")
        .def_readonly("framework", &Evaluation::framework, "The framework's id.")
        .def_readonly("outcome", &Evaluation::outcome,
                      "The outcome's level code, or None if undetermined.")
        .def_readonly("outcome_label", &Evaluation::outcome_label, "The outcome's label.")
        .def_readonly("missing_rule", &Evaluation::missing_rule,
                      "When undetermined: the rule the source does not publish.")
        .def_readonly("steps", &Evaluation::steps, "The steps that decided it, in order.")
        .def_readonly("ratings", &Evaluation::ratings,
                      "The ratings evaluated, with derived components.")
        .def_property_readonly("determined", &Evaluation::determined,
                               "Whether the published rules decide the outcome.")
        .def("to_dict", &evaluation_dict, "The evaluation as a dict (steps as dicts).")
        .def("__str__", &Evaluation::to_string)
        .def("__repr__", [](const Evaluation& evaluation) {
            return "Evaluation(" + quote(evaluation.framework) + ", " +
                   (evaluation.outcome ? quote(*evaluation.outcome) : std::string("None")) + ")";
        });

    py::class_<ComponentChange>(module, "ComponentChange", "One component change of a lift.")
        .def_readonly("component", &ComponentChange::component, "The component changed.")
        .def_readonly("from_level", &ComponentChange::from, "Its level before.")
        .def_readonly("to_level", &ComponentChange::to, "Its level after.")
        .def("__repr__", [](const ComponentChange& change) {
            return "ComponentChange(" + quote(change.component) + ", " + quote(change.from) +
                   " -> " + quote(change.to) + ")";
        });

    py::class_<Lift>(module, "Lift", "Changes that lift a framework's outcome, and what follows.")
        .def_readonly("changes", &Lift::changes, "The component changes.")
        .def_readonly("levels", &Lift::levels, "Total steps up the components' scales.")
        .def_readonly("evaluation", &Lift::evaluation, "The evaluation after the changes.")
        .def("__repr__", [](const Lift& lift) {
            std::string text = "Lift([";
            for (std::size_t i = 0; i < lift.changes.size(); ++i) {
                text += (i == 0 ? "" : ", ") + lift.changes[i].component + ": " +
                        lift.changes[i].from + " -> " + lift.changes[i].to;
            }
            return text + "], " + lift.evaluation.outcome.value_or("None") + ")";
        });

    py::class_<Framework>(module, "Framework",
                          "An assessment framework read from a data file: components, rules, "
                          "caps and sources. See docs/ratings.md.")
        .def_readonly("id", &Framework::id, "The framework's id.")
        .def_readonly("title", &Framework::title, "Its title.")
        .def_readonly("sources", &Framework::sources, "The sources it cites.")
        .def_readonly("defaults", &Framework::defaults,
                      "The parts of the file that are defaults, not sourced.")
        .def_readonly("outcome", &Framework::outcome, "The scale of its outcome.")
        .def_readonly("components", &Framework::components, "Its rated inputs.")
        .def_readonly("groups", &Framework::groups, "Its component groups.")
        .def(
            "evaluate",
            [](const Framework& framework, const py::dict& ratings) {
                return evaluate(framework, ratings_from(ratings));
            },
            py::arg("ratings"), "The outcome on ``ratings`` (component → level code), explained.")
        .def(
            "what_if",
            [](const Framework& framework, const py::dict& ratings, const std::string& component,
               const py::object& level) {
                py::dict changed;
                changed[py::str(component)] = level;
                const std::string code = ratings_from(changed).at(component);
                return what_if(framework, ratings_from(ratings), component, code);
            },
            py::arg("ratings"), py::arg("component"), py::arg("level"),
            "The evaluation with ``component`` changed to ``level``.")
        .def(
            "smallest_lifts",
            [](const Framework& framework, const py::dict& ratings) {
                return smallest_lifts(framework, ratings_from(ratings));
            },
            py::arg("ratings"),
            "The smallest sets of raises (fewest components, then fewest levels) that lift the "
            "outcome at least one level.")
        .def("__repr__",
             [](const Framework& framework) { return "Framework(" + quote(framework.id) + ")"; });

    module.def("load_framework", &load_framework, py::arg("name_or_path"),
               "A framework by path, or a shipped one by name ('use-of-resources-2005').");
    module.def("parse_framework", &parse_framework, py::arg("text"), py::arg("source") = "",
               "A framework from JSON text.");
    module.def("shipped_frameworks", &shipped_frameworks,
               "The names of the frameworks on the search path.");
    module.def("framework_search_path", &framework_search_path,
               "The folders searched for frameworks by name, in order.");
    module.def(
        "evaluate",
        [](const Framework& framework, const py::dict& ratings) {
            return evaluate(framework, ratings_from(ratings));
        },
        py::arg("framework"), py::arg("ratings"),
        "The outcome of ``framework`` on ``ratings``, explained.");
    module.def(
        "what_if",
        [](const Framework& framework, const py::dict& ratings, const std::string& component,
           const py::object& level) {
            return py::cast(framework).attr("what_if")(ratings, component, level);
        },
        py::arg("framework"), py::arg("ratings"), py::arg("component"), py::arg("level"),
        "The evaluation of ``framework`` with ``component`` changed to ``level``.");
    module.def(
        "smallest_lifts",
        [](const Framework& framework, const py::dict& ratings) {
            return smallest_lifts(framework, ratings_from(ratings));
        },
        py::arg("framework"), py::arg("ratings"),
        "The smallest sets of raises that lift the outcome of ``framework`` one level.");
}

} // namespace bestvalue::python
