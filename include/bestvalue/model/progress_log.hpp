#pragma once

/// \file
/// `ProgressLog`: the progress updates a store holds, kept compactly and read in place.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/position_iterator.hpp>
#include <bestvalue/interned_texts.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/model/progress.hpp>
#include <bestvalue/model/record.hpp>
#include <bestvalue/packed_texts.hpp>

namespace bestvalue {

/// One update of a `ProgressLog`, read in place: the fields of a `ProgressUpdate`, its texts
/// and lists viewing the log's own. Valid until the log changes; `value()` makes an update of
/// its own.
struct ProgressUpdateView {
    std::string_view subject; ///< id of an action, section or plan
    Date as_of;
    std::optional<Date> recorded; ///< empty: recorded on `as_of`
    std::string_view status;      ///< a term of the plan's vocabulary, as written; may be empty
    std::optional<Lifecycle> lifecycle;
    std::optional<Health> health;
    std::optional<double> percent;
    std::string_view narrative;
    std::string_view author;
    Visibility visibility = Visibility::public_;
    std::span<const Citation> cites; ///< the papers that reported it
    std::span<const std::string> notes;

    /// The day it was recorded: `recorded`, or `as_of` when that is empty.
    [[nodiscard]] Date recorded_on() const { return recorded.value_or(as_of); }

    /// A view of `update`'s fields, valid while it is unchanged.
    [[nodiscard]] static ProgressUpdateView of(const ProgressUpdate& update) noexcept;

    /// The update as a value of its own, equal to the one the log was given.
    [[nodiscard]] ProgressUpdate value() const;
    /// `value()`, for constructing updates and containers of them from a log.
    explicit operator ProgressUpdate() const { return value(); }

    /// Field by field, as `ProgressUpdate`'s equality.
    friend bool operator==(const ProgressUpdateView& left, const ProgressUpdateView& right);
    /// True if `value()` would equal `update`, read without making it.
    friend bool operator==(const ProgressUpdateView& view, const ProgressUpdate& update);
};

/// The progress updates of a store, in the order added, each kept in 40 bytes and its texts
/// laid end to end: a national collection's four million updates take a fifth of what as many
/// `ProgressUpdate`s do (docs/performance.md, Hotspot 29). Read as a random-access sequence of
/// `ProgressUpdateView`s; the fields scans read most are read one at a time without a view.
///
/// Statuses and authors are kept once each, and a subject once for each run of its updates,
/// so the log is smallest when each subject's updates come together, as in every file this
/// library writes. A value type: copies are independent; equal logs hold equal updates in
/// the same order.
class ProgressLog {
public:
    /// Reads a log's updates in order, each as a `ProgressUpdateView` made when read.
    using iterator = detail::PositionIterator<ProgressLog, ProgressUpdateView>;
    using const_iterator = iterator;
    using value_type = ProgressUpdateView;
    using size_type = std::size_t;

    /// No updates.
    ProgressLog();

    /// How many updates there are.
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    /// True if there are none.
    [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
    /// How many updates it has room for before its entries move to a larger block.
    [[nodiscard]] std::size_t capacity() const noexcept { return entries_.capacity(); }

    /// The update at `position`, which must be less than `size()`.
    [[nodiscard]] ProgressUpdateView operator[](std::size_t position) const;
    [[nodiscard]] iterator begin() const noexcept { return {this, 0}; }
    [[nodiscard]] iterator end() const noexcept { return {this, entries_.size()}; }

    /// `(*this)[position].subject`, read without the rest of the update.
    [[nodiscard]] std::string_view subject(std::size_t position) const noexcept {
        return subjects_[entries_[position].subject];
    }
    /// `(*this)[position].as_of`, likewise.
    [[nodiscard]] Date as_of(std::size_t position) const noexcept {
        return entries_[position].as_of;
    }
    /// `(*this)[position].recorded_on()`, likewise.
    [[nodiscard]] Date recorded_on(std::size_t position) const noexcept {
        const Entry& entry = entries_[position];
        return (entry.flags & has_recorded) != 0 ? entry.recorded : entry.as_of;
    }
    /// `(*this)[position].percent`, likewise.
    [[nodiscard]] std::optional<double> percent(std::size_t position) const noexcept {
        const Entry& entry = entries_[position];
        return (entry.flags & has_percent) != 0 ? std::optional<double>(entry.percent)
                                                : std::nullopt;
    }

    /// Makes room for `count` more updates: for at least twice as many as there is room for
    /// when that is more, so that adding a few at a time moves the entries only as they
    /// double.
    void reserve(std::size_t count);
    /// Adds a copy of `update` after the others.
    /// \throws std::length_error past 2^32 - 2 updates, subjects or texts.
    void push_back(const ProgressUpdateView& update);
    /// Adds a copy of `update` after the others.
    void push_back(const ProgressUpdate& update) { push_back(ProgressUpdateView::of(update)); }
    /// Adds a copy of each of `other`'s updates after the others, in order.
    void append(const ProgressLog& other);
    /// Keeps the first `count` updates (at most `size()`) and forgets the rest.
    void truncate(std::size_t count);

    /// The same updates, field by field, in the same order.
    friend bool operator==(const ProgressLog& left, const ProgressLog& right);
    /// True if the log holds `updates`, in their order.
    friend bool operator==(const ProgressLog& log, std::span<const ProgressUpdate> updates);

private:
    // Where an update keeps no narrative, or no citations and notes.
    static constexpr std::uint32_t none = 0xFFFFFFFFU;
    static constexpr std::uint8_t has_recorded = 1U;
    static constexpr std::uint8_t has_percent = 2U;

    // One update: its dates and numbers in place, its texts as positions.
    struct Entry {
        Date as_of;
        Date recorded;               // when flags has has_recorded
        double percent = 0;          // when flags has has_percent
        std::uint32_t subject = 0;   // in subjects_
        std::uint32_t status = 0;    // in terms_
        std::uint32_t author = 0;    // in terms_
        std::uint32_t narrative = 0; // in narratives_, or none
        std::uint32_t extra = 0;     // in extras_, or none
        std::uint8_t lifecycle = 0;  // 0 for none, else the Lifecycle plus one
        std::uint8_t health = 0;     // likewise
        std::uint8_t visibility = 0; // a Visibility, in one byte
        std::uint8_t flags = 0;
    };
    // The 40 bytes an update is kept in, where a Date is a day number of 4 bytes.
    static_assert(sizeof(Date) != 4 || sizeof(Entry) == 40);
    // The citations and notes of the few updates that have them.
    struct Extra {
        std::vector<Citation> cites;
        std::vector<std::string> notes;
    };

    std::vector<Entry> entries_;
    // Each run of updates of one subject has the subject once.
    PackedTexts subjects_;
    // Statuses and authors, each once.
    InternedTexts terms_;
    PackedTexts narratives_;
    std::vector<Extra> extras_;
};

} // namespace bestvalue
