#include <bestvalue/query/slippage.hpp>

namespace bestvalue {

namespace {

bool known_on(const DueRevision& revision, std::optional<Date> day) {
    return !day || !revision.revised_on || !(*day < *revision.revised_on);
}

bool approved_on(const DueRevision& revision, std::optional<Date> day) {
    if (revision.approved_on) {
        return !day || !(*day < *revision.approved_on);
    }
    return !revision.approved_by.empty();
}

// `day` empty: every revision counts, whatever its dates.
Slippage slippage(const Action& action, std::optional<Date> day, Baseline baseline) {
    Slippage result;
    result.baseline = baseline;
    result.original_end = action.due ? last_day(*action.due) : std::nullopt;
    const DueRevision* current = nullptr;
    const DueRevision* approved = nullptr;
    for (const DueRevision& revision : action.due_revisions) {
        if (!known_on(revision, day)) {
            continue;
        }
        ++result.revisions;
        current = &revision;
        if (approved_on(revision, day)) {
            approved = &revision;
        }
    }
    result.current_end = current != nullptr ? last_day(current->due) : result.original_end;
    result.baseline_end = baseline == Baseline::latest_approved && approved != nullptr
                              ? last_day(approved->due)
                              : result.original_end;
    if (result.current_end && result.baseline_end) {
        result.days_slipped = (*result.current_end - *result.baseline_end).days();
    }
    return result;
}

} // namespace

Slippage slippage_on(const Action& action, Date day, Baseline baseline) {
    return slippage(action, day, baseline);
}

Slippage slippage_of(const Action& action, Baseline baseline) {
    return slippage(action, std::nullopt, baseline);
}

} // namespace bestvalue
