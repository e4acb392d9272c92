"""
bestvalue's compiled core; use the bestvalue package, which re-exports it
"""
from __future__ import annotations
import collections.abc
import datetime
import enum
import os
import typing
__all__: list[str] = ['Action', 'ActionCollection', 'Assessment', 'AssessmentCollection', 'AssessmentKind', 'AssessmentStatus', 'CalendarQuarter', 'Citation', 'DateText', 'Document', 'DocumentCollection', 'DueRevision', 'EntityKind', 'Error', 'FinancialQuarter', 'FinancialYear', 'Frequency', 'Health', 'IctRequirement', 'LegendEntry', 'Lifecycle', 'Milestone', 'NotFound', 'Officer', 'OfficerCollection', 'OfficerKind', 'Organisation', 'OrganisationCollection', 'OrganisationKind', 'ParseError', 'Period', 'Plan', 'PlanCollection', 'PlanKind', 'PlanStatus', 'PlanTarget', 'PlanVersion', 'PostHolder', 'Precision', 'ProgrammeTrack', 'ProgressUpdate', 'Rating', 'RatingCollection', 'Recommendation', 'RecommendationCollection', 'Record', 'Recurrence', 'Scale', 'ScaleLevel', 'Season', 'Section', 'ServiceArea', 'ServiceAreaCollection', 'StatusTerm', 'StatusVocabulary', 'Store', 'ValidationError', 'Visibility', 'is_met', 'is_overdue_on', 'load', 'parse_date_text', 'parse_period', 'season_of', 'season_period']
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
    A value that breaks a rule of the model. Attribute problems: a list of (location, message, line, column), every problem found.
    """
class NotFound(Error, KeyError):
    """
    An id that is not there. Attributes: kind, id.
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
class Visibility(enum.Enum):
    """
    Public, or exempt under Schedule 12A of the Local Government Act 1972.
    """
    exempt = ...
    public = ...
    @classmethod
    def __new__(cls, value):
        ...
class OrganisationKind(enum.Enum):
    """
    What kind of body an organisation is.
    """
    auditor = ...
    city_council = ...
    county_council = ...
    district_council = ...
    government_office = ...
    inspectorate = ...
    london_borough = ...
    metropolitan_council = ...
    other = ...
    partnership = ...
    peer_review_team = ...
    unitary_council = ...
    @classmethod
    def __new__(cls, value):
        ...
class OfficerKind(enum.Enum):
    """
    A post, a team or a named person.
    """
    person = ...
    post = ...
    team = ...
    @classmethod
    def __new__(cls, value):
        ...
class AssessmentKind(enum.Enum):
    """
    The kinds of inspection, audit, review and assessment.
    """
    annual_review = ...
    audit_letter = ...
    best_value_review = ...
    corporate_assessment = ...
    cpa = ...
    direction_of_travel = ...
    follow_up = ...
    other = ...
    peer_review = ...
    re_inspection = ...
    service_inspection = ...
    staged_inspection = ...
    use_of_resources = ...
    @classmethod
    def __new__(cls, value):
        ...
class AssessmentStatus(enum.Enum):
    """
    Where an assessment stands in its programme.
    """
    cancelled = ...
    completed = ...
    confirmed = ...
    delayed = ...
    in_progress = ...
    offered = ...
    possible = ...
    proposed = ...
    @classmethod
    def __new__(cls, value):
        ...
class ProgrammeTrack(enum.Enum):
    """
    Improvement work or assessment work.
    """
    assessment_work = ...
    improvement_work = ...
    @classmethod
    def __new__(cls, value):
        ...
class PlanKind(enum.Enum):
    """
    What kind of plan.
    """
    action_plan = ...
    improvement_plan = ...
    programme = ...
    work_programme = ...
    @classmethod
    def __new__(cls, value):
        ...
class PlanStatus(enum.Enum):
    """
    A plan's own status.
    """
    adopted = ...
    closed = ...
    draft = ...
    referenced = ...
    @classmethod
    def __new__(cls, value):
        ...
class Lifecycle(enum.Enum):
    """
    Where a piece of work is in its life.
    """
    cancelled = ...
    completed = ...
    deferred = ...
    in_progress = ...
    not_started = ...
    on_hold = ...
    superseded = ...
    @classmethod
    def __new__(cls, value):
        ...
class Health(enum.Enum):
    """
    Red, amber, green, or blue for complete.
    """
    amber = ...
    blue = ...
    green = ...
    red = ...
    @classmethod
    def __new__(cls, value):
        ...
class Citation:
    """
    A reference to the paper a fact came from.
    """
    def __repr__(self) -> str:
        ...
    @property
    def document(self) -> str:
        """
        The id of the document.
        """
    @property
    def paragraph(self) -> str:
        """
        Where in it; '' if not given.
        """
class Record:
    """
    The fields every entity has.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    @property
    def cites(self) -> list[Citation]:
        """
        The papers its facts come from.
        """
    @property
    def id(self) -> str:
        """
        Unique in a store across all kinds.
        """
    @property
    def notes(self) -> list[str]:
        """
        Notes, including fixes made to the source.
        """
    @property
    def visibility(self) -> Visibility:
        ...
class Document(Record):
    """
    The paper facts come from.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def author(self) -> str:
        ...
    @property
    def contact(self) -> str:
        ...
    @property
    def date(self) -> datetime.date | None:
        """
        The meeting or paper date: the reference date.
        """
    @property
    def item(self) -> str:
        ...
    @property
    def meeting(self) -> str:
        ...
    @property
    def organisation(self) -> str:
        ...
    @property
    def source(self) -> str:
        ...
    @property
    def status(self) -> str:
        ...
    @property
    def title(self) -> str:
        ...
class Organisation(Record):
    """
    A council, inspectorate, auditor or partnership.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def codes(self) -> dict[str, str]:
        """
        Codes by scheme: {'gss': …}.
        """
    @property
    def end(self) -> datetime.date | None:
        ...
    @property
    def kind(self) -> OrganisationKind:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def start(self) -> datetime.date | None:
        ...
    @property
    def successor(self) -> str:
        ...
class PostHolder:
    """
    Someone who held a post, and when.
    """
    @property
    def from_(self) -> datetime.date | None:
        """
        From (None if not known).
        """
    @property
    def name(self) -> str:
        ...
    @property
    def to(self) -> datetime.date | None:
        ...
class Officer(Record):
    """
    A post, team or named person.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def abbreviation(self) -> str:
        ...
    @property
    def holders(self) -> list[PostHolder]:
        ...
    @property
    def kind(self) -> OfficerKind:
        ...
    @property
    def organisation(self) -> str:
        ...
    @property
    def post(self) -> str:
        ...
    @property
    def unit(self) -> str:
        ...
class ServiceArea(Record):
    """
    A service; service areas form a tree.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def parent(self) -> str:
        ...
class ScaleLevel:
    """
    One level of a scale.
    """
    def __repr__(self) -> str:
        ...
    @property
    def code(self) -> str:
        ...
    @property
    def label(self) -> str:
        ...
    @property
    def value(self) -> float:
        ...
class Scale(Record):
    """
    Ordered levels, lowest first.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def find_level(self, code: str) -> ScaleLevel | None:
        """
        The level with this code, or None.
        """
    @property
    def levels(self) -> list[ScaleLevel]:
        ...
    @property
    def name(self) -> str:
        ...
class StatusTerm:
    """
    A word or symbol of a vocabulary.
    """
    @property
    def health(self) -> Health | None:
        ...
    @property
    def label(self) -> str:
        ...
    @property
    def lifecycle(self) -> Lifecycle:
        ...
    @property
    def term(self) -> str:
        ...
class StatusVocabulary(Record):
    """
    How a source writes progress, and what it means.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def terms(self) -> list[StatusTerm]:
        ...
class Assessment(Record):
    """
    An inspection, audit, review or assessment.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def actual(self) -> DateText | None:
        ...
    @property
    def assessors(self) -> list[str]:
        ...
    @property
    def challenge_officers(self) -> list[str]:
        ...
    @property
    def description(self) -> str:
        ...
    @property
    def kind(self) -> AssessmentKind:
        ...
    @property
    def markers(self) -> list[str]:
        ...
    @property
    def programme(self) -> str:
        ...
    @property
    def responsible_officers(self) -> list[str]:
        ...
    @property
    def scheduled(self) -> DateText | None:
        ...
    @property
    def service_areas(self) -> list[str]:
        ...
    @property
    def status(self) -> AssessmentStatus | None:
        ...
    @property
    def subject(self) -> str:
        ...
    @property
    def title(self) -> str:
        ...
    @property
    def track(self) -> ProgrammeTrack | None:
        ...
class Rating(Record):
    """
    A level on a scale for a subject at a date.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def assessment(self) -> str:
        ...
    @property
    def component(self) -> str:
        ...
    @property
    def date(self) -> datetime.date | None:
        ...
    @property
    def level(self) -> str:
        ...
    @property
    def scale(self) -> str:
        ...
    @property
    def service_area(self) -> str:
        ...
    @property
    def subject(self) -> str:
        ...
    @property
    def text(self) -> str:
        ...
class Recommendation(Record):
    """
    What an inspection, letter or peer review asked for.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def number(self) -> str:
        ...
    @property
    def priority(self) -> str:
        ...
    @property
    def source(self) -> str:
        ...
    @property
    def source_tag(self) -> str:
        ...
    @property
    def text(self) -> str:
        ...
class PlanVersion:
    """
    A row of the record of review and amendment.
    """
    @property
    def amended(self) -> str:
        ...
    @property
    def amendment_date(self) -> datetime.date | None:
        ...
    @property
    def approved_by(self) -> str:
        ...
    @property
    def issues(self) -> str:
        ...
    @property
    def number(self) -> str:
        ...
    @property
    def review_date(self) -> datetime.date | None:
        ...
class PlanTarget:
    """
    An ambition, on a scale or in words.
    """
    @property
    def due(self) -> DateText | None:
        ...
    @property
    def level(self) -> str:
        ...
    @property
    def scale(self) -> str:
        ...
    @property
    def text(self) -> str:
        ...
class LegendEntry:
    """
    An abbreviation and its meaning.
    """
    @property
    def abbreviation(self) -> str:
        ...
    @property
    def meaning(self) -> str:
        ...
class Section:
    """
    A section or objective of a plan.
    """
    def __repr__(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def objective(self) -> str:
        ...
    @property
    def parent(self) -> str:
        ...
    @property
    def ref(self) -> str:
        ...
    @property
    def title(self) -> str:
        ...
class Plan(Record):
    """
    An improvement plan, action plan or programme.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def addresses(self) -> list[str]:
        ...
    @property
    def adopted(self) -> datetime.date | None:
        ...
    @property
    def audience(self) -> str:
        ...
    @property
    def cadence(self) -> str:
        ...
    @property
    def horizon(self) -> DateText | None:
        ...
    @property
    def kind(self) -> PlanKind:
        ...
    @property
    def legend(self) -> list[LegendEntry]:
        ...
    @property
    def organisation(self) -> str:
        ...
    @property
    def scope(self) -> str:
        ...
    @property
    def sections(self) -> list[Section]:
        ...
    @property
    def status(self) -> PlanStatus | None:
        ...
    @property
    def targets(self) -> list[PlanTarget]:
        ...
    @property
    def title(self) -> str:
        ...
    @property
    def versions(self) -> list[PlanVersion]:
        """
        The record of review and amendment.
        """
    @property
    def vocabulary(self) -> str:
        ...
class DueRevision:
    """
    A revision of an action's due.
    """
    @property
    def approved_by(self) -> str:
        ...
    @property
    def approved_on(self) -> datetime.date | None:
        ...
    @property
    def due(self) -> DateText:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def revised_on(self) -> datetime.date | None:
        ...
class Milestone:
    """
    A step of an action with its own due.
    """
    @property
    def due(self) -> DateText | None:
        ...
    @property
    def leads(self) -> list[str]:
        ...
    @property
    def title(self) -> str:
        ...
class IctRequirement:
    """
    An action's ICT needs.
    """
    @property
    def required(self) -> bool | None:
        """
        True/False, or None if unsaid.
        """
    @property
    def text(self) -> str:
        ...
class Action(Record):
    """
    An action of a plan.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def addresses(self) -> list[str]:
        ...
    @property
    def delivery(self) -> list[str]:
        ...
    @property
    def due(self) -> DateText | None:
        """
        The due as written, with what was read from it.
        """
    @property
    def due_end(self) -> datetime.date | None:
        """
        The last day it is due (latest revision), or None.
        """
    @property
    def due_revisions(self) -> list[DueRevision]:
        ...
    @property
    def funding(self) -> str:
        ...
    @property
    def ict(self) -> IctRequirement | None:
        ...
    @property
    def leads(self) -> list[str]:
        ...
    @property
    def milestones(self) -> list[Milestone]:
        ...
    @property
    def outcome(self) -> str:
        ...
    @property
    def plan(self) -> str:
        ...
    @property
    def ref(self) -> str:
        ...
    @property
    def resources(self) -> str:
        ...
    @property
    def section(self) -> str:
        ...
    @property
    def source_tags(self) -> list[str]:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def title(self) -> str:
        ...
class ProgressUpdate:
    """
    A dated update on an action, section or plan.
    """
    def __repr__(self) -> str:
        ...
    @property
    def as_of(self) -> datetime.date:
        """
        The date it speaks of.
        """
    @property
    def author(self) -> str:
        ...
    @property
    def cites(self) -> list[Citation]:
        ...
    @property
    def health(self) -> Health | None:
        ...
    @property
    def lifecycle(self) -> Lifecycle | None:
        ...
    @property
    def narrative(self) -> str:
        ...
    @property
    def notes(self) -> list[str]:
        ...
    @property
    def percent(self) -> float | None:
        ...
    @property
    def recorded(self) -> datetime.date | None:
        """
        When recorded; None: on as_of.
        """
    @property
    def status(self) -> str:
        """
        The source's own status word.
        """
    @property
    def subject(self) -> str:
        ...
    @property
    def visibility(self) -> Visibility:
        ...
class EntityKind(enum.Enum):
    """
    The kinds of entity a store holds.
    """
    action = ...
    assessment = ...
    document = ...
    officer = ...
    organisation = ...
    plan = ...
    rating = ...
    recommendation = ...
    scale = ...
    section = ...
    service_area = ...
    vocabulary = ...
    @classmethod
    def __new__(cls, value):
        ...
class DocumentCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Document:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> Document:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class OrganisationCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Organisation:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> Organisation:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class OfficerCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Officer:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> Officer:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class ServiceAreaCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> ServiceArea:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> ServiceArea:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class AssessmentCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Assessment:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> Assessment:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class RatingCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Rating:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> Rating:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class RecommendationCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Recommendation:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> Recommendation:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class PlanCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Plan:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> Plan:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class ActionCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        ...
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Action:
        ...
    @typing.overload
    def __getitem__(self, id: str) -> Action:
        """
        The entity with this id; raises NotFound (a KeyError) if there is none.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies of the entities, in the order they were added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def get(self, id: str, default: typing.Any = None) -> typing.Any:
        """
        The entity with this id, or default.
        """
    def ids(self) -> list[str]:
        """
        Every id, in order.
        """
class Store:
    """
    Owns every entity of a collection of plans and checks they hold together. Adding is all or nothing.
    """
    def __copy__(self) -> Store:
        ...
    def __deepcopy__(self, memo: dict) -> Store:
        ...
    def __init__(self) -> None:
        """
        An empty store (with the built-in scales and vocabularies).
        """
    def __repr__(self) -> str:
        ...
    def health_on(self, subject: str, day: datetime.date | str) -> Health | None:
        """
        The health on day, from the status history, or None.
        """
    def is_overdue_on(self, action: str, day: datetime.date | str) -> bool:
        """
        True if the action's due ended before day and it was not completed on day.
        """
    def kind_of(self, id: str) -> EntityKind | None:
        """
        What kind of entity has this id, or None.
        """
    def lifecycle_on(self, subject: str, day: datetime.date | str) -> Lifecycle:
        """
        The lifecycle on day, from the status history; not_started if none.
        """
    def load(self, path: os.PathLike | str | bytes) -> None:
        """
        Adds the JSON document in path: all of it, or nothing (raises ParseError or ValidationError).
        """
    def plan_of(self, subject: str) -> Plan | None:
        """
        The plan an action, section or plan belongs to, or None.
        """
    def progress_of(self, subject: str) -> list[ProgressUpdate]:
        """
        The updates of an action, section or plan, in date order.
        """
    def read_json(self, text: str, source: str = '') -> None:
        """
        Adds a JSON document given as text: all of it, or nothing.
        """
    def reference_date_of(self, id: str) -> datetime.date | None:
        """
        The date of the first document the entity (or its plan) cites, or None.
        """
    def save(self, path: os.PathLike | str | bytes) -> None:
        """
        Writes the store to path as a canonical JSON document.
        """
    def scale(self, id: str) -> Scale:
        """
        The scale with this id (built-in ones included).
        """
    def section(self, id: str) -> Section:
        """
        The section with this id.
        """
    def status_on(self, subject: str, day: datetime.date | str) -> ProgressUpdate | None:
        """
        The update a committee would have been shown on day, or None.
        """
    def to_json(self) -> str:
        """
        The store as a canonical JSON document.
        """
    def vocabulary(self, id: str) -> StatusVocabulary:
        """
        The status vocabulary with this id (built-in ones included).
        """
    @property
    def actions(self) -> ActionCollection:
        ...
    @property
    def assessments(self) -> AssessmentCollection:
        ...
    @property
    def documents(self) -> DocumentCollection:
        ...
    @property
    def officers(self) -> OfficerCollection:
        ...
    @property
    def organisations(self) -> OrganisationCollection:
        ...
    @property
    def plans(self) -> PlanCollection:
        ...
    @property
    def progress(self) -> list[ProgressUpdate]:
        """
        Every progress update, in the order added.
        """
    @property
    def ratings(self) -> RatingCollection:
        ...
    @property
    def recommendations(self) -> RecommendationCollection:
        ...
    @property
    def service_areas(self) -> ServiceAreaCollection:
        ...
def is_met(due: Period, completed_on: datetime.date | str) -> bool:
    """
    True if work completed on completed_on meets the due period (done by its end).
    """
def is_overdue_on(due: Period, day: datetime.date | str, completed_on: datetime.date | str | None = None) -> bool:
    """
    True if work due in due is overdue on day: not completed on day, and day is after the due period's end.
    """
def load(path: os.PathLike | str | bytes) -> Store:
    """
    A new Store holding the JSON document in path (raises ParseError or ValidationError, with every problem located).
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
