#include <algorithm>
#include <array>
#include <atomic>
#include <concepts>
#include <functional>
#include <future>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include <bestvalue/detail/text_map.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/store.hpp>

#include "detail/id_map.hpp"
#include "detail/keyless_map.hpp"

namespace bestvalue {

namespace {

struct EntityRef {
    EntityKind kind;
    std::uint32_t index = 0;   // into the kind's vector (for a section: the plan's index)
    std::uint32_t section = 0; // for a section: its index in the plan's sections
    bool builtin = false;      // a built-in scale or vocabulary
};

// Each id's place, the id read from the entity there: no copy of it is kept.
using IdIndex = detail::KeylessMap<EntityRef>;

std::string_view kind_name(EntityKind kind) {
    switch (kind) {
    case EntityKind::document:
        return "document";
    case EntityKind::organisation:
        return "organisation";
    case EntityKind::officer:
        return "officer";
    case EntityKind::service_area:
        return "service area";
    case EntityKind::scale:
        return "scale";
    case EntityKind::vocabulary:
        return "vocabulary";
    case EntityKind::assessment:
        return "assessment";
    case EntityKind::rating:
        return "rating";
    case EntityKind::recommendation:
        return "recommendation";
    case EntityKind::plan:
        return "plan";
    case EntityKind::section:
        return "section";
    case EntityKind::action:
        return "action";
    }
    return "entity";
}

// Ids are lower-case segments of [a-z0-9._-], starting with a letter or digit, joined by '/'.
bool is_valid_id(std::string_view id) {
    if (id.empty()) {
        return false;
    }
    bool segment_start = true;
    for (const char c : id) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c == '/') {
            if (segment_start) {
                return false;
            }
            segment_start = true;
        } else if (segment_start) {
            if (!alnum) {
                return false;
            }
            segment_start = false;
        } else if (!alnum && c != '.' && c != '_' && c != '-') {
            return false;
        }
    }
    return !segment_start;
}

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

// 'a plan', 'an organisation'.
std::string with_article(EntityKind kind) {
    const std::string_view name = kind_name(kind);
    const bool vowel = name.front() == 'a' || name.front() == 'e' || name.front() == 'i' ||
                       name.front() == 'o' || name.front() == 'u';
    return (vowel ? "an " : "a ") + std::string(name);
}

// The id of an entity as the store holds it: a value of its own, or an action read in place.
std::string_view id_of(const Record& entity) {
    return entity.id;
}
std::string_view id_of(const ActionView& action) {
    return action.id();
}
// Likewise the papers it cites.
std::span<const Citation> cites_of(const Record& entity) {
    return entity.cites;
}
std::span<const Citation> cites_of(const ActionView& action) {
    return action.cites();
}

} // namespace

namespace detail {

struct StoreData {
    // Every entity but the actions and the progress updates, which are kept compactly in
    // `actions` and `progress` (contents.actions and contents.progress are always empty).
    Contents contents;
    ActionTable actions;
    ProgressLog progress;
    // Every id, built-in scales and vocabularies too, by the place of its entity.
    IdIndex by_id;
    // Each subject's progress updates, as indexes into `progress`, in date order; found by
    // subject through `lists_by_subject`, which holds each list's position here, its subject
    // read from the log. A list is never empty while it is held.
    std::vector<std::vector<std::uint32_t>> progress_lists;
    detail::KeylessMap<std::uint32_t> lists_by_subject;
    StoreIndex index;

    StoreData() {
        const auto& scales = builtin_scales();
        for (std::uint32_t i = 0; i < scales.size(); ++i) {
            file_id(scales[i].id, EntityRef{EntityKind::scale, i, 0, true});
        }
        const auto& vocabularies = builtin_vocabularies();
        for (std::uint32_t i = 0; i < vocabularies.size(); ++i) {
            file_id(vocabularies[i].id, EntityRef{EntityKind::vocabulary, i, 0, true});
        }
    }

    // Calls `visit` with the entity at `ref`, which the store holds, as the type it is (a
    // section as a Section): what it gives.
    template <typename Visit>
    decltype(auto) visit_entity(const EntityRef& ref, Visit&& visit) const {
        switch (ref.kind) {
        case EntityKind::document:
            return visit(contents.documents[ref.index]);
        case EntityKind::organisation:
            return visit(contents.organisations[ref.index]);
        case EntityKind::officer:
            return visit(contents.officers[ref.index]);
        case EntityKind::service_area:
            return visit(contents.service_areas[ref.index]);
        case EntityKind::scale:
            return visit(ref.builtin ? builtin_scales()[ref.index] : contents.scales[ref.index]);
        case EntityKind::vocabulary:
            return visit(ref.builtin ? builtin_vocabularies()[ref.index]
                                     : contents.vocabularies[ref.index]);
        case EntityKind::assessment:
            return visit(contents.assessments[ref.index]);
        case EntityKind::rating:
            return visit(contents.ratings[ref.index]);
        case EntityKind::recommendation:
            return visit(contents.recommendations[ref.index]);
        case EntityKind::plan:
            return visit(contents.plans[ref.index]);
        case EntityKind::section:
            return visit(contents.plans[ref.index].sections[ref.section]);
        case EntityKind::action:
            break;
        }
        return visit(actions[ref.index]);
    }

    // Every action, as values of their own.
    [[nodiscard]] std::vector<Action> action_values() const {
        std::vector<Action> values;
        values.reserve(actions.size());
        for (const ActionView action : actions) {
            values.push_back(action.value());
        }
        return values;
    }

    // The id of the entity at `ref`, which the store holds.
    [[nodiscard]] std::string_view id_at(const EntityRef& ref) const noexcept {
        if (ref.kind == EntityKind::action) {
            return actions.id(ref.index);
        }
        return visit_entity(ref, [](const auto& entity) { return id_of(entity); });
    }

    // Files `id` as the id of the entity at `ref`, which the store must already hold.
    void file_id(std::string_view id, const EntityRef& ref) {
        by_id.try_emplace(id, ref, [this](const EntityRef& at) { return id_at(at); });
    }

    [[nodiscard]] const EntityRef* find(std::string_view id) const {
        return by_id.find(id, [this](const EntityRef& at) { return id_at(at); });
    }

    // Reads the subject of a list of updates from the log.
    [[nodiscard]] auto subject_of_list() const {
        return
            [this](std::uint32_t list) { return progress.subject(progress_lists[list].front()); };
    }

    // The updates of `subject`, in date order; null if it has none.
    [[nodiscard]] const std::vector<std::uint32_t>* updates_of(std::string_view subject) const {
        const std::uint32_t* list = lists_by_subject.find(subject, subject_of_list());
        return list != nullptr ? &progress_lists[*list] : nullptr;
    }

    template <typename Entity>
    [[nodiscard]] const Entity* find_as(std::string_view id, EntityKind kind,
                                        const std::vector<Entity>& entities,
                                        const std::vector<Entity>* builtins = nullptr) const {
        const EntityRef* ref = find(id);
        if (ref == nullptr || ref->kind != kind) {
            return nullptr;
        }
        if (ref->builtin) {
            return builtins == nullptr ? nullptr : &(*builtins)[ref->index];
        }
        return &entities[ref->index];
    }

    // Indexes the progress updates from `first` on by subject, keeping each subject's updates
    // in date order (as_of, then recorded, then the order added).
    // `subjects` bounds how many subjects a first load can have (the entities it adds).
    void index_progress(std::uint32_t first, std::size_t subjects) {
        index_progress(progress, progress_lists, lists_by_subject, first, subjects);
    }

    // As the other, for the updates of `log` into lists and a map of them by subject of their
    // own: a first load's are indexed so beside its checks, before the log is the store's.
    static void index_progress(const ProgressLog& progress,
                               std::vector<std::vector<std::uint32_t>>& progress_lists,
                               detail::KeylessMap<std::uint32_t>& lists_by_subject,
                               std::uint32_t first, std::size_t subjects) {
        const auto subject_of_list = [&] {
            return
                [&](std::uint32_t list) { return progress.subject(progress_lists[list].front()); };
        };
        // The lists that gained an update, by position (the lists move as more are made).
        std::vector<std::uint32_t> touched;
        // A subject's updates mostly come together: its list is found once for them.
        std::string_view last_subject;
        std::optional<std::uint32_t> list;
        if (lists_by_subject.empty()) {
            // A first load: subjects are entities, with at most one list each; one rehash
            // instead of one at each doubling.
            const std::size_t most = std::min(progress.size(), subjects);
            lists_by_subject.reserve(most);
            progress_lists.reserve(most);
        }
        for (auto index = first; index < progress.size(); ++index) {
            const std::string_view subject = progress.subject(index);
            if (!list || last_subject != subject) {
                last_subject = subject;
                if (const std::uint32_t* found =
                        lists_by_subject.find(subject, subject_of_list())) {
                    list = *found;
                } else {
                    // Made with its first update, so that its subject can be read.
                    list = static_cast<std::uint32_t>(progress_lists.size());
                    progress_lists.push_back({index});
                    touched.push_back(*list);
                    lists_by_subject.try_emplace(subject, *list, subject_of_list());
                    continue;
                }
            }
            auto& updates = progress_lists[*list];
            if (updates.back() < first) {
                touched.push_back(*list);
            }
            updates.push_back(index);
        }
        const auto earlier = [&](std::uint32_t a, std::uint32_t b) {
            if (progress.as_of(a) != progress.as_of(b)) {
                return progress.as_of(a) < progress.as_of(b);
            }
            return progress.recorded_on(a) < progress.recorded_on(b);
        };
        for (const std::uint32_t touched_list : touched) {
            auto& updates = progress_lists[touched_list];
            // Most histories arrive in date order; a stable sort would still allocate.
            if (!std::is_sorted(updates.begin(), updates.end(), earlier)) {
                std::stable_sort(updates.begin(), updates.end(), earlier);
            }
        }
    }

    // How many entities of each collection `contents` holds, in the order of its members.
    [[nodiscard]] std::array<std::size_t, 12> sizes() const noexcept {
        return {contents.documents.size(),
                contents.organisations.size(),
                contents.officers.size(),
                contents.service_areas.size(),
                contents.scales.size(),
                contents.vocabularies.size(),
                contents.assessments.size(),
                contents.ratings.size(),
                contents.recommendations.size(),
                contents.plans.size(),
                actions.size(),
                progress.size()};
    }

    // Takes out everything added after the collections had the sizes `before` (in the order of
    // Contents' members): the undo of a failed add, or of a pending one taken back.
    void remove_added(const std::array<std::size_t, 12>& before) noexcept {
        // Every entity is still held while the ids are let go: their ids are read from them.
        const auto forget = [&](const auto& entities, std::size_t from) {
            for (auto i = from; i < entities.size(); ++i) {
                by_id.erase(entities[i].id, [this](const EntityRef& at) { return id_at(at); });
            }
        };
        for (auto p = before[9]; p < contents.plans.size(); ++p) {
            forget(contents.plans[p].sections, 0);
        }
        forget(contents.documents, before[0]);
        forget(contents.organisations, before[1]);
        forget(contents.officers, before[2]);
        forget(contents.service_areas, before[3]);
        forget(contents.scales, before[4]);
        forget(contents.vocabularies, before[5]);
        forget(contents.assessments, before[6]);
        forget(contents.ratings, before[7]);
        forget(contents.recommendations, before[8]);
        forget(contents.plans, before[9]);
        for (auto i = before[10]; i < actions.size(); ++i) {
            by_id.erase(actions.id(i), [this](const EntityRef& at) { return id_at(at); });
        }
        // The lists made by the addition are the last, and hold only its updates: let go
        // while the log still holds their subjects. Every list before keeps an update.
        const auto added = [&](std::uint32_t index) { return index >= before[11]; };
        while (!progress_lists.empty() &&
               std::all_of(progress_lists.back().begin(), progress_lists.back().end(), added)) {
            lists_by_subject.erase(progress.subject(progress_lists.back().front()),
                                   subject_of_list());
            progress_lists.pop_back();
        }
        for (auto& updates : progress_lists) {
            std::erase_if(updates, added);
        }
        contents.documents.resize(before[0]);
        contents.organisations.resize(before[1]);
        contents.officers.resize(before[2]);
        contents.service_areas.resize(before[3]);
        contents.scales.resize(before[4]);
        contents.vocabularies.resize(before[5]);
        contents.assessments.resize(before[6]);
        contents.ratings.resize(before[7]);
        contents.recommendations.resize(before[8]);
        contents.plans.resize(before[9]);
        actions.truncate(before[10]);
        progress.truncate(before[11]);
    }
};

} // namespace detail

namespace {

using detail::StoreData;

// Where an id is in a Contents, as a JSON pointer made only when a problem is reported:
// '/actions/3/id', '/plans/0/sections/2/id'.
struct IdPlace {
    static constexpr std::uint32_t no_section = static_cast<std::uint32_t>(-1);

    const char* collection = ""; // a name given as a literal
    std::uint32_t index = 0;
    std::uint32_t section = no_section; // the section of the plan at `index`, if one

    [[nodiscard]] std::string location() const {
        std::string location = "/" + std::string(collection) + "/" + std::to_string(index);
        if (section != no_section) {
            location += "/sections/" + std::to_string(section);
        }
        return location + "/id";
    }
};

// Where a replacement goes: the stored entity's position, and the replacement's in what was
// given.
struct ReplacementPlace {
    std::uint32_t stored = 0;
    std::size_t given = 0;
};

// Checks one Contents against itself and a store, collecting every problem.
class Checker {
public:
    // `actions` and `progress` hold the new actions and progress updates (contents.actions and
    // contents.progress are not read).
    Checker(const Contents& contents, const ActionTable& actions, const ProgressLog& progress,
            const StoreData& store)
        : contents_(contents)
        , actions_(actions)
        , progress_(progress)
        , store_(store) {}

    // Fills `skip` with the entities already in the store (equal ones), per collection.
    std::vector<Problem> check(std::vector<std::vector<bool>>& skip) {
        register_ids(skip);
        check_references();
        check_trees();
        return std::move(problems_);
    }

    // Checks each new action as the replacement of the stored one at its place
    // (places in stored order), as a check of the whole store with it in that place would: its
    // problems are located at that place. Only for replacements that keep their plan, so that
    // nothing else the store holds can have changed.
    std::vector<Problem> check_replaced_actions(const std::vector<ReplacementPlace>& places) {
        for (const auto& place : places) {
            check_action([&] { return "/actions/" + std::to_string(place.stored); },
                         actions_[place.given]);
        }
        return std::move(problems_);
    }

private:
    void problem(std::string location, std::string message) {
        problems_.push_back({std::move(location), std::move(message)});
    }

    // --- ids ---------------------------------------------------------------------------------

    // `entities`: a collection of `contents_`, or the new actions.
    template <typename Entities, typename Equal>
    void register_collection(const Entities& entities, const char* collection, EntityKind kind,
                             std::vector<bool>& skip, Equal equal_to_stored) {
        skip.assign(entities.size(), false);
        // The map of a national collection's ids is far larger than the caches: each id's slot
        // is asked for some ids ahead of its turn (docs/performance.md, Hotspot 41).
        constexpr std::size_t ahead = 8;
        for (std::size_t i = 0; i < entities.size(); ++i) {
            if (i + ahead < entities.size()) {
                new_ids_.prefetch(id_of(entities[i + ahead]));
            }
            const bool already_there = register_id(
                id_of(entities[i]), IdPlace{collection, static_cast<std::uint32_t>(i)}, kind,
                [&](const EntityRef& ref) { return equal_to_stored(entities[i], ref); });
            skip[i] = already_there;
        }
    }

    // Returns true if the id is already in the store with an equal entity (to be skipped).
    template <typename Equal>
    bool register_id(std::string_view id, const IdPlace& place, EntityKind kind,
                     Equal equal_to_stored) {
        if (!is_valid_id(id)) {
            problem(place.location(), "invalid id " + quoted(id) +
                                          ": use lower-case segments of a-z, 0-9, '.', '_', '-' "
                                          "separated by '/'");
            return false;
        }
        const auto [earlier, added] = new_ids_.try_emplace(id, NewId{place, kind});
        if (!added) {
            problem(place.location(),
                    "duplicate id " + quoted(id) + ", first used at " + earlier->place.location());
            return false;
        }
        if (const EntityRef* stored = store_.find(id)) {
            if (stored->kind == kind && equal_to_stored(*stored)) {
                return true;
            }
            problem(place.location(),
                    "id " + quoted(id) + " is already used by " +
                        (stored->kind == kind
                             ? "a different " + std::string(kind_name(stored->kind))
                             : with_article(stored->kind)) +
                        " in the store");
        }
        return false;
    }

    void register_ids(std::vector<std::vector<bool>>& skip) {
        const Contents& stored = store_.contents;
        skip.resize(12);
        std::size_t sections = 0;
        for (const auto& plan : contents_.plans) {
            sections += plan.sections.size();
        }
        new_ids_.reserve(contents_.documents.size() + contents_.organisations.size() +
                         contents_.officers.size() + contents_.service_areas.size() +
                         contents_.scales.size() + contents_.vocabularies.size() +
                         contents_.assessments.size() + contents_.ratings.size() +
                         contents_.recommendations.size() + contents_.plans.size() + sections +
                         actions_.size());
        section_plan_.reserve(sections);
        register_collection(
            contents_.documents, "documents", EntityKind::document, skip[0],
            [&](const Document& d, const EntityRef& r) { return stored.documents[r.index] == d; });
        register_collection(contents_.organisations, "organisations", EntityKind::organisation,
                            skip[1], [&](const Organisation& o, const EntityRef& r) {
                                return stored.organisations[r.index] == o;
                            });
        register_collection(
            contents_.officers, "officers", EntityKind::officer, skip[2],
            [&](const Officer& o, const EntityRef& r) { return stored.officers[r.index] == o; });
        register_collection(contents_.service_areas, "service_areas", EntityKind::service_area,
                            skip[3], [&](const ServiceArea& s, const EntityRef& r) {
                                return stored.service_areas[r.index] == s;
                            });
        register_collection(contents_.scales, "scales", EntityKind::scale, skip[4],
                            [&](const Scale& s, const EntityRef& r) {
                                return (r.builtin ? builtin_scales() : stored.scales)[r.index] == s;
                            });
        register_collection(contents_.vocabularies, "vocabularies", EntityKind::vocabulary, skip[5],
                            [&](const StatusVocabulary& v, const EntityRef& r) {
                                return (r.builtin ? builtin_vocabularies()
                                                  : stored.vocabularies)[r.index] == v;
                            });
        register_collection(contents_.assessments, "assessments", EntityKind::assessment, skip[6],
                            [&](const Assessment& a, const EntityRef& r) {
                                return stored.assessments[r.index] == a;
                            });
        register_collection(
            contents_.ratings, "ratings", EntityKind::rating, skip[7],
            [&](const Rating& x, const EntityRef& r) { return stored.ratings[r.index] == x; });
        register_collection(contents_.recommendations, "recommendations",
                            EntityKind::recommendation, skip[8],
                            [&](const Recommendation& x, const EntityRef& r) {
                                return stored.recommendations[r.index] == x;
                            });
        register_collection(
            contents_.plans, "plans", EntityKind::plan, skip[9],
            [&](const Plan& p, const EntityRef& r) { return stored.plans[r.index] == p; });
        // A plan's sections are ids of the store too; they go with their plan.
        for (std::size_t p = 0; p < contents_.plans.size(); ++p) {
            const auto& sections = contents_.plans[p].sections;
            for (std::size_t s = 0; s < sections.size(); ++s) {
                (void)register_id(
                    sections[s].id,
                    IdPlace{"plans", static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(s)},
                    EntityKind::section, [&](const EntityRef&) { return skip[9][p]; });
                // The last plan to name a section is its plan here, as for a map's [].
                const auto [plan, added] =
                    section_plan_.try_emplace(sections[s].id, contents_.plans[p].id);
                if (!added) {
                    *plan = contents_.plans[p].id;
                }
            }
        }
        register_collection(
            actions_, "actions", EntityKind::action, skip[10],
            [&](const ActionView& a, const EntityRef& r) { return store_.actions[r.index] == a; });
        // Progress updates have no ids; an update equal to a stored one is the same report.
        skip[11].assign(progress_.size(), false);
        if (store_.progress_lists.empty()) {
            return; // a first load: nothing to look up
        }
        for (std::size_t i = 0; i < progress_.size(); ++i) {
            const ProgressUpdateView update = progress_[i];
            if (const auto* updates = store_.updates_of(update.subject)) {
                skip[11][i] =
                    std::any_of(updates->begin(), updates->end(), [&](std::uint32_t index) {
                        return store_.progress[index] == update;
                    });
            }
        }
    }

    // --- references --------------------------------------------------------------------------

    [[nodiscard]] std::optional<EntityKind> kind_of(std::string_view id) const {
        if (const NewId* found = new_ids_.find(id)) {
            return found->kind;
        }
        if (const EntityRef* stored = store_.find(id)) {
            return stored->kind;
        }
        return std::nullopt;
    }

    // What is wrong with a reference to `id` as a `kind`, if anything.
    [[nodiscard]] std::optional<std::string> reference_problem(std::string_view id, EntityKind kind,
                                                               bool required) const {
        if (id.empty()) {
            return required ? std::optional(with_article(kind) + " is required") : std::nullopt;
        }
        const auto found = kind_of(id);
        if (!found) {
            return "unknown " + std::string(kind_name(kind)) + " " + quoted(id);
        }
        if (*found != kind) {
            return quoted(id) + " is " + with_article(*found) + ", not " + with_article(kind);
        }
        return std::nullopt;
    }

    // Locations are made only when there is a problem to report: most references are fine,
    // and a national collection has millions of them. A base location is a string, or a
    // function making one, for the entities that are checked by the million.
    static std::string where(std::string_view base) { return std::string(base); }
    template <std::invocable Base>
    static std::string where(const Base& base) {
        return base();
    }

    template <typename Base>
    void reference(const Base& base, std::string_view field, std::string_view id, EntityKind kind,
                   bool required = false) {
        if (auto message = reference_problem(id, kind, required)) {
            problem(where(base) + std::string(field), std::move(*message));
        }
    }

    // `ids`: a list of texts, held (`std::vector<std::string>`) or read in place (`TextList`).
    template <typename Base, typename Ids>
    void references(const Base& base, std::string_view field, const Ids& ids, EntityKind kind) {
        std::size_t i = 0;
        for (const std::string_view id : ids) {
            if (auto message = reference_problem(id, kind, false)) {
                problem(where(base) + std::string(field) + "/" + std::to_string(i),
                        std::move(*message));
            }
            ++i;
        }
    }

    // `entity`: a record, or an action read in place.
    template <typename Base, typename Entity>
    void record(const Base& base, const Entity& entity) {
        const std::span<const Citation> cites = cites_of(entity);
        for (std::size_t i = 0; i < cites.size(); ++i) {
            if (auto message = reference_problem(cites[i].document, EntityKind::document, true)) {
                problem(where(base) + "/cites/" + std::to_string(i) + "/document",
                        std::move(*message));
            }
        }
    }

    // The scale with `id`, new or stored (built-ins included).
    [[nodiscard]] const Scale* scale(std::string_view id) const {
        for (const auto& candidate : contents_.scales) {
            if (candidate.id == id) {
                return &candidate;
            }
        }
        const EntityRef* ref = store_.find(id);
        if (ref == nullptr || ref->kind != EntityKind::scale) {
            return nullptr;
        }
        return &(ref->builtin ? builtin_scales() : store_.contents.scales)[ref->index];
    }

    [[nodiscard]] const StatusVocabulary* vocabulary(std::string_view id) const {
        for (const auto& candidate : contents_.vocabularies) {
            if (candidate.id == id) {
                return &candidate;
            }
        }
        const EntityRef* ref = store_.find(id);
        if (ref == nullptr || ref->kind != EntityKind::vocabulary) {
            return nullptr;
        }
        return &(ref->builtin ? builtin_vocabularies() : store_.contents.vocabularies)[ref->index];
    }

    // Files the new plans by id, once: `plan` reads them. Built on first use, so that checking
    // every action's plan stays linear, or before the updates are checked beside the actions.
    void file_new_plans() const {
        if (new_plans_.empty() && !contents_.plans.empty()) {
            new_plans_.reserve(contents_.plans.size());
            for (const auto& candidate : contents_.plans) {
                new_plans_.try_emplace(candidate.id, &candidate);
            }
        }
    }

    [[nodiscard]] const Plan* plan(std::string_view id) const {
        file_new_plans();
        if (const auto* found = new_plans_.find(id)) {
            return *found;
        }
        const EntityRef* ref = store_.find(id);
        return ref != nullptr && ref->kind == EntityKind::plan ? &store_.contents.plans[ref->index]
                                                               : nullptr;
    }

    // The plan a section id belongs to.
    [[nodiscard]] std::string_view plan_of_section(std::string_view id) const {
        if (const auto* found = section_plan_.find(id)) {
            return *found;
        }
        const EntityRef* ref = store_.find(id);
        return ref != nullptr && ref->kind == EntityKind::section
                   ? std::string_view(store_.contents.plans[ref->index].id)
                   : std::string_view();
    }

    // The plan an action id belongs to. A new action's is read from the table at the place
    // its id was registered at (a duplicate id's first).
    [[nodiscard]] std::string_view plan_of_action(std::string_view id) const {
        if (const NewId* found = new_ids_.find(id);
            found != nullptr && found->kind == EntityKind::action) {
            return actions_.plan(found->place.index);
        }
        const EntityRef* ref = store_.find(id);
        return ref != nullptr && ref->kind == EntityKind::action ? store_.actions.plan(ref->index)
                                                                 : std::string_view();
    }

    void level(const std::string& location, const std::string& scale_id,
               const std::string& level_code) {
        if (scale_id.empty()) {
            if (!level_code.empty()) {
                problem(location + "/level", "a level needs a scale");
            }
            return;
        }
        const Scale* found = scale(scale_id);
        if (found == nullptr) {
            reference(location, "/scale", scale_id, EntityKind::scale);
            return;
        }
        if (found->find_level(level_code) == nullptr) {
            std::string codes;
            for (const auto& known : found->levels) {
                codes += (codes.empty() ? "" : ", ") + quoted(known.code);
            }
            problem(location + "/level", "scale " + quoted(scale_id) + " has no level " +
                                             quoted(level_code) + " (its levels: " + codes + ")");
        }
    }

    void check_references() {
        const auto at = [](std::string_view collection, std::size_t i) {
            return "/" + std::string(collection) + "/" + std::to_string(i);
        };
        for (std::size_t i = 0; i < contents_.documents.size(); ++i) {
            const auto& document = contents_.documents[i];
            record(at("documents", i), document);
            reference(at("documents", i), "/organisation", document.organisation,
                      EntityKind::organisation);
        }
        for (std::size_t i = 0; i < contents_.organisations.size(); ++i) {
            const auto& organisation = contents_.organisations[i];
            record(at("organisations", i), organisation);
            reference(at("organisations", i), "/successor", organisation.successor,
                      EntityKind::organisation);
            if (organisation.start && organisation.end && *organisation.end < *organisation.start) {
                problem(at("organisations", i) + "/end", "ends before it starts");
            }
        }
        for (std::size_t i = 0; i < contents_.officers.size(); ++i) {
            record(at("officers", i), contents_.officers[i]);
            reference(at("officers", i), "/organisation", contents_.officers[i].organisation,
                      EntityKind::organisation);
        }
        for (std::size_t i = 0; i < contents_.service_areas.size(); ++i) {
            record(at("service_areas", i), contents_.service_areas[i]);
            reference(at("service_areas", i), "/parent", contents_.service_areas[i].parent,
                      EntityKind::service_area);
        }
        for (std::size_t i = 0; i < contents_.scales.size(); ++i) {
            record(at("scales", i), contents_.scales[i]);
            std::set<std::string> codes;
            for (std::size_t l = 0; l < contents_.scales[i].levels.size(); ++l) {
                if (!codes.insert(contents_.scales[i].levels[l].code).second) {
                    problem(at("scales", i) + "/levels/" + std::to_string(l) + "/code",
                            "duplicate level code " + quoted(contents_.scales[i].levels[l].code));
                }
            }
        }
        for (std::size_t i = 0; i < contents_.vocabularies.size(); ++i) {
            record(at("vocabularies", i), contents_.vocabularies[i]);
            std::set<std::string> terms;
            for (std::size_t t = 0; t < contents_.vocabularies[i].terms.size(); ++t) {
                if (!terms.insert(contents_.vocabularies[i].terms[t].term).second) {
                    problem(at("vocabularies", i) + "/terms/" + std::to_string(t) + "/term",
                            "duplicate term " + quoted(contents_.vocabularies[i].terms[t].term));
                }
            }
        }
        for (std::size_t i = 0; i < contents_.assessments.size(); ++i) {
            const auto& assessment = contents_.assessments[i];
            const auto location = at("assessments", i);
            record(location, assessment);
            references(location, "/assessors", assessment.assessors, EntityKind::organisation);
            reference(location, "/subject", assessment.subject, EntityKind::organisation);
            references(location, "/service_areas", assessment.service_areas,
                       EntityKind::service_area);
            references(location, "/responsible_officers", assessment.responsible_officers,
                       EntityKind::officer);
            references(location, "/challenge_officers", assessment.challenge_officers,
                       EntityKind::officer);
        }
        for (std::size_t i = 0; i < contents_.ratings.size(); ++i) {
            const auto& rating = contents_.ratings[i];
            const auto location = at("ratings", i);
            record(location, rating);
            if (rating.scale.empty()) {
                problem(location + "/scale", "a scale is required");
            } else {
                level(location, rating.scale, rating.level);
            }
            reference(location, "/subject", rating.subject, EntityKind::organisation, true);
            reference(location, "/service_area", rating.service_area, EntityKind::service_area);
            reference(location, "/assessment", rating.assessment, EntityKind::assessment);
        }
        for (std::size_t i = 0; i < contents_.recommendations.size(); ++i) {
            record(at("recommendations", i), contents_.recommendations[i]);
            reference(at("recommendations", i), "/source", contents_.recommendations[i].source,
                      EntityKind::assessment);
        }
        for (std::size_t i = 0; i < contents_.plans.size(); ++i) {
            const auto& plan = contents_.plans[i];
            const auto location = at("plans", i);
            record(location, plan);
            reference(location, "/organisation", plan.organisation, EntityKind::organisation);
            reference(location, "/vocabulary", plan.vocabulary, EntityKind::vocabulary, true);
            references(location, "/addresses", plan.addresses, EntityKind::recommendation);
            for (std::size_t t = 0; t < plan.targets.size(); ++t) {
                level(location + "/targets/" + std::to_string(t), plan.targets[t].scale,
                      plan.targets[t].level);
            }
            for (std::size_t s = 0; s < plan.sections.size(); ++s) {
                record(location + "/sections/" + std::to_string(s), plan.sections[s]);
                const auto& parent = plan.sections[s].parent;
                const auto parent_location =
                    location + "/sections/" + std::to_string(s) + "/parent";
                reference(parent_location, "", parent, EntityKind::section);
                if (!parent.empty() && kind_of(parent) == EntityKind::section &&
                    plan_of_section(parent) != plan.id) {
                    problem(parent_location,
                            "section " + quoted(parent) + " belongs to another plan");
                }
            }
        }
        // The actions and the progress updates are most of a large collection's references,
        // and each reads only what register_ids filed and the new plans (filed here, first):
        // a large collection's updates are checked on a thread of their own beside the
        // actions (docs/performance.md, Hotspot 25), in chunks that this thread takes too once
        // the actions are checked, as the updates take longer (Hotspot 38). Each chunk's
        // problems are kept apart and put after the actions', in order, as checking them after
        // would give. The plans of actions are filed on first asking, which only the updates
        // do. The future's destructor waits for it.
        constexpr std::size_t updates_per_chunk = 16384;
        const std::size_t chunks = (progress_.size() + updates_per_chunk - 1) / updates_per_chunk;
        std::vector<std::vector<Problem>> chunk_problems(chunks);
        std::atomic<std::size_t> next_chunk{0};
        const auto check_chunks = [&] {
            for (std::size_t chunk = next_chunk++; chunk < chunks; chunk = next_chunk++) {
                SubjectSeen seen;
                const std::size_t end = std::min(progress_.size(), (chunk + 1) * updates_per_chunk);
                for (std::size_t i = chunk * updates_per_chunk; i < end; ++i) {
                    // A new subject's id is looked up: its slot is asked for ahead, as the
                    // ids' is (a run of one subject's updates views one text).
                    constexpr std::size_t ahead = 16;
                    if (i + ahead < end && progress_.subject(i + ahead).data() !=
                                               progress_.subject(i + ahead - 1).data()) {
                        new_ids_.prefetch(progress_.subject(i + ahead));
                    }
                    check_progress([&] { return at("progress", i); }, progress_[i], seen,
                                   chunk_problems[chunk]);
                }
            }
        };
        file_new_plans();
        constexpr std::size_t updates_worth_a_thread = 65536;
        std::future<void> progress_checked;
        if (progress_.size() >= updates_worth_a_thread && std::thread::hardware_concurrency() > 1) {
            progress_checked = std::async(std::launch::async, check_chunks);
        }
        for (std::size_t i = 0; i < actions_.size(); ++i) {
            check_action([&] { return at("actions", i); }, actions_[i]);
        }
        check_chunks();
        if (progress_checked.valid()) {
            progress_checked.get(); // its exception, if it threw
        }
        for (auto& found : chunk_problems) {
            problems_.insert(problems_.end(), std::make_move_iterator(found.begin()),
                             std::make_move_iterator(found.end()));
        }
    }

    template <typename Location>
    void check_action(const Location& location, const ActionView& action) {
        record(location, action);
        const std::string_view plan = action.plan();
        const std::string_view section = action.section();
        reference(location, "/plan", plan, EntityKind::plan, true);
        reference(location, "/section", section, EntityKind::section);
        if (!section.empty() && kind_of(section) == EntityKind::section &&
            plan_of_section(section) != plan) {
            problem(where(location) + "/section",
                    "section " + quoted(section) + " is not a section of plan " + quoted(plan));
        }
        references(location, "/leads", action.leads(), EntityKind::officer);
        references(location, "/delivery", action.delivery(), EntityKind::officer);
        references(location, "/addresses", action.addresses(), EntityKind::recommendation);
        const auto milestones = action.milestones();
        for (std::size_t m = 0; m < milestones.size(); ++m) {
            references([&] { return where(location) + "/milestones/" + std::to_string(m); },
                       "/leads", milestones[m].leads, EntityKind::officer);
        }
    }

    // The subject of the last progress update checked, its kind, its plan's id, the plan and
    // its vocabulary, and the last status found there: a subject's updates mostly come
    // together, and what its id resolves to is found once for them.
    struct SubjectSeen {
        std::string_view subject;
        std::optional<EntityKind> kind;
        std::string_view plan;
        const Plan* owner = nullptr;
        const StatusVocabulary* words = nullptr;
        std::string_view known_status;
    };

    // Checks one progress update, its problems put in `found` (it may run beside the rest).
    template <typename Location>
    void check_progress(const Location& location, const ProgressUpdateView& update,
                        SubjectSeen& seen, std::vector<Problem>& found) const {
        const auto report = [&](std::string place, std::string message) {
            found.push_back({std::move(place), std::move(message)});
        };
        if (update.as_of.is_special()) {
            report(where(location) + "/as_of", "a date is required");
        }
        if (update.percent && (*update.percent < 0 || *update.percent > 100)) {
            report(where(location) + "/percent", "a percentage must be from 0 to 100");
        }
        if (seen.subject.data() == nullptr || seen.subject != update.subject) {
            seen = SubjectSeen();
            seen.subject = update.subject;
            seen.kind = kind_of(update.subject);
            if (seen.kind == EntityKind::action) {
                seen.plan = plan_of_action(update.subject);
            } else if (seen.kind == EntityKind::section) {
                seen.plan = plan_of_section(update.subject);
            } else if (seen.kind == EntityKind::plan) {
                seen.plan = update.subject;
            }
            seen.owner = seen.plan.empty() ? nullptr : plan(seen.plan);
            seen.words = seen.owner == nullptr ? nullptr : vocabulary(seen.owner->vocabulary);
        }
        const auto kind = seen.kind;
        if (update.subject.empty()) {
            report(where(location) + "/subject", "a subject is required");
        } else if (!kind) {
            report(where(location) + "/subject",
                   "unknown action, section or plan " + quoted(update.subject));
        } else if (*kind != EntityKind::action && *kind != EntityKind::section &&
                   *kind != EntityKind::plan) {
            report(where(location) + "/subject", quoted(update.subject) + " is " +
                                                     with_article(*kind) +
                                                     ", not an action, section or plan");
        }
        if (update.status.empty()) {
            return;
        }
        if (update.lifecycle || update.health) {
            report(where(location) + "/status",
                   "give a status term or a lifecycle and health, not "
                   "both: the term's meaning comes from the vocabulary");
        }
        // A subject's updates mostly repeat a status: it is looked for once.
        const StatusVocabulary* words = seen.words;
        if (words == nullptr ||
            (seen.known_status.data() != nullptr && seen.known_status == update.status)) {
            return;
        }
        if (words->find_term(update.status) != nullptr) {
            seen.known_status = update.status;
            return;
        }
        std::string known;
        for (const auto& term : words->terms) {
            known += (known.empty() ? "" : ", ") + quoted(term.term);
        }
        report(where(location) + "/status",
               "unknown status " + quoted(update.status) + " for vocabulary " + quoted(words->id) +
                   " of plan " + quoted(seen.owner->id) + " (its terms: " + known + ")");
    }

    // --- trees -------------------------------------------------------------------------------

    // Follows parent links from each node; a walk that comes back to a node it has seen is a
    // cycle, reported once at the node where it was found.
    void check_trees() {
        std::unordered_map<std::string, std::string> area_parent;
        for (const auto& area : store_.contents.service_areas) {
            area_parent[area.id] = area.parent;
        }
        for (const auto& area : contents_.service_areas) {
            area_parent[area.id] = area.parent;
        }
        for (std::size_t i = 0; i < contents_.service_areas.size(); ++i) {
            if (has_cycle(contents_.service_areas[i].id, area_parent)) {
                problem("/service_areas/" + std::to_string(i) + "/parent",
                        "service area " + quoted(contents_.service_areas[i].id) +
                            " is its own ancestor");
            }
        }
        for (std::size_t p = 0; p < contents_.plans.size(); ++p) {
            std::unordered_map<std::string, std::string> section_parent;
            for (const auto& section : contents_.plans[p].sections) {
                section_parent[section.id] = section.parent;
            }
            for (std::size_t s = 0; s < contents_.plans[p].sections.size(); ++s) {
                if (has_cycle(contents_.plans[p].sections[s].id, section_parent)) {
                    problem("/plans/" + std::to_string(p) + "/sections/" + std::to_string(s) +
                                "/parent",
                            "section " + quoted(contents_.plans[p].sections[s].id) +
                                " is its own ancestor");
                }
            }
        }
    }

    // True if following parents from `start` leads back to it.
    static bool has_cycle(const std::string& start,
                          const std::unordered_map<std::string, std::string>& parent) {
        std::set<std::string> seen{start};
        auto found = parent.find(start);
        while (found != parent.end() && !found->second.empty()) {
            if (found->second == start) {
                return true;
            }
            if (!seen.insert(found->second).second) {
                return false; // a cycle further up, reported at its own members
            }
            found = parent.find(found->second);
        }
        return false;
    }

    // Small, as there is one for each new id.
    struct NewId {
        IdPlace place;
        EntityKind kind = EntityKind::document;
    };

    const Contents& contents_;
    const ActionTable& actions_;
    const ProgressLog& progress_;
    const StoreData& store_;
    std::vector<Problem> problems_;
    // Keyed by views of the ids in `contents_` and `actions_`, which outlive the checker.
    detail::IdMap<NewId> new_ids_;
    detail::IdMap<std::string_view> section_plan_;
    // The new plans, by id; a duplicate id keeps its first.
    mutable detail::IdMap<const Plan*> new_plans_;
};

// Room in `entities` for `more` at the end. Where it must grow it at least doubles, as
// push_back does: an exact reserve for each of many small adds (a database's append_progress)
// moved the whole collection every time, a national store's four million updates (0.9 GB)
// included. The room past the end is not written, so it takes no memory until used.
template <typename Entity>
void make_room(std::vector<Entity>& entities, std::size_t more) {
    const std::size_t needed = entities.size() + more;
    if (needed > entities.capacity()) {
        entities.reserve(std::max(needed, 2 * entities.capacity()));
    }
}

// Appends the entities of `from` not skipped to `to`, one of `data`'s collections, filing each
// id as it goes.
template <typename Entity>
void append(std::vector<Entity>& to, std::vector<Entity>& from, const std::vector<bool>& skip,
            StoreData& data, EntityKind kind) {
    if (to.empty() && std::find(skip.begin(), skip.end(), true) == skip.end()) {
        // The first load into a store (the usual case) takes the vector whole.
        to = std::move(from);
        for (std::size_t i = 0; i < to.size(); ++i) {
            data.file_id(to[i].id, EntityRef{kind, static_cast<std::uint32_t>(i)});
        }
        return;
    }
    make_room(to, from.size());
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (skip[i]) {
            continue;
        }
        // Held first: the map reads an id from the entity it files.
        to.push_back(std::move(from[i]));
        data.file_id(to.back().id, EntityRef{kind, static_cast<std::uint32_t>(to.size() - 1)});
    }
}

// Appends the actions of `from` not skipped to the store's table, filing each id as it goes.
void append(ActionTable& to, ActionTable& from, const std::vector<bool>& skip, StoreData& data) {
    const auto first = static_cast<std::uint32_t>(to.size());
    if (std::find(skip.begin(), skip.end(), true) == skip.end()) {
        // Every one: the first load into a store (the usual case) takes the table whole.
        if (to.empty()) {
            to = std::move(from);
        } else {
            to.append(std::span(&from, 1));
        }
    } else {
        // The few equal to stored ones are left out: the rest copied one by one.
        to.reserve(from.size());
        for (std::size_t i = 0; i < from.size(); ++i) {
            if (!skip[i]) {
                to.push_back(from[i].value());
            }
        }
    }
    // Filed once held: the map reads an id from the action it files.
    for (auto position = first; position < to.size(); ++position) {
        data.file_id(to.id(position), EntityRef{EntityKind::action, position});
    }
}

// The place of each entity of `from` that replaces a stored one of `stored` (a collection of
// the store), matched by id, with a problem for each id given twice, each the store does not
// hold as `kind`, and each `check` (given the stored entity, its replacement and the
// replacement's location) refuses.
template <typename Stored, typename Entity, typename Check>
std::vector<ReplacementPlace>
replacement_places(const Stored& stored, const std::vector<Entity>& from, const StoreData& data,
                   EntityKind kind, std::string_view collection, std::set<std::string>& seen,
                   std::vector<Problem>& problems, Check&& check) {
    std::vector<ReplacementPlace> places;
    for (std::size_t i = 0; i < from.size(); ++i) {
        const std::string location = "/" + std::string(collection) + "/" + std::to_string(i);
        const std::string& id = from[i].id;
        if (!seen.insert(id).second) {
            problems.push_back({location + "/id", "duplicate id " + quoted(id)});
            continue;
        }
        const EntityRef* ref = data.find(id);
        if (ref == nullptr || ref->kind != kind) {
            problems.push_back({location + "/id", "no " + std::string(kind_name(kind)) + " " +
                                                      quoted(id) + " to update"});
            continue;
        }
        if (ref->builtin) {
            problems.push_back({location + "/id", "the built-in " + std::string(kind_name(kind)) +
                                                      " " + quoted(id) + " cannot be updated"});
            continue;
        }
        if (check(stored[ref->index], from[i], location)) {
            places.push_back({ref->index, i});
        }
    }
    return places;
}

// Puts each entity of `from` in the place of the stored entity with its id in `into` (a copy
// of the store's collection), with the problems of `replacement_places`.
template <typename Entity, typename Check>
void replace_by_id(std::vector<Entity>& into, std::vector<Entity>& from, const StoreData& data,
                   EntityKind kind, std::string_view collection, std::set<std::string>& seen,
                   std::vector<Problem>& problems, Check&& check) {
    for (const auto& place : replacement_places(into, from, data, kind, collection, seen, problems,
                                                std::forward<Check>(check))) {
        into[place.stored] = std::move(from[place.given]);
    }
}

std::span<const DueRevision> due_revisions_of(const Action& action) {
    return action.due_revisions;
}
std::span<const DueRevision> due_revisions_of(const ActionView& action) {
    return action.due_revisions();
}

// Due dates are never overwritten: the revisions an action had stay, first and unchanged. The
// check of an action's replacement, with its problem; `old` is a value or read in place.
template <typename Old>
bool keeps_due_revisions(const Old& old, const Action& replacement, const std::string& location,
                         std::vector<Problem>& problems) {
    const auto kept = due_revisions_of(old);
    const auto& given = replacement.due_revisions;
    if (given.size() >= kept.size() && std::equal(kept.begin(), kept.end(), given.begin())) {
        return true;
    }
    problems.push_back({location + "/due_revisions",
                        "action " + quoted(id_of(old)) + " has " + std::to_string(kept.size()) +
                            " due revision(s) that an update must keep, first and unchanged"});
    return false;
}

} // namespace

Store::Store()
    : impl_(std::make_unique<StoreData>()) {}
Store::Store(const Store& other)
    : impl_(std::make_unique<StoreData>(*other.impl_)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(const Store& other) {
    if (this != &other) {
        impl_ = std::make_unique<StoreData>(*other.impl_);
    }
    return *this;
}
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store::PendingChange::PendingChange(Store& store)
    : store_(&store)
    , sizes_before_(store.impl_->sizes()) {}

Store::PendingChange::PendingChange(PendingChange&& other) noexcept
    : store_(other.store_)
    , sizes_before_(other.sizes_before_)
    , previous_index_(std::move(other.previous_index_))
    , previous_store_(std::move(other.previous_store_))
    , previous_actions_(std::move(other.previous_actions_))
    , replaced_actions_(std::move(other.replaced_actions_))
    , pending_(std::exchange(other.pending_, false)) {}

Store::PendingChange::~PendingChange() {
    if (!pending_) {
        return;
    }
    if (previous_store_) {
        *store_ = std::move(*previous_store_);
    } else {
        // The index from before answers for the entities from before, by the same handles.
        put_back_actions();
        store_->impl_->remove_added(sizes_before_);
        store_->impl_->index = std::move(*previous_index_);
    }
}

void Store::PendingChange::put_back_actions() noexcept {
    store_->impl_->actions.put_back(replaced_actions_);
    previous_actions_.truncate(0);
}

std::optional<ActionView> Store::PendingChange::previous_action(std::string_view id) const {
    if (previous_store_) {
        return previous_store_->find_action(id);
    }
    for (const ActionView action : previous_actions_) {
        if (action.id() == id) {
            return action;
        }
    }
    const auto action = store_->find_action(id);
    return action && action->position() < sizes_before_[10] ? action : std::nullopt;
}

const Plan* Store::PendingChange::previous_plan(std::string_view id) const {
    if (previous_store_) {
        return previous_store_->find_plan(id);
    }
    const Plan* plan = store_->find_plan(id);
    return plan != nullptr &&
                   static_cast<std::size_t>(plan - store_->plans().data()) < sizes_before_[9]
               ? plan
               : nullptr;
}

void Store::PendingChange::keep() noexcept {
    pending_ = false;
    previous_index_.reset();
    previous_store_.reset();
    previous_actions_ = ActionTable();
    replaced_actions_ = ActionTable::Replaced();
}

void Store::add(Contents contents) {
    add_pending(std::move(contents)).keep();
}

void Store::update(Contents contents) {
    update_pending(std::move(contents)).keep();
}

void Store::add(Contents contents, ActionTable actions, ProgressLog progress) {
    add_pending(std::move(contents), std::move(actions), std::move(progress)).keep();
}

Store::PendingChange Store::add_pending(Contents contents) {
    return add_pending(std::move(contents), ActionTable(), ProgressLog());
}

Store::PendingChange Store::add_pending(Contents contents, ActionTable more_actions,
                                        ProgressLog more_progress) {
    // The actions of contents.actions, then those of the table: each kept as a table holds it.
    ActionTable actions;
    std::future<void> actions_let_go; // its destructor waits for it
    if (contents.actions.empty()) {
        actions = std::move(more_actions);
    } else {
        actions.reserve(contents.actions);
        for (const Action& action : contents.actions) {
            actions.push_back(action);
        }
        actions.append(std::span(&more_actions, 1));
        // A large collection's are let go on a thread of their own, beside the checking: the
        // freeing of a million actions is a tenth of a load (docs/performance.md, Hotspot 32).
        constexpr std::size_t actions_worth_a_thread = 16384;
        if (contents.actions.size() >= actions_worth_a_thread &&
            std::thread::hardware_concurrency() > 1) {
            actions_let_go =
                std::async(std::launch::async, [given = std::move(contents.actions)]() mutable {
                    std::vector<Action>().swap(given);
                });
        }
        contents.actions = {};
    }
    // The updates of contents.progress, then those of the log: each kept as a log holds it.
    ProgressLog progress;
    if (contents.progress.empty()) {
        progress = std::move(more_progress);
    } else {
        progress.reserve(contents.progress.size() + more_progress.size());
        for (const ProgressUpdate& update : contents.progress) {
            progress.push_back(update);
        }
        contents.progress = {};
        progress.append(more_progress);
    }
    StoreData& data = *impl_;
    // One rehash at most, not one at each doubling of a national collection's ids.
    std::size_t new_ids = contents.documents.size() + contents.organisations.size() +
                          contents.officers.size() + contents.service_areas.size() +
                          contents.scales.size() + contents.vocabularies.size() +
                          contents.assessments.size() + contents.ratings.size() +
                          contents.recommendations.size() + contents.plans.size() + actions.size();
    for (const auto& plan : contents.plans) {
        new_ids += plan.sections.size();
    }
    const std::size_t subjects = data.by_id.size() + new_ids;
    // A store's first updates, when many, are indexed by subject beside the checks, which
    // only read them: the first of the checks, registering the ids, has a core to itself
    // (docs/performance.md, Hotspot 38). Into lists of their own, kept only if the checks
    // pass; the future's destructor waits for it.
    constexpr std::size_t updates_worth_a_thread = 65536;
    const bool many_updates =
        progress.size() >= updates_worth_a_thread && std::thread::hardware_concurrency() > 1;
    std::vector<std::vector<std::uint32_t>> first_lists;
    detail::KeylessMap<std::uint32_t> first_lists_by_subject;
    std::future<void> first_updates_indexed;
    if (many_updates && data.progress.empty() && data.progress_lists.empty()) {
        first_updates_indexed = std::async(std::launch::async, [&] {
            StoreData::index_progress(progress, first_lists, first_lists_by_subject, 0, subjects);
        });
    }
    std::vector<std::vector<bool>> skip;
    std::vector<Problem> problems = Checker(contents, actions, progress, *impl_).check(skip);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    // Everything is checked: from here on only memory can run out. The new entities are
    // appended in place (no copy of what the store already holds), and if anything throws
    // half way, what was appended is taken out again, so the store is as it was.
    Contents& into = data.contents;
    PendingChange pending(*this);
    const std::array<std::size_t, 12>& before = pending.sizes_before_;
    pending.pending_ = false; // until the index from before is kept aside
    try {
        // The progress updates first: indexing them by subject reads nothing else, so for a
        // large collection it runs on a thread of its own beside the appending of the rest
        // (docs/performance.md, Hotspot 25), where a store's first were not indexed beside
        // the checks. The future's destructor waits for it, so it has ended before anything
        // is taken out again when the rest throws.
        const auto first_update = static_cast<std::uint32_t>(before[11]);
        // A first load takes the new log whole; later ones copy in the updates not skipped.
        const auto log_progress = [&data, &progress, &skip, first_update, subjects] {
            if (data.progress.empty() &&
                std::find(skip[11].begin(), skip[11].end(), true) == skip[11].end()) {
                data.progress = std::move(progress);
            } else {
                data.progress.reserve(progress.size());
                for (std::size_t i = 0; i < progress.size(); ++i) {
                    if (!skip[11][i]) {
                        data.progress.push_back(progress[i]);
                    }
                }
            }
            data.index_progress(first_update, subjects);
        };
        std::future<void> progress_indexed;
        if (first_updates_indexed.valid()) {
            first_updates_indexed.get(); // its exception, if it threw
            data.progress = std::move(progress);
            data.progress_lists = std::move(first_lists);
            data.lists_by_subject = std::move(first_lists_by_subject);
        } else if (many_updates) {
            progress_indexed = std::async(std::launch::async, log_progress);
        } else {
            log_progress();
        }
        data.by_id.reserve(subjects);
        append(into.documents, contents.documents, skip[0], data, EntityKind::document);
        append(into.organisations, contents.organisations, skip[1], data, EntityKind::organisation);
        append(into.officers, contents.officers, skip[2], data, EntityKind::officer);
        append(into.service_areas, contents.service_areas, skip[3], data, EntityKind::service_area);
        append(into.scales, contents.scales, skip[4], data, EntityKind::scale);
        append(into.vocabularies, contents.vocabularies, skip[5], data, EntityKind::vocabulary);
        append(into.assessments, contents.assessments, skip[6], data, EntityKind::assessment);
        append(into.ratings, contents.ratings, skip[7], data, EntityKind::rating);
        append(into.recommendations, contents.recommendations, skip[8], data,
               EntityKind::recommendation);
        append(into.plans, contents.plans, skip[9], data, EntityKind::plan);
        for (auto p = static_cast<std::uint32_t>(before[9]); p < into.plans.size(); ++p) {
            const auto& sections = into.plans[p].sections;
            for (std::uint32_t s = 0; s < sections.size(); ++s) {
                data.file_id(sections[s].id, EntityRef{EntityKind::section, p, s});
            }
        }
        append(data.actions, actions, skip[10], data);
        if (progress_indexed.valid()) {
            progress_indexed.get(); // its exception, if it threw
        }
        // Built whole, then swapped in: if building throws, the old index stays with the
        // old contents. The old one is kept aside, for taking the addition back. Where only
        // progress updates were added, what the old one read from the entities is shared.
        const auto after = data.sizes();
        const bool updates_alone = std::equal(before.begin(), before.end() - 1, after.begin());
        StoreIndex built = updates_alone ? StoreIndex(*this, data.index) : StoreIndex(*this);
        pending.previous_index_.emplace(std::move(data.index));
        data.index = std::move(built);
    } catch (...) {
        data.remove_added(before);
        throw;
    }
    pending.pending_ = true;
    return pending;
}

namespace {

// True if `contents` gives actions and nothing else.
bool replaces_actions_alone(const Contents& contents) {
    return !contents.actions.empty() && contents.documents.empty() &&
           contents.organisations.empty() && contents.officers.empty() &&
           contents.service_areas.empty() && contents.scales.empty() &&
           contents.vocabularies.empty() && contents.assessments.empty() &&
           contents.ratings.empty() && contents.recommendations.empty() && contents.plans.empty() &&
           contents.progress.empty();
}

} // namespace

std::optional<Store::PendingChange> Store::replace_actions_pending(Contents& contents) {
    StoreData& data = *impl_;
    auto& actions = data.actions;
    std::vector<Problem> problems;
    std::set<std::string> seen;
    auto places = replacement_places(
        actions, contents.actions, data, EntityKind::action, "actions", seen, problems,
        [&](const ActionView& old, const Action& replacement, const std::string& location) {
            return keeps_due_revisions(old, replacement, location, problems);
        });
    if (!problems.empty()) {
        throw ValidationError(std::move(problems)); // as the whole store's update gives them
    }
    // An action moved to another plan may leave its updates' status terms outside the new
    // plan's vocabulary: that is for the whole store's check.
    if (!std::all_of(places.begin(), places.end(), [&](const ReplacementPlace& place) {
            return actions.plan(place.stored) == contents.actions[place.given].plan;
        })) {
        return std::nullopt;
    }
    std::sort(places.begin(), places.end(),
              [](const auto& a, const auto& b) { return a.stored < b.stored; });
    // Checked as a table holds them, as an addition's are.
    ActionTable given;
    given.reserve(contents.actions);
    for (const Action& action : contents.actions) {
        given.push_back(action);
    }
    problems = Checker(contents, given, ProgressLog(), data).check_replaced_actions(places);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    PendingChange pending(*this);
    pending.pending_ = false; // until the index from before is kept aside
    // Copies of the stored actions, read while the change is pending, before any is replaced.
    pending.previous_actions_.reserve(places.size());
    for (const auto& place : places) {
        pending.previous_actions_.push_back(actions[place.stored].value());
    }
    try {
        // In place: each replacement into the store, noted so that it can be put back.
        for (const auto& place : places) {
            actions.replace(place.stored, contents.actions[place.given], pending.replaced_actions_);
        }
        StoreIndex built(*this);
        pending.previous_index_.emplace(std::move(data.index));
        data.index = std::move(built);
    } catch (...) {
        pending.put_back_actions();
        throw;
    }
    pending.pending_ = true;
    return pending;
}

Store::PendingChange Store::update_pending(Contents contents) {
    if (replaces_actions_alone(contents)) {
        if (auto pending = replace_actions_pending(contents)) {
            return std::move(*pending);
        }
    }
    // The progress updates are copied as a log.
    Contents merged = impl_->contents;
    merged.actions = impl_->action_values();
    std::vector<Problem> problems;
    std::set<std::string> seen;
    const auto any = [](const auto&, const auto&, const std::string&) { return true; };
    const auto& data = *impl_;
    replace_by_id(merged.documents, contents.documents, data, EntityKind::document, "documents",
                  seen, problems, any);
    replace_by_id(merged.organisations, contents.organisations, data, EntityKind::organisation,
                  "organisations", seen, problems, any);
    replace_by_id(merged.officers, contents.officers, data, EntityKind::officer, "officers", seen,
                  problems, any);
    replace_by_id(merged.service_areas, contents.service_areas, data, EntityKind::service_area,
                  "service_areas", seen, problems, any);
    replace_by_id(merged.scales, contents.scales, data, EntityKind::scale, "scales", seen, problems,
                  any);
    replace_by_id(merged.vocabularies, contents.vocabularies, data, EntityKind::vocabulary,
                  "vocabularies", seen, problems, any);
    replace_by_id(merged.assessments, contents.assessments, data, EntityKind::assessment,
                  "assessments", seen, problems, any);
    replace_by_id(merged.ratings, contents.ratings, data, EntityKind::rating, "ratings", seen,
                  problems, any);
    replace_by_id(merged.recommendations, contents.recommendations, data,
                  EntityKind::recommendation, "recommendations", seen, problems, any);
    replace_by_id(merged.plans, contents.plans, data, EntityKind::plan, "plans", seen, problems,
                  any);
    replace_by_id(merged.actions, contents.actions, data, EntityKind::action, "actions", seen,
                  problems,
                  [&](const Action& old, const Action& replacement, const std::string& location) {
                      return keeps_due_revisions(old, replacement, location, problems);
                  });
    if (!contents.progress.empty()) {
        problems.push_back({"/progress", "progress updates are never replaced: add a new one"});
    }
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    // Checked whole, as a new store: a replacement may break a reference elsewhere (a section
    // dropped that an action is in), and the indexes are rebuilt from scratch.
    Store rebuilt;
    rebuilt.add(std::move(merged), ActionTable(), impl_->progress);
    PendingChange pending(*this);
    pending.previous_store_ = std::make_unique<Store>(std::move(*this));
    *this = std::move(rebuilt);
    return pending;
}

const StoreIndex& Store::index() const noexcept {
    return impl_->index;
}

Contents Store::contents() const {
    Contents all = impl_->contents;
    all.actions = impl_->action_values();
    all.progress = std::vector<ProgressUpdate>(impl_->progress.begin(), impl_->progress.end());
    return all;
}
const std::vector<Document>& Store::documents() const noexcept {
    return impl_->contents.documents;
}
const std::vector<Organisation>& Store::organisations() const noexcept {
    return impl_->contents.organisations;
}
const std::vector<Officer>& Store::officers() const noexcept {
    return impl_->contents.officers;
}
const std::vector<ServiceArea>& Store::service_areas() const noexcept {
    return impl_->contents.service_areas;
}
const std::vector<Scale>& Store::scales() const noexcept {
    return impl_->contents.scales;
}
const std::vector<StatusVocabulary>& Store::vocabularies() const noexcept {
    return impl_->contents.vocabularies;
}
const std::vector<Assessment>& Store::assessments() const noexcept {
    return impl_->contents.assessments;
}
const std::vector<Rating>& Store::ratings() const noexcept {
    return impl_->contents.ratings;
}
const std::vector<Recommendation>& Store::recommendations() const noexcept {
    return impl_->contents.recommendations;
}
const std::vector<Plan>& Store::plans() const noexcept {
    return impl_->contents.plans;
}
const ActionTable& Store::actions() const noexcept {
    return impl_->actions;
}
const ProgressLog& Store::progress() const noexcept {
    return impl_->progress;
}

std::optional<EntityKind> Store::kind_of(std::string_view id) const {
    const EntityRef* ref = impl_->find(id);
    return ref == nullptr ? std::nullopt : std::optional<EntityKind>(ref->kind);
}

const Document* Store::find_document(std::string_view id) const {
    return impl_->find_as(id, EntityKind::document, impl_->contents.documents);
}
const Organisation* Store::find_organisation(std::string_view id) const {
    return impl_->find_as(id, EntityKind::organisation, impl_->contents.organisations);
}
const Officer* Store::find_officer(std::string_view id) const {
    return impl_->find_as(id, EntityKind::officer, impl_->contents.officers);
}
const ServiceArea* Store::find_service_area(std::string_view id) const {
    return impl_->find_as(id, EntityKind::service_area, impl_->contents.service_areas);
}
const Scale* Store::find_scale(std::string_view id) const {
    return impl_->find_as(id, EntityKind::scale, impl_->contents.scales, &builtin_scales());
}
const StatusVocabulary* Store::find_vocabulary(std::string_view id) const {
    return impl_->find_as(id, EntityKind::vocabulary, impl_->contents.vocabularies,
                          &builtin_vocabularies());
}
const Assessment* Store::find_assessment(std::string_view id) const {
    return impl_->find_as(id, EntityKind::assessment, impl_->contents.assessments);
}
const Rating* Store::find_rating(std::string_view id) const {
    return impl_->find_as(id, EntityKind::rating, impl_->contents.ratings);
}
const Recommendation* Store::find_recommendation(std::string_view id) const {
    return impl_->find_as(id, EntityKind::recommendation, impl_->contents.recommendations);
}
const Plan* Store::find_plan(std::string_view id) const {
    return impl_->find_as(id, EntityKind::plan, impl_->contents.plans);
}
std::optional<ActionView> Store::find_action(std::string_view id) const {
    const EntityRef* ref = impl_->find(id);
    if (ref == nullptr || ref->kind != EntityKind::action) {
        return std::nullopt;
    }
    return impl_->actions[ref->index];
}
const Section* Store::find_section(std::string_view id, const Plan** plan) const {
    const EntityRef* ref = impl_->find(id);
    if (ref == nullptr || ref->kind != EntityKind::section) {
        return nullptr;
    }
    const Plan& owner = impl_->contents.plans[ref->index];
    if (plan != nullptr) {
        *plan = &owner;
    }
    return &owner.sections[ref->section];
}

namespace {

template <typename Entity>
const Entity& found_or_throw(const Entity* entity, std::string_view kind, std::string_view id) {
    if (entity == nullptr) {
        throw NotFound(kind, id);
    }
    return *entity;
}

} // namespace

const Document& Store::get_document(std::string_view id) const {
    return found_or_throw(find_document(id), "document", id);
}
const Organisation& Store::get_organisation(std::string_view id) const {
    return found_or_throw(find_organisation(id), "organisation", id);
}
const Officer& Store::get_officer(std::string_view id) const {
    return found_or_throw(find_officer(id), "officer", id);
}
const Assessment& Store::get_assessment(std::string_view id) const {
    return found_or_throw(find_assessment(id), "assessment", id);
}
const Recommendation& Store::get_recommendation(std::string_view id) const {
    return found_or_throw(find_recommendation(id), "recommendation", id);
}
const Plan& Store::get_plan(std::string_view id) const {
    return found_or_throw(find_plan(id), "plan", id);
}
ActionView Store::get_action(std::string_view id) const {
    const auto action = find_action(id);
    if (!action) {
        throw NotFound("action", id);
    }
    return *action;
}

std::vector<ProgressUpdate> Store::progress_of(std::string_view subject) const {
    std::vector<ProgressUpdate> updates;
    if (const auto* indexes = impl_->updates_of(subject)) {
        for (const auto index : *indexes) {
            updates.push_back(impl_->progress[index].value());
        }
    }
    return updates;
}

namespace {

// Calls `visit` on each update of `subject` a committee could have seen on `day`, latest first,
// until it returns true.
template <typename Visit>
void visit_known_on(const StoreData& impl, std::string_view subject, Date day, Visit visit) {
    const auto* updates = impl.updates_of(subject);
    if (updates == nullptr) {
        return;
    }
    for (auto it = updates->rbegin(); it != updates->rend(); ++it) {
        if (day < impl.progress.as_of(*it) || day < impl.progress.recorded_on(*it)) {
            continue;
        }
        if (visit(impl.progress[*it])) {
            return;
        }
    }
}

} // namespace

std::optional<ProgressUpdate> Store::status_on(std::string_view subject, Date day) const {
    std::optional<ProgressUpdate> latest;
    visit_known_on(*impl_, subject, day, [&](const ProgressUpdateView& update) {
        latest = update.value();
        return true;
    });
    return latest;
}

namespace {

// The handle of `subject` if it is an action's id.
std::optional<std::uint32_t> action_handle(const StoreData& impl, std::string_view subject) {
    const EntityRef* ref = impl.find(subject);
    if (ref != nullptr && ref->kind == EntityKind::action && !ref->builtin) {
        return ref->index;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::uint32_t> Store::handle_of(const ActionView& action) const {
    if (const auto handle = impl_->actions.position_of(action)) {
        return handle;
    }
    return action_handle(*impl_, action.id());
}

Lifecycle Store::lifecycle_on(const ActionView& action, Date day) const {
    const auto handle = handle_of(action);
    return handle ? impl_->index.lifecycle_on(*handle, day) : Lifecycle::not_started;
}

std::optional<Health> Store::health_on(const ActionView& action, Date day) const {
    const auto handle = handle_of(action);
    return handle ? impl_->index.health_on(*handle, day) : std::nullopt;
}

std::optional<double> Store::percent_on(const ActionView& action, Date day) const {
    const auto handle = handle_of(action);
    const auto update = handle ? impl_->index.percent_update_on(*handle, day) : std::nullopt;
    return update ? impl_->progress.percent(*update) : std::nullopt;
}

Lifecycle Store::lifecycle_on(std::string_view subject, Date day) const {
    if (const auto handle = action_handle(*impl_, subject)) {
        return impl_->index.lifecycle_on(*handle, day);
    }
    std::optional<Lifecycle> lifecycle;
    const StatusVocabulary* words = nullptr;
    if (const Plan* plan = plan_of(subject)) {
        words = find_vocabulary(plan->vocabulary);
    }
    visit_known_on(*impl_, subject, day, [&](const ProgressUpdateView& update) {
        if (update.lifecycle) {
            lifecycle = update.lifecycle;
        } else if (!update.status.empty() && words != nullptr) {
            if (const StatusTerm* term = words->find_term(update.status)) {
                lifecycle = term->lifecycle;
            }
        }
        return lifecycle.has_value();
    });
    return lifecycle.value_or(Lifecycle::not_started);
}

std::optional<Health> Store::health_on(std::string_view subject, Date day) const {
    if (const auto handle = action_handle(*impl_, subject)) {
        return impl_->index.health_on(*handle, day);
    }
    std::optional<Health> health;
    const StatusVocabulary* words = nullptr;
    if (const Plan* plan = plan_of(subject)) {
        words = find_vocabulary(plan->vocabulary);
    }
    visit_known_on(*impl_, subject, day, [&](const ProgressUpdateView& update) {
        if (update.health) {
            health = update.health;
        } else if (!update.status.empty() && words != nullptr) {
            if (const StatusTerm* term = words->find_term(update.status)) {
                health = term->health;
            }
        }
        return update.health.has_value() || !update.status.empty();
    });
    return health;
}

std::optional<double> Store::percent_on(std::string_view subject, Date day) const {
    if (const auto handle = action_handle(*impl_, subject)) {
        const auto update = impl_->index.percent_update_on(*handle, day);
        return update ? impl_->progress.percent(*update) : std::nullopt;
    }
    std::optional<double> percent;
    visit_known_on(*impl_, subject, day, [&](const ProgressUpdateView& update) {
        percent = update.percent;
        return percent.has_value();
    });
    return percent;
}

bool Store::is_overdue_on(const ActionView& action, Date day) const {
    // One of the store's own actions: its due end is read from the index, not from its dues
    // (one of another table, found by its id, has dues of its own).
    const auto element = impl_->actions.position_of(action);
    const auto end = element ? impl_->index.due_end(*element) : action.due_end();
    if (!end || !(*end < day)) {
        return false;
    }
    const Lifecycle lifecycle = lifecycle_on(action, day);
    return lifecycle != Lifecycle::completed && lifecycle != Lifecycle::cancelled &&
           lifecycle != Lifecycle::superseded;
}

const Plan* Store::plan_of(std::string_view subject) const {
    const EntityRef* ref = impl_->find(subject);
    if (ref == nullptr) {
        return nullptr;
    }
    switch (ref->kind) {
    case EntityKind::plan:
    case EntityKind::section:
        return &impl_->contents.plans[ref->index];
    case EntityKind::action:
        return find_plan(impl_->actions.plan(ref->index));
    default:
        return nullptr;
    }
}

std::optional<Date> Store::reference_date_of(std::string_view id) const {
    const auto first_cited_date = [&](const auto& entity) -> std::optional<Date> {
        const auto cites = cites_of(entity);
        if (cites.empty()) {
            return std::nullopt;
        }
        const Document* document = find_document(cites.front().document);
        return document == nullptr ? std::nullopt : document->date;
    };
    const EntityRef* ref = impl_->find(id);
    if (ref == nullptr || ref->builtin) {
        return std::nullopt;
    }
    const Contents& all = impl_->contents;
    switch (ref->kind) {
    case EntityKind::document:
        return all.documents[ref->index].date;
    case EntityKind::section: // dated as its plan
        return first_cited_date(all.plans[ref->index]);
    case EntityKind::action: {
        const ActionView action = impl_->actions[ref->index];
        if (auto own = first_cited_date(action)) {
            return own;
        }
        return reference_date_of(action.plan());
    }
    default:
        return impl_->visit_entity(*ref, first_cited_date);
    }
}

} // namespace bestvalue
