#include <algorithm>
#include <span>
#include <string>

#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/computed_health.hpp>

#include "../detail/text.hpp"
#include "values.hpp"

namespace bestvalue {

namespace {

bool is_closed(Lifecycle lifecycle) {
    return lifecycle == Lifecycle::completed || lifecycle == Lifecycle::cancelled ||
           lifecycle == Lifecycle::superseded;
}

// The actions any of the officers a name stands for leads (or delivers): a union of index
// entries, ascending.
Handles officer_candidates(const Store& store, std::string_view name,
                           const Handles& (StoreIndex::*by_officer)(std::string_view) const) {
    std::vector<const Handles*> lists;
    for (const auto& officer : store.index().officers_named(name)) {
        lists.push_back(&(store.index().*by_officer)(officer));
    }
    return detail::union_of(lists);
}

ActionFilter any_officer(const Store& store, std::string name,
                         TextList (ActionView::*officers)() const,
                         const Handles& (StoreIndex::*by_officer)(std::string_view) const) {
    Handles candidates = officer_candidates(store, name, by_officer);
    // Exactly those that pass: the store's check holds every lead and deliverer to an officer's
    // id, and the index files each officer under the names `officer_matches` compares.
    return {[&store, name = std::move(name), officers](const ActionView& action) {
                const TextList ids = (action.*officers)();
                return std::any_of(ids.begin(), ids.end(), [&](std::string_view officer) {
                    return officer_matches(store, officer, name);
                });
            },
            std::move(candidates), Candidates::exact};
}

} // namespace

bool officer_matches(const Store& store, std::string_view officer, std::string_view name) {
    if (name.empty()) {
        return false; // an officer without an abbreviation is not named by ""
    }
    if (detail::equal_ignoring_case(officer, name)) {
        return true;
    }
    const Officer* found = store.find_officer(officer);
    if (found == nullptr) {
        return false;
    }
    if (detail::equal_ignoring_case(found->abbreviation, name) ||
        detail::equal_ignoring_case(found->post, name)) {
        return true;
    }
    return std::any_of(found->holders.begin(), found->holders.end(), [&](const PostHolder& holder) {
        return detail::equal_ignoring_case(holder.name, name);
    });
}

namespace action_filters {

ActionFilter in_plan(const Store& store, std::string plan) {
    Handles candidates = store.index().actions_in_plan(plan);
    // The index files each action under its plan's id as written: exactly those that pass.
    return {[plan = std::move(plan)](const ActionView& action) { return action.plan() == plan; },
            std::move(candidates), Candidates::exact};
}

ActionFilter in_organisation(const Store& store, std::string organisation) {
    // The index files each action under its plan's organisation: exactly those that pass.
    Handles candidates = store.index().actions_of_organisation(organisation);
    return {[&store, organisation = std::move(organisation)](const ActionView& action) {
                const Plan* plan = store.find_plan(action.plan());
                return plan != nullptr && plan->organisation == organisation;
            },
            std::move(candidates), Candidates::exact};
}

ActionFilter in_section(const Store& store, std::string section) {
    Handles candidates = store.index().actions_in_section(section);
    return {[&store, section = std::move(section)](const ActionView& action) {
                // Walk up from the action's section: it is in the subtree if it meets `section`.
                std::string_view current = action.section();
                for (std::size_t depth = 0; !current.empty() && depth < 64; ++depth) {
                    if (current == section) {
                        return true;
                    }
                    const Section* found = store.find_section(current);
                    current = found == nullptr ? std::string_view() : found->parent;
                }
                return false;
            },
            // The index files each action under the sections met by the same walk.
            std::move(candidates), Candidates::exact};
}

ActionFilter led_by(const Store& store, std::string officer) {
    return any_officer(store, std::move(officer), &ActionView::leads, &StoreIndex::actions_led_by);
}

ActionFilter delivered_by(const Store& store, std::string officer) {
    return any_officer(store, std::move(officer), &ActionView::delivery,
                       &StoreIndex::actions_delivered_by);
}

ActionFilter with_lifecycle(const Store& store, Lifecycle lifecycle, Date day) {
    ActionFilter::Test test = [&store, lifecycle, day](const ActionView& action) {
        return store.lifecycle_on(action, day) == lifecycle;
    };
    if (lifecycle == Lifecycle::not_started) {
        return test; // where every action starts: the index narrows nothing
    }
    return {std::move(test), store.index().actions_ever(lifecycle)};
}

ActionFilter with_health(const Store& store, std::optional<Health> health, Date day) {
    ActionFilter::Test test = [&store, health, day](const ActionView& action) {
        return store.health_on(action, day) == health;
    };
    if (!health) {
        return test;
    }
    return {std::move(test), store.index().actions_ever(*health)};
}

ActionFilter open_on(const Store& store, Date day) {
    return [&store, day](const ActionView& action) {
        return !is_closed(store.lifecycle_on(action, day));
    };
}

namespace {

// A filter whose candidates are the actions due within [from, to], listed only if the query
// needs them: a wide range covers most of the collection and would cost a sort on each query.
ActionFilter due_filter(const Store& store, ActionFilter::Test test, std::optional<Date> from,
                        std::optional<Date> to) {
    return {std::move(test), store.index().count_actions_due_within(from, to),
            [&store, from, to] { return store.index().actions_due_within(from, to); }};
}

} // namespace

ActionFilter overdue_on(const Store& store, Date day) {
    // Only actions due before the day can be overdue on it.
    return due_filter(
        store, [&store, day](const ActionView& action) { return store.is_overdue_on(action, day); },
        std::nullopt, day - boost::gregorian::days(1));
}

ActionFilter due_compared(const Store& store, Comparison comparison, Date day) {
    ActionFilter::Test test = [comparison, day](const ActionView& action) {
        const auto end = action.due_end();
        return end.has_value() && compares(*end, comparison, day);
    };
    const auto one_day = boost::gregorian::days(1);
    switch (comparison) {
    case Comparison::less:
        return due_filter(store, std::move(test), std::nullopt, day - one_day);
    case Comparison::less_equal:
        return due_filter(store, std::move(test), std::nullopt, day);
    case Comparison::equal:
        return due_filter(store, std::move(test), day, day);
    case Comparison::greater:
        return due_filter(store, std::move(test), day + one_day, std::nullopt);
    case Comparison::greater_equal:
        return due_filter(store, std::move(test), day, std::nullopt);
    case Comparison::not_equal:
        break;
    }
    return test;
}

ActionFilter due_within(const Store& store, Period period) {
    const std::optional<Date> from =
        period.has_open_start() ? std::nullopt : std::optional<Date>(period.start());
    const std::optional<Date> to = period.end();
    return due_filter(
        store,
        [period = std::move(period)](const ActionView& action) {
            const auto end = action.due_end();
            return end && period.contains(*end);
        },
        from, to);
}

ActionFilter tagged(const Store& store, std::string source_tag) {
    Handles candidates = store.index().actions_tagged(source_tag);
    return {[tag = std::move(source_tag)](const ActionView& action) {
                const TextList tags = action.source_tags();
                return std::any_of(tags.begin(), tags.end(), [&](std::string_view t) {
                    return detail::equal_ignoring_case(t, tag);
                });
            },
            std::move(candidates)};
}

ActionFilter addressing(const Store& store, std::string recommendation) {
    Handles candidates = store.index().actions_addressing(recommendation);
    return {[id = std::move(recommendation)](const ActionView& action) {
                return action.addresses().contains(id);
            },
            std::move(candidates)};
}

ActionFilter with_ref(std::string ref) {
    return [ref = std::move(ref)](const ActionView& action) { return action.ref() == ref; };
}

ActionFilter revised(const Store& store, Comparison comparison, std::int64_t count, Date day) {
    auto test = [&store, comparison, count, day](const ActionView& action) {
        // The store's own actions by handle, from the revision days the index keeps.
        const auto handle = store.handle_of(action);
        const auto known = handle ? revisions_known_on(store.index(), *handle, day)
                                  : revisions_known_on(action, day);
        return compares(static_cast<std::int64_t>(known), comparison, count);
    };
    // The fewest revisions an action needs to pass; for the comparisons that 0 can pass
    // (< n, <= n, != n for n > 0, = 0) every action is a candidate, so there are none to list.
    std::int64_t needed = 0;
    if (comparison == Comparison::greater_equal || comparison == Comparison::equal) {
        needed = count;
    } else if (comparison == Comparison::greater) {
        needed = count + 1;
    } else if (comparison == Comparison::not_equal && count == 0) {
        needed = 1;
    }
    if (needed <= 0) {
        return test;
    }
    // Listed as at least `needed`: for >=, > and != 0 exactly what passes, for = a superset.
    const auto kind = comparison == Comparison::equal ? Candidates::superset : Candidates::exact;
    const auto needed_revisions = static_cast<std::size_t>(needed);
    const auto& index = store.index();
    if (!day.is_special()) {
        // The index lists the actions by the day their n-th revision is known from: those
        // with `needed` known are a run of that list, found and counted by binary search.
        return ActionFilter(
            std::move(test), index.count_actions_with_revisions_known_on(needed_revisions, day),
            [&index, needed_revisions, day] {
                return index.actions_with_revisions_known_on(needed_revisions, day);
            },
            kind);
    }
    // Most actions are never revised: the index's list of revised actions rules the others out
    // without reading them, and the revision days it keeps give the count known on the day.
    auto list = [&index, needed_revisions, day] {
        Handles found;
        for (const auto handle : index.revised_actions()) {
            if (revisions_known_on(index, handle, day) >= needed_revisions) {
                found.push_back(handle);
            }
        }
        return found;
    };
    return ActionFilter(std::move(test), index.revised_actions().size(), std::move(list), kind);
}

ActionFilter slipped(Comparison comparison, std::int64_t days, Date day, Baseline baseline) {
    return [comparison, days, day, baseline](const ActionView& action) {
        const auto slippage = slippage_on(action, day, baseline).days_slipped;
        return slippage.has_value() && compares(*slippage, comparison, days);
    };
}

ActionFilter slipped(const Store& store, Comparison comparison, std::int64_t days, Date day,
                     Baseline baseline) {
    return [&store, comparison, days, day, baseline](const ActionView& action) {
        const auto handle = store.handle_of(action);
        const auto slippage = handle ? slippage_on(store.index(), *handle, day, baseline)
                                     : slippage_on(action, day, baseline);
        return slippage.days_slipped.has_value() &&
               compares(*slippage.days_slipped, comparison, days);
    };
}

ActionFilter health_mismatch(const Store& store, Date day) {
    return
        [&store, day](const ActionView& action) { return health_disagrees_on(store, action, day); };
}

ActionFilter text_contains(const Store& store, std::string words) {
    std::string words_kept = words;
    auto contains = [words = std::move(words)](const ActionView& action) {
        return detail::contains_ignoring_case(action.ref(), words) ||
               detail::contains_ignoring_case(action.title(), words) ||
               detail::contains_ignoring_case(action.text(), words);
    };
    // Every action is a candidate, so any filter with fewer candidates is listed instead; when
    // listed, the matches are exact.
    const std::size_t every = store.actions().size();
    auto list = [&store, contains, words = std::move(words_kept)]() {
        if (auto found = store.index().actions_containing(words)) {
            return std::move(*found);
        }
        Handles found;
        const auto& actions = store.actions();
        for (std::size_t handle = 0; handle < actions.size(); ++handle) {
            if (contains(actions[handle])) {
                found.push_back(static_cast<std::uint32_t>(handle));
            }
        }
        return found;
    };
    return ActionFilter(std::move(contains), every, std::move(list), Candidates::exact);
}

ActionFilter public_only() {
    return [](const ActionView& action) { return action.visibility() == Visibility::public_; };
}

} // namespace action_filters

ActionQuery& ActionQuery::in_plan(std::string_view plan) {
    return where(action_filters::in_plan(store(), std::string(plan)));
}
ActionQuery& ActionQuery::in_organisation(std::string_view organisation) {
    return where(action_filters::in_organisation(store(), std::string(organisation)));
}
ActionQuery& ActionQuery::in_section(std::string_view section) {
    return where(action_filters::in_section(store(), std::string(section)));
}
ActionQuery& ActionQuery::led_by(std::string_view officer) {
    return where(action_filters::led_by(store(), std::string(officer)));
}
ActionQuery& ActionQuery::delivered_by(std::string_view officer) {
    return where(action_filters::delivered_by(store(), std::string(officer)));
}
ActionQuery& ActionQuery::with_lifecycle(Lifecycle lifecycle, Date day) {
    return where(action_filters::with_lifecycle(store(), lifecycle, day));
}
ActionQuery& ActionQuery::with_health(std::optional<Health> health, Date day) {
    return where(action_filters::with_health(store(), health, day));
}
ActionQuery& ActionQuery::open_on(Date day) {
    return where(action_filters::open_on(store(), day));
}
ActionQuery& ActionQuery::overdue_on(Date day) {
    return where(action_filters::overdue_on(store(), day));
}
ActionQuery& ActionQuery::due_before(Date day) {
    return where(action_filters::due_compared(store(), Comparison::less, day));
}
ActionQuery& ActionQuery::due_after(Date day) {
    return where(action_filters::due_compared(store(), Comparison::greater, day));
}
ActionQuery& ActionQuery::due_within(const Period& period) {
    return where(action_filters::due_within(store(), period));
}
ActionQuery& ActionQuery::tagged(std::string_view source_tag) {
    return where(action_filters::tagged(store(), std::string(source_tag)));
}
ActionQuery& ActionQuery::addressing(std::string_view recommendation) {
    return where(action_filters::addressing(store(), std::string(recommendation)));
}
ActionQuery& ActionQuery::text_contains(std::string_view words) {
    return where(action_filters::text_contains(store(), std::string(words)));
}
ActionQuery& ActionQuery::public_only() {
    return where(action_filters::public_only());
}

std::vector<std::string> ActionQuery::values_of(const ActionView& action, ActionField field,
                                                Date day) const {
    switch (field) {
    case ActionField::plan:
        return {std::string(action.plan())};
    case ActionField::section:
        return {std::string(action.section())};
    case ActionField::ref:
        return {std::string(action.ref())};
    case ActionField::lead:
        return detail::or_empty(action.leads().to_vector());
    case ActionField::due: {
        const auto end = action.due_end();
        return {end ? to_iso(*end) : ""};
    }
    case ActionField::lifecycle:
        return {std::string(to_name(store().lifecycle_on(action, day)))};
    case ActionField::health: {
        const auto health = store().health_on(action, day);
        return {health ? std::string(to_name(*health)) : ""};
    }
    case ActionField::due_quarter: {
        const auto end = action.due_end();
        return {end ? FinancialQuarter::containing(*end).label() : ""};
    }
    case ActionField::revisions:
    case ActionField::slipped: {
        const auto number = whole_number_of(action, field, day);
        return {number ? std::to_string(*number) : ""};
    }
    case ActionField::organisation: {
        const Plan* plan = store().find_plan(action.plan());
        return {plan == nullptr ? "" : plan->organisation};
    }
    }
    return {""};
}

bool ActionQuery::holds_values(ActionField field) noexcept {
    switch (field) {
    case ActionField::plan:
    case ActionField::section:
    case ActionField::ref:
    case ActionField::lead:
        return true;
    case ActionField::due:
    case ActionField::lifecycle:
    case ActionField::health:
    case ActionField::due_quarter:
    case ActionField::organisation:
    case ActionField::revisions:
    case ActionField::slipped:
        return false;
    }
    return false;
}

TextList ActionQuery::held_values_of(const ActionView& action, ActionField field) {
    switch (field) {
    case ActionField::plan:
        return action.plan_as_list();
    case ActionField::section:
        return action.section_as_list();
    case ActionField::ref:
        return action.ref_as_list();
    case ActionField::lead:
        return action.leads();
    default:
        return {}; // the fields holds_values refuses
    }
}

bool ActionQuery::is_named_value(ActionField field) noexcept {
    return field == ActionField::lifecycle || field == ActionField::health ||
           field == ActionField::plan || field == ActionField::section;
}

std::optional<std::string_view> ActionQuery::named_value_at(std::uint32_t handle, ActionField field,
                                                            Date day) const {
    if (const auto code = named_code_at(handle, field, day)) {
        return named_value_of_code(field, *code);
    }
    // The action's own text where the index does not know its plan or section (one not in
    // the store), which is the same text.
    if (field == ActionField::plan) {
        return store().actions().plan(handle);
    }
    if (field == ActionField::section) {
        return store().actions().section(handle);
    }
    return std::nullopt;
}

namespace {

// Calls `use` with the function that gives the number of `field` for an action on `day`
// (`ActionQuery::named_code_at`), once, and returns what it returns; `otherwise` for the
// fields without numbers. One choice of field serves one action or a pass over many.
template <typename Result, typename Use>
Result with_code_of(const StoreIndex& index, ActionField field, Date day, Result otherwise,
                    const Use& use) {
    switch (field) {
    case ActionField::lifecycle:
        return use([&](std::uint32_t handle) -> std::optional<std::uint32_t> {
            return static_cast<std::uint32_t>(index.lifecycle_on(handle, day));
        });
    case ActionField::health:
        return use([&](std::uint32_t handle) -> std::optional<std::uint32_t> {
            const auto health = index.health_on(handle, day);
            return health ? static_cast<std::uint32_t>(*health) + 1 : 0;
        });
    case ActionField::plan:
        return use([&](std::uint32_t handle) { return index.plan_of_action(handle); });
    case ActionField::section:
        return use([&](std::uint32_t handle) { return index.section_position(handle); });
    default:
        return otherwise;
    }
}

} // namespace

std::optional<std::uint32_t> ActionQuery::named_code_at(std::uint32_t handle, ActionField field,
                                                        Date day) const {
    return with_code_of(store().index(), field, day, std::optional<std::uint32_t>(),
                        [handle](const auto& code_of) { return code_of(handle); });
}

bool ActionQuery::named_codes_of(const Handles& handles, ActionField field, Date day,
                                 std::vector<std::uint32_t>& codes) const {
    codes.resize(handles.size());
    return with_code_of(store().index(), field, day, false, [&](const auto& code_of) {
        for (std::size_t i = 0; i < handles.size(); ++i) {
            const std::optional<std::uint32_t> code = code_of(handles[i]);
            if (!code) {
                return false;
            }
            codes[i] = *code;
        }
        return true;
    });
}

std::string_view ActionQuery::named_value_of_code(ActionField field, std::uint32_t code) const {
    const auto& index = store().index();
    switch (field) {
    case ActionField::lifecycle:
        return to_name(static_cast<Lifecycle>(code));
    case ActionField::health:
        return code == 0 ? std::string_view() : to_name(static_cast<Health>(code - 1));
    case ActionField::plan:
        return index.plan_ids()[code];
    case ActionField::section:
        return index.section_ids()[code];
    default:
        return {};
    }
}

bool ActionQuery::is_whole_number(ActionField field) noexcept {
    return field == ActionField::revisions || field == ActionField::slipped;
}

std::optional<std::int64_t> ActionQuery::whole_number_of(const ActionView& action,
                                                         ActionField field, Date day) const {
    if (const auto handle = store().handle_of(action)) {
        return whole_number_at(*handle, field, day);
    }
    if (field == ActionField::revisions) {
        return static_cast<std::int64_t>(revisions_known_on(action, day));
    }
    if (field == ActionField::slipped) {
        return slippage_on(action, day).days_slipped;
    }
    return std::nullopt;
}

std::optional<std::int64_t> ActionQuery::whole_number_at(std::uint32_t handle, ActionField field,
                                                         Date day) const {
    if (field == ActionField::revisions) {
        return static_cast<std::int64_t>(revisions_known_on(store().index(), handle, day));
    }
    if (field == ActionField::slipped) {
        return days_slipped_on(store().index(), handle, day);
    }
    return std::nullopt;
}

void ActionQuery::whole_numbers_of(const Handles& handles, ActionField field, Date day,
                                   std::vector<std::optional<std::int64_t>>& numbers) const {
    // Matches spread through a large store find each action's days far from the last: asked
    // for this many places ahead, they have arrived by their turn.
    constexpr std::size_t dues_ahead = 16;
    const auto& index = store().index();
    numbers.resize(handles.size());
    for (std::size_t i = 0; i < handles.size(); ++i) {
        if (i + dues_ahead < handles.size()) {
            index.prefetch_dues(handles[i + dues_ahead]);
        }
        numbers[i] = whole_number_at(handles[i], field, day);
    }
}

std::map<std::string, Completion> ActionQuery::completion_by(ActionField field, Date day) const {
    const auto& all = store().actions();
    const auto& index = store().index();
    const bool by_plan = field == ActionField::plan || field == ActionField::organisation;
    // By plan or organisation, actions are counted per plan handle first: every action of a
    // plan has its plan's id and organisation, so no text is made or hashed per action. Asked
    // of every action, the index counts each plan's without visiting its actions.
    std::vector<Completion> per_plan(by_plan ? store().plans().size() : 0);
    const bool whole_plans = by_plan && !is_filtered();
    if (whole_plans) {
        for (std::uint32_t plan = 0; plan < per_plan.size(); ++plan) {
            per_plan[plan] = {index.action_count_of_plan(plan),
                              index.completed_in_plan_on(plan, day)};
        }
    }
    std::map<std::string, Completion> groups;
    for (const auto handle : whole_plans ? index.actions_without_plan() : handles()) {
        const bool completed = index.lifecycle_on(handle, day) == Lifecycle::completed;
        if (by_plan) {
            if (const auto plan = index.plan_of_action(handle)) {
                ++per_plan[*plan].actions;
                per_plan[*plan].completed += completed ? 1 : 0;
                continue;
            }
        }
        for (const auto& value : values_of(all[handle], field, day)) {
            auto& group = groups[value];
            ++group.actions;
            group.completed += completed ? 1 : 0;
        }
    }
    for (std::size_t plan = 0; plan < per_plan.size(); ++plan) {
        if (per_plan[plan].actions == 0) {
            continue;
        }
        const Plan& found = store().plans()[plan];
        auto& group = groups[field == ActionField::plan ? found.id : found.organisation];
        group.actions += per_plan[plan].actions;
        group.completed += per_plan[plan].completed;
    }
    return groups;
}

Completion ActionQuery::completion(Date day) const {
    Completion total;
    const auto& index = store().index();
    // Asked of every action, the index counts each plan's without visiting its actions.
    if (!is_filtered()) {
        for (std::uint32_t plan = 0; plan < store().plans().size(); ++plan) {
            total.actions += index.action_count_of_plan(plan);
            total.completed += index.completed_in_plan_on(plan, day);
        }
    }
    for (const auto handle : is_filtered() ? handles() : index.actions_without_plan()) {
        ++total.actions;
        total.completed += index.lifecycle_on(handle, day) == Lifecycle::completed ? 1 : 0;
    }
    return total;
}

} // namespace bestvalue
