#pragma once

/// \file
/// Reading the date text of council papers: 'Feb/Mar 09', 'by 2005', 'Autumn, 2004',
/// 'Feb 09 Nov 08 Nov/Dec 08', 'Done - Refreshed annually', 'To be reported to Cabinet
/// March 2009'. The rules are set out in docs/calendar.md.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/calendar/recurrence.hpp>

namespace bestvalue {

/// What a piece of council date text says, as far as it can be read, and the text itself.
///
/// Nothing is lost or guessed: `text` is always the original; `periods` holds every date
/// expression found, in the order written; words that are not part of one are kept in
/// `unread`, and `reason` says why the text was not read in full.
struct DateText {
    /// The original text, verbatim.
    std::string text;
    /// Every period found, in the order written; each keeps the words it was read from.
    std::vector<Period> periods;
    /// A recurrence ('annually', 'Refreshed annually in March'), if the text gives one.
    std::optional<Recurrence> recurrence;
    /// True if the text marks the work as done ('Done', 'Completed').
    bool done = false;
    /// The runs of the text that were not read as dates, verbatim, in order
    /// ('To be reported to Cabinet'); connecting words ('by', 'in', 'the') and punctuation
    /// are not counted.
    std::vector<std::string> unread;
    /// Why the text was not read in full; empty when `is_exact()`.
    std::string reason;

    /// True if the whole text was read: something was found and nothing is left unread.
    [[nodiscard]] bool is_exact() const noexcept {
        return unread.empty() && (!periods.empty() || recurrence.has_value() || done);
    }

    friend bool operator==(const DateText&, const DateText&) = default;
};

/// The last day of what `text` says: the latest end among its periods, so 'Feb 09 Nov 08' ends
/// on 28 February 2009. Empty when no period was read (prose, a bare recurrence, 'Done').
[[nodiscard]] std::optional<Date> last_day(const DateText& text);

/// Reads council date text. Never throws for prose: what cannot be read comes back in
/// `unread`, with a `reason`.
///
/// Two-digit years ('Feb 09', '09/10') resolve to the century that puts them nearest the year of
/// `reference`, normally the date of the document the text comes from; without a reference
/// they are left unread.
///
/// \throws ParseError only for text that is plainly a date but an impossible one
/// ('31/02/2009', '30 February 2009'), with the column where it starts.
[[nodiscard]] DateText parse_date_text(std::string_view text,
                                       std::optional<Date> reference = std::nullopt);

/// Reads text that must be exactly one period ('Feb/Mar 09', 'Q3 2004/05', 'by 2005').
/// \throws ParseError if the text is not exactly one period, with the reason and column.
[[nodiscard]] Period parse_period(std::string_view text,
                                  std::optional<Date> reference = std::nullopt);

} // namespace bestvalue
