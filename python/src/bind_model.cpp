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
        .def_readonly("visibility", &Record::visibility, "Public, or exempt under Schedule 12A.")
        .def_readonly("cites", &Record::cites, "The papers its facts come from.")
        .def_readonly("notes", &Record::notes, "Notes, including fixes made to the source.");

    bind_record<Document, Record>(module, "Document", "The paper facts come from.")
        .def_readonly("title", &Document::title, "The title of the paper.")
        .def_readonly("organisation", &Document::organisation,
                      "Id of the body whose paper it is; '' if not given.")
        .def_readonly("meeting", &Document::meeting, "The meeting it went to: 'Executive'.")
        .def_readonly("date", &Document::date, "The meeting or paper date: the reference date.")
        .def_readonly("author", &Document::author, "Who wrote it.")
        .def_readonly("contact", &Document::contact, "Whom to contact about it.")
        .def_readonly("item", &Document::item, "The agenda item: 'EX7'.")
        .def_readonly("status", &Document::status, "Its status as written: 'draft'.")
        .def_readonly("source", &Document::source, "The file the text came from.")
        .def("__repr__", [](const Document& document) {
            return entity_repr("Document", document, "title", document.title);
        });

    bind_record<Organisation, Record>(module, "Organisation",
                                      "A council, inspectorate, auditor or partnership.")
        .def_readonly("name", &Organisation::name, "The organisation's name.")
        .def_readonly("kind", &Organisation::kind, "What kind of body it is.")
        .def_readonly("codes", &Organisation::codes, "Codes by scheme: {'gss': …}.")
        .def_readonly("start", &Organisation::start, "The day it came into being, or None.")
        .def_readonly("end", &Organisation::end, "The day it was abolished, or None.")
        .def_readonly("successor", &Organisation::successor,
                      "Id of the organisation that took over; '' if none.")
        .def("__repr__", [](const Organisation& organisation) {
            return entity_repr("Organisation", organisation, "name", organisation.name);
        });

    py::class_<PostHolder>(module, "PostHolder", "Someone who held a post, and when.")
        .def_readonly("name", &PostHolder::name, "The holder's name.")
        .def_readonly("from_", &PostHolder::from, "From (None if not known).")
        .def_readonly("to", &PostHolder::to, "To (None if not known).");

    bind_record<Officer, Record>(module, "Officer", "A post, team or named person.")
        .def_readonly("organisation", &Officer::organisation, "An organisation id.")
        .def_readonly("kind", &Officer::kind, "A post, a team or a named person.")
        .def_readonly("post", &Officer::post, "The post: 'Senior Performance Management Officer'.")
        .def_readonly("abbreviation", &Officer::abbreviation,
                      "The post as the council writes it: 'SPMO'.")
        .def_readonly("unit", &Officer::unit, "The directorate or team.")
        .def_readonly("holders", &Officer::holders, "Who held the post, and when.")
        .def("__repr__", [](const Officer& officer) {
            return entity_repr("Officer", officer, "post",
                               officer.post.empty() && !officer.holders.empty()
                                   ? officer.holders.front().name
                                   : officer.post);
        });

    bind_record<ServiceArea, Record>(module, "ServiceArea", "A service; service areas form a tree.")
        .def_readonly("name", &ServiceArea::name, "The service's name.")
        .def_readonly("parent", &ServiceArea::parent, "Id of the parent area; '' at the root.")
        .def("__repr__", [](const ServiceArea& area) {
            return entity_repr("ServiceArea", area, "name", area.name);
        });

    py::class_<ScaleLevel>(module, "ScaleLevel", "One level of a scale.")
        .def_readonly("code", &ScaleLevel::code, "How ratings name it: 'fair', '3'.")
        .def_readonly("label", &ScaleLevel::label, "How it is shown: 'Fair', '3 out of 4'.")
        .def_readonly("value", &ScaleLevel::value, "Its rank as a number.")
        .def("__repr__", [](const ScaleLevel& level) {
            return "ScaleLevel(" + py::repr(py::str(level.code)).cast<std::string>() + ", " +
                   py::repr(py::str(level.label)).cast<std::string>() + ")";
        });

    bind_record<Scale, Record>(module, "Scale", "Ordered levels, lowest first.")
        .def_readonly("name", &Scale::name, "The scale's name.")
        .def_readonly("levels", &Scale::levels, "The levels, lowest first.")
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
        .def_readonly("term", &StatusTerm::term, "The term as written: '((', 'Done', 'Amber'.")
        .def_readonly("label", &StatusTerm::label, "What the source says it means.")
        .def_readonly("lifecycle", &StatusTerm::lifecycle, "The lifecycle it means.")
        .def_readonly("health", &StatusTerm::health, "The health it means, or None.");

    bind_record<StatusVocabulary, Record>(module, "StatusVocabulary",
                                          "How a source writes progress, and what it means.")
        .def_readonly("name", &StatusVocabulary::name, "The vocabulary's name.")
        .def_readonly("terms", &StatusVocabulary::terms, "Its terms, each with what it means.")
        .def("__repr__", [](const StatusVocabulary& vocabulary) {
            return entity_repr("StatusVocabulary", vocabulary, "name", vocabulary.name);
        });

    bind_record<Assessment, Record>(module, "Assessment",
                                    "An inspection, audit, review or assessment.")
        .def_readonly("title", &Assessment::title, "The assessment's title.")
        .def_readonly("kind", &Assessment::kind, "What kind of assessment it is.")
        .def_readonly("assessors", &Assessment::assessors,
                      "Organisation ids of the assessors; joint assessments list several.")
        .def_readonly("subject", &Assessment::subject, "An organisation id: the body assessed.")
        .def_readonly("service_areas", &Assessment::service_areas,
                      "Ids of the service areas it covers.")
        .def_readonly("programme", &Assessment::programme,
                      "The programme it is listed in, as written.")
        .def_readonly("track", &Assessment::track, "Improvement work or assessment work, or None.")
        .def_readonly("scheduled", &Assessment::scheduled,
                      "When it was scheduled, as written, or None.")
        .def_readonly("actual", &Assessment::actual, "When it took place, as written, or None.")
        .def_readonly("status", &Assessment::status, "Where it stands in its programme, or None.")
        .def_readonly("markers", &Assessment::markers,
                      "The source's marks, verbatim: '*', '(Continued from …)'.")
        .def_readonly("responsible_officers", &Assessment::responsible_officers,
                      "Officer ids of the responsible officers.")
        .def_readonly("challenge_officers", &Assessment::challenge_officers,
                      "Officer ids of the challenge officers.")
        .def_readonly("description", &Assessment::description, "What it covers, in words.")
        .def("__repr__", [](const Assessment& assessment) {
            return entity_repr("Assessment", assessment, "title", assessment.title);
        });

    bind_record<Rating, Record>(module, "Rating", "A level on a scale for a subject at a date.")
        .def_readonly("scale", &Rating::scale, "A scale id.")
        .def_readonly("level", &Rating::level, "A level code of that scale.")
        .def_readonly("subject", &Rating::subject, "An organisation id: the body rated.")
        .def_readonly("service_area", &Rating::service_area,
                      "A service area id; '' when the rating is of the whole body.")
        .def_readonly("component", &Rating::component,
                      "What was rated when not a service area: 'corporate assessment'.")
        .def_readonly("date", &Rating::date, "The day of the rating, or None.")
        .def_readonly("assessment", &Rating::assessment,
                      "Id of the assessment that gave it; '' if none.")
        .def_readonly("text", &Rating::text, "The rating as written: '2 out of 4'.")
        .def("__repr__", [](const Rating& rating) {
            return entity_repr("Rating", rating, "level", rating.level);
        });

    bind_record<Recommendation, Record>(module, "Recommendation",
                                        "What an inspection, letter or peer review asked for.")
        .def_readonly("number", &Recommendation::number, "As numbered in the source.")
        .def_readonly("text", &Recommendation::text, "What it asks for.")
        .def_readonly("source", &Recommendation::source,
                      "Id of the assessment that made it; '' if none.")
        .def_readonly("source_tag", &Recommendation::source_tag,
                      "The source's own tag: 'PR', 'CPA', 'RoP'.")
        .def_readonly("priority", &Recommendation::priority, "Its priority, as written.")
        .def("__repr__", [](const Recommendation& recommendation) {
            return entity_repr("Recommendation", recommendation, "number", recommendation.number);
        });

    py::class_<PlanVersion>(module, "PlanVersion", "A row of the record of review and amendment.")
        .def_readonly("number", &PlanVersion::number, "The version number: '1.2'.")
        .def_readonly("review_date", &PlanVersion::review_date, "The day of the review, or None.")
        .def_readonly("issues", &PlanVersion::issues, "Issues or actions arising from the review.")
        .def_readonly("amended", &PlanVersion::amended,
                      "Whether it was amended, as written: 'Y', 'N/A'.")
        .def_readonly("approved_by", &PlanVersion::approved_by, "Who approved it: 'SDIMT'.")
        .def_readonly("amendment_date", &PlanVersion::amendment_date,
                      "The day of the amendment, or None.");
    py::class_<PlanTarget>(module, "PlanTarget", "An ambition, on a scale or in words.")
        .def_readonly("text", &PlanTarget::text, "The target in words.")
        .def_readonly("scale", &PlanTarget::scale, "A scale id; '' for a target in words only.")
        .def_readonly("level", &PlanTarget::level, "A level code of that scale.")
        .def_readonly("due", &PlanTarget::due, "When it is to be met, as written, or None.");
    py::class_<LegendEntry>(module, "LegendEntry", "An abbreviation and its meaning.")
        .def_readonly("abbreviation", &LegendEntry::abbreviation,
                      "The abbreviation, as the plan writes it.")
        .def_readonly("meaning", &LegendEntry::meaning, "What it stands for.");
    bind_record<Section, Record>(module, "Section", "A section or objective of a plan.")
        .def_readonly("ref", &Section::ref, "As numbered in the source.")
        .def_readonly("title", &Section::title, "The section's title.")
        .def_readonly("objective", &Section::objective, "The objective it sets.")
        .def_readonly("parent", &Section::parent, "Id of the parent section; '' at the top.")
        .def("__repr__", [](const Section& section) {
            return entity_repr("Section", section, "ref", section.ref);
        });

    bind_record<Plan, Record>(module, "Plan", "An improvement plan, action plan or programme.")
        .def_readonly("title", &Plan::title, "The plan's title.")
        .def_readonly("organisation", &Plan::organisation,
                      "An organisation id: the body whose plan it is.")
        .def_readonly("kind", &Plan::kind, "What kind of plan it is.")
        .def_readonly("status", &Plan::status, "The plan's own status, or None.")
        .def_readonly("adopted", &Plan::adopted, "The day it was adopted, or None.")
        .def_readonly("horizon", &Plan::horizon, "The span it covers, as written, or None.")
        .def_readonly("cadence", &Plan::cadence,
                      "How often it is reviewed or reported on, as written.")
        .def_readonly("audience", &Plan::audience, "Whom it is written for.")
        .def_readonly("scope", &Plan::scope, "What it covers.")
        .def_readonly("vocabulary", &Plan::vocabulary,
                      "Id of the status vocabulary its progress is written in.")
        .def_readonly("versions", &Plan::versions, "The record of review and amendment.")
        .def_readonly("targets", &Plan::targets, "Its ambitions, on a scale or in words.")
        .def_readonly("legend", &Plan::legend, "The abbreviations it uses, and their meanings.")
        .def_readonly("sections", &Plan::sections,
                      "Its sections and objectives, a tree through their parent.")
        .def_readonly("addresses", &Plan::addresses,
                      "Recommendation ids the plan as a whole addresses.")
        .def("__repr__",
             [](const Plan& plan) { return entity_repr("Plan", plan, "title", plan.title); });

    py::class_<DueRevision>(module, "DueRevision", "A revision of an action's due.")
        .def_readonly("revised_on", &DueRevision::revised_on, "The day of the revision, or None.")
        .def_readonly("due", &DueRevision::due, "The revised due, as written.")
        .def_readonly("reason", &DueRevision::reason, "Why the due was revised.")
        .def_readonly("approved_by", &DueRevision::approved_by, "Who approved the revision.")
        .def_readonly("approved_on", &DueRevision::approved_on,
                      "The day it was approved, or None.");
    py::class_<Milestone>(module, "Milestone", "A step of an action with its own due.")
        .def_readonly("title", &Milestone::title, "What the step is.")
        .def_readonly("due", &Milestone::due, "Its due as written, or None.")
        .def_readonly("leads", &Milestone::leads, "Officer ids of the lead officers.");
    py::class_<IctRequirement>(module, "IctRequirement", "An action's ICT needs.")
        .def_readonly("text", &IctRequirement::text,
                      "What the plan says of the action's ICT needs.")
        .def_readonly("required", &IctRequirement::required, "True/False, or None if unsaid.");

    bind_record<Action, Record>(module, "Action", "An action of a plan.")
        .def_readonly("plan", &Action::plan, "A plan id.")
        .def_readonly("section", &Action::section, "Id of a section of that plan; '' if none.")
        .def_readonly("ref", &Action::ref, "As numbered in the source: '3.10'.")
        .def_readonly("title", &Action::title, "The action's title.")
        .def_readonly("text", &Action::text, "What is to be done, in full.")
        .def_readonly("leads", &Action::leads, "Officer ids of the lead officers.")
        .def_readonly("delivery", &Action::delivery, "Officer ids of the officers who deliver it.")
        .def_readonly("due", &Action::due, "The due as written, with what was read from it.")
        .def_readonly("due_revisions", &Action::due_revisions,
                      "Revisions of the due, in order; the original due is kept.")
        .def_readonly("milestones", &Action::milestones, "Its steps, each with its own due.")
        .def_readonly("outcome", &Action::outcome, "The outcome it is to bring about.")
        .def_readonly("resources", &Action::resources, "The resources it needs.")
        .def_readonly("funding", &Action::funding, "How it is funded.")
        .def_readonly("ict", &Action::ict, "Its ICT needs, or None.")
        .def_readonly("addresses", &Action::addresses, "Recommendation ids of what it addresses.")
        .def_readonly("source_tags", &Action::source_tags, "The source's own tags, as written.")
        .def_property_readonly("due_end", &Action::due_end,
                               "The last day it is due (latest revision), or None.")
        .def("__repr__",
             [](const Action& action) { return entity_repr("Action", action, "ref", action.ref); });

    py::class_<ProgressUpdate>(module, "ProgressUpdate",
                               "A dated update on an action, section or plan.")
        .def_readonly("subject", &ProgressUpdate::subject, "Id of an action, section or plan.")
        .def_readonly("as_of", &ProgressUpdate::as_of, "The date it speaks of.")
        .def_readonly("recorded", &ProgressUpdate::recorded, "When recorded; None: on as_of.")
        .def_readonly("status", &ProgressUpdate::status, "The source's own status word.")
        .def_readonly("lifecycle", &ProgressUpdate::lifecycle,
                      "Where the work is in its life, or None.")
        .def_readonly("health", &ProgressUpdate::health, "How the work is going, or None.")
        .def_readonly("percent", &ProgressUpdate::percent, "How much is done, in percent, or None.")
        .def_readonly("narrative", &ProgressUpdate::narrative, "The update in words.")
        .def_readonly("author", &ProgressUpdate::author, "Who wrote it.")
        .def_readonly("visibility", &ProgressUpdate::visibility,
                      "Public, or exempt under Schedule 12A.")
        .def_readonly("cites", &ProgressUpdate::cites, "The papers that reported it.")
        .def_readonly("notes", &ProgressUpdate::notes, "Notes, including fixes made to the source.")
        .def("__repr__", [](const ProgressUpdate& update) {
            return "ProgressUpdate(subject=" +
                   py::repr(py::str(update.subject)).cast<std::string>() +
                   ", as_of=" + py::repr(py::cast(update.as_of)).cast<std::string>() +
                   ", status=" + py::repr(py::str(update.status)).cast<std::string>() + ")";
        });
}

} // namespace bestvalue::python
