#include <bestvalue/calendar/season.hpp>

namespace bestvalue {

std::string_view to_string(Season season) {
    switch (season) {
    case Season::spring:
        return "spring";
    case Season::summer:
        return "summer";
    case Season::autumn:
        return "autumn";
    case Season::winter:
        return "winter";
    }
    return "unknown";
}

Season season_of(Date day) {
    const int month = day.month();
    if (month >= 3 && month <= 5) {
        return Season::spring;
    }
    if (month >= 6 && month <= 8) {
        return Season::summer;
    }
    if (month >= 9 && month <= 11) {
        return Season::autumn;
    }
    return Season::winter;
}

Period season_period(Season season, int year, std::string text) {
    const int first_month = 3 + 3 * static_cast<int>(season); // 3, 6, 9, 12
    const int last_month = first_month + 2;                   // 5, 8, 11, 14
    const int end_year = last_month > 12 ? year + 1 : year;
    const int end_month = last_month > 12 ? last_month - 12 : last_month;
    return {make_date(year, first_month, 1, text),
            make_date(end_year, end_month, days_in_month(end_year, end_month)), Precision::season,
            std::move(text)};
}

} // namespace bestvalue
