#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/store.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "casters.hpp"
#include "entity_copies.hpp"
#include "id_list.hpp"

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// How a store gives the entities of a kind: all of them, and one found by id. Actions, kept
// compactly, come as views.
template <typename Entity>
struct StoredAs {
    using Items = const std::vector<Entity>&;
    using Found = const Entity*;
};
template <>
struct StoredAs<Action> {
    using Items = const ActionTable&;
    using Found = std::optional<ActionView>;
};

// A read-only view of one kind of entity in a store: a sequence in the order added, and a
// mapping by id. Items come out as copies, so they stay valid whatever the store does next.
template <typename Entity>
class Collection {
public:
    using Items = typename StoredAs<Entity>::Items (Store::*)() const noexcept;
    using Find = typename StoredAs<Entity>::Found (Store::*)(std::string_view) const;

    Collection(py::object owner, const Store& store, Items items, Find find, const char* kind)
        : owner_(std::move(owner))
        , store_(&store)
        , items_(items)
        , find_(find)
        , kind_(kind) {}

    [[nodiscard]] std::size_t size() const { return (store_->*items_)().size(); }

    [[nodiscard]] Entity at(std::ptrdiff_t index) const {
        const auto& items = (store_->*items_)();
        const auto count = static_cast<std::ptrdiff_t>(items.size());
        if (index < 0) {
            index += count;
        }
        if (index < 0 || index >= count) {
            throw py::index_error("index " + std::to_string(index) + " out of range");
        }
        return owned(items[static_cast<std::size_t>(index)]);
    }

    [[nodiscard]] Entity get(const std::string& id) const {
        const auto entity = (store_->*find_)(id);
        if (!entity) {
            throw NotFound(kind_, id);
        }
        return owned(*entity);
    }

    [[nodiscard]] bool contains(const std::string& id) const {
        return static_cast<bool>((store_->*find_)(id));
    }

    // Every id, in order: for the kinds the index lays ids out for, the strings every answer
    // shares (id_list.hpp).
    [[nodiscard]] py::typing::List<py::str> ids() const {
        const auto& items = (store_->*items_)();
        if constexpr (requires(const StoreIndex& index) {
                          ids_of_kind(index, static_cast<const Entity*>(nullptr));
                      }) {
            const StoreIndex& index = store_->index();
            return id_list(owner_, index, ids_of_kind(index, static_cast<const Entity*>(nullptr)),
                           items.size(), [](std::size_t i) { return i; });
        } else {
            py::list ids(items.size());
            for (std::size_t i = 0; i < items.size(); ++i) {
                ids[i] = py::str(items[i].id);
            }
            return ids;
        }
    }

    [[nodiscard]] typename StoredAs<Entity>::Items items() const { return (store_->*items_)(); }
    [[nodiscard]] const char* kind() const { return kind_; }
    [[nodiscard]] const Store& store() const { return *store_; }
    [[nodiscard]] const py::object& owner() const { return owner_; }

private:
    py::object owner_; // keeps the Python Store, and so the C++ one, alive
    const Store* store_;
    Items items_;
    Find find_;
    const char* kind_;
};

template <typename Entity>
py::class_<Collection<Entity>> bind_collection(py::module_& module, const char* name) {
    return py::class_<Collection<Entity>>(module, name,
                                          "A read-only sequence of entities, also indexed by id.")
        .def("__len__", &Collection<Entity>::size, "The number of entities.")
        .def("__getitem__", &Collection<Entity>::at, py::arg("index"),
             "The entity at this index; negative indexes count from the end.")
        .def("__getitem__", &Collection<Entity>::get, py::arg("id"),
             "The entity with this id; raises NotFound (a KeyError) if there is none.")
        .def("__contains__", &Collection<Entity>::contains, py::arg("id"),
             "True if an entity has this id.")
        .def(
            "__iter__",
            [](const Collection<Entity>& collection) {
                const auto& items = collection.items();
                py::list copies(items.size());
                for (std::size_t i = 0; i < items.size(); ++i) {
                    copies[i] = py::cast(owned(items[i]));
                }
                return py::iter(copies);
            },
            "Iterates over copies of the entities, in the order they were added.")
        .def(
            "get",
            [](const Collection<Entity>& collection, const std::string& id,
               py::object fallback) -> py::object {
                if (!collection.contains(id)) {
                    return fallback;
                }
                return py::cast(collection.get(id));
            },
            py::arg("id"), py::arg("default") = py::none(), "The entity with this id, or default.")
        .def("ids", &Collection<Entity>::ids, "Every id, in order.")
        .def("__repr__", [name](const Collection<Entity>& collection) {
            return "<" + std::string(name) + " of " + std::to_string(collection.size()) + " " +
                   collection.kind() + (collection.size() == 1 ? "" : "s") + ">";
        });
}

template <typename Entity>
auto collection_property(typename Collection<Entity>::Items items,
                         typename Collection<Entity>::Find find, const char* kind) {
    return [items, find, kind](py::object self) {
        const Store& store = self.cast<const Store&>();
        return Collection<Entity>(self, store, items, find, kind);
    };
}

Store load(const std::filesystem::path& path) {
    return load_json_file(path);
}

} // namespace

void bind_store(py::module_& module) {
    py::native_enum<EntityKind>(module, "EntityKind", "enum.Enum",
                                "The kinds of entity a store holds.")
        .value("document", EntityKind::document)
        .value("organisation", EntityKind::organisation)
        .value("officer", EntityKind::officer)
        .value("service_area", EntityKind::service_area)
        .value("scale", EntityKind::scale)
        .value("vocabulary", EntityKind::vocabulary)
        .value("assessment", EntityKind::assessment)
        .value("rating", EntityKind::rating)
        .value("recommendation", EntityKind::recommendation)
        .value("plan", EntityKind::plan)
        .value("section", EntityKind::section)
        .value("action", EntityKind::action)
        .finalize();

    bind_collection<Document>(module, "DocumentCollection");
    bind_collection<Organisation>(module, "OrganisationCollection");
    bind_collection<Officer>(module, "OfficerCollection");
    bind_collection<ServiceArea>(module, "ServiceAreaCollection");
    bind_collection<Assessment>(module, "AssessmentCollection")
        .def(
            "where",
            [](const Collection<Assessment>& collection, const py::kwargs& keywords) {
                return where_assessments(collection.owner(), keywords);
            },
            "The assessments that match every keyword, as the query language's conditions: "
            "scheduled_in (period text), assessor, responsible, subject, service_area, "
            "programme, title, kind, status, track, text_contains; not_<field> for the "
            "opposite; order_by (an AssessmentField or its name), descending, limit, offset.");
    bind_collection<Rating>(module, "RatingCollection")
        .def(
            "where",
            [](const Collection<Rating>& collection, const py::kwargs& keywords) {
                return where_ratings(collection.owner(), keywords);
            },
            "The ratings that match every keyword: scale, level, subject, service_area, "
            "component, assessment, assessor, date, date_before, date_after, date_in (period "
            "text); not_<field> for the opposite; order_by, descending, limit, offset.");
    bind_collection<Recommendation>(module, "RecommendationCollection")
        .def(
            "where",
            [](const Collection<Recommendation>& collection, const py::kwargs& keywords) {
                return where_recommendations(collection.owner(), keywords);
            },
            "The recommendations that match every keyword: source, tag, number, priority, "
            "subject, assessor, plan (addressed in it), addressed_by, text_contains, addressed "
            "(True/False), delivered (True/False, on as_of) or delivered_on (a date); "
            "not_<field> for the opposite; order_by, descending, limit, offset.");
    bind_collection<Plan>(module, "PlanCollection")
        .def(
            "where",
            [](const Collection<Plan>& collection, const py::kwargs& keywords) {
                return where_plans(collection.owner(), keywords);
            },
            "The plans that match every keyword: organisation, kind, status, title, addresses, "
            "text_contains; not_<field> for the opposite; order_by, descending, limit, offset.");
    bind_collection<Action>(module, "ActionCollection")
        .def(
            "where",
            [](const Collection<Action>& collection, const py::kwargs& keywords) {
                return where_actions(collection.owner(), keywords);
            },
            "The actions that match every keyword, as the query language's conditions: plan, "
            "organisation, section, lead, delivery, status and health (on as_of, default "
            "today), open and overdue (True/False, on as_of) or open_on and overdue_on (a "
            "date), due, due_before, due_after, due_in (period text), tag, addresses, ref, "
            "text_contains; not_<field> for the opposite; order_by (an ActionField or its "
            "name), descending, limit, offset.");

    py::class_<Store>(module, "Store",
                      "Owns every entity of a collection of plans and checks they hold together. "
                      "Adding is all or nothing.")
        .def(py::init<>(), "An empty store (with the built-in scales and vocabularies).")
        .def(
            "load",
            [](Store& store, const std::filesystem::path& path) { read_json_file(store, path); },
            py::arg("path"),
            "Adds the JSON document in path: all of it, or nothing (raises ParseError or "
            "ValidationError).")
        .def(
            "read_json",
            [](Store& store, std::string_view text, std::string_view source) {
                read_json(store, text, source);
            },
            py::arg("text"), py::arg("source") = "",
            "Adds a JSON document given as text: all of it, or nothing.")
        .def("to_json", &write_json, "The store as a canonical JSON document.")
        .def(
            "query",
            [](const py::object& store, std::string_view query, std::optional<Date> today) {
                return answer(store, query, today);
            },
            py::arg("query"), py::arg("today") = py::none(),
            "Runs a text query (docs/query.md); status is answered as of the query's 'as of', "
            "else today. Raises QueryError naming the column.")
        .def("save", &save_json_file, py::arg("path"),
             "Writes the store to path as a canonical JSON document.")
        .def_property_readonly(
            "documents",
            collection_property<Document>(&Store::documents, &Store::find_document, "document"),
            "The documents, in the order added, also indexed by id.")
        .def_property_readonly("organisations",
                               collection_property<Organisation>(&Store::organisations,
                                                                 &Store::find_organisation,
                                                                 "organisation"),
                               "The organisations, in the order added, also indexed by id.")
        .def_property_readonly(
            "officers",
            collection_property<Officer>(&Store::officers, &Store::find_officer, "officer"),
            "The officers, in the order added, also indexed by id.")
        .def_property_readonly("service_areas",
                               collection_property<ServiceArea>(&Store::service_areas,
                                                                &Store::find_service_area,
                                                                "service area"),
                               "The service areas, in the order added, also indexed by id.")
        .def_property_readonly("assessments",
                               collection_property<Assessment>(
                                   &Store::assessments, &Store::find_assessment, "assessment"),
                               "The assessments, in the order added, also indexed by id.")
        .def_property_readonly(
            "ratings", collection_property<Rating>(&Store::ratings, &Store::find_rating, "rating"),
            "The ratings, in the order added, also indexed by id.")
        .def_property_readonly("recommendations",
                               collection_property<Recommendation>(&Store::recommendations,
                                                                   &Store::find_recommendation,
                                                                   "recommendation"),
                               "The recommendations, in the order added, also indexed by id.")
        .def_property_readonly("plans",
                               collection_property<Plan>(&Store::plans, &Store::find_plan, "plan"),
                               "The plans, in the order added, also indexed by id.")
        .def_property_readonly(
            "actions", collection_property<Action>(&Store::actions, &Store::find_action, "action"),
            "The actions, in the order added, also indexed by id.")
        .def_property_readonly(
            "progress",
            [](const Store& store) {
                return std::vector<ProgressUpdate>(store.progress().begin(),
                                                   store.progress().end());
            },
            "Every progress update, in the order added.")
        .def(
            "scale",
            [](const Store& store, const std::string& id) {
                const Scale* scale = store.find_scale(id);
                if (scale == nullptr) {
                    throw NotFound("scale", id);
                }
                return *scale;
            },
            py::arg("id"), "The scale with this id (built-in ones included).")
        .def(
            "vocabulary",
            [](const Store& store, const std::string& id) {
                const StatusVocabulary* vocabulary = store.find_vocabulary(id);
                if (vocabulary == nullptr) {
                    throw NotFound("vocabulary", id);
                }
                return *vocabulary;
            },
            py::arg("id"), "The status vocabulary with this id (built-in ones included).")
        .def(
            "section",
            [](const Store& store, const std::string& id) {
                const Section* section = store.find_section(id);
                if (section == nullptr) {
                    throw NotFound("section", id);
                }
                return *section;
            },
            py::arg("id"), "The section with this id.")
        .def("kind_of", &Store::kind_of, py::arg("id"), "What kind of entity has this id, or None.")
        .def("progress_of", &Store::progress_of, py::arg("subject"),
             "The updates of an action, section or plan, in date order.")
        .def("status_on", &Store::status_on, py::arg("subject"), py::arg("day"),
             "The update a committee would have been shown on day, or None.")
        .def("lifecycle_on",
             py::overload_cast<std::string_view, Date>(&Store::lifecycle_on, py::const_),
             py::arg("subject"), py::arg("day"),
             "The lifecycle on day, from the status history; not_started if none.")
        .def("health_on", py::overload_cast<std::string_view, Date>(&Store::health_on, py::const_),
             py::arg("subject"), py::arg("day"),
             "The health on day, from the status history, or None.")
        .def(
            "is_overdue_on",
            [](const Store& store, const std::string& action, Date day) {
                return store.is_overdue_on(store.get_action(action), day);
            },
            py::arg("action"), py::arg("day"),
            "True if the action's due ended before day and it was not completed on day.")
        .def(
            "plan_of",
            [](const Store& store, const std::string& subject) -> std::optional<Plan> {
                const Plan* plan = store.plan_of(subject);
                return plan == nullptr ? std::nullopt : std::optional<Plan>(*plan);
            },
            py::arg("subject"), "The plan an action, section or plan belongs to, or None.")
        .def("reference_date_of", &Store::reference_date_of, py::arg("id"),
             "The date of the first document the entity (or its plan) cites, or None.")
        .def("__copy__", [](const Store& store) { return Store(store); })
        .def(
            "__deepcopy__", [](const Store& store, py::dict) { return Store(store); },
            py::arg("memo"))
        .def("__repr__", [](const Store& store) {
            return "<Store: " + std::to_string(store.plans().size()) + " plans, " +
                   std::to_string(store.actions().size()) + " actions, " +
                   std::to_string(store.assessments().size()) + " assessments>";
        });

    module.def("load", &load, py::arg("path"),
               "A new Store holding the JSON document in path (raises ParseError or "
               "ValidationError, with every problem located).");
}

} // namespace bestvalue::python
