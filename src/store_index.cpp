#include <algorithm>

#include <bestvalue/store.hpp>
#include <bestvalue/store_index.hpp>

#include "detail/text.hpp"

namespace bestvalue {

namespace {

const Handles& no_handles() {
    static const Handles empty;
    return empty;
}

// Files each handle once per key even when an entity lists a key twice.
void add_once(KeyedHandles& index, std::string_view key, std::uint32_t handle) {
    const Handles& filed = index.find(key);
    if (filed.empty() || filed.back() != handle) {
        index.add(key, handle);
    }
}

} // namespace

const Handles& KeyedHandles::find(std::string_view key) const {
    const auto found = entries_.find(key);
    return found == entries_.end() ? no_handles() : found->second;
}

void KeyedHandles::add(std::string_view key, std::uint32_t handle) {
    auto found = entries_.find(key);
    if (found == entries_.end()) {
        found = entries_.emplace(std::string(key), Handles{}).first;
    }
    found->second.push_back(handle);
}

std::vector<std::string_view> KeyedHandles::keys() const {
    std::vector<std::string_view> keys;
    keys.reserve(entries_.size());
    for (const auto& [key, unused] : entries_) {
        keys.emplace_back(key);
    }
    return keys;
}

StoreIndex::StoreIndex(const Store& store) {
    const auto& actions = store.actions();
    std::unordered_map<std::string_view, std::uint32_t> action_handles;
    action_handles.reserve(actions.size());
    for (std::uint32_t handle = 0; handle < actions.size(); ++handle) {
        const Action& action = actions[handle];
        action_handles.emplace(action.id, handle);
        actions_in_plan_.add(action.plan, handle);
        if (const Plan* plan = store.find_plan(action.plan)) {
            actions_of_organisation_.add(plan->organisation, handle);
        }
        // An action is in its section and in every section above it.
        std::string_view section = action.section;
        for (std::size_t depth = 0; !section.empty() && depth < 64; ++depth) {
            add_once(actions_in_section_, section, handle);
            const Section* found = store.find_section(section);
            section = found == nullptr ? std::string_view() : std::string_view(found->parent);
        }
        for (const auto& officer : action.leads) {
            add_once(actions_led_by_, officer, handle);
        }
        for (const auto& officer : action.delivery) {
            add_once(actions_delivered_by_, officer, handle);
        }
        for (const auto& tag : action.source_tags) {
            add_once(actions_tagged_, detail::lower_case(tag), handle);
        }
        for (const auto& recommendation : action.addresses) {
            add_once(actions_addressing_, recommendation, handle);
        }
        if (const auto end = action.due_end()) {
            actions_by_due_.emplace_back(*end, handle);
        }
        actions_ever_lifecycle_[static_cast<std::size_t>(Lifecycle::not_started)].push_back(handle);
    }
    std::stable_sort(actions_by_due_.begin(), actions_by_due_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    // What each update says of lifecycle and health, read through its plan's vocabulary as
    // Store::lifecycle_on reads it. Handles are sorted afterwards: updates come in any order.
    for (const ProgressUpdate& update : store.progress()) {
        const auto found = action_handles.find(update.subject);
        if (found == action_handles.end()) {
            continue;
        }
        std::optional<Lifecycle> lifecycle = update.lifecycle;
        std::optional<Health> health = update.health;
        if (!update.status.empty()) {
            const Plan* plan = store.find_plan(actions[found->second].plan);
            const StatusVocabulary* words =
                plan == nullptr ? nullptr : store.find_vocabulary(plan->vocabulary);
            if (const StatusTerm* term =
                    words == nullptr ? nullptr : words->find_term(update.status)) {
                lifecycle = lifecycle.value_or(term->lifecycle);
                health = health ? health : term->health;
            }
        }
        if (lifecycle && *lifecycle != Lifecycle::not_started) {
            actions_ever_lifecycle_[static_cast<std::size_t>(*lifecycle)].push_back(found->second);
        }
        if (health) {
            actions_ever_health_[static_cast<std::size_t>(*health)].push_back(found->second);
        }
    }
    const auto sort_unique = [](Handles& handles) {
        std::sort(handles.begin(), handles.end());
        handles.erase(std::unique(handles.begin(), handles.end()), handles.end());
    };
    for (auto& handles : actions_ever_lifecycle_) {
        sort_unique(handles);
    }
    for (auto& handles : actions_ever_health_) {
        sort_unique(handles);
    }

    const auto& plans = store.plans();
    for (std::uint32_t handle = 0; handle < plans.size(); ++handle) {
        plans_of_.add(plans[handle].organisation, handle);
        for (const auto& recommendation : plans[handle].addresses) {
            add_once(plans_addressing_, recommendation, handle);
        }
    }
    for (const Officer& officer : store.officers()) {
        const auto file = [&](std::string_view name) {
            if (name.empty()) {
                return;
            }
            auto& ids = officers_by_name_[detail::lower_case(name)];
            if (std::find(ids.begin(), ids.end(), officer.id) == ids.end()) {
                ids.push_back(officer.id);
            }
        };
        file(officer.id);
        file(officer.abbreviation);
        file(officer.post);
        for (const auto& holder : officer.holders) {
            file(holder.name);
        }
    }
    const auto& recommendations = store.recommendations();
    for (std::uint32_t handle = 0; handle < recommendations.size(); ++handle) {
        recommendations_from_.add(recommendations[handle].source, handle);
        recommendations_tagged_.add(detail::lower_case(recommendations[handle].source_tag), handle);
    }
    const auto& assessments = store.assessments();
    for (std::uint32_t handle = 0; handle < assessments.size(); ++handle) {
        assessments_of_.add(assessments[handle].subject, handle);
        if (const auto& scheduled = assessments[handle].scheduled) {
            for (const Period& period : scheduled->periods) {
                assessment_period_starts_.emplace_back(period.start(), handle);
            }
        }
        for (const auto& assessor : assessments[handle].assessors) {
            add_once(assessments_by_, assessor, handle);
        }
    }
    std::stable_sort(assessment_period_starts_.begin(), assessment_period_starts_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const auto& ratings = store.ratings();
    for (std::uint32_t handle = 0; handle < ratings.size(); ++handle) {
        ratings_of_.add(ratings[handle].subject, handle);
        ratings_on_.add(ratings[handle].scale, handle);
    }
}

const Handles& StoreIndex::actions_in_plan(std::string_view plan) const {
    return actions_in_plan_.find(plan);
}
const Handles& StoreIndex::actions_of_organisation(std::string_view organisation) const {
    return actions_of_organisation_.find(organisation);
}
const Handles& StoreIndex::actions_in_section(std::string_view section) const {
    return actions_in_section_.find(section);
}
const Handles& StoreIndex::actions_led_by(std::string_view officer) const {
    return actions_led_by_.find(officer);
}
const Handles& StoreIndex::actions_delivered_by(std::string_view officer) const {
    return actions_delivered_by_.find(officer);
}
const Handles& StoreIndex::actions_tagged(std::string_view tag) const {
    return actions_tagged_.find(detail::lower_case(tag));
}
const Handles& StoreIndex::actions_addressing(std::string_view recommendation) const {
    return actions_addressing_.find(recommendation);
}
const Handles& StoreIndex::plans_addressing(std::string_view recommendation) const {
    return plans_addressing_.find(recommendation);
}
const Handles& StoreIndex::actions_ever(Lifecycle lifecycle) const {
    return actions_ever_lifecycle_.at(static_cast<std::size_t>(lifecycle));
}
const Handles& StoreIndex::actions_ever(Health health) const {
    return actions_ever_health_.at(static_cast<std::size_t>(health));
}

std::pair<StoreIndex::DayEntries::const_iterator, StoreIndex::DayEntries::const_iterator>
StoreIndex::day_range(const DayEntries& entries, std::optional<Date> from, std::optional<Date> to) {
    const auto first =
        from ? std::lower_bound(entries.begin(), entries.end(), *from,
                                [](const auto& entry, Date day) { return entry.first < day; })
             : entries.begin();
    // Searched from `first`, so an empty range (to before from) ends where it starts.
    const auto last =
        to ? std::upper_bound(first, entries.end(), *to,
                              [](Date day, const auto& entry) { return day < entry.first; })
           : entries.end();
    return {first, last};
}

Handles StoreIndex::handles_within(const DayEntries& entries, std::optional<Date> from,
                                   std::optional<Date> to) {
    const auto [first, last] = day_range(entries, from, to);
    Handles handles;
    handles.reserve(static_cast<std::size_t>(last - first));
    for (auto it = first; it != last; ++it) {
        handles.push_back(it->second);
    }
    std::sort(handles.begin(), handles.end());
    handles.erase(std::unique(handles.begin(), handles.end()), handles.end());
    return handles;
}

Handles StoreIndex::actions_due_within(std::optional<Date> from, std::optional<Date> to) const {
    return handles_within(actions_by_due_, from, to);
}

std::size_t StoreIndex::count_actions_due_within(std::optional<Date> from,
                                                 std::optional<Date> to) const {
    const auto [first, last] = day_range(actions_by_due_, from, to);
    return static_cast<std::size_t>(last - first);
}

Handles StoreIndex::assessments_starting_within(std::optional<Date> from,
                                                std::optional<Date> to) const {
    return handles_within(assessment_period_starts_, from, to);
}

std::size_t StoreIndex::count_periods_starting_within(std::optional<Date> from,
                                                      std::optional<Date> to) const {
    const auto [first, last] = day_range(assessment_period_starts_, from, to);
    return static_cast<std::size_t>(last - first);
}

const std::vector<std::pair<Date, std::uint32_t>>& StoreIndex::actions_by_due() const {
    return actions_by_due_;
}

std::vector<std::string> StoreIndex::officers_named(std::string_view name) const {
    const auto found = officers_by_name_.find(detail::lower_case(name));
    return found == officers_by_name_.end() ? std::vector<std::string>{} : found->second;
}

const Handles& StoreIndex::recommendations_from(std::string_view assessment) const {
    return recommendations_from_.find(assessment);
}
const Handles& StoreIndex::recommendations_tagged(std::string_view tag) const {
    return recommendations_tagged_.find(detail::lower_case(tag));
}
const Handles& StoreIndex::assessments_of(std::string_view subject) const {
    return assessments_of_.find(subject);
}
const Handles& StoreIndex::assessments_by(std::string_view assessor) const {
    return assessments_by_.find(assessor);
}
const Handles& StoreIndex::ratings_of(std::string_view subject) const {
    return ratings_of_.find(subject);
}
const Handles& StoreIndex::ratings_on(std::string_view scale) const {
    return ratings_on_.find(scale);
}
const Handles& StoreIndex::plans_of(std::string_view organisation) const {
    return plans_of_.find(organisation);
}

} // namespace bestvalue
