"""
bestvalue's compiled core; use the bestvalue package, which re-exports it
"""
from __future__ import annotations
import datetime
import enum
import typing
__all__: list[str] = ['CalendarQuarter', 'DateText', 'Error', 'FinancialQuarter', 'FinancialYear', 'Frequency', 'ParseError', 'Period', 'Precision', 'Recurrence', 'Season', 'ValidationError', 'is_met', 'is_overdue_on', 'parse_date_text', 'parse_period', 'season_of', 'season_period']
class Error(Exception):
    """
    The root of every exception bestvalue raises.
    """
class ParseError(Error, ValueError):
    """
    Text that could not be read. Attributes: reason, text, source, line, column.
    """
class ValidationError(Error, ValueError):
    """
    A value that breaks a rule of the model. Attribute problems: a list of (location, message) pairs, every problem found.
    """
class Precision(enum.Enum):
    """
    How precisely a period was written.
    """
    day = ...
    day_range = ...
    financial_year = ...
    financial_year_range = ...
    month = ...
    month_range = ...
    open_by = ...
    quarter = ...
    season = ...
    year = ...
    year_range = ...
    @classmethod
    def __new__(cls, value):
        ...
class Season(enum.Enum):
    """
    A meteorological season (spring = March-May).
    """
    autumn = ...
    spring = ...
    summer = ...
    winter = ...
    @classmethod
    def __new__(cls, value):
        ...
class Frequency(enum.Enum):
    """
    How often something recurs.
    """
    annual = ...
    monthly = ...
    quarterly = ...
    six_monthly = ...
    weekly = ...
    @classmethod
    def __new__(cls, value):
        ...
class Period:
    """
    A span of whole days, both ends inclusive, with the precision it was written at and its original text. An open 'by' period has start None.
    """
    @staticmethod
    def by(end: datetime.date | str, text: str = '') -> Period:
        """
        An open period that ends on end: what 'by 1 April 2009' means.
        """
    @staticmethod
    def day(day: datetime.date | str, text: str = '') -> Period:
        """
        The single day.
        """
    @staticmethod
    def month(year: typing.SupportsInt | typing.SupportsIndex, month: typing.SupportsInt | typing.SupportsIndex, text: str = '') -> Period:
        """
        The whole of month (1-12) of year.
        """
    @staticmethod
    def year(year: typing.SupportsInt | typing.SupportsIndex, text: str = '') -> Period:
        """
        The calendar year, 1 January to 31 December.
        """
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ge__(self, arg0: Period) -> bool:
        ...
    def __getstate__(self) -> tuple[int, str, str, str, str]:
        ...
    def __gt__(self, arg0: Period) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, start: datetime.date | str | None, end: datetime.date | str, precision: Precision, text: str = '') -> None:
        """
        A period from start to end inclusive; start is None only for Precision.open_by.
        """
    def __le__(self, arg0: Period) -> bool:
        ...
    def __lt__(self, arg0: Period) -> bool:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    @typing.overload
    def contains(self, day: datetime.date | str) -> bool:
        """
        True if the day falls within the period.
        """
    @typing.overload
    def contains(self, other: Period) -> bool:
        """
        True if every day of other falls within this period.
        """
    def describe(self) -> str:
        """
        The span in words: '1 February 2009 – 31 March 2009'.
        """
    def overlaps(self, other: Period) -> bool:
        """
        True if at least one day is in both periods.
        """
    def with_text(self, text: str) -> Period:
        """
        The same span and precision with other text.
        """
    @property
    def end(self) -> datetime.date:
        """
        The last day.
        """
    @property
    def has_open_start(self) -> bool:
        """
        True for an open 'by' period, which has no first day.
        """
    @property
    def length_in_days(self) -> int | None:
        """
        Days in the period, both ends counted; None if open.
        """
    @property
    def precision(self) -> Precision:
        ...
    @property
    def start(self) -> datetime.date | None:
        """
        The first day, or None for an open 'by' period.
        """
    @property
    def text(self) -> str:
        """
        The text it was read from, verbatim.
        """
class FinancialYear:
    """
    A UK financial year, 1 April to 31 March, written '2003/04'.
    """
    @staticmethod
    def containing(day: datetime.date | str) -> FinancialYear:
        """
        The financial year a day falls in.
        """
    @staticmethod
    def parse(text: str, reference: datetime.date | str | None = None) -> FinancialYear:
        """
        Reads '2003/04', '2002/2003', '2002-03', or '09/10' with a reference date.
        """
    def __add__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> FinancialYear:
        ...
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ge__(self, arg0: FinancialYear) -> bool:
        ...
    def __getstate__(self) -> tuple[int, int]:
        ...
    def __gt__(self, arg0: FinancialYear) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, start_year: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        The financial year that starts on 1 April of start_year.
        """
    def __le__(self, arg0: FinancialYear) -> bool:
        ...
    def __lt__(self, arg0: FinancialYear) -> bool:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __radd__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> FinancialYear:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    @typing.overload
    def __sub__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> FinancialYear:
        ...
    @typing.overload
    def __sub__(self, arg0: FinancialYear) -> int:
        ...
    def contains(self, day: datetime.date | str) -> bool:
        ...
    def period(self) -> Period:
        """
        The year as a Period.
        """
    def quarter(self, number: typing.SupportsInt | typing.SupportsIndex) -> FinancialQuarter:
        """
        Quarter 1-4 (1 = April-June).
        """
    @property
    def end_year(self) -> int:
        ...
    @property
    def first_day(self) -> datetime.date:
        ...
    @property
    def label(self) -> str:
        """
        '2003/04'.
        """
    @property
    def last_day(self) -> datetime.date:
        ...
    @property
    def start_year(self) -> int:
        ...
class FinancialQuarter:
    """
    A quarter of a financial year: Q1 April-June … Q4 January-March.
    """
    @staticmethod
    def containing(day: datetime.date | str) -> FinancialQuarter:
        """
        The quarter a day falls in.
        """
    def __add__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> FinancialQuarter:
        ...
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ge__(self, arg0: FinancialQuarter) -> bool:
        ...
    def __getstate__(self) -> tuple[int, int, int]:
        ...
    def __gt__(self, arg0: FinancialQuarter) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, year: FinancialYear, number: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __le__(self, arg0: FinancialQuarter) -> bool:
        ...
    def __lt__(self, arg0: FinancialQuarter) -> bool:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __sub__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> FinancialQuarter:
        ...
    def contains(self, day: datetime.date | str) -> bool:
        ...
    def period(self) -> Period:
        """
        The quarter as a Period.
        """
    @property
    def first_day(self) -> datetime.date:
        ...
    @property
    def label(self) -> str:
        """
        'Q3 2004/05'.
        """
    @property
    def last_day(self) -> datetime.date:
        ...
    @property
    def number(self) -> int:
        """
        1-4.
        """
    @property
    def year(self) -> FinancialYear:
        ...
class CalendarQuarter:
    """
    A quarter of a calendar year: Q1 January-March.
    """
    @staticmethod
    def containing(day: datetime.date | str) -> CalendarQuarter:
        """
        The quarter a day falls in.
        """
    def __add__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> CalendarQuarter:
        ...
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ge__(self, arg0: CalendarQuarter) -> bool:
        ...
    def __getstate__(self) -> tuple[int, int, int]:
        ...
    def __gt__(self, arg0: CalendarQuarter) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, year: typing.SupportsInt | typing.SupportsIndex, number: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __le__(self, arg0: CalendarQuarter) -> bool:
        ...
    def __lt__(self, arg0: CalendarQuarter) -> bool:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __sub__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> CalendarQuarter:
        ...
    def contains(self, day: datetime.date | str) -> bool:
        ...
    def period(self) -> Period:
        """
        The quarter as a Period.
        """
    @property
    def first_day(self) -> datetime.date:
        ...
    @property
    def label(self) -> str:
        """
        'Q1 2009'.
        """
    @property
    def last_day(self) -> datetime.date:
        ...
    @property
    def number(self) -> int:
        """
        1-4.
        """
    @property
    def year(self) -> int:
        ...
class Recurrence:
    """
    Something done again and again: 'annually', 'Refreshed annually in March'.
    """
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, frequency: Frequency, month: typing.SupportsInt | typing.SupportsIndex | None = None, text: str = '') -> None:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def next_occurrence(self, day: datetime.date | str) -> Period | None:
        """
        The first occurrence ending on or after day, where the text says when; else None.
        """
    @property
    def frequency(self) -> Frequency:
        ...
    @property
    def month(self) -> int | None:
        """
        The month (1-12) of an annual recurrence that names one, else None.
        """
    @property
    def text(self) -> str:
        ...
class DateText:
    """
    What a piece of council date text says: its periods, recurrence and done marker, the words not read as dates, and the text itself.
    """
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __hash__(self) -> int:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def done(self) -> bool:
        """
        True if the text marks the work as done.
        """
    @property
    def is_exact(self) -> bool:
        """
        True if the whole text was read and something was found.
        """
    @property
    def periods(self) -> list[Period]:
        """
        Every period found, in order.
        """
    @property
    def reason(self) -> str:
        """
        Why it was not read in full; '' if it was.
        """
    @property
    def recurrence(self) -> Recurrence | None:
        ...
    @property
    def text(self) -> str:
        """
        The original text, verbatim.
        """
    @property
    def unread(self) -> list[str]:
        """
        Runs of the text not read as dates.
        """
def is_met(due: Period, completed_on: datetime.date | str) -> bool:
    """
    True if work completed on completed_on meets the due period (done by its end).
    """
def is_overdue_on(due: Period, day: datetime.date | str, completed_on: datetime.date | str | None = None) -> bool:
    """
    True if work due in due is overdue on day: not completed on day, and day is after the due period's end.
    """
def parse_date_text(text: str, reference: datetime.date | str | None = None) -> DateText:
    """
    Reads council date text ('Feb 09 Nov 08 Nov/Dec 08', 'Done - Refreshed annually'). Never raises for prose; raises ParseError for an impossible date. reference (a date) resolves two-digit years.
    """
def parse_period(text: str, reference: datetime.date | str | None = None) -> Period:
    """
    Reads text that must be exactly one period ('Feb/Mar 09'); raises ParseError otherwise. reference (a date) resolves two-digit years.
    """
def season_of(day: datetime.date | str) -> Season:
    """
    The season a day falls in.
    """
def season_period(season: Season, year: typing.SupportsInt | typing.SupportsIndex, text: str = '') -> Period:
    """
    The season of year as a Period; a winter belongs to the year of its December.
    """
__version__: str = '0.1.0'
