#include <algorithm>
#include <future>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <thread>
#include <type_traits>

#include <bestvalue/model/action_table.hpp>

namespace bestvalue {

namespace {

// The next position of a collection that positions address in 32 bits, none excluded, when
// it is to grow by `more`.
std::uint32_t next_position(std::size_t size, const char* what, std::size_t more = 1) {
    if (size + more >= std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error(std::string("ActionTable: more than 2^32 - 2 ") + what);
    }
    return static_cast<std::uint32_t>(size);
}

template <typename Optional, typename Pointer>
bool same_optional(const Optional& value, Pointer pointer) {
    return value.has_value() ? pointer != nullptr && *pointer == *value : pointer == nullptr;
}

// True if a due says more than its text, periods and whether it is done.
bool has_rest(const DateText& due) {
    return due.recurrence.has_value() || !due.unread.empty() || !due.reason.empty();
}

} // namespace

std::optional<DateText> ActionView::due() const {
    const auto& entry = table_->entries_[position_];
    if (entry.due == ActionTable::none) {
        return std::nullopt;
    }
    const ActionTable::Due& due = table_->dues_[entry.due];
    DateText written;
    written.text = table_->texts_[entry.texts + ActionTable::due_text];
    written.periods.reserve(due.period_count);
    for (std::uint32_t i = 0; i < due.period_count; ++i) {
        const ActionTable::DuePeriod& period = table_->due_periods_[due.periods + i];
        written.periods.emplace_back(period.start, period.end, period.precision,
                                     std::string(table_->terms_[period.text]));
    }
    written.done = due.done;
    if (due.rest != ActionTable::none) {
        const ActionTable::DueRest& rest = table_->due_rests_[due.rest];
        written.recurrence = rest.recurrence;
        written.unread = rest.unread;
        written.reason = rest.reason;
    }
    return written;
}

std::optional<Date> ActionView::original_due_end() const noexcept {
    // As last_day reads a DateText: the latest end among its periods.
    const auto& entry = table_->entries_[position_];
    if (entry.due == ActionTable::none) {
        return std::nullopt;
    }
    const ActionTable::Due& due = table_->dues_[entry.due];
    std::optional<Date> latest;
    for (std::uint32_t i = 0; i < due.period_count; ++i) {
        const Date end = table_->due_periods_[due.periods + i].end;
        if (!latest || *latest < end) {
            latest = end;
        }
    }
    return latest;
}

std::optional<Date> ActionView::due_end() const {
    const auto revisions = due_revisions();
    if (!revisions.empty()) {
        return last_day(revisions.back().due);
    }
    return original_due_end();
}

Action ActionView::value() const {
    Action action;
    action.id = id();
    action.visibility = visibility();
    action.cites.assign(cites().begin(), cites().end());
    action.notes.assign(notes().begin(), notes().end());
    action.plan = plan();
    action.section = section();
    action.ref = ref();
    action.title = title();
    action.text = text();
    action.leads = leads().to_vector();
    action.delivery = delivery().to_vector();
    action.due = due();
    action.due_revisions.assign(due_revisions().begin(), due_revisions().end());
    action.milestones.assign(milestones().begin(), milestones().end());
    action.outcome = outcome();
    action.resources = resources();
    action.funding = funding();
    if (const IctRequirement* needs = ict()) {
        action.ict = *needs;
    }
    action.addresses = addresses().to_vector();
    action.source_tags = source_tags().to_vector();
    return action;
}

bool operator==(const ActionView& left, const ActionView& right) {
    const auto same_pointee = [](const auto* a, const auto* b) {
        return a == nullptr ? b == nullptr : b != nullptr && *a == *b;
    };
    return left.id() == right.id() && left.visibility() == right.visibility() &&
           std::ranges::equal(left.cites(), right.cites()) &&
           std::ranges::equal(left.notes(), right.notes()) && left.plan() == right.plan() &&
           left.section() == right.section() && left.ref() == right.ref() &&
           left.title() == right.title() && left.text() == right.text() &&
           left.leads() == right.leads() && left.delivery() == right.delivery() &&
           left.due() == right.due() &&
           std::ranges::equal(left.due_revisions(), right.due_revisions()) &&
           std::ranges::equal(left.milestones(), right.milestones()) &&
           left.outcome() == right.outcome() && left.resources() == right.resources() &&
           left.funding() == right.funding() && same_pointee(left.ict(), right.ict()) &&
           left.addresses() == right.addresses() && left.source_tags() == right.source_tags();
}

bool operator==(const ActionView& view, const Action& action) {
    return view.id() == action.id && view.visibility() == action.visibility &&
           std::ranges::equal(view.cites(), action.cites) &&
           std::ranges::equal(view.notes(), action.notes) && view.plan() == action.plan &&
           view.section() == action.section && view.ref() == action.ref &&
           view.title() == action.title && view.text() == action.text &&
           view.leads() == action.leads && view.delivery() == action.delivery &&
           view.due() == action.due &&
           std::ranges::equal(view.due_revisions(), action.due_revisions) &&
           std::ranges::equal(view.milestones(), action.milestones) &&
           view.outcome() == action.outcome && view.resources() == action.resources &&
           view.funding() == action.funding && same_optional(action.ict, view.ict()) &&
           view.addresses() == action.addresses && view.source_tags() == action.source_tags;
}

ActionTable::ActionTable() = default;

void ActionTable::reserve(std::size_t count) {
    const std::size_t needed = entries_.size() + count;
    if (needed > entries_.capacity()) {
        entries_.reserve(std::max(needed, 2 * entries_.capacity()));
    }
}

void ActionTable::reserve(std::span<const Action> actions) {
    reserve(actions.size());
    if (actions.size() < entries_.size()) {
        return; // the parts grow by doubling, as the few added need
    }
    Sizes more;
    std::size_t bytes = 0;
    for (const Action& action : actions) {
        bytes += action.id.size() + action.ref.size() + action.title.size() + action.text.size() +
                 action.outcome.size() + action.resources.size() + action.funding.size() +
                 (action.due ? action.due->text.size() : 0);
        more.listed += action.leads.size() + action.delivery.size() + action.addresses.size() +
                       action.source_tags.size();
        if (action.due) {
            ++more.dues;
            more.due_periods += action.due->periods.size();
            more.due_rests += has_rest(*action.due) ? 1 : 0;
        }
        more.revisions += action.due_revisions.size();
        more.milestones += action.milestones.size();
        more.icts += action.ict ? 1 : 0;
        more.extras += !action.cites.empty() || !action.notes.empty() ? 1 : 0;
    }
    more.texts = own_texts * actions.size();
    reserve_parts(more, bytes);
}

void ActionTable::reserve_parts(const Sizes& more, std::size_t bytes) {
    texts_.reserve(more.texts, bytes);
    listed_.reserve(listed_.size() + more.listed);
    dues_.reserve(dues_.size() + more.dues);
    due_periods_.reserve(due_periods_.size() + more.due_periods);
    due_rests_.reserve(due_rests_.size() + more.due_rests);
    revisions_.reserve(revisions_.size() + more.revisions);
    milestones_.reserve(milestones_.size() + more.milestones);
    icts_.reserve(icts_.size() + more.icts);
    extras_.reserve(extras_.size() + more.extras);
}

ActionTable::Sizes ActionTable::sizes() const noexcept {
    Sizes now;
    now.texts = texts_.size();
    now.listed = listed_.size();
    now.dues = dues_.size();
    now.due_periods = due_periods_.size();
    now.due_rests = due_rests_.size();
    now.revisions = revisions_.size();
    now.milestones = milestones_.size();
    now.icts = icts_.size();
    now.extras = extras_.size();
    return now;
}

void ActionTable::cut_to(const Sizes& sizes) noexcept {
    // Each only shrinks, which frees nothing and cannot throw.
    texts_.truncate(sizes.texts);
    listed_.resize(sizes.listed);
    dues_.resize(sizes.dues);
    due_periods_.resize(sizes.due_periods);
    due_rests_.resize(sizes.due_rests);
    revisions_.resize(sizes.revisions);
    milestones_.resize(sizes.milestones);
    icts_.resize(sizes.icts);
    extras_.resize(sizes.extras);
}

ActionTable::Entry ActionTable::add(const Action& action, const Entry* before) {
    const std::array<const std::vector<std::string>*, lists> listed_ids = {
        &action.leads, &action.delivery, &action.addresses, &action.source_tags};
    std::size_t listed_count = 0;
    for (const auto* ids : listed_ids) {
        listed_count += ids->size();
    }
    Entry entry;
    entry.texts = next_position(texts_.size(), "texts", own_texts);
    entry.listed = next_position(listed_.size(), "listed ids", listed_count);
    entry.revisions =
        next_position(revisions_.size(), "due revisions", action.due_revisions.size());
    entry.revision_count = static_cast<std::uint32_t>(action.due_revisions.size());
    entry.milestones = next_position(milestones_.size(), "milestones", action.milestones.size());
    entry.milestone_count = static_cast<std::uint32_t>(action.milestones.size());
    entry.due = action.due ? next_position(dues_.size(), "dues") : none;
    entry.ict = action.ict ? next_position(icts_.size(), "ICT needs") : none;
    const bool extra = !action.cites.empty() || !action.notes.empty();
    entry.extra = extra ? next_position(extras_.size(), "cited actions") : none;
    entry.visibility = action.visibility;

    const Sizes sizes_before = sizes();
    try {
        // A new term only takes room: it stays if a later step throws.
        entry.plan = terms_.intern(action.plan, before != nullptr ? before->plan : none);
        entry.section = terms_.intern(action.section, before != nullptr ? before->section : none);
        for (const std::string* text : {&action.id, &action.ref, &action.title, &action.text,
                                        &action.outcome, &action.resources, &action.funding}) {
            texts_.push_back(*text);
        }
        texts_.push_back(action.due ? std::string_view(action.due->text) : std::string_view());
        // Neighbouring actions mostly list the same ids: each is tried first at the place
        // the action before has it, without hashing.
        std::size_t before_listed = before != nullptr ? before->listed : 0;
        for (std::size_t list = 0; list < lists; ++list) {
            const auto& ids = *listed_ids[list];
            entry.list_sizes[list] = static_cast<std::uint32_t>(ids.size());
            const std::size_t before_size = before != nullptr ? before->list_sizes[list] : 0;
            for (std::size_t i = 0; i < ids.size(); ++i) {
                listed_.push_back(terms_.intern(ids[i], i < before_size ? listed_[before_listed + i]
                                                                        : InternedTexts::none));
            }
            before_listed += before_size;
        }
        if (action.due) {
            add_due(*action.due);
        }
        revisions_.insert(revisions_.end(), action.due_revisions.begin(),
                          action.due_revisions.end());
        milestones_.insert(milestones_.end(), action.milestones.begin(), action.milestones.end());
        if (action.ict) {
            icts_.push_back(*action.ict);
        }
        if (extra) {
            extras_.push_back(Extra{action.cites, action.notes});
        }
    } catch (...) {
        cut_to(sizes_before);
        throw;
    }
    return entry;
}

void ActionTable::add_due(const DateText& due) {
    Due kept;
    kept.periods = next_position(due_periods_.size(), "due periods", due.periods.size());
    kept.period_count = static_cast<std::uint32_t>(due.periods.size());
    kept.done = due.done;
    if (has_rest(due)) {
        kept.rest = next_position(due_rests_.size(), "dues");
    }
    for (const Period& period : due.periods) {
        // Dues come in runs of the same text: tried first as the period before.
        const auto hint = due_periods_.empty() ? InternedTexts::none : due_periods_.back().text;
        due_periods_.push_back(
            {period.start(), period.end(), terms_.intern(period.text(), hint), period.precision()});
    }
    if (kept.rest != none) {
        due_rests_.push_back({due.recurrence, due.unread, due.reason});
    }
    dues_.push_back(kept);
}

void ActionTable::push_back(const Action& action) {
    next_position(entries_.size(), "actions");
    if (entries_.size() == entries_.capacity()) {
        reserve(1); // before anything is added, so that the entry's push cannot throw
    }
    entries_.push_back(add(action, entries_.empty() ? nullptr : &entries_.back()));
}

void ActionTable::append(std::span<const ActionTable> tables) {
    if (std::any_of(tables.begin(), tables.end(),
                    [this](const ActionTable& table) { return &table == this; })) {
        // Its parts would move as this table grows.
        const std::vector<ActionTable> copies(tables.begin(), tables.end());
        append(copies);
        return;
    }
    append_tables(tables);
}

void ActionTable::append_taken(std::span<ActionTable> tables) {
    if (std::any_of(tables.begin(), tables.end(),
                    [this](const ActionTable& table) { return &table == this; })) {
        throw std::invalid_argument("ActionTable: a table cannot take its own actions");
    }
    append_tables(tables);
}

template <typename Table>
void ActionTable::append_tables(std::span<Table> tables) {
    Sizes more;
    std::size_t entries = 0;
    std::size_t bytes = 0;
    // Where each table's parts go: after those of the tables before it.
    std::vector<Sizes> at;
    at.reserve(tables.size());
    Sizes next = sizes();
    for (const ActionTable& table : tables) {
        const Sizes sizes = table.sizes();
        at.push_back(next);
        entries += table.entries_.size();
        bytes += table.texts_.bytes().size();
        for (Sizes* total : {&more, &next}) {
            total->texts += sizes.texts;
            total->listed += sizes.listed;
            total->dues += sizes.dues;
            total->due_periods += sizes.due_periods;
            total->due_rests += sizes.due_rests;
            total->revisions += sizes.revisions;
            total->milestones += sizes.milestones;
            total->icts += sizes.icts;
            total->extras += sizes.extras;
        }
    }
    next_position(entries_.size(), "actions", entries);
    next_position(texts_.size(), "texts", more.texts);
    next_position(listed_.size(), "listed ids", more.listed);
    next_position(dues_.size(), "dues", more.dues);
    next_position(due_periods_.size(), "due periods", more.due_periods);
    next_position(due_rests_.size(), "dues", more.due_rests);
    next_position(revisions_.size(), "due revisions", more.revisions);
    next_position(milestones_.size(), "milestones", more.milestones);
    next_position(icts_.size(), "ICT needs", more.icts);
    next_position(extras_.size(), "cited actions", more.extras);

    const std::size_t entries_before = entries_.size();
    const Sizes sizes_before = sizes();
    try {
        // As reserve(actions): exactly for as many as the table holds or more, else by
        // doubling, so that adding a few at a time moves the table only as it doubles.
        reserve(entries);
        if (entries >= entries_before) {
            reserve_parts(more, bytes);
        }
        const auto append_entries_of_all = [&] {
            for (std::size_t t = 0; t < tables.size(); ++t) {
                append_entries(tables[t], at[t]);
            }
        };
        const auto append_parts_of_all = [&] {
            for (Table& table : tables) {
                append_parts(table);
            }
        };
        // A large addition is mostly fresh memory written: the texts and what holds strings
        // go on a thread of their own beside the entries, which need the terms interned first
        // (docs/performance.md, Hotspot 37). Its future's destructor waits for it, so that
        // nothing is cut while it writes.
        constexpr std::size_t actions_worth_a_thread = 65536;
        if (entries >= actions_worth_a_thread && std::thread::hardware_concurrency() > 1) {
            std::future<void> parts_appended = std::async(std::launch::async, append_parts_of_all);
            append_entries_of_all();
            parts_appended.get(); // its exception, if it threw
        } else {
            append_entries_of_all();
            append_parts_of_all();
        }
    } catch (...) {
        // A new term only takes room: it stays.
        entries_.resize(entries_before);
        cut_to(sizes_before);
        throw;
    }
}

void ActionTable::append_entries(const ActionTable& table, const Sizes& at) {
    // Where each of its terms is in this table: mostly the next after the one before.
    std::vector<std::uint32_t> term_at(table.terms_.size());
    for (std::size_t term = 0; term < term_at.size(); ++term) {
        term_at[term] = terms_.intern(table.terms_[term],
                                      term == 0 ? InternedTexts::none : term_at[term - 1] + 1);
    }
    const auto moved = [](std::uint32_t position, std::size_t by) {
        return position == none ? none : static_cast<std::uint32_t>(position + by);
    };
    for (const std::uint32_t term : table.listed_) {
        listed_.push_back(term_at[term]);
    }
    for (Due due : table.dues_) {
        due.periods = moved(due.periods, at.due_periods);
        due.rest = moved(due.rest, at.due_rests);
        dues_.push_back(due);
    }
    for (DuePeriod period : table.due_periods_) {
        period.text = term_at[period.text];
        due_periods_.push_back(period);
    }
    for (Entry entry : table.entries_) {
        entry.texts = moved(entry.texts, at.texts);
        entry.plan = term_at[entry.plan];
        entry.section = term_at[entry.section];
        entry.listed = moved(entry.listed, at.listed);
        entry.due = moved(entry.due, at.dues);
        entry.revisions = moved(entry.revisions, at.revisions);
        entry.milestones = moved(entry.milestones, at.milestones);
        entry.ict = moved(entry.ict, at.icts);
        entry.extra = moved(entry.extra, at.extras);
        entries_.push_back(entry);
    }
}

template <typename Table>
void ActionTable::append_parts(Table& table) {
    const auto append_all = [](auto& into, auto& from) {
        if constexpr (std::is_const_v<Table>) {
            into.insert(into.end(), from.begin(), from.end());
        } else {
            into.insert(into.end(), std::make_move_iterator(from.begin()),
                        std::make_move_iterator(from.end()));
        }
    };
    texts_.append(table.texts_);
    append_all(due_rests_, table.due_rests_);
    append_all(revisions_, table.revisions_);
    append_all(milestones_, table.milestones_);
    append_all(icts_, table.icts_);
    append_all(extras_, table.extras_);
}

void ActionTable::replace(std::size_t position, const Action& action, Replaced& replaced) {
    const Sizes sizes_before = sizes();
    replaced.previous_.reserve(replaced.previous_.size() + 1); // before anything is added
    Entry entry = add(action, &entries_[position]);
    if (replaced.previous_.empty()) {
        replaced.sizes_before_ = sizes_before;
    }
    replaced.previous_.emplace_back(static_cast<std::uint32_t>(position), entries_[position]);
    entries_[position] = entry;
}

void ActionTable::put_back(Replaced& replaced) noexcept {
    if (replaced.previous_.empty()) {
        return;
    }
    // Last first, so that an action replaced twice gets its first entry back.
    for (auto at = replaced.previous_.rbegin(); at != replaced.previous_.rend(); ++at) {
        entries_[at->first] = at->second;
    }
    cut_to(replaced.sizes_before_);
    replaced.previous_.clear();
}

void ActionTable::truncate(std::size_t count) {
    if (count >= entries_.size()) {
        return;
    }
    entries_.resize(count);
    // What the actions kept hold ends where the last of theirs ends: a replaced action's
    // parts come after those of actions added after it.
    Sizes kept;
    for (const Entry& entry : entries_) {
        std::size_t listed = entry.listed;
        for (const std::uint32_t size : entry.list_sizes) {
            listed += size;
        }
        kept.texts = std::max<std::size_t>(kept.texts, entry.texts + own_texts);
        kept.listed = std::max(kept.listed, listed);
        if (entry.due != none) {
            const Due& due = dues_[entry.due];
            kept.dues = std::max<std::size_t>(kept.dues, entry.due + 1);
            kept.due_periods =
                std::max<std::size_t>(kept.due_periods, due.periods + due.period_count);
            if (due.rest != none) {
                kept.due_rests = std::max<std::size_t>(kept.due_rests, due.rest + 1);
            }
        }
        kept.revisions =
            std::max<std::size_t>(kept.revisions, entry.revisions + entry.revision_count);
        kept.milestones =
            std::max<std::size_t>(kept.milestones, entry.milestones + entry.milestone_count);
        if (entry.ict != none) {
            kept.icts = std::max<std::size_t>(kept.icts, entry.ict + 1);
        }
        if (entry.extra != none) {
            kept.extras = std::max<std::size_t>(kept.extras, entry.extra + 1);
        }
    }
    cut_to(kept);
}

bool operator==(const ActionTable& left, const ActionTable& right) {
    return std::ranges::equal(left, right);
}

bool operator==(const ActionTable& table, std::span<const Action> actions) {
    // Compared as the view's own equality does: the two types have no common one.
    return std::ranges::equal(table, actions, [](const ActionView& view, const Action& action) {
        return view == action;
    });
}

} // namespace bestvalue
