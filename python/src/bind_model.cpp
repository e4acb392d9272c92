#include <bestvalue/model/action.hpp>
#include <bestvalue/model/assessment.hpp>
#include <bestvalue/model/document.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/model/officer.hpp>
#include <bestvalue/model/organisation.hpp>
#include <bestvalue/model/plan.hpp>
#include <bestvalue/model/progress.hpp>
#include <bestvalue/model/rating.hpp>
#include <bestvalue/model/recommendation.hpp>
#include <bestvalue/model/scale.hpp>
#include <bestvalue/model/service_area.hpp>
#include <bestvalue/model/vocabulary.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// Binds a model enumeration as a Python enum.Enum with the names it has in JSON.
template <typename Enum>
void bind_enum(py::module_& module, const char* name, const char* doc) {
    py::native_enum<Enum> binding(module, name, "enum.Enum", doc);
    for (const auto& [value, value_name] : EnumNames<Enum>::names) {
        // The names are string literals, so they live as long as the module.
        binding.value(value_name.data(), value);
    }
    binding.finalize();
}

// A repr such as Action(id='rochford/cpa-plan-2009/3.4', ref='3.4'): the id and the one or two
// fields that tell entities apart at a glance.
template <typename Entity>
std::string entity_repr(const char* type, const Entity& entity, const char* field,
                        const std::string& value) {
    const auto quote = [](const std::string& text) {
        return py::repr(py::str(text)).cast<std::string>();
    };
    return std::string(type) + "(id=" + quote(entity.id) + ", " + field + "=" + quote(value) + ")";
}

template <typename Entity, typename... Options>
py::class_<Entity, Options...> bind_record(py::module_& module, const char* name, const char* doc) {
    py::class_<Entity, Options...> cls(module, name, doc);
    cls.def(
        "__eq__",
        [](const Entity& self, const py::object& other) -> py::object {
            if (!py::isinstance<Entity>(other)) {
                return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            }
            return py::bool_(self == other.cast<const Entity&>());
        },
        py::arg("other"));
    cls.attr("__hash__") = py::none(); // entities are values that may be edited: unhashable
    return cls;
}

} // namespace

void bind_model(py::module_& module) {
    bind_enum<Visibility>(module, "Visibility",
                          "Public, or exempt under Schedule 12A of the Local Government Act 1972.");
    bind_enum<OrganisationKind>(module, "OrganisationKind",
                                "What kind of body an organisation is.");
    bind_enum<OfficerKind>(module, "OfficerKind", "A post, a team or a named person.");
    bind_enum<AssessmentKind>(module, "AssessmentKind",
                              "The kinds of inspection, audit, review and assessment.");
    bind_enum<AssessmentStatus>(module, "AssessmentStatus",
                                "Where an assessment stands in its programme.");
    bind_enum<ProgrammeTrack>(module, "ProgrammeTrack", "Improvement work or assessment work.");
    bind_enum<PlanKind>(module, "PlanKind", "What kind of plan.");
    bind_enum<PlanStatus>(module, "PlanStatus", "A plan's own status.");
    bind_enum<Lifecycle>(module, "Lifecycle", "Where a piece of work is in its life.");
    bind_enum<Health>(module, "Health", "Red, amber, green, or blue for complete.");

    py::class_<Citation>(module, "Citation", "A reference to the paper a fact came from.")
        .def_readonly("document", &Citation::document, "The id of the document.")
        .def_readonly("paragraph", &Citation::paragraph, "Where in it; '' if not given.")
        .def("__repr__", [](const Citation& cite) {
            return "Citation(" + py::repr(py::str(cite.document)).cast<std::string>() + ", " +
                   py::repr(py::str(cite.paragraph)).cast<std::string>() + ")";
        });

    bind_record<Record>(module, "Record", "The fields every entity has.")
        .def_readonly("id", &Record::id, "Unique in a store across all kinds.")
        .def_readonly("visibility", &Record::visibility)
        .def_readonly("cites", &Record::cites, "The papers its facts come from.")
        .def_readonly("notes", &Record::notes, "Notes, including fixes made to the source.");

    bind_record<Document, Record>(module, "Document", "The paper facts come from.")
        .def_readonly("title", &Document::title)
        .def_readonly("organisation", &Document::organisation)
        .def_readonly("meeting", &Document::meeting)
        .def_readonly("date", &Document::date, "The meeting or paper date: the reference date.")
        .def_readonly("author", &Document::author)
        .def_readonly("contact", &Document::contact)
        .def_readonly("item", &Document::item)
        .def_readonly("status", &Document::status)
        .def_readonly("source", &Document::source)
        .def("__repr__", [](const Document& document) {
            return entity_repr("Document", document, "title", document.title);
        });

    bind_record<Organisation, Record>(module, "Organisation",
                                      "A council, inspectorate, auditor or partnership.")
        .def_readonly("name", &Organisation::name)
        .def_readonly("kind", &Organisation::kind)
        .def_readonly("codes", &Organisation::codes, "Codes by scheme: {'gss': …}.")
        .def_readonly("start", &Organisation::start)
        .def_readonly("end", &Organisation::end)
        .def_readonly("successor", &Organisation::successor)
        .def("__repr__", [](const Organisation& organisation) {
            return entity_repr("Organisation", organisation, "name", organisation.name);
        });

    py::class_<PostHolder>(module, "PostHolder", "Someone who held a post, and when.")
        .def_readonly("name", &PostHolder::name)
        .def_readonly("from_", &PostHolder::from, "From (None if not known).")
        .def_readonly("to", &PostHolder::to);

    bind_record<Officer, Record>(module, "Officer", "A post, team or named person.")
        .def_readonly("organisation", &Officer::organisation)
        .def_readonly("kind", &Officer::kind)
        .def_readonly("post", &Officer::post)
        .def_readonly("abbreviation", &Officer::abbreviation)
        .def_readonly("unit", &Officer::unit)
        .def_readonly("holders", &Officer::holders)
        .def("__repr__", [](const Officer& officer) {
            return entity_repr("Officer", officer, "post",
                               officer.post.empty() && !officer.holders.empty()
                                   ? officer.holders.front().name
                                   : officer.post);
        });

    bind_record<ServiceArea, Record>(module, "ServiceArea", "A service; service areas form a tree.")
        .def_readonly("name", &ServiceArea::name)
        .def_readonly("parent", &ServiceArea::parent)
        .def("__repr__", [](const ServiceArea& area) {
            return entity_repr("ServiceArea", area, "name", area.name);
        });

    py::class_<ScaleLevel>(module, "ScaleLevel", "One level of a scale.")
        .def_readonly("code", &ScaleLevel::code)
        .def_readonly("label", &ScaleLevel::label)
        .def_readonly("value", &ScaleLevel::value)
        .def("__repr__", [](const ScaleLevel& level) {
            return "ScaleLevel(" + py::repr(py::str(level.code)).cast<std::string>() + ", " +
                   py::repr(py::str(level.label)).cast<std::string>() + ")";
        });

    bind_record<Scale, Record>(module, "Scale", "Ordered levels, lowest first.")
        .def_readonly("name", &Scale::name)
        .def_readonly("levels", &Scale::levels)
        .def(
            "find_level",
            [](const Scale& scale, const std::string& code) -> std::optional<ScaleLevel> {
                const ScaleLevel* level = scale.find_level(code);
                return level == nullptr ? std::nullopt : std::optional<ScaleLevel>(*level);
            },
            py::arg("code"), "The level with this code, or None.")
        .def("__repr__",
             [](const Scale& scale) { return entity_repr("Scale", scale, "name", scale.name); });

    py::class_<StatusTerm>(module, "StatusTerm", "A word or symbol of a vocabulary.")
        .def_readonly("term", &StatusTerm::term)
        .def_readonly("label", &StatusTerm::label)
        .def_readonly("lifecycle", &StatusTerm::lifecycle)
        .def_readonly("health", &StatusTerm::health);

    bind_record<StatusVocabulary, Record>(module, "StatusVocabulary",
                                          "How a source writes progress, and what it means.")
        .def_readonly("name", &StatusVocabulary::name)
        .def_readonly("terms", &StatusVocabulary::terms)
        .def("__repr__", [](const StatusVocabulary& vocabulary) {
            return entity_repr("StatusVocabulary", vocabulary, "name", vocabulary.name);
        });

    bind_record<Assessment, Record>(module, "Assessment",
                                    "An inspection, audit, review or assessment.")
        .def_readonly("title", &Assessment::title)
        .def_readonly("kind", &Assessment::kind)
        .def_readonly("assessors", &Assessment::assessors)
        .def_readonly("subject", &Assessment::subject)
        .def_readonly("service_areas", &Assessment::service_areas)
        .def_readonly("programme", &Assessment::programme)
        .def_readonly("track", &Assessment::track)
        .def_readonly("scheduled", &Assessment::scheduled)
        .def_readonly("actual", &Assessment::actual)
        .def_readonly("status", &Assessment::status)
        .def_readonly("markers", &Assessment::markers)
        .def_readonly("responsible_officers", &Assessment::responsible_officers)
        .def_readonly("challenge_officers", &Assessment::challenge_officers)
        .def_readonly("description", &Assessment::description)
        .def("__repr__", [](const Assessment& assessment) {
            return entity_repr("Assessment", assessment, "title", assessment.title);
        });

    bind_record<Rating, Record>(module, "Rating", "A level on a scale for a subject at a date.")
        .def_readonly("scale", &Rating::scale)
        .def_readonly("level", &Rating::level)
        .def_readonly("subject", &Rating::subject)
        .def_readonly("service_area", &Rating::service_area)
        .def_readonly("component", &Rating::component)
        .def_readonly("date", &Rating::date)
        .def_readonly("assessment", &Rating::assessment)
        .def_readonly("text", &Rating::text)
        .def("__repr__", [](const Rating& rating) {
            return entity_repr("Rating", rating, "level", rating.level);
        });

    bind_record<Recommendation, Record>(module, "Recommendation",
                                        "What an inspection, letter or peer review asked for.")
        .def_readonly("number", &Recommendation::number)
        .def_readonly("text", &Recommendation::text)
        .def_readonly("source", &Recommendation::source)
        .def_readonly("source_tag", &Recommendation::source_tag)
        .def_readonly("priority", &Recommendation::priority)
        .def("__repr__", [](const Recommendation& recommendation) {
            return entity_repr("Recommendation", recommendation, "number", recommendation.number);
        });

    py::class_<PlanVersion>(module, "PlanVersion", "A row of the record of review and amendment.")
        .def_readonly("number", &PlanVersion::number)
        .def_readonly("review_date", &PlanVersion::review_date)
        .def_readonly("issues", &PlanVersion::issues)
        .def_readonly("amended", &PlanVersion::amended)
        .def_readonly("approved_by", &PlanVersion::approved_by)
        .def_readonly("amendment_date", &PlanVersion::amendment_date);
    py::class_<PlanTarget>(module, "PlanTarget", "An ambition, on a scale or in words.")
        .def_readonly("text", &PlanTarget::text)
        .def_readonly("scale", &PlanTarget::scale)
        .def_readonly("level", &PlanTarget::level)
        .def_readonly("due", &PlanTarget::due);
    py::class_<LegendEntry>(module, "LegendEntry", "An abbreviation and its meaning.")
        .def_readonly("abbreviation", &LegendEntry::abbreviation)
        .def_readonly("meaning", &LegendEntry::meaning);
    bind_record<Section, Record>(module, "Section", "A section or objective of a plan.")
        .def_readonly("ref", &Section::ref)
        .def_readonly("title", &Section::title)
        .def_readonly("objective", &Section::objective)
        .def_readonly("parent", &Section::parent)
        .def("__repr__", [](const Section& section) {
            return entity_repr("Section", section, "ref", section.ref);
        });

    bind_record<Plan, Record>(module, "Plan", "An improvement plan, action plan or programme.")
        .def_readonly("title", &Plan::title)
        .def_readonly("organisation", &Plan::organisation)
        .def_readonly("kind", &Plan::kind)
        .def_readonly("status", &Plan::status)
        .def_readonly("adopted", &Plan::adopted)
        .def_readonly("horizon", &Plan::horizon)
        .def_readonly("cadence", &Plan::cadence)
        .def_readonly("audience", &Plan::audience)
        .def_readonly("scope", &Plan::scope)
        .def_readonly("vocabulary", &Plan::vocabulary)
        .def_readonly("versions", &Plan::versions, "The record of review and amendment.")
        .def_readonly("targets", &Plan::targets)
        .def_readonly("legend", &Plan::legend)
        .def_readonly("sections", &Plan::sections)
        .def_readonly("addresses", &Plan::addresses)
        .def("__repr__",
             [](const Plan& plan) { return entity_repr("Plan", plan, "title", plan.title); });

    py::class_<DueRevision>(module, "DueRevision", "A revision of an action's due.")
        .def_readonly("revised_on", &DueRevision::revised_on)
        .def_readonly("due", &DueRevision::due)
        .def_readonly("reason", &DueRevision::reason)
        .def_readonly("approved_by", &DueRevision::approved_by)
        .def_readonly("approved_on", &DueRevision::approved_on);
    py::class_<Milestone>(module, "Milestone", "A step of an action with its own due.")
        .def_readonly("title", &Milestone::title)
        .def_readonly("due", &Milestone::due)
        .def_readonly("leads", &Milestone::leads);
    py::class_<IctRequirement>(module, "IctRequirement", "An action's ICT needs.")
        .def_readonly("text", &IctRequirement::text)
        .def_readonly("required", &IctRequirement::required, "True/False, or None if unsaid.");

    bind_record<Action, Record>(module, "Action", "An action of a plan.")
        .def_readonly("plan", &Action::plan)
        .def_readonly("section", &Action::section)
        .def_readonly("ref", &Action::ref)
        .def_readonly("title", &Action::title)
        .def_readonly("text", &Action::text)
        .def_readonly("leads", &Action::leads)
        .def_readonly("delivery", &Action::delivery)
        .def_readonly("due", &Action::due, "The due as written, with what was read from it.")
        .def_readonly("due_revisions", &Action::due_revisions)
        .def_readonly("milestones", &Action::milestones)
        .def_readonly("outcome", &Action::outcome)
        .def_readonly("resources", &Action::resources)
        .def_readonly("funding", &Action::funding)
        .def_readonly("ict", &Action::ict)
        .def_readonly("addresses", &Action::addresses)
        .def_readonly("source_tags", &Action::source_tags)
        .def_property_readonly("due_end", &Action::due_end,
                               "The last day it is due (latest revision), or None.")
        .def("__repr__",
             [](const Action& action) { return entity_repr("Action", action, "ref", action.ref); });

    py::class_<ProgressUpdate>(module, "ProgressUpdate",
                               "A dated update on an action, section or plan.")
        .def_readonly("subject", &ProgressUpdate::subject)
        .def_readonly("as_of", &ProgressUpdate::as_of, "The date it speaks of.")
        .def_readonly("recorded", &ProgressUpdate::recorded, "When recorded; None: on as_of.")
        .def_readonly("status", &ProgressUpdate::status, "The source's own status word.")
        .def_readonly("lifecycle", &ProgressUpdate::lifecycle)
        .def_readonly("health", &ProgressUpdate::health)
        .def_readonly("percent", &ProgressUpdate::percent)
        .def_readonly("narrative", &ProgressUpdate::narrative)
        .def_readonly("author", &ProgressUpdate::author)
        .def_readonly("visibility", &ProgressUpdate::visibility)
        .def_readonly("cites", &ProgressUpdate::cites)
        .def_readonly("notes", &ProgressUpdate::notes)
        .def("__repr__", [](const ProgressUpdate& update) {
            return "ProgressUpdate(subject=" +
                   py::repr(py::str(update.subject)).cast<std::string>() +
                   ", as_of=" + py::repr(py::cast(update.as_of)).cast<std::string>() +
                   ", status=" + py::repr(py::str(update.status)).cast<std::string>() + ")";
        });
}

} // namespace bestvalue::python
