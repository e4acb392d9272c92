#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <future>
#include <iterator>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/store.hpp>
#include <bestvalue/store_index.hpp>

#include "detail/byte_pairs.hpp"
#include "detail/id_map.hpp"
#include "detail/text.hpp"

namespace bestvalue {

namespace {

const Handles& no_handles() {
    static const Handles empty;
    return empty;
}

// Calls `use` with one key for a subject and a scale: the subject's length first, so no two
// pairs share a key whatever characters the ids hold. Made on the stack where it fits, as it
// is at each asking for a rating history.
template <typename Use>
decltype(auto) with_rating_pair_key(std::string_view subject, std::string_view scale, Use use) {
    std::array<char, 20> length{}; // the digits of any std::size_t
    const auto length_end =
        std::to_chars(length.data(), length.data() + length.size(), subject.size()).ptr;
    const std::string_view digits(length.data(),
                                  static_cast<std::size_t>(length_end - length.data()));
    const std::size_t size = digits.size() + 1 + subject.size() + scale.size();
    std::array<char, 256> room; // NOLINT(cppcoreguidelines-pro-type-member-init): written first
    std::string spilled;
    char* const key = size <= room.size() ? room.data() : (spilled.resize(size), spilled.data());
    char* out = std::copy(digits.begin(), digits.end(), key);
    *out++ = ':';
    out = std::copy(subject.begin(), subject.end(), out);
    std::copy(scale.begin(), scale.end(), out);
    return use(std::string_view(key, size));
}

// Adds `handle` unless it is the last of `handles`, so a handle met twice in a row (a key an
// entity lists twice, an action's updates, which mostly come together) is kept once.
void add_unless_last(Handles& handles, std::uint32_t handle) {
    if (handles.empty() || handles.back() != handle) {
        handles.push_back(handle);
    }
}

// Files each handle once per key even when an entity lists a key twice.
void add_once(KeyedHandles& index, std::string_view key, std::uint32_t handle) {
    add_unless_last(index.handles_for(key), handle);
}

// Puts handles gathered in any order, some twice, in ascending order, each once. Where they are
// dense among the handles up to the largest (one in 256 or more), they are marked in a bitmap
// and read back in order, in linear time; otherwise sorted. Sorting the 7,110 assessments
// scheduled in a national year was half the time of counting them by assessor.
void sort_unique(Handles& handles) {
    constexpr std::size_t fewest_marked = 64;
    constexpr std::size_t sparsest = 256;
    if (handles.size() >= fewest_marked) {
        const std::size_t universe =
            std::size_t{*std::max_element(handles.begin(), handles.end())} + 1;
        if (handles.size() >= universe / sparsest) {
            std::vector<std::uint64_t> marked((universe + 63) / 64, 0);
            for (const auto handle : handles) {
                marked[handle / 64] |= std::uint64_t{1} << (handle % 64);
            }
            handles.clear();
            for (std::size_t word = 0; word < marked.size(); ++word) {
                for (auto bits = marked[word]; bits != 0; bits &= bits - 1) {
                    handles.push_back(static_cast<std::uint32_t>(
                        word * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
                }
            }
            return;
        }
    }
    std::sort(handles.begin(), handles.end());
    handles.erase(std::unique(handles.begin(), handles.end()), handles.end());
}

// Lays the ids of `entities` end to end in `ids`, in order of handle.
template <typename Entity>
void pack_ids(PackedTexts& ids, const std::vector<Entity>& entities) {
    std::size_t bytes = 0;
    for (const Entity& entity : entities) {
        bytes += entity.id.size();
    }
    ids.reserve(entities.size(), bytes);
    for (const Entity& entity : entities) {
        ids.push_back(entity.id);
    }
}

void pack_ids(PackedTexts& ids, const ActionTable& actions) {
    std::size_t bytes = 0;
    for (std::size_t handle = 0; handle < actions.size(); ++handle) {
        bytes += actions.id(handle).size();
    }
    ids.reserve(actions.size(), bytes);
    for (std::size_t handle = 0; handle < actions.size(); ++handle) {
        ids.push_back(actions.id(handle));
    }
}

} // namespace

const Handles& KeyedHandles::find(std::string_view key) const {
    const auto found = entries_.find(key);
    return found == entries_.end() ? no_handles() : found->second;
}

void KeyedHandles::add(std::string_view key, std::uint32_t handle) {
    handles_for(key).push_back(handle);
}

Handles& KeyedHandles::handles_for(std::string_view key) {
    auto found = entries_.find(key);
    if (found == entries_.end()) {
        found = entries_.emplace(std::string(key), Handles{}).first;
    }
    return found->second;
}

std::vector<std::string_view> KeyedHandles::keys() const {
    std::vector<std::string_view> keys;
    keys.reserve(entries_.size());
    for (const auto& [key, unused] : entries_) {
        keys.emplace_back(key);
    }
    return keys;
}

void StoreIndex::Entities::lay_out_ids(const Store& store) {
    pack_ids(action_ids_, store.actions());
    pack_ids(recommendation_ids_, store.recommendations());
    pack_ids(assessment_ids_, store.assessments());
    pack_ids(rating_ids_, store.ratings());
    pack_ids(plan_ids_, store.plans());
}

void StoreIndex::Entities::lay_out_action_texts(const Store& store) {
    const auto& actions = store.actions();
    std::size_t text_bytes = 0;
    for (const ActionView action : actions) {
        text_bytes += action.ref().size() + action.title().size() + action.text().size() + 3;
    }
    action_texts_.reserve(text_bytes);
    action_text_starts_.reserve(actions.size() + 1);
    for (const ActionView action : actions) {
        action_text_starts_.push_back(action_texts_.size());
        for (const std::string_view text : {action.ref(), action.title(), action.text()}) {
            action_texts_ += text;
            action_texts_ += '\0';
        }
    }
    action_text_starts_.push_back(action_texts_.size());
}

void StoreIndex::Entities::find_byte_pairs(const Store& store) {
    const auto& actions = store.actions();
    action_byte_pairs_.reserve(actions.size());
    for (const ActionView action : actions) {
        detail::BytePairs& pairs = action_byte_pairs_.emplace_back();
        for (const std::string_view text : {action.ref(), action.title(), action.text()}) {
            detail::add_byte_pairs(pairs, text);
        }
    }
}

namespace {

// A number no other index built in this process was given: stores are indexed on any thread.
std::uint64_t next_generation() {
    static std::atomic<std::uint64_t> indexes_built{0};
    return indexes_built.fetch_add(1, std::memory_order_relaxed) + 1;
}

// Appends to `actions` the handle of the action of each update from the `actions.size()`th on,
// as `find` gives it for the update's subject: a subject's updates mostly come together, so it
// is asked once for them.
template <typename Find>
void add_actions_of_updates(std::vector<std::uint32_t>& actions, const ProgressLog& progress,
                            Find find) {
    const std::size_t from = actions.size();
    actions.resize(progress.size());
    std::string_view last_subject;
    std::uint32_t last_action = 0;
    for (std::size_t index = from; index < progress.size(); ++index) {
        const std::string_view subject = progress.subject(index);
        if (index == from || subject != last_subject) {
            last_subject = subject;
            last_action = find(last_subject);
        }
        actions[index] = last_action;
    }
}

} // namespace

const std::shared_ptr<const StoreIndex::Entities>& StoreIndex::no_entities() {
    static const std::shared_ptr<const Entities> none = std::make_shared<const Entities>();
    return none;
}

StoreIndex::StoreIndex(const Store& store)
    : generation_(next_generation()) {
    const auto& actions = store.actions();
    // Shared from the start: the updates' part below reads what the entities' part has built
    // by then, while the parts below are built beside it.
    auto built = std::make_shared<Entities>();
    Entities& e = *built;
    entities_ = built;
    e.action_count = actions.size();
    e.plan_count = store.plans().size();
    // The parts that read nothing the rest builds (laying the texts end to end, the dues, the
    // lists by officer and the other collections) are taken, largest first, by a thread beside
    // the rest and, once the rest is done, by this one too. Which of the two is slower varies
    // from load to load: in national loads the parts beside took 0.9-2.3 s and the rest
    // 0.9-1.5 s, so a fixed share left one thread waiting up to 1.4 s (Hotspot 42). The
    // future's destructor waits for the thread, so it ends before this constructor does, even
    // when the rest throws.
    static constexpr std::array<void (Entities::*)(const Store&), 9> beside_parts = {
        &Entities::index_action_lists,   &Entities::find_byte_pairs, &Entities::index_dues,
        &Entities::lay_out_action_texts, &Entities::lay_out_ids,     &Entities::index_ratings,
        &Entities::index_assessments,    &Entities::index_officers,  &Entities::index_plans};
    std::atomic<std::size_t> next_part{0};
    const auto take_parts = [&e, &store, &next_part] {
        for (std::size_t part = next_part.fetch_add(1, std::memory_order_relaxed);
             part < beside_parts.size(); part = next_part.fetch_add(1, std::memory_order_relaxed)) {
            (e.*beside_parts[part])(store);
        }
    };
    constexpr std::size_t actions_worth_a_thread = 16384;
    std::future<void> beside;
    if (actions.size() >= actions_worth_a_thread && std::thread::hardware_concurrency() > 1) {
        beside = std::async(std::launch::async, take_parts);
    } else {
        take_parts();
    }
    detail::IdMap<std::uint32_t> action_handles;
    action_handles.reserve(actions.size());
    // Every section id once, after "", and where each plan's begin; room made once, not plan
    // by plan.
    const auto& plans = store.plans();
    std::size_t section_count = 1;
    std::size_t section_bytes = 0;
    for (const Plan& plan : plans) {
        section_count += plan.sections.size();
        for (const Section& section : plan.sections) {
            section_bytes += section.id.size();
        }
    }
    e.section_ids_.reserve(section_count, section_bytes);
    e.section_ids_.push_back("");
    std::vector<std::uint32_t> first_section_of_plan;
    first_section_of_plan.reserve(plans.size());
    for (const Plan& plan : plans) {
        first_section_of_plan.push_back(static_cast<std::uint32_t>(e.section_ids_.size()));
        for (const Section& section : plan.sections) {
            e.section_ids_.push_back(section.id);
        }
    }
    e.section_of_action_.reserve(actions.size());
    // Consecutive actions mostly share a plan and a section: the plan, the lists they are filed
    // in and the section's place are found once for them (Hotspot 36).
    std::optional<std::string_view> last_plan_id;
    const Plan* last_plan = nullptr;
    Handles* plan_list = nullptr;
    Handles* organisation_list = nullptr;
    std::optional<std::string_view> last_section_id;
    std::vector<Handles*> section_lists; // the section's and those of every section above it
    std::uint32_t section_position = 0;
    e.due_end_.reserve(actions.size());
    for (std::uint32_t handle = 0; handle < actions.size(); ++handle) {
        const ActionView action = actions[handle];
        action_handles.try_emplace(action.id(), handle);
        const bool new_plan = !last_plan_id || *last_plan_id != action.plan();
        if (new_plan) {
            last_plan_id = action.plan();
            last_plan = store.find_plan(action.plan());
            plan_list = &e.actions_in_plan_.handles_for(action.plan());
            organisation_list =
                last_plan == nullptr
                    ? nullptr
                    : &e.actions_of_organisation_.handles_for(last_plan->organisation);
        }
        plan_list->push_back(handle);
        if (organisation_list != nullptr) {
            organisation_list->push_back(handle);
        }
        // An action is in its section and in every section above it; its section's place is
        // that in its plan's sections.
        if (new_plan || !last_section_id || *last_section_id != action.section()) {
            last_section_id = action.section();
            section_lists.clear();
            section_position = action.section().empty() ? 0 : no_handle;
            std::string_view section = action.section();
            for (std::size_t depth = 0; !section.empty() && depth < 64; ++depth) {
                section_lists.push_back(&e.actions_in_section_.handles_for(section));
                const Section* found = store.find_section(section);
                if (depth == 0 && found != nullptr && last_plan != nullptr &&
                    found >= last_plan->sections.data() &&
                    found < last_plan->sections.data() + last_plan->sections.size()) {
                    section_position =
                        first_section_of_plan[static_cast<std::size_t>(last_plan - plans.data())] +
                        static_cast<std::uint32_t>(found - last_plan->sections.data());
                }
                section = found == nullptr ? std::string_view() : std::string_view(found->parent);
            }
        }
        // Each list is another section's: a store holds no section that is its own ancestor.
        for (Handles* list : section_lists) {
            list->push_back(handle);
        }
        e.section_of_action_.push_back(section_position);
        const auto end = action.due_end();
        e.due_end_.push_back(end.value_or(Date(boost::gregorian::not_a_date_time)));
        if (end) {
            e.actions_by_due_.emplace_back(*end, handle);
        }
    }
    std::stable_sort(e.actions_by_due_.begin(), e.actions_by_due_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    // Each action's plan, found once.
    e.plan_of_action_.assign(actions.size(), no_handle);
    for (std::uint32_t handle = 0; handle < actions.size(); ++handle) {
        if (const Plan* plan = store.find_plan(actions.plan(handle))) {
            e.plan_of_action_[handle] = static_cast<std::uint32_t>(plan - plans.data());
        }
    }

    // Each update's action, found by the ids filed above.
    add_actions_of_updates(action_of_update_, store.progress(), [&](std::string_view subject) {
        const std::uint32_t* found = action_handles.find(subject);
        return found == nullptr ? no_handle : *found;
    });
    index_progress(store);

    take_parts();
    if (beside.valid()) {
        beside.get(); // its exception, if it threw
    }
    e.index_recommendations(store);
}

StoreIndex::StoreIndex(const Store& store, const StoreIndex& same_entities)
    : generation_(next_generation())
    , entities_(same_entities.entities_) {
    const auto& actions = store.actions();
    if (actions.size() != entities_->action_count ||
        store.plans().size() != entities_->plan_count) {
        throw std::invalid_argument("StoreIndex: the store's entities are not those the index "
                                    "to share was built from");
    }
    // The actions of the updates the index to share filed are the same; those added since are
    // found by the store's ids, as the entities' part keeps no map of them.
    if (same_entities.action_of_update_.size() > store.progress().size()) {
        throw std::invalid_argument("StoreIndex: the store has fewer progress updates than the "
                                    "index to share filed");
    }
    action_of_update_ = same_entities.action_of_update_;
    add_actions_of_updates(action_of_update_, store.progress(), [&](std::string_view subject) {
        const auto found = store.find_action(subject);
        return found ? found->position() : no_handle;
    });
    index_progress(store);
}

void StoreIndex::index_progress(const Store& store) {
    const auto& subject_of = action_of_update_;
    const auto& actions = store.actions();
    const auto& plans = store.plans();
    const auto& plan_of_action = entities_->plan_of_action_;
    // Every action is not started until an update says otherwise.
    auto& not_started = actions_ever_lifecycle_[static_cast<std::size_t>(Lifecycle::not_started)];
    not_started.resize(actions.size());
    std::iota(not_started.begin(), not_started.end(), std::uint32_t{0});
    // Each plan's vocabulary, found once.
    std::vector<const StatusVocabulary*> words_of_plan(plans.size(), nullptr);
    for (std::uint32_t handle = 0; handle < plans.size(); ++handle) {
        words_of_plan[handle] = store.find_vocabulary(plans[handle].vocabulary);
    }
    // What each update says of lifecycle and health, read through its plan's vocabulary as
    // Store::lifecycle_on reads it, filed by action: counted first, then placed in the order
    // added, then each action's steps put in date order.
    const auto& progress = store.progress();
    step_offsets_.assign(actions.size() + 1, 0);
    for (const std::uint32_t action : subject_of) {
        if (action != no_handle) {
            ++step_offsets_[action + 1];
        }
    }
    for (std::size_t handle = 0; handle < actions.size(); ++handle) {
        step_offsets_[handle + 1] += step_offsets_[handle];
    }
    status_steps_.resize(step_offsets_.back());
    std::vector<std::uint32_t> filled(step_offsets_.begin(), step_offsets_.end() - 1);
    for (std::uint32_t index = 0; index < progress.size(); ++index) {
        const auto action = subject_of[index];
        if (action == no_handle) {
            continue;
        }
        const ProgressUpdateView update = progress[index];
        std::optional<Lifecycle> lifecycle = update.lifecycle;
        std::optional<Health> health = update.health;
        if (!update.status.empty() && plan_of_action[action] != no_handle) {
            const StatusVocabulary* words = words_of_plan[plan_of_action[action]];
            if (const StatusTerm* term =
                    words == nullptr ? nullptr : words->find_term(update.status)) {
                lifecycle = lifecycle.value_or(term->lifecycle);
                health = health ? health : term->health;
            }
        }
        // Most repeats are never added (33 MiB less heap for a national store, Hotspot 42);
        // those that are not in a row go when the lists are made unique below.
        if (lifecycle && *lifecycle != Lifecycle::not_started) {
            add_unless_last(actions_ever_lifecycle_[static_cast<std::size_t>(*lifecycle)], action);
        }
        if (health) {
            add_unless_last(actions_ever_health_[static_cast<std::size_t>(*health)], action);
        }
        StatusStep& step = status_steps_[filled[action]++];
        step.as_of = update.as_of;
        step.recorded = update.recorded_on();
        step.update = index;
        step.lifecycle =
            lifecycle ? static_cast<std::uint8_t>(static_cast<int>(*lifecycle) + 1) : 0;
        step.health = health ? static_cast<std::uint8_t>(static_cast<int>(*health) + 1) : 0;
        step.speaks_of_health = update.health.has_value() || !update.status.empty();
        step.gives_percent = update.percent.has_value();
    }
    for (std::size_t handle = 0; handle < actions.size(); ++handle) {
        // Stable: updates of the same days stay in the order added.
        std::stable_sort(status_steps_.begin() + step_offsets_[handle],
                         status_steps_.begin() + step_offsets_[handle + 1],
                         [](const StatusStep& a, const StatusStep& b) {
                             if (a.as_of != b.as_of) {
                                 return a.as_of < b.as_of;
                             }
                             return a.recorded < b.recorded;
                         });
    }

    index_completion(plans.size());

    for (auto& handles : actions_ever_lifecycle_) {
        sort_unique(handles);
    }
    for (auto& handles : actions_ever_health_) {
        sort_unique(handles);
    }
}

void StoreIndex::Entities::index_recommendations(const Store& store) {
    const auto& recommendations = store.recommendations();
    for (std::uint32_t handle = 0; handle < recommendations.size(); ++handle) {
        recommendations_from_.add(recommendations[handle].source, handle);
        recommendations_tagged_.add(detail::lower_case(recommendations[handle].source_tag), handle);
        const auto& id = recommendations[handle].id;
        recommendation_addressed_.push_back(!actions_addressing_.find(id).empty() ||
                                            !plans_addressing_.find(id).empty());
        if (!recommendation_addressed_.back()) {
            recommendations_not_addressed_.push_back(handle);
        }
    }
}

void StoreIndex::Entities::index_dues(const Store& store) {
    const auto& actions = store.actions();
    // The last days of every action's dues, read once.
    dues_.reserve(actions.size() + 1);
    std::vector<Date> known_from; // one action's revisions' days, reused
    for (const ActionView action : actions) {
        const Date not_a_date(boost::gregorian::not_a_date_time);
        const Date earliest(boost::gregorian::min_date_time);
        const auto original_end = action.original_due_end();
        const auto handle = static_cast<std::uint32_t>(dues_.size());
        const auto revisions = action.due_revisions();
        known_from.clear();
        for (const DueRevision& revision : revisions) {
            revision_days_.push_back({revision.revised_on, last_day(revision.due),
                                      revision.approved_on, !revision.approved_by.empty()});
            known_from.push_back(revision.revised_on.value_or(earliest));
        }
        std::sort(known_from.begin(), known_from.end());
        if (revisions_known_from_.size() < known_from.size()) {
            revisions_known_from_.resize(known_from.size());
        }
        for (std::size_t n = 0; n < known_from.size(); ++n) {
            revisions_known_from_[n].emplace_back(known_from[n], handle);
        }
        dues_.push_back({static_cast<std::uint32_t>(revision_days_.size() - revisions.size()),
                         original_end.value_or(not_a_date),
                         known_from.empty() ? earliest : known_from.back(),
                         action.due_end().value_or(not_a_date)});
        if (!revisions.empty()) {
            revised_actions_.push_back(handle);
        }
    }
    for (auto& entries : revisions_known_from_) {
        std::sort(entries.begin(), entries.end());
    }
    dues_.push_back({static_cast<std::uint32_t>(revision_days_.size()), Date(), Date(), Date()});
}

void StoreIndex::Entities::index_plans(const Store& store) {
    const auto& plans = store.plans();
    for (std::uint32_t handle = 0; handle < plans.size(); ++handle) {
        plans_of_.add(plans[handle].organisation, handle);
        for (const auto& recommendation : plans[handle].addresses) {
            add_once(plans_addressing_, recommendation, handle);
        }
    }
}

void StoreIndex::Entities::index_action_lists(const Store& store) {
    const auto& actions = store.actions();
    for (std::uint32_t handle = 0; handle < actions.size(); ++handle) {
        const ActionView action = actions[handle];
        for (const std::string_view officer : action.leads()) {
            add_once(actions_led_by_, officer, handle);
        }
        for (const std::string_view officer : action.delivery()) {
            add_once(actions_delivered_by_, officer, handle);
        }
        for (const std::string_view tag : action.source_tags()) {
            add_once(actions_tagged_, detail::lower_case(tag), handle);
        }
        for (const std::string_view recommendation : action.addresses()) {
            add_once(actions_addressing_, recommendation, handle);
        }
    }
}

void StoreIndex::Entities::index_officers(const Store& store) {
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
}

void StoreIndex::Entities::index_assessments(const Store& store) {
    const auto& assessments = store.assessments();
    struct ScheduledPeriod {
        Date start;
        Date end;
        std::uint32_t handle;
    };
    std::vector<ScheduledPeriod> scheduled_periods;
    for (std::uint32_t handle = 0; handle < assessments.size(); ++handle) {
        assessments_of_.add(assessments[handle].subject, handle);
        if (const auto& scheduled = assessments[handle].scheduled) {
            for (const Period& period : scheduled->periods) {
                scheduled_periods.push_back({period.start(), period.end(), handle});
            }
        }
        for (const auto& assessor : assessments[handle].assessors) {
            add_once(assessments_by_, assessor, handle);
        }
    }
    std::stable_sort(scheduled_periods.begin(), scheduled_periods.end(),
                     [](const auto& a, const auto& b) { return a.start < b.start; });
    assessment_period_starts_.reserve(scheduled_periods.size());
    assessment_period_ends_.reserve(scheduled_periods.size());
    for (const auto& period : scheduled_periods) {
        assessment_period_starts_.emplace_back(period.start, period.handle);
        assessment_period_ends_.push_back(period.end);
    }
}

void StoreIndex::Entities::index_ratings(const Store& store) {
    const auto& ratings = store.ratings();
    for (std::uint32_t handle = 0; handle < ratings.size(); ++handle) {
        const Rating& rating = ratings[handle];
        ratings_of_.add(rating.subject, handle);
        ratings_on_.add(rating.scale, handle);
        with_rating_pair_key(rating.subject, rating.scale, [&](std::string_view key) {
            auto found = rating_histories_.find(key);
            if (found == rating_histories_.end()) {
                found =
                    rating_histories_.emplace(std::string(key), std::vector<std::uint32_t>{}).first;
            }
            found->second.push_back(handle);
        });
    }
    for (auto& [key, history] : rating_histories_) {
        // Stable: ratings of the same day, and the undated, stay in the order added.
        std::stable_sort(history.begin(), history.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto& first = ratings[a].date;
            const auto& second = ratings[b].date;
            if (first.has_value() != second.has_value()) {
                return first.has_value();
            }
            return first && *first < *second;
        });
    }
}

const Handles& StoreIndex::actions_in_plan(std::string_view plan) const {
    return entities_->actions_in_plan_.find(plan);
}
const Handles& StoreIndex::actions_of_organisation(std::string_view organisation) const {
    return entities_->actions_of_organisation_.find(organisation);
}
const Handles& StoreIndex::actions_in_section(std::string_view section) const {
    return entities_->actions_in_section_.find(section);
}
const Handles& StoreIndex::actions_led_by(std::string_view officer) const {
    return entities_->actions_led_by_.find(officer);
}
const Handles& StoreIndex::actions_delivered_by(std::string_view officer) const {
    return entities_->actions_delivered_by_.find(officer);
}
const Handles& StoreIndex::actions_tagged(std::string_view tag) const {
    return entities_->actions_tagged_.find(detail::lower_case(tag));
}
const Handles& StoreIndex::actions_addressing(std::string_view recommendation) const {
    return entities_->actions_addressing_.find(recommendation);
}
const Handles& StoreIndex::plans_addressing(std::string_view recommendation) const {
    return entities_->plans_addressing_.find(recommendation);
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
    sort_unique(handles);
    return handles;
}

Handles StoreIndex::actions_due_within(std::optional<Date> from, std::optional<Date> to) const {
    return handles_within(entities_->actions_by_due_, from, to);
}

std::size_t StoreIndex::count_actions_due_within(std::optional<Date> from,
                                                 std::optional<Date> to) const {
    const auto [first, last] = day_range(entities_->actions_by_due_, from, to);
    return static_cast<std::size_t>(last - first);
}

const KeyedHandles& StoreIndex::assessments_of_each_subject() const {
    return entities_->assessments_of_;
}

const KeyedHandles& StoreIndex::assessments_by_each_assessor() const {
    return entities_->assessments_by_;
}

Handles StoreIndex::assessments_scheduled_within(std::optional<Date> from, Date to) const {
    // A period within [from, to] starts within it; of those, the ones ending by `to` are in.
    const auto [first, last] = day_range(entities_->assessment_period_starts_, from, to);
    Handles handles;
    for (auto it = first; it != last; ++it) {
        const auto position =
            static_cast<std::size_t>(it - entities_->assessment_period_starts_.begin());
        if (!(to < entities_->assessment_period_ends_[position])) {
            handles.push_back(it->second);
        }
    }
    sort_unique(handles);
    return handles;
}

std::size_t StoreIndex::count_periods_starting_within(std::optional<Date> from,
                                                      std::optional<Date> to) const {
    const auto [first, last] = day_range(entities_->assessment_period_starts_, from, to);
    return static_cast<std::size_t>(last - first);
}

const std::vector<std::pair<Date, std::uint32_t>>& StoreIndex::actions_by_due() const {
    return entities_->actions_by_due_;
}

namespace {

// The actions from `first` to `last` (not included) whose texts hold `words`, found by one scan
// of their texts: `texts` is every action's texts end to end, action i's starting at starts[i]
// (starts[i + 1] ends them).
Handles scan_actions_among(std::string_view texts, std::span<const std::size_t> starts,
                           std::string_view words, std::uint32_t first, std::uint32_t last) {
    Handles found;
    const std::string_view among = texts.substr(0, starts[last]);
    // The first start after the latest match. Matches come in order, so each is looked for
    // forward from the one before, by steps that double (then halving between the last two):
    // every start before `after` is at or before the match.
    auto after = starts.begin() + first + 1;
    const auto end = starts.begin() + last + 1;
    std::size_t at = starts[first];
    while (at < among.size() &&
           (at = detail::find_ignoring_case(among, words, at)) != std::string_view::npos) {
        std::ptrdiff_t step = 1;
        auto probe = after;
        while (probe != end && *probe <= at) {
            after = probe + 1;
            probe = end - after > step ? after + step : end;
            step *= 2;
        }
        after = std::upper_bound(after, probe, at);
        const auto handle = static_cast<std::uint32_t>(after - starts.begin() - 1);
        found.push_back(handle);
        at = starts[handle + 1];
    }
    return found;
}

// The same actions, found from each action's set of byte pairs (`pairs`): only the texts of the
// actions whose sets have every pair of the words are read. When more than a quarter of the
// actions' sets have them (words as short and common as 'the': 85 % at medium scale), reading
// every text in one scan is quicker, and the search turns to that as soon as it knows.
Handles actions_containing_among(std::string_view texts, std::span<const std::size_t> starts,
                                 std::span<const detail::BytePairs> pairs, std::string_view words,
                                 std::uint32_t first, std::uint32_t last) {
    detail::BytePairs wanted{};
    detail::add_byte_pairs(wanted, words);
    if (wanted == detail::BytePairs{}) {
        return scan_actions_among(texts, starts, words, first, last);
    }
    Handles maybe;
    const std::size_t most = (last - first) / 4;
    for (std::uint32_t action = first; action < last; ++action) {
        if (detail::may_hold(pairs[action], wanted)) {
            if (maybe.size() == most) {
                return scan_actions_among(texts, starts, words, first, last);
            }
            maybe.push_back(action);
        }
    }
    Handles found;
    // The texts are scattered among the others': each start and text is asked for ahead, the
    // start first, so that reading one does not wait on memory. Asked 8 places ahead, the
    // national search for 'recycling' took 1.3-1.6 ms; 32 ahead, 1.1-1.2.
    constexpr std::size_t text_ahead = 32;
    constexpr std::size_t start_ahead = 2 * text_ahead;
    for (std::size_t i = 0; i < maybe.size(); ++i) {
        if (i + start_ahead < maybe.size()) {
            detail::prefetch(&starts[maybe[i + start_ahead]]);
        }
        if (i + text_ahead < maybe.size()) {
            detail::prefetch(texts.data() + starts[maybe[i + text_ahead]]);
        }
        const std::uint32_t action = maybe[i];
        const auto text = texts.substr(starts[action], starts[action + 1] - starts[action]);
        if (detail::find_ignoring_case(text, words) != std::string_view::npos) {
            found.push_back(action);
        }
    }
    return found;
}

} // namespace

std::optional<Handles> StoreIndex::actions_containing(std::string_view words) const {
    if (words.find('\0') != std::string_view::npos) {
        return std::nullopt;
    }
    const auto actions = static_cast<std::uint32_t>(entities_->action_text_starts_.size() - 1);
    // Long texts are read in parts at once, one per core up to four, each of at least 16 MB:
    // a part's scan is bound by how fast one core reads memory.
    constexpr std::size_t part_bytes_at_least = std::size_t{16} << 20U;
    const std::size_t cores = std::max(1U, std::min(4U, std::thread::hardware_concurrency()));
    const std::size_t parts = std::max<std::size_t>(
        1, std::min(cores, entities_->action_texts_.size() / part_bytes_at_least));
    // Each part ends at the first action starting at or after its share of the bytes.
    std::vector<std::uint32_t> bounds{0};
    for (std::size_t part = 1; part < parts; ++part) {
        const auto share = entities_->action_texts_.size() * part / parts;
        const auto start = std::lower_bound(entities_->action_text_starts_.begin(),
                                            entities_->action_text_starts_.end() - 1, share);
        bounds.push_back(
            static_cast<std::uint32_t>(start - entities_->action_text_starts_.begin()));
    }
    bounds.push_back(actions);
    const auto among = [&](std::size_t part) {
        return actions_containing_among(entities_->action_texts_, entities_->action_text_starts_,
                                        entities_->action_byte_pairs_, words, bounds[part],
                                        bounds[part + 1]);
    };
    // The other parts on threads of their own; a future's destructor waits for its thread, so
    // none outlives this call, even when the first part throws.
    std::vector<std::future<Handles>> others;
    for (std::size_t part = 1; part < parts; ++part) {
        others.push_back(std::async(std::launch::async, among, part));
    }
    Handles found = among(0);
    for (auto& other : others) {
        const Handles more = other.get();
        found.insert(found.end(), more.begin(), more.end());
    }
    return found;
}

std::vector<std::string> StoreIndex::officers_named(std::string_view name) const {
    const auto found = entities_->officers_by_name_.find(detail::lower_case(name));
    return found == entities_->officers_by_name_.end() ? std::vector<std::string>{} : found->second;
}

const Handles& StoreIndex::recommendations_from(std::string_view assessment) const {
    return entities_->recommendations_from_.find(assessment);
}
const Handles& StoreIndex::recommendations_tagged(std::string_view tag) const {
    return entities_->recommendations_tagged_.find(detail::lower_case(tag));
}
const Handles& StoreIndex::assessments_of(std::string_view subject) const {
    return entities_->assessments_of_.find(subject);
}
const Handles& StoreIndex::assessments_by(std::string_view assessor) const {
    return entities_->assessments_by_.find(assessor);
}
const Handles& StoreIndex::ratings_of(std::string_view subject) const {
    return entities_->ratings_of_.find(subject);
}
const Handles& StoreIndex::ratings_on(std::string_view scale) const {
    return entities_->ratings_on_.find(scale);
}
std::span<const std::uint32_t> StoreIndex::rating_history(std::string_view subject,
                                                          std::string_view scale) const {
    return with_rating_pair_key(subject, scale, [&](std::string_view key) {
        const auto found = entities_->rating_histories_.find(key);
        return found == entities_->rating_histories_.end()
                   ? std::span<const std::uint32_t>()
                   : std::span<const std::uint32_t>(found->second);
    });
}
const Handles& StoreIndex::plans_of(std::string_view organisation) const {
    return entities_->plans_of_.find(organisation);
}

std::optional<std::string_view> StoreIndex::section_of_action(std::uint32_t action) const {
    const auto section = section_position(action);
    return section ? std::optional(entities_->section_ids_[*section]) : std::nullopt;
}

std::optional<std::uint32_t> StoreIndex::plan_of_action(std::uint32_t action) const {
    const auto plan = entities_->plan_of_action_.at(action);
    return plan == no_handle ? std::nullopt : std::optional<std::uint32_t>(plan);
}

std::span<const StoreIndex::StatusStep> StoreIndex::steps_of(std::uint32_t action) const {
    const auto first = step_offsets_.at(action);
    return {status_steps_.data() + first, step_offsets_[action + 1] - first};
}

template <typename Visit>
void StoreIndex::visit_known_on(std::uint32_t action, Date day, Visit visit) const {
    const auto steps = steps_of(action);
    // Steps are in as_of order: those after the day are skipped at once.
    auto it = std::upper_bound(steps.begin(), steps.end(), day,
                               [](Date d, const StatusStep& step) { return d < step.as_of; });
    while (it != steps.begin()) {
        --it;
        if (day < it->recorded) {
            continue;
        }
        if (visit(*it)) {
            return;
        }
    }
}

Lifecycle StoreIndex::lifecycle_on(std::uint32_t action, Date day) const {
    Lifecycle lifecycle = Lifecycle::not_started;
    visit_known_on(action, day, [&](const StatusStep& step) {
        if (step.lifecycle == 0) {
            return false;
        }
        lifecycle = static_cast<Lifecycle>(step.lifecycle - 1);
        return true;
    });
    return lifecycle;
}

std::optional<Health> StoreIndex::health_on(std::uint32_t action, Date day) const {
    std::optional<Health> health;
    visit_known_on(action, day, [&](const StatusStep& step) {
        if (!step.speaks_of_health) {
            return false;
        }
        if (step.health != 0) {
            health = static_cast<Health>(step.health - 1);
        }
        return true;
    });
    return health;
}

std::optional<std::uint32_t> StoreIndex::percent_update_on(std::uint32_t action, Date day) const {
    std::optional<std::uint32_t> update;
    visit_known_on(action, day, [&](const StatusStep& step) {
        if (step.gives_percent) {
            update = step.update;
        }
        return step.gives_percent;
    });
    return update;
}

void StoreIndex::index_completion(std::size_t plan_count) {
    // Each action's completion begins (+1) or ends (-1) on some days; filed by plan.
    struct Change {
        std::uint32_t plan;
        Date day;
        std::int32_t step;
    };
    std::vector<Change> changes;
    action_count_of_plan_.assign(plan_count, 0);
    // The steps of one action that give a lifecycle: the day each is known (as_of or recorded,
    // whichever is later) and its place in date order.
    std::vector<std::pair<Date, std::uint32_t>> known;
    const auto action_count = static_cast<std::uint32_t>(entities_->plan_of_action_.size());
    for (std::uint32_t action = 0; action < action_count; ++action) {
        const std::uint32_t plan = entities_->plan_of_action_[action];
        if (plan == no_handle) {
            actions_without_plan_.push_back(action);
            continue;
        }
        ++action_count_of_plan_[plan];
        const auto steps = steps_of(action);
        known.clear();
        for (std::uint32_t place = 0; place < steps.size(); ++place) {
            if (steps[place].lifecycle != 0) {
                known.emplace_back(std::max(steps[place].as_of, steps[place].recorded), place);
            }
        }
        // Usually already in order: updates are mostly recorded in the order they speak of.
        if (!std::is_sorted(known.begin(), known.end())) {
            std::sort(known.begin(), known.end());
        }
        // On a day, lifecycle_on reads the known step latest in date order: the greatest place
        // among those known by then.
        bool completed = false;
        std::uint32_t latest = 0;
        for (std::size_t next = 0; next < known.size();) {
            const Date day = known[next].first;
            for (; next < known.size() && known[next].first == day; ++next) {
                latest = std::max(latest, known[next].second);
            }
            const bool now = steps[latest].lifecycle ==
                             static_cast<std::uint8_t>(static_cast<int>(Lifecycle::completed) + 1);
            if (now != completed) {
                changes.push_back({plan, day, now ? 1 : -1});
                completed = now;
            }
        }
    }
    // Placed by plan (counted first), then each plan's put in order of day and summed.
    completion_offsets_.assign(plan_count + 1, 0);
    for (const Change& change : changes) {
        ++completion_offsets_[change.plan + 1];
    }
    for (std::size_t plan = 0; plan < plan_count; ++plan) {
        completion_offsets_[plan + 1] += completion_offsets_[plan];
    }
    std::vector<std::pair<Date, std::int32_t>> placed(changes.size());
    std::vector<std::uint32_t> filled(completion_offsets_.begin(), completion_offsets_.end() - 1);
    for (const Change& change : changes) {
        placed[filled[change.plan]++] = {change.day, change.step};
    }
    completion_changes_.reserve(placed.size());
    for (std::size_t plan = 0; plan < plan_count; ++plan) {
        const auto first = placed.begin() + completion_offsets_[plan];
        const auto last = placed.begin() + completion_offsets_[plan + 1];
        std::sort(first, last, [](const auto& a, const auto& b) { return a.first < b.first; });
        // The plan's changes now begin where those kept so far end; a day's changes are one.
        completion_offsets_[plan] = static_cast<std::uint32_t>(completion_changes_.size());
        std::int64_t completed = 0;
        for (auto it = first; it != last; ++it) {
            completed += it->second;
            if (std::next(it) != last && std::next(it)->first == it->first) {
                continue;
            }
            completion_changes_.push_back({it->first, static_cast<std::uint32_t>(completed)});
        }
    }
    completion_offsets_[plan_count] = static_cast<std::uint32_t>(completion_changes_.size());
}

std::size_t StoreIndex::action_count_of_plan(std::uint32_t plan) const {
    return action_count_of_plan_.at(plan);
}

std::size_t StoreIndex::completed_in_plan_on(std::uint32_t plan, Date day) const {
    const auto first = completion_changes_.begin() + completion_offsets_.at(plan);
    const auto last = completion_changes_.begin() + completion_offsets_.at(plan + 1);
    const auto after = std::upper_bound(
        first, last, day, [](Date d, const CompletionChange& change) { return d < change.day; });
    return after == first ? 0 : std::prev(after)->completed;
}

const Handles& StoreIndex::actions_without_plan() const {
    return actions_without_plan_;
}

const Handles& StoreIndex::revised_actions() const {
    return entities_->revised_actions_;
}

const StoreIndex::DayEntries& StoreIndex::revisions_known_from(std::size_t revisions, Date day,
                                                               const char* asker) const {
    if (revisions == 0 || day.is_special()) {
        throw std::invalid_argument(std::string("StoreIndex::") + asker +
                                    ": at least one revision, on a date");
    }
    static const DayEntries none;
    return revisions > entities_->revisions_known_from_.size()
               ? none
               : entities_->revisions_known_from_[revisions - 1];
}

Handles StoreIndex::actions_with_revisions_known_on(std::size_t revisions, Date day) const {
    return handles_within(revisions_known_from(revisions, day, "actions_with_revisions_known_on"),
                          std::nullopt, day);
}

std::size_t StoreIndex::count_actions_with_revisions_known_on(std::size_t revisions,
                                                              Date day) const {
    const auto [first, last] =
        day_range(revisions_known_from(revisions, day, "count_actions_with_revisions_known_on"),
                  std::nullopt, day);
    return static_cast<std::size_t>(last - first);
}

bool StoreIndex::is_addressed(std::uint32_t recommendation) const {
    return entities_->recommendation_addressed_.at(recommendation);
}

const Handles& StoreIndex::recommendations_not_addressed() const {
    return entities_->recommendations_not_addressed_;
}

} // namespace bestvalue
