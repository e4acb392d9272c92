#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>

#include <bestvalue/calendar/financial_year.hpp>
#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/query/completion_series.hpp>

namespace bestvalue {

namespace {

struct Step {
    std::string label;
    Date last;
};

// The step of `frequency` that `day` falls in.
Step step_containing(Date day, Frequency frequency) {
    switch (frequency) {
    case Frequency::weekly: {
        // Weeks end on Sunday (day_of_week 0).
        const int to_sunday = (7 - day.day_of_week().as_number()) % 7;
        const Date last = day + boost::gregorian::days(to_sunday);
        return {"week ending " + to_long_string(last), last};
    }
    case Frequency::monthly: {
        const int year = day.year();
        const int month = day.month();
        return {std::string(month_name(month)) + " " + std::to_string(year),
                Date(day.year(), day.month(), days_in_month(year, month))};
    }
    case Frequency::quarterly: {
        const auto quarter = FinancialQuarter::containing(day);
        return {quarter.label(), quarter.last_day()};
    }
    case Frequency::six_monthly: {
        const auto year = FinancialYear::containing(day);
        const bool first_half = day.month() >= 4 && day.month() <= 9;
        return {(first_half ? "H1 " : "H2 ") + year.label(),
                first_half ? Date(year.start_year(), 9, 30) : year.last_day()};
    }
    case Frequency::annual: {
        const auto year = FinancialYear::containing(day);
        return {year.label(), year.last_day()};
    }
    }
    return {{}, day};
}

bool counts_towards_total(Lifecycle lifecycle) {
    return lifecycle != Lifecycle::cancelled && lifecycle != Lifecycle::superseded;
}

} // namespace

std::vector<SeriesStep> steps_within(const Period& span, Frequency step) {
    if (span.has_open_start()) {
        Problem problem;
        problem.location = "span";
        problem.message = "a series needs a span with a first day, got '" + span.describe() + "'";
        throw ValidationError({problem});
    }
    std::vector<SeriesStep> steps;
    for (Step current = step_containing(span.start(), step); !(span.end() < current.last);
         current = step_containing(current.last + boost::gregorian::days(1), step)) {
        steps.push_back({std::move(current.label), current.last});
    }
    return steps;
}

std::vector<CompletionPoint> completion_series(const Store& store,
                                               const std::vector<ActionView>& actions,
                                               const Period& span, Frequency step) {
    std::vector<CompletionPoint> points;
    for (auto& current : steps_within(span, step)) {
        CompletionPoint point;
        point.label = std::move(current.label);
        point.end = current.end;
        for (const ActionView& action : actions) {
            const Lifecycle lifecycle = store.lifecycle_on(action, point.end);
            if (counts_towards_total(lifecycle)) {
                ++point.total;
                if (lifecycle == Lifecycle::completed) {
                    ++point.completed;
                }
            }
        }
        if (point.total > 0) {
            point.percent =
                100.0 * static_cast<double>(point.completed) / static_cast<double>(point.total);
        }
        points.push_back(std::move(point));
    }
    return points;
}

std::optional<Period> plan_life(const Store& store, std::string_view plan_id) {
    const Plan& plan = store.get_plan(plan_id);
    std::unordered_set<std::string_view> subjects{plan.id};
    for (const Section& section : plan.sections) {
        subjects.insert(section.id);
    }
    const ActionTable& actions = store.actions();
    for (std::size_t handle = 0; handle < actions.size(); ++handle) {
        if (actions.plan(handle) == plan.id) {
            subjects.insert(actions.id(handle));
        }
    }
    std::optional<Date> first_update;
    std::optional<Date> last_update;
    const ProgressLog& progress = store.progress();
    for (std::size_t i = 0; i < progress.size(); ++i) {
        if (!subjects.contains(progress.subject(i))) {
            continue;
        }
        const Date as_of = progress.as_of(i);
        if (!first_update || as_of < *first_update) {
            first_update = as_of;
        }
        if (!last_update || *last_update < as_of) {
            last_update = as_of;
        }
    }
    std::optional<Date> horizon_start;
    std::optional<Date> horizon_end;
    if (plan.horizon) {
        for (const Period& period : plan.horizon->periods) {
            if (!period.has_open_start() && (!horizon_start || period.start() < *horizon_start)) {
                horizon_start = period.start();
            }
        }
        horizon_end = last_day(*plan.horizon);
    }

    std::optional<Date> start = plan.adopted;
    if (!start) {
        // A plan for 2008/09 first reported on in March 2009 ran from April 2008.
        start = first_update;
        if (horizon_start && (!start || *horizon_start < *start)) {
            start = horizon_start;
        }
    }
    std::optional<Date> end = last_update;
    if (horizon_end && (!end || *end < *horizon_end)) {
        end = horizon_end;
    }
    if (!start || !end) {
        return std::nullopt;
    }
    const Date last = std::max(*start, *end);
    return Period(*start, last, last == *start ? Precision::day : Precision::day_range);
}

} // namespace bestvalue
