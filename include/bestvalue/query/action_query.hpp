#pragma once

/// \file
/// `ActionQuery`: the typed, fluent way to ask which actions of a store match, as of a date.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/model/action.hpp>
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
};

/// A test of one action: what every filter of a query is.
using ActionFilter = std::function<bool(const Action&)>;

/// The filters `ActionQuery` and the query language are built from, one per kind of question,
/// so both doors give the same answers. Those taking a store keep a reference to it.
namespace action_filters {
[[nodiscard]] ActionFilter in_plan(std::string plan);
[[nodiscard]] ActionFilter in_organisation(const Store& store, std::string organisation);
[[nodiscard]] ActionFilter in_section(const Store& store, std::string section);
[[nodiscard]] ActionFilter led_by(const Store& store, std::string officer);
[[nodiscard]] ActionFilter delivered_by(const Store& store, std::string officer);
[[nodiscard]] ActionFilter with_lifecycle(const Store& store, Lifecycle lifecycle, Date day);
[[nodiscard]] ActionFilter with_health(const Store& store, std::optional<Health> health, Date day);
[[nodiscard]] ActionFilter open_on(const Store& store, Date day);
[[nodiscard]] ActionFilter overdue_on(const Store& store, Date day);
/// The due's last day compared with `day` by `compare` (-1: before, 0: on, 1: after).
[[nodiscard]] ActionFilter due_compared(Date day, std::function<bool(int)> compare);
[[nodiscard]] ActionFilter due_within(Period period);
[[nodiscard]] ActionFilter tagged(std::string source_tag);
[[nodiscard]] ActionFilter addressing(std::string recommendation);
[[nodiscard]] ActionFilter text_contains(std::string words);
[[nodiscard]] ActionFilter public_only();
} // namespace action_filters

/// A question about the actions of a store, built up filter by filter:
/// `actions(store).in_plan("rochford/cpa-plan-2009").led_by("SPMO").open_on(day)`.
///
/// Filters that depend on status (lifecycle, health, open, overdue) are answered as of a date,
/// from the status history: what a committee would have been shown on that day. The store must
/// outlive the query and must not change while it is used. Queries are values: copy one to
/// branch it.
class ActionQuery {
public:
    explicit ActionQuery(const Store& store);

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
    /// Actions with this source tag ('RoP', 'PR', 'CPA').
    ActionQuery& tagged(std::string_view source_tag);
    /// Actions that address the recommendation with this id.
    ActionQuery& addressing(std::string_view recommendation);
    /// Actions whose ref, title or text contains `words`, ignoring case.
    ActionQuery& text_contains(std::string_view words);
    /// Public actions only: what a public report may show.
    ActionQuery& public_only();
    /// Any other test.
    ActionQuery& where(ActionFilter filter);

    /// Orders the results (by default they come in the order added). Ties keep that order.
    /// Lifecycle and health are taken on `day` (default: today). Dues order by their last
    /// day, actions with no readable due last.
    ActionQuery& order_by(ActionField field, bool descending = false,
                          std::optional<Date> day = std::nullopt);
    /// At most `count` results, after skipping `offset`.
    ActionQuery& limit(std::size_t count, std::size_t offset = 0);

    /// The matching actions.
    [[nodiscard]] std::vector<const Action*> run() const;
    /// How many actions match (ignoring limit and offset).
    [[nodiscard]] std::size_t count() const;
    /// How many matching actions have each value of `field` on `day` (for lifecycle and
    /// health; other fields do not depend on the day). Actions with several leads count once
    /// per lead; an empty value is counted under "".
    [[nodiscard]] std::map<std::string, std::size_t> count_by(ActionField field, Date day) const;

    /// The value of `field` for an action on `day`, as text: what `order_by` and `count_by` use.
    [[nodiscard]] std::vector<std::string> values_of(const Action& action, ActionField field,
                                                     Date day) const;

private:
    [[nodiscard]] bool matches(const Action& action) const;

    const Store* store_;
    std::vector<ActionFilter> filters_;
    struct Order {
        ActionField field;
        bool descending;
        Date day;
    };
    std::optional<Order> order_;
    std::size_t limit_ = static_cast<std::size_t>(-1);
    std::size_t offset_ = 0;
};

/// Starts a question about the actions of `store`.
[[nodiscard]] inline ActionQuery actions(const Store& store) {
    return ActionQuery(store);
}

/// True if `officer` (an officer id) is named by `name`: its id, abbreviation, post or a
/// holder's name, ignoring case.
[[nodiscard]] bool officer_matches(const Store& store, std::string_view officer,
                                   std::string_view name);

} // namespace bestvalue
