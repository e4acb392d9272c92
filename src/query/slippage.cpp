#include <algorithm>
#include <span>

#include <bestvalue/query/slippage.hpp>

namespace bestvalue {

namespace {

using RevisionDays = StoreIndex::RevisionDays;

template <typename Revision>
bool known_on(const Revision& revision, std::optional<Date> day) {
    return !day || !revision.revised_on || !(*day < *revision.revised_on);
}

bool approver_named(const DueRevision& revision) {
    return !revision.approved_by.empty();
}
bool approver_named(const RevisionDays& revision) {
    return revision.approver_named;
}

template <typename Revision>
bool approved_on(const Revision& revision, std::optional<Date> day) {
    if (revision.approved_on) {
        return !day || !(*day < *revision.approved_on);
    }
    return approver_named(revision);
}

std::optional<Date> end_of(const DueRevision& revision) {
    return last_day(revision.due);
}
std::optional<Date> end_of(const RevisionDays& revision) {
    return revision.end;
}

// Days from `baseline_end` to `current_end`; empty when either is.
std::optional<std::int64_t> days_between(std::optional<Date> baseline_end,
                                         std::optional<Date> current_end) {
    if (!baseline_end || !current_end) {
        return std::nullopt;
    }
    return (*current_end - *baseline_end).days();
}

Slippage with_days_slipped(Slippage slippage) {
    slippage.days_slipped = days_between(slippage.baseline_end, slippage.current_end);
    return slippage;
}

std::optional<Date> date_or_none(Date date) {
    return date.is_special() ? std::nullopt : std::optional<Date>(date);
}

// True when every revision of the action is known on `day`, so that its settled due answers.
bool settled_on(const StoreIndex::SettledDue& settled, Date day) {
    return !day.is_special() && !(day < settled.from);
}

// `day` empty: every revision counts, whatever its dates. One definition for revisions as an
// action lists them and as the index keeps their days, so both give the same answer; only the
// ends needed are read.
template <typename Revision>
Slippage slippage(std::optional<Date> original_end, std::span<const Revision> revisions,
                  std::optional<Date> day, Baseline baseline) {
    Slippage result;
    result.baseline = baseline;
    result.original_end = original_end;
    const Revision* current = nullptr;
    const Revision* approved = nullptr;
    for (const Revision& revision : revisions) {
        if (!known_on(revision, day)) {
            continue;
        }
        ++result.revisions;
        current = &revision;
        if (approved_on(revision, day)) {
            approved = &revision;
        }
    }
    result.current_end = current != nullptr ? end_of(*current) : result.original_end;
    result.baseline_end = baseline == Baseline::latest_approved && approved != nullptr
                              ? end_of(*approved)
                              : result.original_end;
    return with_days_slipped(result);
}

Slippage slippage(const ActionView& action, std::optional<Date> day, Baseline baseline) {
    return slippage(action.original_due_end(), action.due_revisions(), day, baseline);
}

} // namespace

Slippage slippage_on(const ActionView& action, Date day, Baseline baseline) {
    return slippage(action, day, baseline);
}

Slippage slippage_of(const ActionView& action, Baseline baseline) {
    return slippage(action, std::nullopt, baseline);
}

Slippage slippage_on(const StoreIndex& index, std::uint32_t action, Date day, Baseline baseline) {
    // Against the original due, once every revision is known the answer is the settled due's:
    // the revisions need not be read (the last approved one's end needs them).
    if (baseline == Baseline::original) {
        const auto settled = index.settled_due(action);
        if (settled_on(settled, day)) {
            Slippage result;
            result.baseline = baseline;
            result.original_end = index.original_due_end(action);
            result.baseline_end = result.original_end;
            result.current_end = date_or_none(settled.end);
            result.revisions = settled.revisions;
            return with_days_slipped(result);
        }
    }
    return slippage(index.original_due_end(action), index.revision_days(action), day, baseline);
}

std::optional<std::int64_t> days_slipped_on(const StoreIndex& index, std::uint32_t action, Date day,
                                            Baseline baseline) {
    if (baseline == Baseline::original) {
        if (const auto settled = index.settled_due(action); settled_on(settled, day)) {
            return days_between(index.original_due_end(action), date_or_none(settled.end));
        }
    }
    return slippage_on(index, action, day, baseline).days_slipped;
}

std::size_t revisions_known_on(const ActionView& action, Date day) {
    const auto revisions = action.due_revisions();
    return static_cast<std::size_t>(
        std::count_if(revisions.begin(), revisions.end(),
                      [day](const DueRevision& revision) { return known_on(revision, day); }));
}

std::size_t revisions_known_on(const StoreIndex& index, std::uint32_t action, Date day) {
    if (const auto settled = index.settled_due(action); settled_on(settled, day)) {
        return settled.revisions;
    }
    const auto revisions = index.revision_days(action);
    return static_cast<std::size_t>(
        std::count_if(revisions.begin(), revisions.end(),
                      [day](const RevisionDays& revision) { return known_on(revision, day); }));
}

} // namespace bestvalue
