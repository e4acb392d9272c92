"""bestvalue: improvement plans, inspections and ratings of public bodies, modelled and queried.

The compiled core (``bestvalue._core``) holds the model; this package re-exports it under the
same names as the C++ library. Dates go in and come out as :class:`datetime.date`; an ISO
string such as ``"2009-02-18"`` is accepted wherever a date is.

>>> import bestvalue as bv
>>> print(bv.parse_period("Feb/Mar 09", reference="2009-02-18"))
1 February 2009 – 31 March 2009 (month_range, 'Feb/Mar 09')
"""

from bestvalue._core import (
    CalendarQuarter,
    DateText,
    Error,
    FinancialQuarter,
    FinancialYear,
    Frequency,
    ParseError,
    Period,
    Precision,
    Recurrence,
    Season,
    ValidationError,
    __version__,
    is_met,
    is_overdue_on,
    parse_date_text,
    parse_period,
    season_of,
    season_period,
)

__all__ = [
    "CalendarQuarter",
    "DateText",
    "Error",
    "FinancialQuarter",
    "FinancialYear",
    "Frequency",
    "ParseError",
    "Period",
    "Precision",
    "Recurrence",
    "Season",
    "ValidationError",
    "__version__",
    "is_met",
    "is_overdue_on",
    "parse_date_text",
    "parse_period",
    "season_of",
    "season_period",
]
