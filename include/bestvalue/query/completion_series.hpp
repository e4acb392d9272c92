#pragma once

/// \file
/// Completion over time: how many of a set of actions were complete at the end of each
/// quarter (month, year …) of a span, from the status history.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/calendar/recurrence.hpp>
#include <bestvalue/model/action_table.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// Where a set of actions stood at the end of one step of a series.
struct CompletionPoint {
    /// The step: 'Q2 2003/04' (financial quarter), 'July 2003' (month), '2003/04' (financial
    /// year), 'H1 2003/04' (financial half year), 'week ending 6 July 2003'.
    std::string label;
    /// The step's last day, on which the statuses were taken.
    Date end;
    /// Actions neither cancelled nor superseded on `end`: the work still meant to be done.
    std::size_t total = 0;
    /// Of those, the ones completed on `end`.
    std::size_t completed = 0;
    /// 100 × completed / total; 0 when total is 0 (nothing to do is not progress, and a
    /// number keeps plots and tables simple).
    double percent = 0.0;

    friend bool operator==(const CompletionPoint&, const CompletionPoint&) = default;
};

/// One step of a series: its label ('Q2 2003/04', 'July 2003') and its last day.
struct SeriesStep {
    std::string label;
    Date end;

    friend bool operator==(const SeriesStep&, const SeriesStep&) = default;
};

/// The steps of `step` whose last day falls inside `span`, in date order, on the calendar
/// `completion_series` describes.
/// \throws ValidationError if `span` has an open start.
[[nodiscard]] std::vector<SeriesStep> steps_within(const Period& span, Frequency step);

/// One point per step of `step` whose last day falls inside `span`, in date order, with the
/// lifecycle of each action on that day as a committee could have known it
/// (`Store::lifecycle_on`). Steps follow the UK financial calendar: `quarterly` gives financial
/// quarters (Q1 = April-June), `six_monthly` financial half years (H1 = April-September),
/// `annual` financial years; `monthly` gives calendar months and `weekly` weeks ending on
/// Sunday. A span too short to hold the end of a step gives no points.
///
/// \throws ValidationError if `span` has an open start ('by 2005'): a series needs a first day.
[[nodiscard]] std::vector<CompletionPoint> completion_series(const Store& store,
                                                             const std::vector<ActionView>& actions,
                                                             const Period& span,
                                                             Frequency step = Frequency::quarterly);

/// The life of a plan, the natural span of its completion series: from its adopted date, else
/// the earlier of the day of the earliest progress update of the plan, its sections or its
/// actions and the first day of its horizon; to the later of the day of its last such update
/// and the last day of its horizon (never before the start: a plan with no adopted date or
/// horizon and one report lives one day). Updates count by the day they speak of (`as_of`); a
/// horizon counts where it was read as dates ('2008/09', not 'four year'). Empty when no start
/// or no end is known.
/// \throws NotFound for an unknown plan.
[[nodiscard]] std::optional<Period> plan_life(const Store& store, std::string_view plan);

} // namespace bestvalue
