#include <cctype>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/date_text.hpp>

#include <catch2/catch.hpp>

#include "seed_dates.hpp"
#include "tsv.hpp"

namespace bestvalue::testing {

std::vector<SeedDate> read_seed_dates() {
    std::vector<SeedDate> rows;
    for (const auto& row : read_tsv("seed_dates.tsv", {"document", "reference", "text", "periods",
                                                       "recurrence", "done", "exact"})) {
        rows.push_back({row["document"], row["reference"], row["text"], row["periods"],
                        row["recurrence"], row["done"], row["exact"], row.line});
    }
    return rows;
}

std::string format_periods(const DateText& reading) {
    std::string out;
    for (const auto& period : reading.periods) {
        if (!out.empty()) {
            out += "; ";
        }
        out += period.has_open_start() ? "" : to_iso(period.start());
        out += "..";
        out += to_iso(period.end());
        out += ' ';
        out += to_string(period.precision());
    }
    return out;
}

std::string format_recurrence(const DateText& reading) {
    if (!reading.recurrence) {
        return {};
    }
    std::string out(to_string(reading.recurrence->frequency));
    if (reading.recurrence->month) {
        std::string month(month_name(*reading.recurrence->month));
        for (auto& c : month) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        out += ' ' + month;
    }
    return out;
}

} // namespace bestvalue::testing

using bestvalue::testing::read_seed_dates;

TEST_CASE("every date expression in the five seed documents reads as expected",
          "[calendar][parser][seeds]") {
    const auto rows = read_seed_dates();
    REQUIRE(rows.size() >= 150);
    std::size_t documents_seen = 0;
    std::string last_document;
    for (const auto& row : rows) {
        if (row.document != last_document) {
            ++documents_seen;
            last_document = row.document;
        }
        INFO("tests/data/seed_dates.tsv line " << row.line << ": '" << row.text << "'");
        const auto reading =
            bestvalue::parse_date_text(row.text, bestvalue::parse_iso_date(row.reference));
        CHECK(reading.text == row.text);
        CHECK(bestvalue::testing::format_periods(reading) == row.periods);
        CHECK(bestvalue::testing::format_recurrence(reading) == row.recurrence);
        CHECK(reading.done == (row.done == "yes"));
        CHECK(reading.is_exact() == (row.exact == "yes"));
        CHECK(reading.reason.empty() == reading.is_exact());
        for (const auto& period : reading.periods) {
            // Each period keeps the very words it was read from.
            CHECK(row.text.find(period.text()) != std::string::npos);
        }
    }
    CHECK(documents_seen == 5);
}
