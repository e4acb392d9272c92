#pragma once

/// \file
/// `Store`: owns every entity, checks integrity, keeps indexes and status history.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/action.hpp>
#include <bestvalue/model/action_table.hpp>
#include <bestvalue/model/assessment.hpp>
#include <bestvalue/model/document.hpp>
#include <bestvalue/model/officer.hpp>
#include <bestvalue/model/organisation.hpp>
#include <bestvalue/model/plan.hpp>
#include <bestvalue/model/progress.hpp>
#include <bestvalue/model/progress_log.hpp>
#include <bestvalue/model/rating.hpp>
#include <bestvalue/model/recommendation.hpp>
#include <bestvalue/model/scale.hpp>
#include <bestvalue/model/service_area.hpp>
#include <bestvalue/model/vocabulary.hpp>
#include <bestvalue/store_index.hpp>

namespace bestvalue {

namespace detail {
struct StoreData;
} // namespace detail

/// Entities to add to a store together, all or nothing: what one JSON document holds.
/// Problems are located by JSON pointer into it ('/actions/3/leads/0'), which is where they
/// are in a JSON document read into it.
struct Contents {
    std::vector<Document> documents;
    std::vector<Organisation> organisations;
    std::vector<Officer> officers;
    std::vector<ServiceArea> service_areas;
    std::vector<Scale> scales;
    std::vector<StatusVocabulary> vocabularies;
    std::vector<Assessment> assessments;
    std::vector<Rating> ratings;
    std::vector<Recommendation> recommendations;
    std::vector<Plan> plans;
    std::vector<Action> actions;
    std::vector<ProgressUpdate> progress;

    friend bool operator==(const Contents&, const Contents&) = default;
};

/// The kinds of entity a store holds, for lookups by id.
enum class EntityKind {
    document,
    organisation,
    officer,
    service_area,
    scale,
    vocabulary,
    assessment,
    rating,
    recommendation,
    plan,
    section,
    action,
};

/// Owns every entity of one collection of plans, checks that they hold together, and answers
/// lookups by id. Copyable (a copy is independent) and movable.
///
/// Every store has the built-in scales and vocabularies. Adding is all or nothing: `add`
/// checks the new entities against each other and against the store — every reference
/// resolves, ids are unique, sections and service areas form trees, status words belong to the
/// plan's vocabulary — and either adds them all or throws `ValidationError` listing every
/// problem, leaving the store as it was. An entity whose id is already in the store is accepted
/// only if it is equal to the one there (so documents that share, say, the Audit Commission can
/// go into one store); within one `Contents` an id may appear once.
class Store {
public:
    Store();
    Store(const Store&);
    Store(Store&&) noexcept;
    Store& operator=(const Store&);
    Store& operator=(Store&&) noexcept;
    ~Store();

    /// Adds all of `contents`, or nothing.
    /// \throws ValidationError listing every problem.
    void add(Contents contents);
    /// As `add(contents)`, with more actions given as a table and more progress updates as a
    /// log: those of `contents.actions` come first, then the table's, and those of
    /// `contents.progress`, then the log's; problems are located as if they were all in
    /// `contents` ('/actions/<n>', '/progress/<n>'). How the readers add a collection's
    /// actions and updates without making an `Action` or a `ProgressUpdate` of each: a first
    /// load takes the table and the log whole.
    void add(Contents contents, ActionTable actions, ProgressLog progress);

    /// Replaces the entities of `contents` that the store already holds, matched by id, each
    /// in its place, and checks the result as `add` does (a plan brings its sections with it).
    /// All or nothing: on any problem the store is as it was. Progress updates are never
    /// replaced, and an action keeps every due revision it had: the new one must list them
    /// first, unchanged, and may only add to them.
    /// \throws ValidationError listing every problem, among them any id the store does not hold
    /// as an entity of that kind, any progress update given, and any due revision dropped or
    /// changed.
    void update(Contents contents);

    /// An `add` or `update` made but not yet kept: until `keep()`, destroying it takes the change
    /// back, so the store is as it was, without a copy of what the store held. For writing the
    /// same change somewhere that can still refuse it (a database file, `Database`), where the
    /// store must then be as it was. The store must not be moved, nor changed otherwise, while
    /// a change of it is pending.
    class PendingChange {
    public:
        PendingChange(PendingChange&& other) noexcept;
        PendingChange(const PendingChange&) = delete;
        PendingChange& operator=(const PendingChange&) = delete;
        PendingChange& operator=(PendingChange&&) = delete;
        /// Takes the change back unless it was kept.
        ~PendingChange();

        /// Makes the change the store's for good, and lets go of what would have taken it back.
        void keep() noexcept;
        /// How many entities of each collection the store held before the change, in the order
        /// of `Contents`' members (documents, organisations, officers, service areas, scales,
        /// vocabularies, assessments, ratings, recommendations, plans, actions, progress): an
        /// addition's new entities follow them.
        [[nodiscard]] const std::array<std::size_t, 12>& sizes_before() const noexcept {
            return sizes_before_;
        }
        /// The action with `id` as the store held it before the change, valid while the change
        /// is pending; none if it held none.
        [[nodiscard]] std::optional<ActionView> previous_action(std::string_view id) const;
        /// The plan with `id` as the store held it before the change; null if it held none.
        [[nodiscard]] const Plan* previous_plan(std::string_view id) const;

    private:
        friend class Store;
        explicit PendingChange(Store& store);
        // Puts the replaced actions back in their places.
        void put_back_actions() noexcept;

        Store* store_;
        std::array<std::size_t, 12> sizes_before_;
        // An addition, and a replacement of actions in place, keep the index from before (its
        // entities are the store's, by the same handles); another replacement keeps the whole
        // store from before.
        std::optional<StoreIndex> previous_index_;
        std::unique_ptr<Store> previous_store_;
        // Copies of the actions replaced in place, for reading, and what puts them back.
        ActionTable previous_actions_;
        ActionTable::Replaced replaced_actions_;
        bool pending_ = true;
    };

    /// `add`, pending: the same checks and the same result, which the returned change takes
    /// back unless kept. \throws ValidationError as `add` does, leaving the store as it was.
    [[nodiscard]] PendingChange add_pending(Contents contents);
    /// `add(contents, actions, progress)`, pending, likewise.
    [[nodiscard]] PendingChange add_pending(Contents contents, ActionTable actions,
                                            ProgressLog progress);
    /// `update`, pending, likewise. Actions alone, each in the plan it was in, are replaced in
    /// place, only they checked (nothing else can have changed), and the change holds the
    /// actions they replaced; any other update holds the store from before until kept or taken
    /// back. \throws ValidationError as `update` does, leaving the store as it was.
    [[nodiscard]] PendingChange update_pending(Contents contents);

    /// The indexes of what the store holds, rebuilt after every successful `add`; queries use
    /// them to answer selective filters without a scan.
    [[nodiscard]] const StoreIndex& index() const noexcept;

    /// A copy of everything the store holds except the built-in scales and vocabularies, in
    /// the order it was added: what a save writes. A copy, as the store keeps its actions and
    /// progress updates compactly (`actions()`, `progress()`); read the collections in place
    /// through the functions below.
    [[nodiscard]] Contents contents() const;

    [[nodiscard]] const std::vector<Document>& documents() const noexcept;
    [[nodiscard]] const std::vector<Organisation>& organisations() const noexcept;
    [[nodiscard]] const std::vector<Officer>& officers() const noexcept;
    [[nodiscard]] const std::vector<ServiceArea>& service_areas() const noexcept;
    /// The scales added to the store; the built-in ones are `builtin_scales()`.
    [[nodiscard]] const std::vector<Scale>& scales() const noexcept;
    /// The vocabularies added to the store; the built-in ones are `builtin_vocabularies()`.
    [[nodiscard]] const std::vector<StatusVocabulary>& vocabularies() const noexcept;
    [[nodiscard]] const std::vector<Assessment>& assessments() const noexcept;
    [[nodiscard]] const std::vector<Rating>& ratings() const noexcept;
    [[nodiscard]] const std::vector<Recommendation>& recommendations() const noexcept;
    [[nodiscard]] const std::vector<Plan>& plans() const noexcept;
    /// Every action, in the order added, read in place.
    [[nodiscard]] const ActionTable& actions() const noexcept;
    /// Every progress update, in the order added, read in place.
    [[nodiscard]] const ProgressLog& progress() const noexcept;

    /// What kind of entity has `id`, if any.
    [[nodiscard]] std::optional<EntityKind> kind_of(std::string_view id) const;

    [[nodiscard]] const Document* find_document(std::string_view id) const;
    [[nodiscard]] const Organisation* find_organisation(std::string_view id) const;
    [[nodiscard]] const Officer* find_officer(std::string_view id) const;
    [[nodiscard]] const ServiceArea* find_service_area(std::string_view id) const;
    /// Built-in scales included.
    [[nodiscard]] const Scale* find_scale(std::string_view id) const;
    /// Built-in vocabularies included.
    [[nodiscard]] const StatusVocabulary* find_vocabulary(std::string_view id) const;
    [[nodiscard]] const Assessment* find_assessment(std::string_view id) const;
    [[nodiscard]] const Rating* find_rating(std::string_view id) const;
    [[nodiscard]] const Recommendation* find_recommendation(std::string_view id) const;
    [[nodiscard]] const Plan* find_plan(std::string_view id) const;
    /// The action with `id`, read in place; none if there is none.
    [[nodiscard]] std::optional<ActionView> find_action(std::string_view id) const;
    /// The section with `id`, and the plan it belongs to in `plan` if given.
    [[nodiscard]] const Section* find_section(std::string_view id,
                                              const Plan** plan = nullptr) const;

    /// As the find_ functions, but \throws NotFound when there is none.
    [[nodiscard]] const Document& get_document(std::string_view id) const;
    [[nodiscard]] const Organisation& get_organisation(std::string_view id) const;
    [[nodiscard]] const Officer& get_officer(std::string_view id) const;
    [[nodiscard]] const Assessment& get_assessment(std::string_view id) const;
    [[nodiscard]] const Recommendation& get_recommendation(std::string_view id) const;
    [[nodiscard]] const Plan& get_plan(std::string_view id) const;
    [[nodiscard]] ActionView get_action(std::string_view id) const;

    /// The progress updates of an action, section or plan, in date order (as_of, then
    /// recorded, then the order added).
    [[nodiscard]] std::vector<ProgressUpdate> progress_of(std::string_view subject) const;

    /// The update a committee would have been shown on `day`: the latest one that speaks of a
    /// day on or before `day` and was recorded by then. Updates with only a narrative count.
    [[nodiscard]] std::optional<ProgressUpdate> status_on(std::string_view subject, Date day) const;

    /// The lifecycle of `subject` on `day`, from the latest update on or before it that gives
    /// one (its own, or through its status term); `not_started` if none does.
    [[nodiscard]] Lifecycle lifecycle_on(std::string_view subject, Date day) const;

    /// The health of `subject` on `day`, likewise; empty if no update gives one.
    [[nodiscard]] std::optional<Health> health_on(std::string_view subject, Date day) const;

    /// The percent complete of `subject` on `day`: from the latest update on or before it (and
    /// recorded by then) that gives one; empty if none does.
    [[nodiscard]] std::optional<double> percent_on(std::string_view subject, Date day) const;

    /// The handle of an action the store holds (its position in `actions()`): found without
    /// looking its id up when `action` views the store's own table; none if the store holds
    /// no action with its id.
    [[nodiscard]] std::optional<std::uint32_t> handle_of(const ActionView& action) const;

    /// `lifecycle_on(action.id(), day)`, without looking the id up when `action` views the
    /// store's own table (`actions()`): read through the index's handles.
    [[nodiscard]] Lifecycle lifecycle_on(const ActionView& action, Date day) const;
    /// `health_on(action.id(), day)`, likewise.
    [[nodiscard]] std::optional<Health> health_on(const ActionView& action, Date day) const;
    /// `percent_on(action.id(), day)`, likewise.
    [[nodiscard]] std::optional<double> percent_on(const ActionView& action, Date day) const;

    /// True if the action is overdue on `day`: its due (the latest revision's, else the
    /// original) ended before `day`, and on `day` it was not completed, cancelled or
    /// superseded. An action with no readable due is never overdue.
    [[nodiscard]] bool is_overdue_on(const ActionView& action, Date day) const;

    /// The plan an action, section or plan id belongs to.
    [[nodiscard]] const Plan* plan_of(std::string_view subject) const;

    /// The reference date of an entity: the date of the first document it cites, else (for
    /// actions, sections and progress) that of its plan.
    [[nodiscard]] std::optional<Date> reference_date_of(std::string_view id) const;

private:
    // update_pending of actions alone, each in the plan it was in; none when one moves to
    // another plan, which the whole store's check is for.
    std::optional<PendingChange> replace_actions_pending(Contents& contents);

    std::unique_ptr<detail::StoreData> impl_;
};

} // namespace bestvalue
