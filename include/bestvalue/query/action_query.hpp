#pragma once

/// \file
/// `ActionQuery`: the typed, fluent way to ask which actions of a store match, as of a date.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/action_table.hpp>
#include <bestvalue/query/basic_query.hpp>
#include <bestvalue/query/filter.hpp>
#include <bestvalue/query/slippage.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// What actions can be ordered and grouped by.
enum class ActionField {
    plan,
    section,
    ref,
    lead,
    due,
    lifecycle,
    health,
    due_quarter, ///< the financial quarter of the due's last day: 'Q1 2009/10'
    organisation,
    revisions, ///< how many times the due was revised (as known on the day)
    slipped,   ///< days the due has slipped from the original (as known on the day)
};

template <>
struct EnumNames<ActionField> {
    static constexpr std::pair<ActionField, std::string_view> names[] = {
        {ActionField::plan, "plan"},
        {ActionField::section, "section"},
        {ActionField::ref, "ref"},
        {ActionField::lead, "lead"},
        {ActionField::due, "due"},
        {ActionField::lifecycle, "lifecycle"},
        {ActionField::health, "health"},
        {ActionField::due_quarter, "due_quarter"},
        {ActionField::organisation, "organisation"},
        {ActionField::revisions, "revisions"},
        {ActionField::slipped, "slipped"},
    };
};

/// A test of one action: what every filter of an action query is.
using ActionFilter = Filter<ActionView>;

/// The filters `ActionQuery`, the query language and Python are built from, one per kind of
/// question, so every door gives the same answers. Each keeps a reference to the store, whose
/// indexes give the candidates of the selective ones.
namespace action_filters {
[[nodiscard]] ActionFilter in_plan(const Store& store, std::string plan);
[[nodiscard]] ActionFilter in_organisation(const Store& store, std::string organisation);
[[nodiscard]] ActionFilter in_section(const Store& store, std::string section);
[[nodiscard]] ActionFilter led_by(const Store& store, std::string officer);
[[nodiscard]] ActionFilter delivered_by(const Store& store, std::string officer);
[[nodiscard]] ActionFilter with_lifecycle(const Store& store, Lifecycle lifecycle, Date day);
[[nodiscard]] ActionFilter with_health(const Store& store, std::optional<Health> health, Date day);
[[nodiscard]] ActionFilter open_on(const Store& store, Date day);
[[nodiscard]] ActionFilter overdue_on(const Store& store, Date day);
/// The due's last day compared with `day`; actions with no readable due never pass.
[[nodiscard]] ActionFilter due_compared(const Store& store, Comparison comparison, Date day);
[[nodiscard]] ActionFilter due_within(const Store& store, Period period);
[[nodiscard]] ActionFilter tagged(const Store& store, std::string source_tag);
[[nodiscard]] ActionFilter addressing(const Store& store, std::string recommendation);
[[nodiscard]] ActionFilter with_ref(std::string ref);
/// The number of due revisions known on `day` compared with `count`. When the comparison
/// needs at least one revision ('>= 2', '> 0', '= 1'), the filter lists on demand, from
/// `store`'s index, the actions with that many revisions at all (known on any day), so the
/// others' revisions are never read.
[[nodiscard]] ActionFilter revised(const Store& store, Comparison comparison, std::int64_t count,
                                   Date day);
/// The days the due had slipped on `day` from `baseline` (see `slippage_on`) compared with
/// `days`; actions whose slippage cannot be read never pass.
[[nodiscard]] ActionFilter slipped(Comparison comparison, std::int64_t days, Date day,
                                   Baseline baseline);
/// The same test as `slipped`, reading the last days of the dues from `store`'s index when
/// the action is one of the store's.
[[nodiscard]] ActionFilter slipped(const Store& store, Comparison comparison, std::int64_t days,
                                   Date day, Baseline baseline);
/// Actions whose reported health on `day` disagrees with the health computed from dates and
/// percent complete (`health_disagrees_on`, default thresholds).
[[nodiscard]] ActionFilter health_mismatch(const Store& store, Date day);
/// Actions whose ref, title or text contains `words`, ignoring the case of ASCII letters. On its
/// own it lists its matches by one scan of `store`'s actions that fetches texts ahead of the
/// test; with a filter giving fewer candidates, it tests those.
[[nodiscard]] ActionFilter text_contains(const Store& store, std::string words);
/// Actions whose visibility is public.
[[nodiscard]] ActionFilter public_only();
} // namespace action_filters

/// How far a group of actions has got: of `actions`, how many were `completed` on the day.
struct Completion {
    std::size_t actions = 0;
    std::size_t completed = 0;
    /// completed / actions × 100; 0 for no actions.
    [[nodiscard]] double percent() const noexcept {
        return actions == 0 ? 0.0
                            : 100.0 * static_cast<double>(completed) / static_cast<double>(actions);
    }
    friend bool operator==(const Completion&, const Completion&) = default;
};

/// A question about the actions of a store, built up filter by filter:
/// `actions(store).in_plan("rochford/cpa-plan-2009").led_by("SPMO").open_on(day)`.
///
/// Filters that depend on status (lifecycle, health, open, overdue) are answered as of a date,
/// from the status history: what a committee would have been shown on that day. Plan,
/// organisation, section, lead, delivery, tag, addressed recommendation, lifecycle, health and
/// due are answered from the store's indexes. See `BasicQuery` for running, ordering and
/// counting.
class ActionQuery : public BasicQuery<ActionView, ActionField, ActionQuery> {
public:
    using BasicQuery::BasicQuery;

    /// Actions of the plan with this id.
    ActionQuery& in_plan(std::string_view plan);
    /// Actions of the plans of the organisation with this id.
    ActionQuery& in_organisation(std::string_view organisation);
    /// Actions of the section with this id, or of any section below it.
    ActionQuery& in_section(std::string_view section);
    /// Actions led by an officer, named by id, abbreviation ('SPMO'), post or holder's name
    /// (case-insensitive).
    ActionQuery& led_by(std::string_view officer);
    /// Actions with this officer among the delivery officers, named as for `led_by`.
    ActionQuery& delivered_by(std::string_view officer);
    /// Actions whose lifecycle on `day` is `lifecycle`.
    ActionQuery& with_lifecycle(Lifecycle lifecycle, Date day);
    /// Actions whose health on `day` is `health` (empty: no health reported).
    ActionQuery& with_health(std::optional<Health> health, Date day);
    /// Actions not completed, cancelled or superseded on `day`.
    ActionQuery& open_on(Date day);
    /// Actions overdue on `day` (see `Store::is_overdue_on`).
    ActionQuery& overdue_on(Date day);
    /// Actions whose due's last day is before `day`.
    ActionQuery& due_before(Date day);
    /// Actions whose due's last day is after `day`.
    ActionQuery& due_after(Date day);
    /// Actions whose due's last day falls within `period` (a financial year, a quarter …).
    ActionQuery& due_within(const Period& period);
    /// Actions with this source tag ('RoP', 'PR', 'CPA'), ignoring case.
    ActionQuery& tagged(std::string_view source_tag);
    /// Actions that address the recommendation with this id.
    ActionQuery& addressing(std::string_view recommendation);
    /// Actions whose ref, title or text contains `words`, ignoring case.
    ActionQuery& text_contains(std::string_view words);
    /// Public actions only: what a public report may show.
    ActionQuery& public_only();

    /// For each value of `field` on `day`, how many matching actions have it and how many of
    /// those were completed on `day`: completion by plan, section, lead, quarter ….
    [[nodiscard]] std::map<std::string, Completion> completion_by(ActionField field,
                                                                  Date day) const;
    /// How many matching actions were completed on `day`.
    [[nodiscard]] Completion completion(Date day) const;

    /// The values of `field` for an action on `day`, as text: what ordering and grouping use.
    /// An action with several leads has several values; none is written "".
    [[nodiscard]] std::vector<std::string> values_of(const ActionView& action, ActionField field,
                                                     Date day) const;
    /// True for the fields whose values an action holds as text (plan, section, ref, lead):
    /// counting by them reads `held_values_of` instead of copying each value.
    [[nodiscard]] static bool holds_values(ActionField field) noexcept;
    /// The values `values_of` gives for a field that `holds_values`, as the action holds them
    /// (none where `values_of` gives one ""); empty for the other fields.
    [[nodiscard]] static TextList held_values_of(const ActionView& action, ActionField field);
    /// True for the fields whose value the store's index gives as a view shared by every
    /// action with that value: a name on a day (`lifecycle`, `health`), or the id of the
    /// action's plan or section. Counting by them reads `named_value_at`.
    [[nodiscard]] static bool is_named_value(ActionField field) noexcept;
    /// The value of a named field (`is_named_value`) for the store's action at `handle` on
    /// `day`, as `values_of` gives it ("" for no health or section), read from the store's
    /// index without making text: a view of the name's static text, or of the index's copy of
    /// the plan's or section's id. Empty for the other fields.
    [[nodiscard]] std::optional<std::string_view> named_value_at(std::uint32_t handle,
                                                                 ActionField field, Date day) const;
    /// The value `named_value_at` gives, as a number `named_value_of_code` names: a lifecycle's
    /// place in its enumeration, 0 for no health or 1 + the health's place, the plan's handle,
    /// the section's position in `StoreIndex::section_ids()`. Empty where `named_value_at`
    /// reads the action's own text (its plan not in the store, its section not its plan's) and
    /// for the other fields. Counting by two named fields counts these numbers.
    [[nodiscard]] std::optional<std::uint32_t> named_code_at(std::uint32_t handle,
                                                             ActionField field, Date day) const;
    /// `named_code_at` of each of `handles`, in order, into `codes` (replacing what it held):
    /// one pass per field, for counting many matches. False, with `codes` unspecified, if some
    /// handle has no number (its plan not in the store, its section not its plan's).
    [[nodiscard]] bool named_codes_of(const Handles& handles, ActionField field, Date day,
                                      std::vector<std::uint32_t>& codes) const;
    /// The value a number of `named_code_at` for `field` stands for: a view of the name's static
    /// text or of the index's copy of the id.
    [[nodiscard]] std::string_view named_value_of_code(ActionField field, std::uint32_t code) const;
    /// True for the fields whose value is a whole number (`revisions`, `slipped`): ordering by
    /// them compares `whole_number_of`, as the text of `values_of` orders.
    [[nodiscard]] static bool is_whole_number(ActionField field) noexcept;
    /// The value of a whole-number field for an action on `day`; empty where `values_of`
    /// gives "" (a slippage that cannot be read) and for the other fields.
    [[nodiscard]] std::optional<std::int64_t> whole_number_of(const ActionView& action,
                                                              ActionField field, Date day) const;
    /// `whole_number_of` the store's action at `handle`, read from the store's index alone.
    [[nodiscard]] std::optional<std::int64_t> whole_number_at(std::uint32_t handle,
                                                              ActionField field, Date day) const;
    /// `whole_number_at` of each of `handles`, in order, into `numbers` (replacing what it
    /// held): ordering many matches reads them in one pass, each action's days asked for
    /// ahead of its turn.
    void whole_numbers_of(const Handles& handles, ActionField field, Date day,
                          std::vector<std::optional<std::int64_t>>& numbers) const;
};

/// Starts a question about the actions of `store`.
[[nodiscard]] inline ActionQuery actions(const Store& store) {
    return ActionQuery(store);
}

/// True if `officer` (an officer id) is named by `name`: its id, abbreviation, post or a
/// holder's name, ignoring case. An empty name names no officer.
[[nodiscard]] bool officer_matches(const Store& store, std::string_view officer,
                                   std::string_view name);

} // namespace bestvalue
