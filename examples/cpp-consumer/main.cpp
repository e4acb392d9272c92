// Reads the completion dates of one action in Rochford's 2009 CPA Improvement Plan and says
// which were overdue at the Executive meeting of 18 February 2009.

#include <iostream>

#include <bestvalue/bestvalue.hpp>

int main() {
    const bestvalue::Date meeting(2009, 2, 18);
    const auto reading = bestvalue::parse_date_text("Feb 09 Nov 08 Nov/Dec 08", meeting);
    std::cout << "bestvalue " << bestvalue::version << ": '" << reading.text << "'\n";
    for (const auto& period : reading.periods) {
        std::cout << "  " << period.text() << ": " << period.describe() << " ("
                  << bestvalue::to_string(period.precision()) << ")"
                  << (bestvalue::is_overdue_on(period, meeting) ? ", overdue" : "") << '\n';
    }
    return reading.periods.size() == 3 ? 0 : 1;
}
