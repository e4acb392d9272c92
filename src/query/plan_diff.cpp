#include <functional>
#include <map>
#include <optional>
#include <type_traits>
#include <unordered_map>

#include <bestvalue/query/plan_diff.hpp>

namespace bestvalue {

namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) {
            out += separator;
        }
        out += item;
    }
    return out;
}

// At most `limit` characters (code points, not bytes), cut at the last whole word and ending in
// '…' when shortened, so a long title or text still reads in one line of the record.
std::string shortened(std::string_view text, std::size_t limit) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0U) == 0x80U) { // not the first byte of a character
            continue;
        }
        if (characters == limit) {
            auto cut = text.substr(0, i);
            const auto space = cut.rfind(' ');
            if (text[i] != ' ' && space != std::string_view::npos) {
                cut = cut.substr(0, space);
            }
            while (!cut.empty() &&
                   std::string_view(" ,;:").find(cut.back()) != std::string_view::npos) {
                cut.remove_suffix(1);
            }
            return std::string(cut) + "…";
        }
        ++characters;
    }
    return std::string(text);
}

// One version of the plan: its store, the plan, its sections and actions in order.
struct Side {
    const Store* store;
    const Plan* plan;
    // The plan's actions, as values: the store keeps its actions compactly.
    std::vector<Action> action_values;
    std::vector<const Action*> actions;
    std::unordered_map<std::string_view, const Section*> sections;

    Side(const Store& in, std::string_view id)
        : store(&in)
        , plan(&in.get_plan(id)) {
        for (const ActionView action : in.actions()) {
            if (action.plan() == plan->id) {
                action_values.push_back(action.value());
            }
        }
        for (const Action& action : action_values) {
            actions.push_back(&action);
        }
        for (const Section& section : plan->sections) {
            sections.emplace(section.id, &section);
        }
    }

    // A section as the record names it: its ref, else its title (its id if not in the plan).
    [[nodiscard]] std::string section_name(std::string_view id) const {
        const auto found = sections.find(id);
        if (found == sections.end()) {
            return std::string(id);
        }
        return found->second->ref.empty() ? found->second->title : found->second->ref;
    }

    [[nodiscard]] std::string officer_name(const std::string& id) const {
        const Officer* officer = store->find_officer(id);
        if (officer == nullptr) {
            return id;
        }
        if (!officer->abbreviation.empty()) {
            return officer->abbreviation;
        }
        if (!officer->post.empty()) {
            return officer->post;
        }
        if (!officer->holders.empty() && !officer->holders.front().name.empty()) {
            return officer->holders.front().name;
        }
        return id;
    }

    [[nodiscard]] std::string officers(const std::vector<std::string>& ids) const {
        std::vector<std::string> names;
        names.reserve(ids.size());
        for (const auto& id : ids) {
            names.push_back(officer_name(id));
        }
        return joined(names, ", ");
    }
};

std::string date_text(const std::optional<DateText>& due) {
    return due ? due->text : std::string();
}

std::string date_string(const std::optional<Date>& day) {
    return day ? to_iso(*day) : std::string();
}

std::string revisions(const std::vector<DueRevision>& revisions) {
    std::vector<std::string> items;
    for (const auto& revision : revisions) {
        std::string item = revision.due.text;
        if (revision.revised_on) {
            item += " on " + to_iso(*revision.revised_on);
        }
        if (!revision.reason.empty()) {
            item += ": " + revision.reason;
        }
        if (!revision.approved_by.empty() || revision.approved_on) {
            item += " (approved";
            item += revision.approved_by.empty() ? "" : " by " + revision.approved_by;
            item += revision.approved_on ? " on " + to_iso(*revision.approved_on) : "";
            item += ")";
        }
        items.push_back(std::move(item));
    }
    return joined(items, "; ");
}

std::string milestones(const Side& side, const std::vector<Milestone>& milestones) {
    std::vector<std::string> items;
    for (const auto& milestone : milestones) {
        std::vector<std::string> details;
        if (milestone.due) {
            details.push_back(milestone.due->text);
        }
        if (!milestone.leads.empty()) {
            details.push_back(side.officers(milestone.leads));
        }
        items.push_back(milestone.title +
                        (details.empty() ? std::string() : " (" + joined(details, "; ") + ")"));
    }
    return joined(items, "; ");
}

std::string ict(const std::optional<IctRequirement>& requirement) {
    if (!requirement) {
        return {};
    }
    std::string answer;
    if (requirement->required) {
        answer = *requirement->required ? "Y" : "N";
    }
    if (requirement->text.empty()) {
        return answer;
    }
    return answer.empty() ? requirement->text : requirement->text + " (" + answer + ")";
}

std::string targets(const std::vector<PlanTarget>& targets) {
    std::vector<std::string> items;
    for (const auto& target : targets) {
        std::string item = target.text;
        if (!target.level.empty()) {
            item += " [" + target.scale + " " + target.level + "]";
        }
        if (target.due) {
            item += " (" + target.due->text + ")";
        }
        items.push_back(std::move(item));
    }
    return joined(items, "; ");
}

std::string legend(const std::vector<LegendEntry>& legend) {
    std::vector<std::string> items;
    for (const auto& entry : legend) {
        items.push_back(entry.abbreviation + " = " + entry.meaning);
    }
    return joined(items, "; ");
}

// Each comparable field of an entity, as text, in the order they are reported.
using Fields = std::vector<std::pair<std::string_view, std::string>>;

Fields plan_fields(const Plan& plan) {
    return {
        {"title", plan.title},
        {"organisation", plan.organisation},
        {"kind", std::string(to_name(plan.kind))},
        {"status", plan.status ? std::string(to_name(*plan.status)) : std::string()},
        {"adopted", date_string(plan.adopted)},
        {"horizon", date_text(plan.horizon)},
        {"cadence", plan.cadence},
        {"audience", plan.audience},
        {"scope", plan.scope},
        {"vocabulary", plan.vocabulary},
        {"targets", targets(plan.targets)},
        {"legend", legend(plan.legend)},
        {"addresses", joined(plan.addresses, ", ")},
        {"visibility", std::string(to_name(plan.visibility))},
    };
}

Fields section_fields(const Side& side, const Section& section) {
    return {
        {"ref", section.ref},
        {"title", section.title},
        {"objective", section.objective},
        {"parent", section.parent.empty() ? std::string() : side.section_name(section.parent)},
        {"visibility", std::string(to_name(section.visibility))},
    };
}

Fields action_fields(const Side& side, const Action& action) {
    return {
        {"ref", action.ref},
        {"title", action.title},
        {"text", action.text},
        {"section", action.section.empty() ? std::string() : side.section_name(action.section)},
        {"leads", side.officers(action.leads)},
        {"delivery", side.officers(action.delivery)},
        {"due", date_text(action.due)},
        {"due_revisions", revisions(action.due_revisions)},
        {"milestones", milestones(side, action.milestones)},
        {"outcome", action.outcome},
        {"resources", action.resources},
        {"funding", action.funding},
        {"ict", ict(action.ict)},
        {"addresses", joined(action.addresses, ", ")},
        {"source_tags", joined(action.source_tags, ", ")},
        {"visibility", std::string(to_name(action.visibility))},
    };
}

std::vector<FieldChange> differences(const Fields& before, const Fields& after) {
    std::vector<FieldChange> changes;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i].second != after[i].second) {
            changes.push_back({std::string(before[i].first), before[i].second, after[i].second});
        }
    }
    return changes;
}

// Pairs items of two versions: `paired[i]` is the after index matched to before item i. Each
// pass pairs the items still unpaired whose keys are equal, in order (the k-th before item
// with a key to the k-th after item with it); an empty key takes no part in the pass.
struct Matching {
    Matching(std::size_t before, std::size_t after)
        : paired(before)
        , taken(after, false) {}

    void pass(const std::function<std::optional<std::string>(std::size_t)>& before_key,
              const std::function<std::optional<std::string>(std::size_t)>& after_key) {
        std::map<std::string, std::vector<std::size_t>> waiting; // key -> after indices, reversed
        for (std::size_t j = taken.size(); j-- > 0;) {
            if (!taken[j]) {
                if (auto key = after_key(j)) {
                    waiting[*key].push_back(j);
                }
            }
        }
        for (std::size_t i = 0; i < paired.size(); ++i) {
            if (paired[i]) {
                continue;
            }
            const auto key = before_key(i);
            if (!key) {
                continue;
            }
            auto found = waiting.find(*key);
            if (found == waiting.end() || found->second.empty()) {
                continue;
            }
            paired[i] = found->second.back();
            taken[found->second.back()] = true;
            found->second.pop_back();
        }
    }

    std::vector<std::optional<std::size_t>> paired; ///< before index -> after index
    std::vector<bool> taken;                        ///< after index -> paired yet
};

std::optional<std::string> unless_empty(std::string text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(std::move(text));
}

// The words an action is matched by when it has no ref: its title and text.
std::optional<std::string> wording(const Action& action) {
    if (action.title.empty() && action.text.empty()) {
        return std::nullopt;
    }
    return action.title + '\x1f' + action.text;
}

std::string action_title(const Action& action) {
    return action.title.empty() ? action.text : action.title;
}

template <typename Entity>
PlanChange change_of(ChangeKind kind, EntityKind entity, const Entity& shown) {
    PlanChange change;
    change.kind = kind;
    change.entity = entity;
    change.ref = shown.ref;
    if constexpr (std::is_same_v<Entity, Action>) {
        change.title = action_title(shown);
    } else {
        change.title = shown.title;
    }
    return change;
}

// Reports the items of two versions as added, changed or removed, given their matching.
template <typename Entity, typename FieldsOf>
void report(std::vector<PlanChange>& changes, EntityKind entity,
            const std::vector<const Entity*>& before, const std::vector<const Entity*>& after,
            const Matching& matching, FieldsOf fields_of) {
    std::vector<std::optional<std::size_t>> before_of(after.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (matching.paired[i]) {
            before_of[*matching.paired[i]] = i;
        }
    }
    for (std::size_t j = 0; j < after.size(); ++j) {
        if (!before_of[j]) {
            auto change = change_of(ChangeKind::added, entity, *after[j]);
            change.after_id = after[j]->id;
            changes.push_back(std::move(change));
            continue;
        }
        const Entity& old = *before[*before_of[j]];
        auto fields = differences(fields_of(old, true), fields_of(*after[j], false));
        if (!fields.empty()) {
            auto change = change_of(ChangeKind::changed, entity, *after[j]);
            change.before_id = old.id;
            change.after_id = after[j]->id;
            change.fields = std::move(fields);
            changes.push_back(std::move(change));
        }
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (!matching.paired[i]) {
            auto change = change_of(ChangeKind::removed, entity, *before[i]);
            change.before_id = before[i]->id;
            changes.push_back(std::move(change));
        }
    }
}

std::string quoted(std::string_view value) {
    return "\"" + shortened(value, 80) + "\"";
}

std::string field_label(std::string_view field) {
    std::string label(field);
    for (char& c : label) {
        if (c == '_') {
            c = ' ';
        }
    }
    return label;
}

void field_lines(std::vector<std::string>& lines, const std::string& subject,
                 const std::vector<FieldChange>& fields) {
    for (const auto& field : fields) {
        const auto name = field_label(field.field);
        if (field.before.empty()) {
            lines.push_back(subject + ": " + name + " set to " + quoted(field.after));
        } else if (field.after.empty()) {
            lines.push_back(subject + ": " + name + " " + quoted(field.before) + " removed");
        } else {
            lines.push_back(subject + ": " + name + " changed from " + quoted(field.before) +
                            " to " + quoted(field.after));
        }
    }
}

} // namespace

std::string PlanChange::label() const {
    const std::string noun = entity == EntityKind::section ? "Section" : "Action";
    if (!ref.empty()) {
        return noun + " " + ref;
    }
    return noun + " \"" + shortened(title, 60) + "\"";
}

std::string PlanDiff::summary() const {
    std::vector<std::string> lines;
    field_lines(lines, "Plan", plan_fields);
    for (const auto& change : changes) {
        switch (change.kind) {
        case ChangeKind::added:
            lines.push_back(change.label() + " added");
            break;
        case ChangeKind::removed:
            lines.push_back(change.label() + " removed");
            break;
        case ChangeKind::changed:
            field_lines(lines, change.label(), change.fields);
            break;
        }
    }
    return joined(lines, "\n");
}

PlanVersion PlanDiff::as_version(std::string number, Date review_date,
                                 std::string approved_by) const {
    PlanVersion version;
    version.number = std::move(number);
    version.review_date = review_date;
    version.issues = summary();
    version.amended = empty() ? "N" : "Y";
    version.approved_by = std::move(approved_by);
    if (!empty()) {
        version.amendment_date = review_date;
    }
    return version;
}

PlanDiff diff_plans(const Store& before_store, std::string_view before_plan,
                    const Store& after_store, std::string_view after_plan) {
    const Side before(before_store, before_plan);
    const Side after(after_store, after_plan);

    PlanDiff diff;
    diff.before_plan = before.plan->id;
    diff.after_plan = after.plan->id;
    diff.plan_fields = differences(plan_fields(*before.plan), plan_fields(*after.plan));

    // Sections: by ref, then by title.
    std::vector<const Section*> old_sections;
    std::vector<const Section*> new_sections;
    for (const Section& section : before.plan->sections) {
        old_sections.push_back(&section);
    }
    for (const Section& section : after.plan->sections) {
        new_sections.push_back(&section);
    }
    Matching sections(old_sections.size(), new_sections.size());
    sections.pass([&](std::size_t i) { return unless_empty(old_sections[i]->ref); },
                  [&](std::size_t j) { return unless_empty(new_sections[j]->ref); });
    sections.pass([&](std::size_t i) { return unless_empty(old_sections[i]->title); },
                  [&](std::size_t j) { return unless_empty(new_sections[j]->title); });
    report(diff.changes, EntityKind::section, old_sections, new_sections, sections,
           [&](const Section& section, bool is_before) {
               return section_fields(is_before ? before : after, section);
           });

    // The after section each before section became, so that actions can be matched within it.
    std::unordered_map<std::string_view, std::string_view> section_after;
    for (std::size_t i = 0; i < old_sections.size(); ++i) {
        if (sections.paired[i]) {
            section_after.emplace(old_sections[i]->id, new_sections[*sections.paired[i]]->id);
        }
    }

    // Actions: by ref; then by section (as matched) with title and text; then by title and text.
    const auto& old_actions = before.actions;
    const auto& new_actions = after.actions;
    Matching actions(old_actions.size(), new_actions.size());
    actions.pass([&](std::size_t i) { return unless_empty(old_actions[i]->ref); },
                 [&](std::size_t j) { return unless_empty(new_actions[j]->ref); });
    actions.pass(
        [&](std::size_t i) -> std::optional<std::string> {
            const Action& action = *old_actions[i];
            auto words = wording(action);
            if (!words) {
                return std::nullopt;
            }
            if (action.section.empty()) {
                return '\x1f' + *words;
            }
            const auto found = section_after.find(action.section);
            if (found == section_after.end()) {
                return std::nullopt; // its section is gone: left for the next pass
            }
            return std::string(found->second) + '\x1f' + *words;
        },
        [&](std::size_t j) -> std::optional<std::string> {
            auto words = wording(*new_actions[j]);
            if (!words) {
                return std::nullopt;
            }
            return new_actions[j]->section + '\x1f' + *words;
        });
    actions.pass([&](std::size_t i) { return wording(*old_actions[i]); },
                 [&](std::size_t j) { return wording(*new_actions[j]); });
    report(diff.changes, EntityKind::action, old_actions, new_actions, actions,
           [&](const Action& action, bool is_before) {
               return action_fields(is_before ? before : after, action);
           });
    return diff;
}

PlanDiff diff_plans(const Store& store, std::string_view before_plan, std::string_view after_plan) {
    return diff_plans(store, before_plan, store, after_plan);
}

} // namespace bestvalue
