#include <algorithm>
#include <cctype>

#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/query/action_query.hpp>

namespace bestvalue {

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool contains_ignoring_case(std::string_view text, std::string_view words) {
    if (words.empty()) {
        return true;
    }
    const auto found =
        std::search(text.begin(), text.end(), words.begin(), words.end(), [](char x, char y) {
            return std::tolower(static_cast<unsigned char>(x)) ==
                   std::tolower(static_cast<unsigned char>(y));
        });
    return found != text.end();
}

// Compares text with runs of digits compared as numbers, so refs order 3.2 before 3.10.
bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i_end = i;
            std::size_t j_end = j;
            while (i_end < a.size() && digit(a[i_end])) {
                ++i_end;
            }
            while (j_end < b.size() && digit(b[j_end])) {
                ++j_end;
            }
            const auto left = a.substr(i, i_end - i);
            const auto right = b.substr(j, j_end - j);
            // Longer runs (without leading zeros) are larger numbers.
            const auto left_trimmed =
                left.substr(std::min(left.find_first_not_of('0'), left.size()));
            const auto right_trimmed =
                right.substr(std::min(right.find_first_not_of('0'), right.size()));
            if (left_trimmed.size() != right_trimmed.size()) {
                return left_trimmed.size() < right_trimmed.size();
            }
            if (left_trimmed != right_trimmed) {
                return left_trimmed < right_trimmed;
            }
            i = i_end;
            j = j_end;
            continue;
        }
        if (a[i] != b[j]) {
            return a[i] < b[j];
        }
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

bool is_closed(Lifecycle lifecycle) {
    return lifecycle == Lifecycle::completed || lifecycle == Lifecycle::cancelled ||
           lifecycle == Lifecycle::superseded;
}

} // namespace

bool officer_matches(const Store& store, std::string_view officer, std::string_view name) {
    if (equal_ignoring_case(officer, name)) {
        return true;
    }
    const Officer* found = store.find_officer(officer);
    if (found == nullptr) {
        return false;
    }
    if (equal_ignoring_case(found->abbreviation, name) || equal_ignoring_case(found->post, name)) {
        return true;
    }
    return std::any_of(found->holders.begin(), found->holders.end(), [&](const PostHolder& holder) {
        return equal_ignoring_case(holder.name, name);
    });
}

namespace action_filters {

ActionFilter in_plan(std::string plan) {
    return [plan = std::move(plan)](const Action& action) { return action.plan == plan; };
}

ActionFilter in_organisation(const Store& store, std::string organisation) {
    return [&store, organisation = std::move(organisation)](const Action& action) {
        const Plan* plan = store.find_plan(action.plan);
        return plan != nullptr && plan->organisation == organisation;
    };
}

ActionFilter in_section(const Store& store, std::string section) {
    return [&store, section = std::move(section)](const Action& action) {
        // Walk up from the action's section: it is in the subtree if it meets `section`.
        std::string current = action.section;
        for (std::size_t depth = 0; !current.empty() && depth < 64; ++depth) {
            if (current == section) {
                return true;
            }
            const Section* found = store.find_section(current);
            current = found == nullptr ? std::string() : found->parent;
        }
        return false;
    };
}

namespace {

ActionFilter any_officer(const Store& store, std::string name,
                         std::vector<std::string> Action::*officers) {
    return [&store, name = std::move(name), officers](const Action& action) {
        const auto& ids = action.*officers;
        return std::any_of(ids.begin(), ids.end(), [&](const std::string& officer) {
            return officer_matches(store, officer, name);
        });
    };
}

} // namespace

ActionFilter led_by(const Store& store, std::string officer) {
    return any_officer(store, std::move(officer), &Action::leads);
}

ActionFilter delivered_by(const Store& store, std::string officer) {
    return any_officer(store, std::move(officer), &Action::delivery);
}

ActionFilter with_lifecycle(const Store& store, Lifecycle lifecycle, Date day) {
    return [&store, lifecycle, day](const Action& action) {
        return store.lifecycle_on(action.id, day) == lifecycle;
    };
}

ActionFilter with_health(const Store& store, std::optional<Health> health, Date day) {
    return [&store, health, day](const Action& action) {
        return store.health_on(action.id, day) == health;
    };
}

ActionFilter open_on(const Store& store, Date day) {
    return [&store, day](const Action& action) {
        return !is_closed(store.lifecycle_on(action.id, day));
    };
}

ActionFilter overdue_on(const Store& store, Date day) {
    return [&store, day](const Action& action) { return store.is_overdue_on(action, day); };
}

ActionFilter due_compared(Date day, std::function<bool(int)> compare) {
    return [day, compare = std::move(compare)](const Action& action) {
        const auto end = action.due_end();
        if (!end) {
            return false; // no readable due: neither before nor after any day
        }
        return compare(*end < day ? -1 : day < *end ? 1 : 0);
    };
}

ActionFilter due_within(Period period) {
    return [period = std::move(period)](const Action& action) {
        const auto end = action.due_end();
        return end && period.contains(*end);
    };
}

ActionFilter tagged(std::string source_tag) {
    return [tag = std::move(source_tag)](const Action& action) {
        return std::any_of(action.source_tags.begin(), action.source_tags.end(),
                           [&](const std::string& t) { return equal_ignoring_case(t, tag); });
    };
}

ActionFilter addressing(std::string recommendation) {
    return [id = std::move(recommendation)](const Action& action) {
        return std::find(action.addresses.begin(), action.addresses.end(), id) !=
               action.addresses.end();
    };
}

ActionFilter text_contains(std::string words) {
    return [words = std::move(words)](const Action& action) {
        return contains_ignoring_case(action.ref, words) ||
               contains_ignoring_case(action.title, words) ||
               contains_ignoring_case(action.text, words);
    };
}

ActionFilter public_only() {
    return [](const Action& action) { return action.visibility == Visibility::public_; };
}

} // namespace action_filters

ActionQuery::ActionQuery(const Store& store)
    : store_(&store) {}

ActionQuery& ActionQuery::where(ActionFilter filter) {
    filters_.push_back(std::move(filter));
    return *this;
}

ActionQuery& ActionQuery::in_plan(std::string_view plan) {
    return where(action_filters::in_plan(std::string(plan)));
}
ActionQuery& ActionQuery::in_organisation(std::string_view organisation) {
    return where(action_filters::in_organisation(*store_, std::string(organisation)));
}
ActionQuery& ActionQuery::in_section(std::string_view section) {
    return where(action_filters::in_section(*store_, std::string(section)));
}
ActionQuery& ActionQuery::led_by(std::string_view officer) {
    return where(action_filters::led_by(*store_, std::string(officer)));
}
ActionQuery& ActionQuery::delivered_by(std::string_view officer) {
    return where(action_filters::delivered_by(*store_, std::string(officer)));
}
ActionQuery& ActionQuery::with_lifecycle(Lifecycle lifecycle, Date day) {
    return where(action_filters::with_lifecycle(*store_, lifecycle, day));
}
ActionQuery& ActionQuery::with_health(std::optional<Health> health, Date day) {
    return where(action_filters::with_health(*store_, health, day));
}
ActionQuery& ActionQuery::open_on(Date day) {
    return where(action_filters::open_on(*store_, day));
}
ActionQuery& ActionQuery::overdue_on(Date day) {
    return where(action_filters::overdue_on(*store_, day));
}
ActionQuery& ActionQuery::due_before(Date day) {
    return where(action_filters::due_compared(day, [](int order) { return order < 0; }));
}
ActionQuery& ActionQuery::due_after(Date day) {
    return where(action_filters::due_compared(day, [](int order) { return order > 0; }));
}
ActionQuery& ActionQuery::due_within(const Period& period) {
    return where(action_filters::due_within(period));
}
ActionQuery& ActionQuery::tagged(std::string_view source_tag) {
    return where(action_filters::tagged(std::string(source_tag)));
}
ActionQuery& ActionQuery::addressing(std::string_view recommendation) {
    return where(action_filters::addressing(std::string(recommendation)));
}
ActionQuery& ActionQuery::text_contains(std::string_view words) {
    return where(action_filters::text_contains(std::string(words)));
}
ActionQuery& ActionQuery::public_only() {
    return where(action_filters::public_only());
}

ActionQuery& ActionQuery::order_by(ActionField field, bool descending, std::optional<Date> day) {
    order_ = Order{field, descending, day.value_or(boost::gregorian::day_clock::local_day())};
    return *this;
}

ActionQuery& ActionQuery::limit(std::size_t count, std::size_t offset) {
    limit_ = count;
    offset_ = offset;
    return *this;
}

bool ActionQuery::matches(const Action& action) const {
    return std::all_of(filters_.begin(), filters_.end(),
                       [&](const auto& filter) { return filter(action); });
}

std::vector<std::string> ActionQuery::values_of(const Action& action, ActionField field,
                                                Date day) const {
    switch (field) {
    case ActionField::plan:
        return {action.plan};
    case ActionField::section:
        return {action.section};
    case ActionField::ref:
        return {action.ref};
    case ActionField::lead:
        return action.leads.empty() ? std::vector<std::string>{""} : action.leads;
    case ActionField::due: {
        const auto end = action.due_end();
        return {end ? to_iso(*end) : ""};
    }
    case ActionField::lifecycle:
        return {std::string(to_name(store_->lifecycle_on(action.id, day)))};
    case ActionField::health: {
        const auto health = store_->health_on(action.id, day);
        return {health ? std::string(to_name(*health)) : ""};
    }
    case ActionField::due_quarter: {
        const auto end = action.due_end();
        return {end ? FinancialQuarter::containing(*end).label() : ""};
    }
    }
    return {""};
}

std::vector<const Action*> ActionQuery::run() const {
    std::vector<const Action*> found;
    for (const auto& action : store_->actions()) {
        if (matches(action)) {
            found.push_back(&action);
        }
    }
    if (order_) {
        const auto key = [&](const Action* action) {
            const auto values = values_of(*action, order_->field, order_->day);
            return values.front();
        };
        std::vector<std::pair<std::string, const Action*>> keyed;
        keyed.reserve(found.size());
        for (const Action* action : found) {
            keyed.emplace_back(key(action), action);
        }
        // Empty values (no due, no health) go last whichever way the order runs.
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
            if (a.first.empty() != b.first.empty()) {
                return b.first.empty();
            }
            return order_->descending ? natural_less(b.first, a.first)
                                      : natural_less(a.first, b.first);
        });
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            found[i] = keyed[i].second;
        }
    }
    if (offset_ >= found.size()) {
        return {};
    }
    found.erase(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(offset_));
    if (found.size() > limit_) {
        found.resize(limit_);
    }
    return found;
}

std::size_t ActionQuery::count() const {
    return static_cast<std::size_t>(
        std::count_if(store_->actions().begin(), store_->actions().end(),
                      [&](const Action& action) { return matches(action); }));
}

std::map<std::string, std::size_t> ActionQuery::count_by(ActionField field, Date day) const {
    std::map<std::string, std::size_t> counts;
    for (const auto& action : store_->actions()) {
        if (matches(action)) {
            for (const auto& value : values_of(action, field, day)) {
                ++counts[value];
            }
        }
    }
    return counts;
}

} // namespace bestvalue
