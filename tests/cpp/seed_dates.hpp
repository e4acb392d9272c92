#pragma once

// Reads tests/data/seed_dates.tsv: every date expression in the five seed documents, with the
// periods, recurrence and done marker it must read as.

#include <string>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>

namespace bestvalue::testing {

struct SeedDate {
    std::string document;
    std::string reference;
    std::string text;
    std::string periods;
    std::string recurrence;
    std::string done;
    std::string exact;
    std::size_t line = 0;
};

std::vector<SeedDate> read_seed_dates();

// A reading written in the file's notation, for comparison with the expected columns.
std::string format_periods(const DateText& reading);
std::string format_recurrence(const DateText& reading);

} // namespace bestvalue::testing
