#pragma once

// Converts bestvalue::Date (Boost's gregorian date) to and from Python's datetime.date.
// An ISO string ('2009-02-18') is accepted wherever a date is, as analysts type them; an open
// end of a period (-infinity) comes out as None.

#include <datetime.h>

#include <bestvalue/calendar/date.hpp>

#include <pybind11/pybind11.h>

namespace pybind11::detail {

template <>
struct type_caster<bestvalue::Date> {
    PYBIND11_TYPE_CASTER(bestvalue::Date, io_name("datetime.date | str", "datetime.date"));

    bool load(handle source, bool /*convert*/) {
        ensure_datetime_api();
        if (!source || source.is_none()) {
            return false;
        }
        if (PyUnicode_Check(source.ptr())) {
            value = bestvalue::parse_iso_date(source.cast<std::string>());
            return true;
        }
        if (!PyDate_Check(source.ptr())) {
            return false;
        }
        value = bestvalue::make_date(PyDateTime_GET_YEAR(source.ptr()),
                                     PyDateTime_GET_MONTH(source.ptr()),
                                     PyDateTime_GET_DAY(source.ptr()));
        return true;
    }

    static handle cast(const bestvalue::Date& date, return_value_policy /*policy*/,
                       handle /*parent*/) {
        ensure_datetime_api();
        if (date.is_special()) {
            return none().release();
        }
        return PyDate_FromDate(static_cast<int>(date.year()), date.month().as_number(),
                               date.day().as_number());
    }

private:
    static void ensure_datetime_api() {
        if (PyDateTimeAPI == nullptr) {
            PyDateTime_IMPORT;
        }
    }
};

} // namespace pybind11::detail
