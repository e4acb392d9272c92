#include <chrono>
#include <cmath>
#include <optional>
#include <string>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/io/database.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

OpenOptions open_options(bool read_only, bool create, double busy_timeout, std::int64_t max_size) {
    if (!(busy_timeout >= 0)) {
        throw py::value_error("busy_timeout must be a number of seconds, at least 0");
    }
    OpenOptions options;
    options.read_only = read_only;
    options.create = create;
    options.busy_timeout =
        std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(busy_timeout * 1000)));
    options.max_size = max_size;
    return options;
}

} // namespace

void bind_database(py::module_& module) {
    bind_enum<DatabaseFailure>(module, "DatabaseFailure",
                               "What went wrong with a database file (DatabaseError.failure).");

    py::class_<Contents>(module, "Contents",
                         "Entities to add to a store, or to replace in it, together: all or "
                         "nothing. Each argument is a list of entities of that kind.")
        .def(py::init([](std::vector<Document> documents, std::vector<Organisation> organisations,
                         std::vector<Officer> officers, std::vector<ServiceArea> service_areas,
                         std::vector<Scale> scales, std::vector<StatusVocabulary> vocabularies,
                         std::vector<Assessment> assessments, std::vector<Rating> ratings,
                         std::vector<Recommendation> recommendations, std::vector<Plan> plans,
                         std::vector<Action> actions, std::vector<ProgressUpdate> progress) {
                 return Contents{
                     std::move(documents),     std::move(organisations), std::move(officers),
                     std::move(service_areas), std::move(scales),        std::move(vocabularies),
                     std::move(assessments),   std::move(ratings),       std::move(recommendations),
                     std::move(plans),         std::move(actions),       std::move(progress)};
             }),
             py::kw_only(), py::arg("documents") = std::vector<Document>{},
             py::arg("organisations") = std::vector<Organisation>{},
             py::arg("officers") = std::vector<Officer>{},
             py::arg("service_areas") = std::vector<ServiceArea>{},
             py::arg("scales") = std::vector<Scale>{},
             py::arg("vocabularies") = std::vector<StatusVocabulary>{},
             py::arg("assessments") = std::vector<Assessment>{},
             py::arg("ratings") = std::vector<Rating>{},
             py::arg("recommendations") = std::vector<Recommendation>{},
             py::arg("plans") = std::vector<Plan>{}, py::arg("actions") = std::vector<Action>{},
             py::arg("progress") = std::vector<ProgressUpdate>{})
        .def_readonly("documents", &Contents::documents, "The documents to add or replace.")
        .def_readonly("organisations", &Contents::organisations,
                      "The organisations to add or replace.")
        .def_readonly("officers", &Contents::officers, "The officers to add or replace.")
        .def_readonly("service_areas", &Contents::service_areas,
                      "The service areas to add or replace.")
        .def_readonly("scales", &Contents::scales, "The scales to add or replace.")
        .def_readonly("vocabularies", &Contents::vocabularies,
                      "The vocabularies to add or replace.")
        .def_readonly("assessments", &Contents::assessments, "The assessments to add or replace.")
        .def_readonly("ratings", &Contents::ratings, "The ratings to add or replace.")
        .def_readonly("recommendations", &Contents::recommendations,
                      "The recommendations to add or replace.")
        .def_readonly("plans", &Contents::plans, "The plans to add or replace.")
        .def_readonly("actions", &Contents::actions, "The actions to add or replace.")
        .def_readonly("progress", &Contents::progress, "The progress updates to add or replace.");

    py::class_<Database>(module, "Database",
                         "A store kept in a SQLite file (docs/sqlite.md), made by open(). Every "
                         "write is one transaction, all or nothing. Use it as a context manager "
                         "to close it.")
        .def_property_readonly(
            "store", [](const Database& database) -> const Store& { return database.store(); },
            py::return_value_policy::reference_internal,
            "What the file holds, as last read or written: a live view that follows this "
            "database's writes and refreshes.")
        .def("refresh", &Database::refresh,
             "Re-reads the file if another connection wrote to it; True if it did.")
        .def("add", &Database::add, py::arg("contents"),
             "Adds new entities (a Contents), all or nothing (raises ValidationError).")
        .def("update", &Database::update, py::arg("contents"),
             "Replaces stored entities by id (a Contents), all or nothing; an action keeps its "
             "due revisions (raises ValidationError).")
        .def(
            "append_progress",
            [](Database& database, const std::string& subject, Date as_of,
               std::optional<Date> recorded, const std::string& status,
               std::optional<Lifecycle> lifecycle, std::optional<Health> health,
               std::optional<double> percent, const std::string& narrative,
               const std::string& author, Visibility visibility, std::vector<std::string> notes) {
                database.append_progress(ProgressUpdate{.subject = subject,
                                                        .as_of = as_of,
                                                        .recorded = recorded,
                                                        .status = status,
                                                        .lifecycle = lifecycle,
                                                        .health = health,
                                                        .percent = percent,
                                                        .narrative = narrative,
                                                        .author = author,
                                                        .visibility = visibility,
                                                        .cites = {},
                                                        .notes = std::move(notes)});
            },
            py::arg("subject"), py::arg("as_of"), py::kw_only(), py::arg("recorded") = py::none(),
            py::arg("status") = "", py::arg("lifecycle") = py::none(),
            py::arg("health") = py::none(), py::arg("percent") = py::none(),
            py::arg("narrative") = "", py::arg("author") = "",
            py::arg_v("visibility", Visibility::public_, "Visibility.public"),
            py::arg("notes") = std::vector<std::string>{},
            "Appends a progress update on an action, section or plan (raises ValidationError).")
        .def(
            "revise_due",
            [](Database& database, const std::string& action, const std::string& due,
               std::optional<Date> revised_on, const std::string& reason,
               const std::string& approved_by, std::optional<Date> approved_on) {
                DueRevision revision;
                revision.revised_on = revised_on;
                // Read as the JSON reader reads date text: against the day it was written,
                // else the action's reference date.
                const auto reference =
                    revised_on ? revised_on : database.store().reference_date_of(action);
                revision.due = parse_date_text(due, reference);
                revision.reason = reason;
                revision.approved_by = approved_by;
                revision.approved_on = approved_on;
                database.revise_due(action, std::move(revision));
            },
            py::arg("action"), py::arg("due"), py::kw_only(), py::arg("revised_on") = py::none(),
            py::arg("reason") = "", py::arg("approved_by") = "",
            py::arg("approved_on") = py::none(),
            "Appends a revision of an action's due, given as date text ('June 2009'); the "
            "original due and earlier revisions stay (raises NotFound, ValidationError).")
        .def("import_json", &Database::import_json, py::arg("text"), py::arg("source") = "",
             "Adds a JSON document given as text, all or nothing.")
        .def("export_json", &Database::export_json,
             "The store as a canonical JSON document (as Store.to_json).")
        .def_property_readonly("path", &Database::path, "The database file.")
        .def_property_readonly("schema_version", &Database::schema_version,
                               "The schema version of the file.")
        .def_property_readonly("read_only", &Database::read_only, "True if opened read-only.")
        .def_property_readonly("is_open", &Database::is_open, "True until closed.")
        .def("close", &Database::close,
             "Closes the connection; the store stays readable. Closing twice does nothing.")
        .def("__enter__", [](py::object self) { return self; })
        .def(
            "__exit__",
            [](Database& database, const py::object&, const py::object&, const py::object&) {
                database.close();
                return false;
            },
            py::arg("exc_type"), py::arg("exc_value"), py::arg("traceback"))
        .def("__repr__", [](const Database& database) {
            return "<Database " + py::repr(py::cast(database.path())).cast<std::string>() +
                   (database.is_open() ? "" : " (closed)") + ": " +
                   std::to_string(database.store().plans().size()) + " plans, " +
                   std::to_string(database.store().actions().size()) + " actions>";
        });

    module.def(
        "open",
        [](const std::filesystem::path& path, bool read_only, bool create, double busy_timeout,
           std::int64_t max_size) {
            return bestvalue::open(path, open_options(read_only, create, busy_timeout, max_size));
        },
        py::arg("path"), py::kw_only(), py::arg("read_only") = false, py::arg("create") = true,
        py::arg("busy_timeout") = 5.0, py::arg("max_size") = 0,
        "Opens (or creates) the bestvalue store in a SQLite file. busy_timeout: seconds to wait "
        "for another writer; max_size: the largest the file may grow to, in bytes (0: no "
        "limit). Raises DatabaseError.");
}

} // namespace bestvalue::python
