#include <bestvalue/calendar/recurrence.hpp>

namespace bestvalue {

std::string_view to_string(Frequency frequency) {
    const auto name = to_name(frequency);
    return name.empty() ? "unknown" : name;
}

std::optional<Period> Recurrence::next_occurrence(Date day) const {
    if (day.is_special()) {
        return std::nullopt;
    }
    const int year = day.year();
    if (frequency == Frequency::monthly) {
        return Period::month(year, day.month(), text);
    }
    if (frequency == Frequency::annual && month.has_value()) {
        const Period this_year = Period::month(year, *month, text);
        return this_year.end() < day ? Period::month(year + 1, *month, text) : this_year;
    }
    return std::nullopt;
}

} // namespace bestvalue
