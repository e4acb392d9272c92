#pragma once

/// \file
/// `ActionTable`: the actions a store holds, kept compactly and read in place as
/// `ActionView`s.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/detail/position_iterator.hpp>
#include <bestvalue/interned_texts.hpp>
#include <bestvalue/model/action.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/model/record.hpp>
#include <bestvalue/packed_texts.hpp>
#include <bestvalue/text_list.hpp>

namespace bestvalue {

class ActionTable;

/// One action of an `ActionTable`, read in place: each function gives the field of `Action`
/// of the same name, its texts and lists viewing the table's own. Small (a table and a
/// position) and cheap to copy; valid, as is all it gives, until the table changes. `value()`
/// makes an action of its own.
class ActionView {
public:
    [[nodiscard]] std::string_view id() const noexcept;
    [[nodiscard]] Visibility visibility() const noexcept;
    /// The papers the action's facts come from; the first gives its reference date.
    [[nodiscard]] std::span<const Citation> cites() const noexcept;
    [[nodiscard]] std::span<const std::string> notes() const noexcept;
    /// The plan's id.
    [[nodiscard]] std::string_view plan() const noexcept;
    /// The id of a section of that plan; may be empty.
    [[nodiscard]] std::string_view section() const noexcept;
    /// As numbered in the source: '3.10'.
    [[nodiscard]] std::string_view ref() const noexcept;
    [[nodiscard]] std::string_view title() const noexcept;
    [[nodiscard]] std::string_view text() const noexcept;
    /// Officer ids.
    [[nodiscard]] TextList leads() const noexcept;
    /// Officer ids.
    [[nodiscard]] TextList delivery() const noexcept;
    /// The due as written, with what could be read from it; empty when it has none. Made
    /// when asked for: the table keeps dues compactly; `due_text()` and `original_due_end()`
    /// read what most callers need without making it.
    [[nodiscard]] std::optional<DateText> due() const;
    /// The text of the due as written; empty when it has none.
    [[nodiscard]] std::optional<std::string_view> due_text() const noexcept;
    /// `last_day(*due())`: the last day of the due as first written, before any revision;
    /// empty when it has none or no period was read from it.
    [[nodiscard]] std::optional<Date> original_due_end() const noexcept;
    [[nodiscard]] std::span<const DueRevision> due_revisions() const noexcept;
    [[nodiscard]] std::span<const Milestone> milestones() const noexcept;
    [[nodiscard]] std::string_view outcome() const noexcept;
    [[nodiscard]] std::string_view resources() const noexcept;
    [[nodiscard]] std::string_view funding() const noexcept;
    /// Its ICT needs; null when the plan says none.
    [[nodiscard]] const IctRequirement* ict() const noexcept;
    /// Recommendation ids.
    [[nodiscard]] TextList addresses() const noexcept;
    [[nodiscard]] TextList source_tags() const noexcept;

    /// `plan()`, `section()` and `ref()` each as a list of its one text, viewing the table's:
    /// for reading a field's values as a list's are read, whichever field it is.
    [[nodiscard]] TextList plan_as_list() const noexcept;
    [[nodiscard]] TextList section_as_list() const noexcept;
    [[nodiscard]] TextList ref_as_list() const noexcept;

    /// As `Action::due_end`: the last day of its latest due; empty when no period was read.
    [[nodiscard]] std::optional<Date> due_end() const;

    /// The table it reads.
    [[nodiscard]] const ActionTable& table() const noexcept { return *table_; }
    /// Its position in the table.
    [[nodiscard]] std::uint32_t position() const noexcept { return position_; }

    /// The action as a value of its own, equal to the one the table was given.
    [[nodiscard]] Action value() const;
    /// `value()`, for constructing actions and containers of them from a table.
    explicit operator Action() const { return value(); }

    /// Field by field, as `Action`'s equality.
    friend bool operator==(const ActionView& left, const ActionView& right);
    /// True if `value()` would equal `action`, read without making it.
    friend bool operator==(const ActionView& view, const Action& action);

private:
    friend class ActionTable;
    ActionView(const ActionTable* table, std::uint32_t position) noexcept
        : table_(table)
        , position_(position) {}

    const ActionTable* table_;
    std::uint32_t position_;
};

/// The actions of a store, in the order added, each kept in a fixed entry of 64 bytes, its own
/// texts laid end to end, and its plan, section and the ids it lists kept once each for the
/// whole table: a national collection's million actions take a fraction of what as many
/// `Action`s do (docs/performance.md, Hotspot 32). Read as a random-access sequence of
/// `ActionView`s; the fields scans read most are also read by position, without a view.
///
/// A value type: copies are independent; equal tables hold equal actions in the same order.
class ActionTable {
public:
    /// Reads a table's actions in order, each as an `ActionView` made when read.
    using iterator = detail::PositionIterator<ActionTable, ActionView>;
    using const_iterator = iterator;
    using value_type = ActionView;
    using size_type = std::size_t;

    /// No actions.
    ActionTable();

    /// How many actions there are.
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    /// True if there are none.
    [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
    /// How many actions it has room for before its entries move to a larger block.
    [[nodiscard]] std::size_t capacity() const noexcept { return entries_.capacity(); }

    /// The action at `position`, which must be less than `size()`.
    [[nodiscard]] ActionView operator[](std::size_t position) const noexcept {
        return {this, static_cast<std::uint32_t>(position)};
    }
    [[nodiscard]] iterator begin() const noexcept { return {this, 0}; }
    [[nodiscard]] iterator end() const noexcept { return {this, entries_.size()}; }
    /// The position of `action` in this table: its `position()` when it views this table,
    /// else none.
    [[nodiscard]] std::optional<std::uint32_t>
    position_of(const ActionView& action) const noexcept {
        return action.table_ == this ? std::optional<std::uint32_t>(action.position_)
                                     : std::nullopt;
    }

    /// `(*this)[position].id()`, read without a view; likewise the functions below.
    [[nodiscard]] std::string_view id(std::size_t position) const noexcept {
        return texts_[entries_[position].texts + id_text];
    }
    [[nodiscard]] std::string_view plan(std::size_t position) const noexcept {
        return terms_[entries_[position].plan];
    }
    [[nodiscard]] std::string_view section(std::size_t position) const noexcept {
        return terms_[entries_[position].section];
    }

    class Replaced;

    /// Makes room for `count` more actions: for at least twice as many as there is room for
    /// when that is more, so that adding a few at a time moves the entries only as they
    /// double.
    void reserve(std::size_t count);
    /// Makes room for `actions`, to be added after the others, and when they are at least as
    /// many as the table holds, for each of their parts exactly: a large addition (a first
    /// load) is laid out without the slack of growing by doubling.
    void reserve(std::span<const Action> actions);
    /// Adds a copy of `action` after the others.
    /// \throws std::length_error past 2^32 - 2 actions, texts or listed ids.
    void push_back(const Action& action);
    /// Adds copies of the actions of `tables`, table by table in order, after the others.
    /// Room is made first, as `reserve(actions)` makes it: for as many as the table holds or
    /// more, exactly, so that the parts of a collection read at once become one table without
    /// the slack of growing by doubling; for fewer, by doubling. Each part's texts are copied
    /// whole; its plans, sections and listed ids are kept once in this table. Nothing is added
    /// if it throws.
    /// \throws std::length_error past 2^32 - 2 actions, texts or listed ids.
    void append(std::span<const ActionTable> tables);
    /// As `append(tables)`, but what holds strings of their own (due revisions, milestones,
    /// the few dues' rests, ICT needs, citations and notes) is moved out of `tables` rather
    /// than copied, leaving those tables valid but unspecified: for joining the parts of a
    /// collection read at once, which are dropped after. No table of `tables` may be this
    /// one. If it throws, this table is as it was.
    /// \throws std::length_error past 2^32 - 2 actions, texts or listed ids.
    void append_taken(std::span<ActionTable> tables);
    /// Puts a copy of `action` in place of the one at `position` (less than `size()`), noting
    /// in `replaced` what `put_back` needs to take it back. What the one replaced kept is not
    /// reclaimed: replacements are for the few actions an update changes.
    void replace(std::size_t position, const Action& action, Replaced& replaced);
    /// Puts back every action `replaced` noted, as they were before their replacements, and
    /// forgets what those added; `replaced` is then empty. Allocates nothing, so a change
    /// can always be taken back. Nothing else may change the table in between.
    void put_back(Replaced& replaced) noexcept;
    /// Keeps the first `count` actions (at most `size()`) and forgets the rest.
    void truncate(std::size_t count);

    /// The same actions, field by field, in the same order.
    friend bool operator==(const ActionTable& left, const ActionTable& right);
    /// True if the table holds `actions`, in their order.
    friend bool operator==(const ActionTable& table, std::span<const Action> actions);

private:
    friend class ActionView;

    // Where an action keeps no due, ICT needs, or citations and notes.
    static constexpr std::uint32_t none = 0xFFFFFFFFU;
    // An action's own texts, in this order from its entry's first.
    static constexpr std::uint32_t id_text = 0;
    static constexpr std::uint32_t ref_text = 1;
    static constexpr std::uint32_t title_text = 2;
    static constexpr std::uint32_t text_text = 3;
    static constexpr std::uint32_t outcome_text = 4;
    static constexpr std::uint32_t resources_text = 5;
    static constexpr std::uint32_t funding_text = 6;
    static constexpr std::uint32_t due_text = 7; // empty when it has no due
    static constexpr std::uint32_t own_texts = 8;
    // Its lists of ids, in this order from its entry's first listed id.
    static constexpr std::size_t leads_list = 0;
    static constexpr std::size_t delivery_list = 1;
    static constexpr std::size_t addresses_list = 2;
    static constexpr std::size_t source_tags_list = 3;
    static constexpr std::size_t lists = 4;

    // One action: its texts, lists and the rest as positions.
    struct Entry {
        std::uint32_t texts = 0;   // the first of its own texts in texts_
        std::uint32_t plan = 0;    // in terms_
        std::uint32_t section = 0; // in terms_
        std::uint32_t listed = 0;  // the first of its listed ids in listed_
        std::uint32_t list_sizes[lists] = {};
        std::uint32_t due = none;    // in dues_, or none
        std::uint32_t revisions = 0; // the first of its due revisions in revisions_
        std::uint32_t revision_count = 0;
        std::uint32_t milestones = 0; // the first of its milestones in milestones_
        std::uint32_t milestone_count = 0;
        std::uint32_t ict = none;   // in icts_, or none
        std::uint32_t extra = none; // in extras_, or none
        Visibility visibility = Visibility::public_;
    };
    // The 64 bytes an action is kept in, beside its texts and parts.
    static_assert(sizeof(Entry) == 64);
    // A due: its text is the action's own, its periods lie in due_periods_, and what few dues
    // have besides (a recurrence, text not read, the reason) in due_rests_.
    struct Due {
        std::uint32_t periods = 0; // the first of its periods in due_periods_
        std::uint32_t period_count = 0;
        std::uint32_t rest = none; // in due_rests_, or none
        bool done = false;
    };
    // A period read from a due, its text kept once for the whole table.
    struct DuePeriod {
        Date start;
        Date end;
        std::uint32_t text = 0; // in terms_
        Precision precision = Precision::day;
    };
    struct DueRest {
        std::optional<Recurrence> recurrence;
        std::vector<std::string> unread;
        std::string reason;
    };
    // The citations and notes of the few actions that have them.
    struct Extra {
        std::vector<Citation> cites;
        std::vector<std::string> notes;
    };

    // How many of each of an action's parts the table holds.
    struct Sizes {
        std::size_t texts = 0;
        std::size_t listed = 0;
        std::size_t dues = 0;
        std::size_t due_periods = 0;
        std::size_t due_rests = 0;
        std::size_t revisions = 0;
        std::size_t milestones = 0;
        std::size_t icts = 0;
        std::size_t extras = 0;
    };

    [[nodiscard]] Sizes sizes() const noexcept;
    // Makes room for exactly `more` of each part, the texts' `bytes` in all.
    void reserve_parts(const Sizes& more, std::size_t bytes);
    // Forgets the parts past `sizes`.
    void cut_to(const Sizes& sizes) noexcept;
    // Adds `due`'s periods and rest after the others', and its entry to dues_.
    void add_due(const DateText& due);
    // The entry of `action`, its texts and lists added after the others'.
    Entry add(const Action& action, const Entry* before);
    // `append` and `append_taken`: `Table` is `const ActionTable` to copy the tables' parts,
    // `ActionTable` to move what holds strings of its own.
    template <typename Table>
    void append_tables(std::span<Table> tables);
    // Adds the entries of `table`, its listed ids and dues, for which there is room, after the
    // others, its parts to be placed from `at` on. Reads only this table's entries, terms,
    // listed ids and dues, so it may run beside `append_parts`.
    void append_entries(const ActionTable& table, const Sizes& at);
    // Adds the texts, due rests, revisions, milestones, ICT needs and extras of `table`, for
    // which there is room, after the others: copied, or moved from a table that is not const.
    template <typename Table>
    void append_parts(Table& table);
    // The list `list` of the action at `position`.
    [[nodiscard]] TextList list(std::uint32_t position, std::size_t list) const noexcept;

    std::vector<Entry> entries_;
    PackedTexts texts_;
    // Plans, sections and listed ids, each once.
    InternedTexts terms_;
    // The positions in terms_ of every action's listed ids, an action's lists one after
    // another.
    std::vector<std::uint32_t> listed_;
    std::vector<Due> dues_;
    std::vector<DuePeriod> due_periods_;
    std::vector<DueRest> due_rests_;
    std::vector<DueRevision> revisions_;
    std::vector<Milestone> milestones_;
    std::vector<IctRequirement> icts_;
    std::vector<Extra> extras_;
};

/// What `ActionTable::replace` notes of the actions it replaces, for `ActionTable::put_back`.
class ActionTable::Replaced {
public:
    Replaced() = default;
    /// True if it notes no replacement.
    [[nodiscard]] bool empty() const noexcept { return previous_.empty(); }

private:
    friend class ActionTable;
    // Each replaced action's entry and position, in the order replaced.
    std::vector<std::pair<std::uint32_t, Entry>> previous_;
    // The table's parts before the first replacement.
    Sizes sizes_before_;
};

inline std::string_view ActionView::id() const noexcept {
    return table_->id(position_);
}
inline Visibility ActionView::visibility() const noexcept {
    return table_->entries_[position_].visibility;
}
inline std::span<const Citation> ActionView::cites() const noexcept {
    const auto extra = table_->entries_[position_].extra;
    return extra == ActionTable::none ? std::span<const Citation>()
                                      : std::span<const Citation>(table_->extras_[extra].cites);
}
inline std::span<const std::string> ActionView::notes() const noexcept {
    const auto extra = table_->entries_[position_].extra;
    return extra == ActionTable::none ? std::span<const std::string>()
                                      : std::span<const std::string>(table_->extras_[extra].notes);
}
inline std::string_view ActionView::plan() const noexcept {
    return table_->plan(position_);
}
inline std::string_view ActionView::section() const noexcept {
    return table_->section(position_);
}
inline std::string_view ActionView::ref() const noexcept {
    return table_->texts_[table_->entries_[position_].texts + ActionTable::ref_text];
}
inline std::string_view ActionView::title() const noexcept {
    return table_->texts_[table_->entries_[position_].texts + ActionTable::title_text];
}
inline std::string_view ActionView::text() const noexcept {
    return table_->texts_[table_->entries_[position_].texts + ActionTable::text_text];
}
inline TextList ActionView::leads() const noexcept {
    return table_->list(position_, ActionTable::leads_list);
}
inline TextList ActionView::delivery() const noexcept {
    return table_->list(position_, ActionTable::delivery_list);
}
inline std::optional<std::string_view> ActionView::due_text() const noexcept {
    const auto& entry = table_->entries_[position_];
    return entry.due == ActionTable::none
               ? std::nullopt
               : std::optional<std::string_view>(
                     table_->texts_[entry.texts + ActionTable::due_text]);
}
inline std::span<const DueRevision> ActionView::due_revisions() const noexcept {
    const auto& entry = table_->entries_[position_];
    return std::span<const DueRevision>(table_->revisions_)
        .subspan(entry.revisions, entry.revision_count);
}
inline std::span<const Milestone> ActionView::milestones() const noexcept {
    const auto& entry = table_->entries_[position_];
    return std::span<const Milestone>(table_->milestones_)
        .subspan(entry.milestones, entry.milestone_count);
}
inline std::string_view ActionView::outcome() const noexcept {
    return table_->texts_[table_->entries_[position_].texts + ActionTable::outcome_text];
}
inline std::string_view ActionView::resources() const noexcept {
    return table_->texts_[table_->entries_[position_].texts + ActionTable::resources_text];
}
inline std::string_view ActionView::funding() const noexcept {
    return table_->texts_[table_->entries_[position_].texts + ActionTable::funding_text];
}
inline const IctRequirement* ActionView::ict() const noexcept {
    const auto ict = table_->entries_[position_].ict;
    return ict == ActionTable::none ? nullptr : &table_->icts_[ict];
}
inline TextList ActionView::addresses() const noexcept {
    return table_->list(position_, ActionTable::addresses_list);
}
inline TextList ActionView::source_tags() const noexcept {
    return table_->list(position_, ActionTable::source_tags_list);
}

inline TextList ActionView::plan_as_list() const noexcept {
    return {table_->terms_.texts(),
            std::span<const std::uint32_t>(&table_->entries_[position_].plan, 1)};
}
inline TextList ActionView::section_as_list() const noexcept {
    return {table_->terms_.texts(),
            std::span<const std::uint32_t>(&table_->entries_[position_].section, 1)};
}
inline TextList ActionView::ref_as_list() const noexcept {
    const std::size_t ref = table_->entries_[position_].texts + ActionTable::ref_text;
    return {table_->texts_, ref, ref + 1};
}

inline TextList ActionTable::list(std::uint32_t position, std::size_t list) const noexcept {
    const Entry& entry = entries_[position];
    std::size_t first = entry.listed;
    for (std::size_t before = 0; before < list; ++before) {
        first += entry.list_sizes[before];
    }
    return {terms_.texts(),
            std::span<const std::uint32_t>(listed_).subspan(first, entry.list_sizes[list])};
}

} // namespace bestvalue
