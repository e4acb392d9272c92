#pragma once

/// \file
/// `StoreIndex`: the indexes a store keeps so that selective questions are answered without a
/// scan: which actions belong to a plan, an organisation or a section, who leads them, what
/// they address, in what order they fall due; and, by action handle, what status on a day and
/// slippage read, so that scans of every action look up no id.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/prefetch.hpp>
#include <bestvalue/detail/text_map.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/packed_texts.hpp>

namespace bestvalue {

class Store;

/// Positions of entities in one of a store's collections (`Store::actions()`, …), ascending and
/// without repeats: what indexes hold and queries intersect.
using Handles = std::vector<std::uint32_t>;

/// Handles of entities by a key (an id, a tag), ascending within each key.
class KeyedHandles {
public:
    /// The handles filed under `key`; empty when there are none.
    [[nodiscard]] const Handles& find(std::string_view key) const;
    /// Files `handle` under `key`; handles must come in ascending order per key.
    void add(std::string_view key, std::uint32_t handle);
    /// The handles filed under `key`, none yet if it was not filed under before, for filing
    /// more (in ascending order) without finding the key again: the reference stays valid as
    /// other keys are filed.
    [[nodiscard]] Handles& handles_for(std::string_view key);
    /// The keys, in no particular order.
    [[nodiscard]] std::vector<std::string_view> keys() const;
    /// Calls `visit(key, handles)` for every key, in no particular order.
    template <typename Visit>
    void for_each(Visit visit) const {
        for (const auto& [key, handles] : entries_) {
            visit(std::string_view(key), handles);
        }
    }

private:
    detail::TextMap<Handles> entries_;
};

/// The indexes of one store, built from it by `StoreIndex(store)` and kept by the store: it
/// rebuilds them after every successful `Store::add`, so they always describe what it holds
/// (after an add of progress updates alone, only what the updates say is read again).
/// Handles index the store's collections; the index holds no pointers into the store, so
/// copies of a store keep valid copies of it, which share what was read from the entities
/// (it is never changed once built). Keys that compare ignoring case (tags, officer names)
/// are filed in lower case.
class StoreIndex {
public:
    /// An index of nothing: that of an empty store.
    StoreIndex() = default;
    /// Indexes everything `store` holds.
    explicit StoreIndex(const Store& store);
    /// Indexes everything `store` holds, where its entities are those `same_entities` was built
    /// from and only progress updates were added since (`Store::add` of updates alone): what it
    /// read from the entities is shared, not read again, and only the updates are.
    /// \throws std::invalid_argument when the store's actions or plans are not as many as
    /// `same_entities` read, or its progress updates fewer.
    StoreIndex(const Store& store, const StoreIndex& same_entities);

    /// A number no other index built in this process was given (0 for an index of nothing);
    /// a copy keeps it, as it keeps what it describes. What is kept beside a store and made
    /// from what it holds (the Python binding's id strings) is made again when its store's
    /// index no longer has the generation it was made from.
    [[nodiscard]] std::uint64_t generation() const noexcept { return generation_; }

    /// The ids of the store's actions, by handle, laid end to end: long lists of ids (the
    /// answers of queries in Python) read them in order of handle instead of visiting each
    /// action.
    [[nodiscard]] const PackedTexts& action_ids() const noexcept { return entities_->action_ids_; }
    /// The ids of the store's recommendations, by handle, likewise.
    [[nodiscard]] const PackedTexts& recommendation_ids() const noexcept {
        return entities_->recommendation_ids_;
    }
    /// The ids of the store's assessments, by handle, likewise.
    [[nodiscard]] const PackedTexts& assessment_ids() const noexcept {
        return entities_->assessment_ids_;
    }
    /// The ids of the store's ratings, by handle, likewise.
    [[nodiscard]] const PackedTexts& rating_ids() const noexcept { return entities_->rating_ids_; }
    /// The ids of the store's plans, by handle, likewise.
    [[nodiscard]] const PackedTexts& plan_ids() const noexcept { return entities_->plan_ids_; }

    /// Actions of a plan.
    [[nodiscard]] const Handles& actions_in_plan(std::string_view plan) const;
    /// Actions of the plans of an organisation.
    [[nodiscard]] const Handles& actions_of_organisation(std::string_view organisation) const;
    /// Actions of a section or of any section below it.
    [[nodiscard]] const Handles& actions_in_section(std::string_view section) const;
    /// Actions an officer (by id) leads.
    [[nodiscard]] const Handles& actions_led_by(std::string_view officer) const;
    /// Actions an officer (by id) delivers.
    [[nodiscard]] const Handles& actions_delivered_by(std::string_view officer) const;
    /// Actions with a source tag, ignoring case.
    [[nodiscard]] const Handles& actions_tagged(std::string_view tag) const;
    /// Actions that address a recommendation.
    [[nodiscard]] const Handles& actions_addressing(std::string_view recommendation) const;
    /// Plans that address a recommendation as a whole.
    [[nodiscard]] const Handles& plans_addressing(std::string_view recommendation) const;
    /// Actions that some update puts in `lifecycle` at some time (every action, for
    /// `not_started`, which is where each begins): a superset of those in it on any one day.
    [[nodiscard]] const Handles& actions_ever(Lifecycle lifecycle) const;
    /// Actions that some update gives `health`, at some time.
    [[nodiscard]] const Handles& actions_ever(Health health) const;
    /// Actions whose due's last day is within [from, to] (an open end is unbounded).
    [[nodiscard]] Handles actions_due_within(std::optional<Date> from,
                                             std::optional<Date> to) const;
    /// How many actions `actions_due_within(from, to)` would give, found without listing them.
    [[nodiscard]] std::size_t count_actions_due_within(std::optional<Date> from,
                                                       std::optional<Date> to) const;
    /// Actions with a readable due, in the order of their due's last day (ties in the order
    /// added), each with that day.
    [[nodiscard]] const std::vector<std::pair<Date, std::uint32_t>>& actions_by_due() const;
    /// Actions whose ref, title or text contains `words`, ignoring case as
    /// `ActionQuery::text_contains` does, found from those texts laid end to end: only the
    /// texts of actions holding every pair of adjacent bytes of the words are read, or all of
    /// them in one scan when more than a quarter of the actions hold those pairs or the words
    /// are one byte long.
    /// None when `words` hold a NUL byte, which separates the texts there: the caller then
    /// tests each action's texts itself.
    [[nodiscard]] std::optional<Handles> actions_containing(std::string_view words) const;
    /// Ids of the officers a name stands for: an id, an abbreviation, a post or a holder's
    /// name, ignoring case.
    [[nodiscard]] std::vector<std::string> officers_named(std::string_view name) const;

    /// Recommendations made by an assessment.
    [[nodiscard]] const Handles& recommendations_from(std::string_view assessment) const;
    /// Recommendations with a source tag, ignoring case.
    [[nodiscard]] const Handles& recommendations_tagged(std::string_view tag) const;
    /// Assessments of a subject organisation.
    [[nodiscard]] const Handles& assessments_of(std::string_view subject) const;
    /// Assessments by an assessor organisation.
    [[nodiscard]] const Handles& assessments_by(std::string_view assessor) const;
    /// Assessments of each subject organisation: the handles `assessments_of` gives, by key.
    [[nodiscard]] const KeyedHandles& assessments_of_each_subject() const;
    /// Assessments by each assessor organisation: the handles `assessments_by` gives, by key.
    [[nodiscard]] const KeyedHandles& assessments_by_each_assessor() const;
    /// Assessments with a scheduled period within [from, to] (an open `from`: from any first
    /// day, an open-started period's included), as 'scheduled within' asks: read from the
    /// periods starting within [from, to], kept in order of first day with their last days.
    [[nodiscard]] Handles assessments_scheduled_within(std::optional<Date> from, Date to) const;
    /// How many scheduled periods start within [from, to], found without listing them: at least
    /// as many as `assessments_scheduled_within(from, to)` gives.
    [[nodiscard]] std::size_t count_periods_starting_within(std::optional<Date> from,
                                                            std::optional<Date> to) const;
    /// Ratings of a subject organisation.
    [[nodiscard]] const Handles& ratings_of(std::string_view subject) const;
    /// Ratings on a scale.
    [[nodiscard]] const Handles& ratings_on(std::string_view scale) const;
    /// Ratings of a subject organisation on a scale in the order of its history: oldest first,
    /// undated ones last, ratings of the same day in the order added. Not ascending: what
    /// `rating_history` lists, sorted once here rather than reading every rating's date at
    /// each asking.
    [[nodiscard]] std::span<const std::uint32_t> rating_history(std::string_view subject,
                                                                std::string_view scale) const;
    /// Plans of an organisation.
    [[nodiscard]] const Handles& plans_of(std::string_view organisation) const;

    /// The plan (a handle into `Store::plans()`) of an action (a handle into
    /// `Store::actions()`); none if the action's plan is not in the store.
    [[nodiscard]] std::optional<std::uint32_t> plan_of_action(std::uint32_t action) const;
    /// The section of an action (a handle into `Store::actions()`), as the index's copy of its
    /// id: every action of a section gets the same view, so that counting by section compares
    /// views, not the text each action holds. "" for an action without a section; none if its
    /// section is not one of its plan's.
    [[nodiscard]] std::optional<std::string_view> section_of_action(std::uint32_t action) const;
    /// Every plan's section ids once, plan by plan, after "" (no section): what
    /// `section_position` numbers, and the texts `section_of_action` gives views of.
    [[nodiscard]] const PackedTexts& section_ids() const noexcept {
        return entities_->section_ids_;
    }
    /// Where in `section_ids()` an action's section is: 0 for an action without one; none if its
    /// section is not one of its plan's.
    [[nodiscard]] std::optional<std::uint32_t> section_position(std::uint32_t action) const;
    /// The lifecycle of an action on `day`, as `Store::lifecycle_on` gives it, read from the
    /// action's updates kept in date order with their status terms already resolved.
    [[nodiscard]] Lifecycle lifecycle_on(std::uint32_t action, Date day) const;
    /// The health of an action on `day`, as `Store::health_on` gives it, likewise.
    [[nodiscard]] std::optional<Health> health_on(std::uint32_t action, Date day) const;
    /// The update (a position in `Store::progress()`) that gives an action's percent complete
    /// on `day` (`Store::percent_on`); none if no update known then gives one.
    [[nodiscard]] std::optional<std::uint32_t> percent_update_on(std::uint32_t action,
                                                                 Date day) const;
    /// How many actions a plan (a handle into `Store::plans()`) has.
    [[nodiscard]] std::size_t action_count_of_plan(std::uint32_t plan) const;
    /// How many of a plan's actions are completed on `day`, as `lifecycle_on` gives it: read
    /// from the days on which the plan's count of completed actions changes, found once, so
    /// that completion across a whole store costs one binary search per plan.
    [[nodiscard]] std::size_t completed_in_plan_on(std::uint32_t plan, Date day) const;
    /// The actions whose plan is not in the store: those `action_count_of_plan` counts nowhere.
    [[nodiscard]] const Handles& actions_without_plan() const;

    /// The days of one due revision of an action, read once: what slippage on a day needs.
    struct RevisionDays {
        /// When the revision was made; empty: always known.
        std::optional<Date> revised_on;
        /// The last day of the revised due; empty when it was not read as dates.
        std::optional<Date> end;
        /// When it was approved, if the revision says.
        std::optional<Date> approved_on;
        /// True if the revision names who approved it.
        bool approver_named = false;
    };
    /// The last day of an action's due as it stands (`Action::due_end`), read once; empty when
    /// it has none or it was not read.
    [[nodiscard]] std::optional<Date> due_end(std::uint32_t action) const;
    /// The last day of an action's original due; empty when it has none or it was not read.
    [[nodiscard]] std::optional<Date> original_due_end(std::uint32_t action) const;
    /// The days of an action's due revisions, in the order the action lists them.
    [[nodiscard]] std::span<const RevisionDays> revision_days(std::uint32_t action) const;
    /// The actions with at least one due revision, made on any day.
    [[nodiscard]] const Handles& revised_actions() const;
    /// The actions with at least `revisions` due revisions known on `day` (made on or before
    /// it, or undated), ascending: from a list by the day each action's first, second, …
    /// revision is known from, so none of the actions is read.
    /// \throws std::invalid_argument when `revisions` is 0 or `day` is not a date.
    [[nodiscard]] Handles actions_with_revisions_known_on(std::size_t revisions, Date day) const;
    /// How many actions `actions_with_revisions_known_on` lists, without listing them.
    /// \throws std::invalid_argument as it does.
    [[nodiscard]] std::size_t count_actions_with_revisions_known_on(std::size_t revisions,
                                                                    Date day) const;
    /// What an action's due revisions come to once every one of them is known.
    struct SettledDue {
        /// The first day on which every revision is known: the latest day one was made (the
        /// earliest date there is when none says).
        Date from;
        /// The last day of the due from then on (`Action::due_end`); not a date when it was not
        /// read as dates or there is none.
        Date end;
        /// How many revisions the action has.
        std::size_t revisions = 0;
    };
    /// An action's due once its revisions are all known: slippage and counts of revisions on a
    /// day from `from` on read it instead of the revisions, which are read only for earlier
    /// days (the index keeps it beside where the revisions start, so it costs no further wait
    /// on memory).
    [[nodiscard]] SettledDue settled_due(std::uint32_t action) const;
    /// Asks the processor for what `settled_due`, `original_due_end` and `revision_days` read
    /// of an action, ahead of reading it: a pass over many actions spread through a large
    /// store calls it some places ahead. Changes nothing; a handle past the last is ignored.
    void prefetch_dues(std::uint32_t action) const noexcept {
        if (std::size_t{action} < entities_->dues_.size()) {
            detail::prefetch(entities_->dues_.data() + action);
        }
    }

    /// True if an action or a plan addresses the recommendation (a handle into
    /// `Store::recommendations()`).
    [[nodiscard]] bool is_addressed(std::uint32_t recommendation) const;
    /// The recommendations that no action or plan addresses (`is_addressed` false).
    [[nodiscard]] const Handles& recommendations_not_addressed() const;

private:
    // What one progress update of an action says for status on a day, with its plan's status
    // term resolved: the steps of an action are kept as status on a day walks them.
    struct StatusStep {
        Date as_of;
        Date recorded;
        std::uint32_t update = 0;      // position in Store::progress()
        std::uint8_t lifecycle = 0;    // Lifecycle + 1; 0 when the update gives none
        std::uint8_t health = 0;       // Health + 1; 0 when it gives none
        bool speaks_of_health = false; // gives a health or a status term (Store::health_on)
        bool gives_percent = false;
    };
    // The steps of an action, in date order (as_of, then recorded, then the order added).
    [[nodiscard]] std::span<const StatusStep> steps_of(std::uint32_t action) const;
    // Calls `visit` on the steps of `action` known on `day`, latest first, until it returns
    // true.
    template <typename Visit>
    void visit_known_on(std::uint32_t action, Date day, Visit visit) const;

    // Days with the handle of the entity they belong to, in order of day.
    using DayEntries = std::vector<std::pair<Date, std::uint32_t>>;
    // The entries whose day is within [from, to], by two binary searches.
    [[nodiscard]] static std::pair<DayEntries::const_iterator, DayEntries::const_iterator>
    day_range(const DayEntries& entries, std::optional<Date> from, std::optional<Date> to);
    // The handles of the entries whose day is within [from, to], ascending, each once.
    [[nodiscard]] static Handles handles_within(const DayEntries& entries, std::optional<Date> from,
                                                std::optional<Date> to);
    // The list of the actions with at least `revisions` by the day the last of those is known
    // from (none past the most any action has), for `day`; `asker` names the caller's refusal.
    [[nodiscard]] const DayEntries& revisions_known_from(std::size_t revisions, Date day,
                                                         const char* asker) const;

    static constexpr std::uint32_t no_handle = static_cast<std::uint32_t>(-1);
    // Per action, where its revisions start, its original due's last day (not a date when
    // none) and its settled due, side by side: slippage reads them together for each action,
    // and apart they were waits on memory of their own. Action a's revisions are
    // revision_days_[dues_[a].first_revision, dues_[a + 1].first_revision); one entry more than the
    // actions closes the last.
    struct ActionDues {
        std::uint32_t first_revision = 0;
        Date original_end;
        Date settled_from; // SettledDue's
        Date settled_end;
    };
    // What the index reads from the store's entities, apart from its progress updates. Built
    // once and never changed after, so the indexes of stores with the same entities share it:
    // a copy's, and that rebuilt after an addition of progress updates alone, which reads only
    // the updates again (a national store's entities take 0.8 s of its 1.2 s).
    struct Entities {
        // How many actions and plans it was read from: what an index sharing it checks.
        std::size_t action_count = 0;
        std::size_t plan_count = 0;
        PackedTexts action_ids_;
        PackedTexts recommendation_ids_;
        PackedTexts assessment_ids_;
        PackedTexts rating_ids_;
        PackedTexts plan_ids_;
        KeyedHandles actions_in_plan_;
        KeyedHandles actions_of_organisation_;
        KeyedHandles actions_in_section_;
        KeyedHandles actions_led_by_;
        KeyedHandles actions_delivered_by_;
        KeyedHandles actions_tagged_;
        KeyedHandles actions_addressing_;
        KeyedHandles plans_addressing_;
        DayEntries actions_by_due_;
        // By action handle: the day actions_by_due_ files it under; not a date when it has
        // none.
        std::vector<Date> due_end_;
        std::unordered_map<std::string, std::vector<std::string>> officers_by_name_;
        KeyedHandles recommendations_from_;
        KeyedHandles recommendations_tagged_;
        KeyedHandles assessments_of_;
        KeyedHandles assessments_by_;
        DayEntries assessment_period_starts_;
        // The last day of each period of assessment_period_starts_, in the same order.
        std::vector<Date> assessment_period_ends_;
        KeyedHandles ratings_of_;
        KeyedHandles ratings_on_;
        // Each subject's ratings on each scale in history order, keyed by the subject's
        // length, ':', the subject and the scale (so no two pairs share a key whatever the ids
        // hold).
        detail::TextMap<std::vector<std::uint32_t>> rating_histories_;
        KeyedHandles plans_of_;
        std::vector<std::uint32_t> plan_of_action_;
        // "", then every plan's section ids, plan by plan, each plan's in its order; and by
        // action the position there of its section (0 for none; no_handle if not one of its
        // plan's).
        PackedTexts section_ids_;
        std::vector<std::uint32_t> section_of_action_;
        std::vector<ActionDues> dues_;
        std::vector<RevisionDays> revision_days_;
        Handles revised_actions_;
        // [n - 1]: every action with n revisions or more, by the day its n-th is known from
        // (the n-th earliest revised_on; undated revisions are known from the earliest date
        // there is).
        std::vector<DayEntries> revisions_known_from_;
        std::vector<bool> recommendation_addressed_;
        // Every action's ref, title and text, each followed by a NUL, one action after
        // another, and where each action's begin (with one more entry, the end): a text search
        // reads them in order instead of visiting three scattered allocations per action.
        std::string action_texts_;
        std::vector<std::size_t> action_text_starts_;
        // Per action, the set of pairs of adjacent bytes its texts hold
        // (src/detail/byte_pairs.hpp): a text search reads only the texts of the actions whose
        // sets have every pair of the words.
        std::vector<std::array<std::uint64_t, 2>> action_byte_pairs_;
        Handles recommendations_not_addressed_;

        // Lays every collection's ids end to end.
        void lay_out_ids(const Store& store);
        // Lays every action's ref, title and text end to end.
        void lay_out_action_texts(const Store& store);
        // Finds the set of byte pairs of every action's texts.
        void find_byte_pairs(const Store& store);
        // Reads the last days of every action's dues and revisions, and lists the revisions
        // known from each day.
        void index_dues(const Store& store);
        // Files plans by organisation and by the recommendations they address.
        void index_plans(const Store& store);
        // Files actions by the officers who lead and deliver them, their source tags (in lower
        // case) and the recommendations they address.
        void index_action_lists(const Store& store);
        // Files officers by every name they go by (id, abbreviation, post, holders), in lower
        // case.
        void index_officers(const Store& store);
        // Files assessments by subject and assessor, and their scheduled periods by start.
        void index_assessments(const Store& store);
        // Files ratings by subject, by scale, and by subject and scale in history order.
        void index_ratings(const Store& store);
        // Files recommendations by source and tag, and whether any action or plan addresses
        // each: last, as it reads what actions and plans address.
        void index_recommendations(const Store& store);
    };
    // The entities of an index of nothing, shared by every one.
    [[nodiscard]] static const std::shared_ptr<const Entities>& no_entities();

    std::uint64_t generation_ = 0;
    std::shared_ptr<const Entities> entities_ = no_entities();
    // What the progress updates say, by action: read again whenever the index is built.
    std::array<Handles, 7> actions_ever_lifecycle_;
    std::array<Handles, 4> actions_ever_health_;
    // Action a's steps are status_steps_[step_offsets_[a], step_offsets_[a + 1]).
    std::vector<std::uint32_t> step_offsets_;
    std::vector<StatusStep> status_steps_;
    // The days on which a plan's count of completed actions changes, with the count from that
    // day on: plan p's are completion_changes_[completion_offsets_[p], completion_offsets_[p + 1]),
    // in order of day.
    struct CompletionChange {
        Date day;
        std::uint32_t completed = 0;
    };
    std::vector<std::uint32_t> completion_offsets_;
    std::vector<CompletionChange> completion_changes_;
    std::vector<std::uint32_t> action_count_of_plan_;
    Handles actions_without_plan_;
    // By update (a position in Store::progress()): its action's handle; no_handle when its
    // subject is not an action. Kept so that an index sharing the entities' part finds only the
    // actions of the updates added since.
    std::vector<std::uint32_t> action_of_update_;
    // Files every progress update of an action (action_of_update_) as a status step, and finds
    // the completion changes of every plan.
    void index_progress(const Store& store);
    // Finds the completion changes of every plan from the status steps.
    void index_completion(std::size_t plan_count);
};

// Defined here, not in the library's sources, so that a query reading them for each of
// thousands of actions (slippage, revisions known on a day) inlines them: out of line, the calls
// were a quarter of the national slippage question before its ids.
inline std::optional<Date> StoreIndex::due_end(std::uint32_t action) const {
    const Date end = entities_->due_end_.at(action);
    return end.is_special() ? std::nullopt : std::optional<Date>(end);
}

inline std::optional<std::uint32_t> StoreIndex::section_position(std::uint32_t action) const {
    const auto section = entities_->section_of_action_.at(action);
    return section == no_handle ? std::nullopt : std::optional<std::uint32_t>(section);
}

inline std::optional<Date> StoreIndex::original_due_end(std::uint32_t action) const {
    if (std::size_t{action} + 1 >= entities_->dues_.size()) {
        throw std::out_of_range("StoreIndex::original_due_end: no action " +
                                std::to_string(action));
    }
    const Date end = entities_->dues_[action].original_end;
    return end.is_not_a_date() ? std::nullopt : std::optional<Date>(end);
}

inline StoreIndex::SettledDue StoreIndex::settled_due(std::uint32_t action) const {
    if (std::size_t{action} + 1 >= entities_->dues_.size()) {
        throw std::out_of_range("StoreIndex::settled_due: no action " + std::to_string(action));
    }
    const ActionDues& dues = entities_->dues_[action];
    return {dues.settled_from, dues.settled_end,
            entities_->dues_[action + 1].first_revision - dues.first_revision};
}

inline std::span<const StoreIndex::RevisionDays>
StoreIndex::revision_days(std::uint32_t action) const {
    if (std::size_t{action} + 1 >= entities_->dues_.size()) {
        throw std::out_of_range("StoreIndex::revision_days: no action " + std::to_string(action));
    }
    const auto first = entities_->dues_[action].first_revision;
    return {entities_->revision_days_.data() + first,
            entities_->dues_[action + 1].first_revision - first};
}

} // namespace bestvalue
