"""
bestvalue's compiled core; use the bestvalue package, which re-exports it
"""
from __future__ import annotations
import collections.abc
import datetime
import enum
import numpy
import os
import pathlib
import typing
__all__: list[str] = ['Action', 'ActionCollection', 'ActionField', 'ActionQuery', 'ActionSelection', 'AmbitionCheck', 'AmbitionStatus', 'Assessment', 'AssessmentCollection', 'AssessmentField', 'AssessmentKind', 'AssessmentSelection', 'AssessmentStatus', 'Baseline', 'CalendarQuarter', 'ChangeKind', 'Citation', 'ColumnType', 'CompletionPoint', 'ComponentChange', 'ComponentGroup', 'Contents', 'CoverageSummary', 'Database', 'DatabaseError', 'DatabaseFailure', 'DateText', 'Direction', 'Document', 'DocumentCollection', 'DueRevision', 'EntityKind', 'Error', 'Evaluation', 'EvaluationStep', 'FieldChange', 'FinancialQuarter', 'FinancialYear', 'Framework', 'FrameworkComponent', 'FrameworkSource', 'Frequency', 'Health', 'HealthThresholds', 'HistoryStep', 'IctRequirement', 'LegendEntry', 'Lifecycle', 'Lift', 'MarkedCell', 'Milestone', 'NotFound', 'Officer', 'OfficerCollection', 'OfficerKind', 'Organisation', 'OrganisationCollection', 'OrganisationKind', 'ParseError', 'Period', 'Plan', 'PlanChange', 'PlanCollection', 'PlanDiff', 'PlanField', 'PlanKind', 'PlanSelection', 'PlanStatus', 'PlanTarget', 'PlanVersion', 'PostHolder', 'Precision', 'ProgrammeTrack', 'ProgressUpdate', 'QueryCollection', 'QueryError', 'QueryResult', 'Rating', 'RatingChange', 'RatingCollection', 'RatingColumn', 'RatingField', 'RatingSelection', 'RatingTableImport', 'RatingTableMapping', 'Recommendation', 'RecommendationCollection', 'RecommendationField', 'RecommendationSelection', 'Record', 'Recurrence', 'Regime', 'Scale', 'ScaleLevel', 'ScaleMapping', 'Season', 'Section', 'SeriesPoint', 'ServiceArea', 'ServiceAreaCollection', 'SkippedRow', 'Slippage', 'StatusTerm', 'StatusVocabulary', 'Store', 'Table', 'TraceRow', 'UnknownSubjects', 'ValidationError', 'Visibility', 'action_table', 'actions_addressing', 'assessment_table', 'builtin_regimes', 'changes_between', 'check_ambitions', 'compare_subjects', 'completion_series', 'computed_health_on', 'coverage_by_source', 'coverage_by_source_tag', 'coverage_on', 'diff_plans', 'direction_between', 'evaluate', 'framework_search_path', 'health_disagrees_on', 'health_start_of', 'history_with_directions', 'is_addressed', 'is_delivered_on', 'is_met', 'is_overdue_on', 'load', 'load_framework', 'open', 'parse_date_text', 'parse_framework', 'parse_period', 'plan_life', 'plan_table', 'plans_addressing', 'rating_history', 'rating_history_ids', 'rating_table', 'read_rating_table', 'read_rating_table_file', 'recommendation_table', 'recommendations_addressed_by', 'regime_of', 'regime_of_rating', 'run_query', 'season_of', 'season_period', 'shipped_frameworks', 'slippage_on', 'smallest_lifts', 'traceability', 'what_if']
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
class QueryError(Error, ValueError):
    """
    A query that cannot be read or run. Attributes: reason, query, column.
    """
class DatabaseError(Error, OSError):
    """
    A database file that cannot be opened, read or written; nothing was written. Attributes: failure (a DatabaseFailure), path, reason.
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
        """
        How precisely it was written.
        """
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
        """
        True if the day falls within the year.
        """
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
        """
        The calendar year in which it ends (2004 for 2003/04).
        """
    @property
    def first_day(self) -> datetime.date:
        """
        1 April of the start year.
        """
    @property
    def label(self) -> str:
        """
        '2003/04'.
        """
    @property
    def last_day(self) -> datetime.date:
        """
        31 March of the end year.
        """
    @property
    def start_year(self) -> int:
        """
        The calendar year in which it starts (2003 for 2003/04).
        """
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
        """
        Quarter number (1-4) of the given financial year.
        """
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
        """
        True if the day falls within the quarter.
        """
    def period(self) -> Period:
        """
        The quarter as a Period.
        """
    @property
    def first_day(self) -> datetime.date:
        """
        The first day of the quarter.
        """
    @property
    def label(self) -> str:
        """
        'Q3 2004/05'.
        """
    @property
    def last_day(self) -> datetime.date:
        """
        The last day of the quarter.
        """
    @property
    def number(self) -> int:
        """
        1-4.
        """
    @property
    def year(self) -> FinancialYear:
        """
        The financial year it is a quarter of.
        """
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
        """
        Quarter number (1-4) of the given calendar year.
        """
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
        """
        True if the day falls within the quarter.
        """
    def period(self) -> Period:
        """
        The quarter as a Period.
        """
    @property
    def first_day(self) -> datetime.date:
        """
        The first day of the quarter.
        """
    @property
    def label(self) -> str:
        """
        'Q1 2009'.
        """
    @property
    def last_day(self) -> datetime.date:
        """
        The last day of the quarter.
        """
    @property
    def number(self) -> int:
        """
        1-4.
        """
    @property
    def year(self) -> int:
        """
        The calendar year it is a quarter of.
        """
class Recurrence:
    """
    Something done again and again: 'annually', 'Refreshed annually in March'.
    """
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, frequency: Frequency, month: typing.SupportsInt | typing.SupportsIndex | None = None, text: str = '') -> None:
        """
        A recurrence of frequency; month (1-12) only for an annual one that names it.
        """
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
        """
        How often it recurs.
        """
    @property
    def month(self) -> int | None:
        """
        The month (1-12) of an annual recurrence that names one, else None.
        """
    @property
    def text(self) -> str:
        """
        The text it was read from, verbatim.
        """
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
        """
        A recurrence ('annually'), if the text gives one; else None.
        """
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
        """
        Public, or exempt under Schedule 12A.
        """
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
        """
        Who wrote it.
        """
    @property
    def contact(self) -> str:
        """
        Whom to contact about it.
        """
    @property
    def date(self) -> datetime.date | None:
        """
        The meeting or paper date: the reference date.
        """
    @property
    def item(self) -> str:
        """
        The agenda item: 'EX7'.
        """
    @property
    def meeting(self) -> str:
        """
        The meeting it went to: 'Executive'.
        """
    @property
    def organisation(self) -> str:
        """
        Id of the body whose paper it is; '' if not given.
        """
    @property
    def source(self) -> str:
        """
        The file the text came from.
        """
    @property
    def status(self) -> str:
        """
        Its status as written: 'draft'.
        """
    @property
    def title(self) -> str:
        """
        The title of the paper.
        """
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
        """
        The day it was abolished, or None.
        """
    @property
    def kind(self) -> OrganisationKind:
        """
        What kind of body it is.
        """
    @property
    def name(self) -> str:
        """
        The organisation's name.
        """
    @property
    def start(self) -> datetime.date | None:
        """
        The day it came into being, or None.
        """
    @property
    def successor(self) -> str:
        """
        Id of the organisation that took over; '' if none.
        """
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
        """
        The holder's name.
        """
    @property
    def to(self) -> datetime.date | None:
        """
        To (None if not known).
        """
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
        """
        The post as the council writes it: 'SPMO'.
        """
    @property
    def holders(self) -> list[PostHolder]:
        """
        Who held the post, and when.
        """
    @property
    def kind(self) -> OfficerKind:
        """
        A post, a team or a named person.
        """
    @property
    def organisation(self) -> str:
        """
        An organisation id.
        """
    @property
    def post(self) -> str:
        """
        The post: 'Senior Performance Management Officer'.
        """
    @property
    def unit(self) -> str:
        """
        The directorate or team.
        """
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
        """
        The service's name.
        """
    @property
    def parent(self) -> str:
        """
        Id of the parent area; '' at the root.
        """
class ScaleLevel:
    """
    One level of a scale.
    """
    def __repr__(self) -> str:
        ...
    @property
    def code(self) -> str:
        """
        How ratings name it: 'fair', '3'.
        """
    @property
    def label(self) -> str:
        """
        How it is shown: 'Fair', '3 out of 4'.
        """
    @property
    def value(self) -> float:
        """
        Its rank as a number.
        """
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
        """
        The levels, lowest first.
        """
    @property
    def name(self) -> str:
        """
        The scale's name.
        """
class StatusTerm:
    """
    A word or symbol of a vocabulary.
    """
    @property
    def health(self) -> Health | None:
        """
        The health it means, or None.
        """
    @property
    def label(self) -> str:
        """
        What the source says it means.
        """
    @property
    def lifecycle(self) -> Lifecycle:
        """
        The lifecycle it means.
        """
    @property
    def term(self) -> str:
        """
        The term as written: '((', 'Done', 'Amber'.
        """
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
        """
        The vocabulary's name.
        """
    @property
    def terms(self) -> list[StatusTerm]:
        """
        Its terms, each with what it means.
        """
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
        """
        When it took place, as written, or None.
        """
    @property
    def assessors(self) -> list[str]:
        """
        Organisation ids of the assessors; joint assessments list several.
        """
    @property
    def challenge_officers(self) -> list[str]:
        """
        Officer ids of the challenge officers.
        """
    @property
    def description(self) -> str:
        """
        What it covers, in words.
        """
    @property
    def kind(self) -> AssessmentKind:
        """
        What kind of assessment it is.
        """
    @property
    def markers(self) -> list[str]:
        """
        The source's marks, verbatim: '*', '(Continued from …)'.
        """
    @property
    def programme(self) -> str:
        """
        The programme it is listed in, as written.
        """
    @property
    def responsible_officers(self) -> list[str]:
        """
        Officer ids of the responsible officers.
        """
    @property
    def scheduled(self) -> DateText | None:
        """
        When it was scheduled, as written, or None.
        """
    @property
    def service_areas(self) -> list[str]:
        """
        Ids of the service areas it covers.
        """
    @property
    def status(self) -> AssessmentStatus | None:
        """
        Where it stands in its programme, or None.
        """
    @property
    def subject(self) -> str:
        """
        An organisation id: the body assessed.
        """
    @property
    def title(self) -> str:
        """
        The assessment's title.
        """
    @property
    def track(self) -> ProgrammeTrack | None:
        """
        Improvement work or assessment work, or None.
        """
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
        """
        Id of the assessment that gave it; '' if none.
        """
    @property
    def component(self) -> str:
        """
        What was rated when not a service area: 'corporate assessment'.
        """
    @property
    def date(self) -> datetime.date | None:
        """
        The day of the rating, or None.
        """
    @property
    def level(self) -> str:
        """
        A level code of that scale.
        """
    @property
    def scale(self) -> str:
        """
        A scale id.
        """
    @property
    def service_area(self) -> str:
        """
        A service area id; '' when the rating is of the whole body.
        """
    @property
    def subject(self) -> str:
        """
        An organisation id: the body rated.
        """
    @property
    def text(self) -> str:
        """
        The rating as written: '2 out of 4'.
        """
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
        """
        As numbered in the source.
        """
    @property
    def priority(self) -> str:
        """
        Its priority, as written.
        """
    @property
    def source(self) -> str:
        """
        Id of the assessment that made it; '' if none.
        """
    @property
    def source_tag(self) -> str:
        """
        The source's own tag: 'PR', 'CPA', 'RoP'.
        """
    @property
    def text(self) -> str:
        """
        What it asks for.
        """
class PlanVersion:
    """
    A row of the record of review and amendment.
    """
    @property
    def amended(self) -> str:
        """
        Whether it was amended, as written: 'Y', 'N/A'.
        """
    @property
    def amendment_date(self) -> datetime.date | None:
        """
        The day of the amendment, or None.
        """
    @property
    def approved_by(self) -> str:
        """
        Who approved it: 'SDIMT'.
        """
    @property
    def issues(self) -> str:
        """
        Issues or actions arising from the review.
        """
    @property
    def number(self) -> str:
        """
        The version number: '1.2'.
        """
    @property
    def review_date(self) -> datetime.date | None:
        """
        The day of the review, or None.
        """
class PlanTarget:
    """
    An ambition, on a scale or in words.
    """
    @property
    def due(self) -> DateText | None:
        """
        When it is to be met, as written, or None.
        """
    @property
    def level(self) -> str:
        """
        A level code of that scale.
        """
    @property
    def scale(self) -> str:
        """
        A scale id; '' for a target in words only.
        """
    @property
    def text(self) -> str:
        """
        The target in words.
        """
class LegendEntry:
    """
    An abbreviation and its meaning.
    """
    @property
    def abbreviation(self) -> str:
        """
        The abbreviation, as the plan writes it.
        """
    @property
    def meaning(self) -> str:
        """
        What it stands for.
        """
class Section(Record):
    """
    A section or objective of a plan.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def objective(self) -> str:
        """
        The objective it sets.
        """
    @property
    def parent(self) -> str:
        """
        Id of the parent section; '' at the top.
        """
    @property
    def ref(self) -> str:
        """
        As numbered in the source.
        """
    @property
    def title(self) -> str:
        """
        The section's title.
        """
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
        """
        Recommendation ids the plan as a whole addresses.
        """
    @property
    def adopted(self) -> datetime.date | None:
        """
        The day it was adopted, or None.
        """
    @property
    def audience(self) -> str:
        """
        Whom it is written for.
        """
    @property
    def cadence(self) -> str:
        """
        How often it is reviewed or reported on, as written.
        """
    @property
    def horizon(self) -> DateText | None:
        """
        The span it covers, as written, or None.
        """
    @property
    def kind(self) -> PlanKind:
        """
        What kind of plan it is.
        """
    @property
    def legend(self) -> list[LegendEntry]:
        """
        The abbreviations it uses, and their meanings.
        """
    @property
    def organisation(self) -> str:
        """
        An organisation id: the body whose plan it is.
        """
    @property
    def scope(self) -> str:
        """
        What it covers.
        """
    @property
    def sections(self) -> list[Section]:
        """
        Its sections and objectives, a tree through their parent.
        """
    @property
    def status(self) -> PlanStatus | None:
        """
        The plan's own status, or None.
        """
    @property
    def targets(self) -> list[PlanTarget]:
        """
        Its ambitions, on a scale or in words.
        """
    @property
    def title(self) -> str:
        """
        The plan's title.
        """
    @property
    def versions(self) -> list[PlanVersion]:
        """
        The record of review and amendment.
        """
    @property
    def vocabulary(self) -> str:
        """
        Id of the status vocabulary its progress is written in.
        """
class DueRevision:
    """
    A revision of an action's due.
    """
    @property
    def approved_by(self) -> str:
        """
        Who approved the revision.
        """
    @property
    def approved_on(self) -> datetime.date | None:
        """
        The day it was approved, or None.
        """
    @property
    def due(self) -> DateText:
        """
        The revised due, as written.
        """
    @property
    def reason(self) -> str:
        """
        Why the due was revised.
        """
    @property
    def revised_on(self) -> datetime.date | None:
        """
        The day of the revision, or None.
        """
class Milestone:
    """
    A step of an action with its own due.
    """
    @property
    def due(self) -> DateText | None:
        """
        Its due as written, or None.
        """
    @property
    def leads(self) -> list[str]:
        """
        Officer ids of the lead officers.
        """
    @property
    def title(self) -> str:
        """
        What the step is.
        """
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
        """
        What the plan says of the action's ICT needs.
        """
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
        """
        Recommendation ids of what it addresses.
        """
    @property
    def delivery(self) -> list[str]:
        """
        Officer ids of the officers who deliver it.
        """
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
        """
        Revisions of the due, in order; the original due is kept.
        """
    @property
    def funding(self) -> str:
        """
        How it is funded.
        """
    @property
    def ict(self) -> IctRequirement | None:
        """
        Its ICT needs, or None.
        """
    @property
    def leads(self) -> list[str]:
        """
        Officer ids of the lead officers.
        """
    @property
    def milestones(self) -> list[Milestone]:
        """
        Its steps, each with its own due.
        """
    @property
    def outcome(self) -> str:
        """
        The outcome it is to bring about.
        """
    @property
    def plan(self) -> str:
        """
        A plan id.
        """
    @property
    def ref(self) -> str:
        """
        As numbered in the source: '3.10'.
        """
    @property
    def resources(self) -> str:
        """
        The resources it needs.
        """
    @property
    def section(self) -> str:
        """
        Id of a section of that plan; '' if none.
        """
    @property
    def source_tags(self) -> list[str]:
        """
        The source's own tags, as written.
        """
    @property
    def text(self) -> str:
        """
        What is to be done, in full.
        """
    @property
    def title(self) -> str:
        """
        The action's title.
        """
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
        """
        Who wrote it.
        """
    @property
    def cites(self) -> list[Citation]:
        """
        The papers that reported it.
        """
    @property
    def health(self) -> Health | None:
        """
        How the work is going, or None.
        """
    @property
    def lifecycle(self) -> Lifecycle | None:
        """
        Where the work is in its life, or None.
        """
    @property
    def narrative(self) -> str:
        """
        The update in words.
        """
    @property
    def notes(self) -> list[str]:
        """
        Notes, including fixes made to the source.
        """
    @property
    def percent(self) -> float | None:
        """
        How much is done, in percent, or None.
        """
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
        """
        Id of an action, section or plan.
        """
    @property
    def visibility(self) -> Visibility:
        """
        Public, or exempt under Schedule 12A.
        """
class ColumnType(enum.Enum):
    """
    The types a table column can have.
    """
    boolean = ...
    date = ...
    integer = ...
    number = ...
    text = ...
    text_list = ...
    @classmethod
    def __new__(cls, value):
        ...
class Table:
    """
    Query results as named, typed columns, built in C++: columns() gives numpy arrays; bestvalue.to_pandas and bestvalue.to_arrow convert it.
    """
    def __len__(self) -> int:
        """
        The number of rows.
        """
    def __repr__(self) -> str:
        ...
    def codes(self, name: str) -> numpy.ndarray:
        """
        The column named name, whose values name enumerators, as codes: each value's position in categories[name], -1 where missing (what pandas.Categorical.from_codes takes), in a new array of the type pandas keeps them in (int8 for fewer than 128 categories, else int16). Raises NotFound, or Error for another column.
        """
    def column(self, name: str, *, date_unit: str = 'D') -> numpy.ndarray:
        """
        The column named name as a numpy array; raises NotFound. Dates are datetime64[D], or datetime64[s] with date_unit='s' (what pandas holds dates in, so it need not convert them); ValueError for another unit.
        """
    def columns(self) -> dict:
        """
        Every column as a numpy array, by name, in order: float64 (NaN missing), int64, bool, datetime64[D] (NaT missing), object arrays of str (None missing) or of lists of str.
        """
    def frame_arrays(self) -> dict:
        """
        The columns that are not free text or lists, in the forms a pandas frame holds them, as new arrays by name, in order: dates datetime64[s] (NaT missing), numbers float64, integers int64, booleans bool, and for each column naming enumerators its codes (as codes() gives them). They are the caller's own and writable. The first call lays them out once, kept with the table; on Linux, where they take 1 MiB or more, each call after maps that copy-on-write, so nothing is copied until an array is written, and then only the pages written; else each call copies it. Raises Error as codes() does.
        """
    def text_buffers(self, name: str) -> tuple:
        """
        The text or text list column named name in Arrow's layout, as numpy arrays: offsets (int64, one more than there are strings; string i is data[offsets[i]:offsets[i + 1]]) and data (uint8, UTF-8), then for text whether each row has a value (bool), for a text list where each row's strings start (int64, one more than there are rows). The arrays are read-only views of the table's own buffers, which they keep alive: nothing is copied. Raises NotFound, or Error for another column.
        """
    @property
    def _kept(self) -> dict:
        """
        A dict kept with the table, and let go with it, for what bestvalue.frames makes of it once: the Arrow arrays of its text, its columns' names, types and categories.
        """
    @property
    def categories(self) -> dict:
        """
        For each column whose values name an enumerator: every name, in the enum's order.
        """
    @property
    def column_names(self) -> list[str]:
        """
        The names of the columns, in order.
        """
    @property
    def column_types(self) -> dict:
        """
        The type of each column, by name, in order.
        """
class ActionField(enum.Enum):
    """
    What actions can be ordered and grouped by.
    """
    due = ...
    due_quarter = ...
    health = ...
    lead = ...
    lifecycle = ...
    organisation = ...
    plan = ...
    ref = ...
    revisions = ...
    section = ...
    slipped = ...
    @classmethod
    def __new__(cls, value):
        ...
class RecommendationField(enum.Enum):
    """
    What recommendations can be ordered and grouped by.
    """
    number = ...
    priority = ...
    source = ...
    subject = ...
    tag = ...
    @classmethod
    def __new__(cls, value):
        ...
class AssessmentField(enum.Enum):
    """
    What assessments can be ordered and grouped by.
    """
    assessor = ...
    kind = ...
    programme = ...
    responsible = ...
    scheduled = ...
    service_area = ...
    status = ...
    subject = ...
    title = ...
    track = ...
    @classmethod
    def __new__(cls, value):
        ...
class RatingField(enum.Enum):
    """
    What ratings can be ordered and grouped by.
    """
    assessment = ...
    assessor = ...
    component = ...
    date = ...
    level = ...
    scale = ...
    service_area = ...
    subject = ...
    @classmethod
    def __new__(cls, value):
        ...
class PlanField(enum.Enum):
    """
    What plans can be ordered and grouped by.
    """
    adopted = ...
    kind = ...
    organisation = ...
    status = ...
    title = ...
    @classmethod
    def __new__(cls, value):
        ...
class QueryCollection(enum.Enum):
    """
    What a question asks about.
    """
    actions = ...
    assessments = ...
    plans = ...
    ratings = ...
    recommendations = ...
    @classmethod
    def __new__(cls, value):
        ...
class SeriesPoint:
    """
    One step of a series: the count as of the step's last day.
    """
    def __repr__(self) -> str:
        ...
    @property
    def completed(self) -> dict[str, int]:
        """
        For actions: how many of those were completed on the day.
        """
    @property
    def counts(self) -> dict[str, int]:
        """
        How many per key ('' if ungrouped).
        """
    @property
    def end(self) -> datetime.date:
        """
        Its last day, the day the count was taken.
        """
    @property
    def label(self) -> str:
        """
        The step: 'Q2 2003/04'.
        """
class QueryResult:
    """
    The answer to a text query: ids in order, or counts; it keeps its store, for tables.
    """
    def __len__(self) -> int:
        """
        How many ids (or groups, for a count).
        """
    def __repr__(self) -> str:
        ...
    def percent_complete(self) -> dict[str, float]:
        """
        For a count of actions: the percentage completed under each key.
        """
    def table(self) -> Table:
        """
        The answer as a Table: the entities' columns, or for a count key, count (and for actions completed and percent_complete).
        """
    def to_arrow(self) -> typing.Any:
        """
        The answer as a pyarrow Table (needs pyarrow).
        """
    def to_pandas(self) -> typing.Any:
        """
        The answer as a pandas DataFrame (needs pandas).
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The day status was answered for.
        """
    @property
    def collection(self) -> QueryCollection:
        """
        What the query asked about.
        """
    @property
    def completed(self) -> dict[str, int]:
        """
        For a count of actions: how many of those under each key were completed on the day.
        """
    @property
    def counts(self) -> dict[str, int]:
        """
        For a count: how many per value ('' for an ungrouped count).
        """
    @property
    def ids(self) -> list[str]:
        """
        The matching ids, in order (empty for a count).
        """
    @property
    def is_count(self) -> bool:
        """
        True for a count query.
        """
    @property
    def series(self) -> list[SeriesPoint]:
        """
        For 'count … per step in period': the count at the end of each step.
        """
class ActionSelection:
    """
    The actions a where() selected, in order: a sequence of copies, with their ids and conversions to tables.
    """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Action:
        """
        The one at this place; negative indexes count from the end.
        """
    @typing.overload
    def __getitem__(self, slice: slice) -> ActionSelection:
        """
        A selection of these places.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies, in order.
        """
    def __len__(self) -> int:
        """
        How many were selected.
        """
    def __repr__(self) -> str:
        ...
    def count_by(self, field: typing.Any) -> dict[str, int] | dict[tuple[str, str], int]:
        """
        How many have each value of field (an enumeration of fields, or its name) on as_of; one with several values counts under each, one with none under ''. Given two fields, (first, second), how many have each pair of their values: a cross-tabulation keyed by (first value, second value).
        """
    def table(self) -> Table:
        """
        The selection as a Table, built column by column in C++ (status on as_of).
        """
    def to_arrow(self) -> typing.Any:
        """
        The selection as a pyarrow Table, one row each (needs pyarrow).
        """
    def to_pandas(self) -> typing.Any:
        """
        The selection as a pandas DataFrame, one row each (needs pandas).
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The day status was answered on.
        """
    @property
    def ids(self) -> list[str]:
        """
        The ids, in order.
        """
class RecommendationSelection:
    """
    The recommendations a where() selected, in order: a sequence of copies, with their ids and conversions to tables.
    """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Recommendation:
        """
        The one at this place; negative indexes count from the end.
        """
    @typing.overload
    def __getitem__(self, slice: slice) -> RecommendationSelection:
        """
        A selection of these places.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies, in order.
        """
    def __len__(self) -> int:
        """
        How many were selected.
        """
    def __repr__(self) -> str:
        ...
    def count_by(self, field: typing.Any) -> dict[str, int] | dict[tuple[str, str], int]:
        """
        How many have each value of field (an enumeration of fields, or its name) on as_of; one with several values counts under each, one with none under ''. Given two fields, (first, second), how many have each pair of their values: a cross-tabulation keyed by (first value, second value).
        """
    def table(self) -> Table:
        """
        The selection as a Table, built column by column in C++ (status on as_of).
        """
    def to_arrow(self) -> typing.Any:
        """
        The selection as a pyarrow Table, one row each (needs pyarrow).
        """
    def to_pandas(self) -> typing.Any:
        """
        The selection as a pandas DataFrame, one row each (needs pandas).
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The day status was answered on.
        """
    @property
    def ids(self) -> list[str]:
        """
        The ids, in order.
        """
class AssessmentSelection:
    """
    The assessments a where() selected, in order: a sequence of copies, with their ids and conversions to tables.
    """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Assessment:
        """
        The one at this place; negative indexes count from the end.
        """
    @typing.overload
    def __getitem__(self, slice: slice) -> AssessmentSelection:
        """
        A selection of these places.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies, in order.
        """
    def __len__(self) -> int:
        """
        How many were selected.
        """
    def __repr__(self) -> str:
        ...
    def count_by(self, field: typing.Any) -> dict[str, int] | dict[tuple[str, str], int]:
        """
        How many have each value of field (an enumeration of fields, or its name) on as_of; one with several values counts under each, one with none under ''. Given two fields, (first, second), how many have each pair of their values: a cross-tabulation keyed by (first value, second value).
        """
    def table(self) -> Table:
        """
        The selection as a Table, built column by column in C++ (status on as_of).
        """
    def to_arrow(self) -> typing.Any:
        """
        The selection as a pyarrow Table, one row each (needs pyarrow).
        """
    def to_pandas(self) -> typing.Any:
        """
        The selection as a pandas DataFrame, one row each (needs pandas).
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The day status was answered on.
        """
    @property
    def ids(self) -> list[str]:
        """
        The ids, in order.
        """
class RatingSelection:
    """
    The ratings a where() selected, in order: a sequence of copies, with their ids and conversions to tables.
    """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Rating:
        """
        The one at this place; negative indexes count from the end.
        """
    @typing.overload
    def __getitem__(self, slice: slice) -> RatingSelection:
        """
        A selection of these places.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies, in order.
        """
    def __len__(self) -> int:
        """
        How many were selected.
        """
    def __repr__(self) -> str:
        ...
    def count_by(self, field: typing.Any) -> dict[str, int] | dict[tuple[str, str], int]:
        """
        How many have each value of field (an enumeration of fields, or its name) on as_of; one with several values counts under each, one with none under ''. Given two fields, (first, second), how many have each pair of their values: a cross-tabulation keyed by (first value, second value).
        """
    def table(self) -> Table:
        """
        The selection as a Table, built column by column in C++ (status on as_of).
        """
    def to_arrow(self) -> typing.Any:
        """
        The selection as a pyarrow Table, one row each (needs pyarrow).
        """
    def to_pandas(self) -> typing.Any:
        """
        The selection as a pandas DataFrame, one row each (needs pandas).
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The day status was answered on.
        """
    @property
    def ids(self) -> list[str]:
        """
        The ids, in order.
        """
class PlanSelection:
    """
    The plans a where() selected, in order: a sequence of copies, with their ids and conversions to tables.
    """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Plan:
        """
        The one at this place; negative indexes count from the end.
        """
    @typing.overload
    def __getitem__(self, slice: slice) -> PlanSelection:
        """
        A selection of these places.
        """
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over copies, in order.
        """
    def __len__(self) -> int:
        """
        How many were selected.
        """
    def __repr__(self) -> str:
        ...
    def count_by(self, field: typing.Any) -> dict[str, int] | dict[tuple[str, str], int]:
        """
        How many have each value of field (an enumeration of fields, or its name) on as_of; one with several values counts under each, one with none under ''. Given two fields, (first, second), how many have each pair of their values: a cross-tabulation keyed by (first value, second value).
        """
    def table(self) -> Table:
        """
        The selection as a Table, built column by column in C++ (status on as_of).
        """
    def to_arrow(self) -> typing.Any:
        """
        The selection as a pyarrow Table, one row each (needs pyarrow).
        """
    def to_pandas(self) -> typing.Any:
        """
        The selection as a pandas DataFrame, one row each (needs pandas).
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The day status was answered on.
        """
    @property
    def ids(self) -> list[str]:
        """
        The ids, in order.
        """
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
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Document:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Organisation:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Officer:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> ServiceArea:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Assessment:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
    def where(self, **kwargs) -> AssessmentSelection:
        """
        The assessments that match every keyword, as the query language's conditions: scheduled_in (period text), assessor, responsible, subject, service_area, programme, title, kind, status, track, text_contains; not_<field> for the opposite; order_by (an AssessmentField or its name), descending, limit, offset.
        """
class RatingCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Rating:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
    def where(self, **kwargs) -> RatingSelection:
        """
        The ratings that match every keyword: scale, level, subject, service_area, component, assessment, assessor, date, date_before, date_after, date_in (period text); not_<field> for the opposite; order_by, descending, limit, offset.
        """
class RecommendationCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Recommendation:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
    def where(self, **kwargs) -> RecommendationSelection:
        """
        The recommendations that match every keyword: source, tag, number, priority, subject, assessor, plan (addressed in it), addressed_by, text_contains, addressed (True/False), delivered (True/False, on as_of) or delivered_on (a date); not_<field> for the opposite; order_by, descending, limit, offset.
        """
class PlanCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Plan:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
    def where(self, **kwargs) -> PlanSelection:
        """
        The plans that match every keyword: organisation, kind, status, title, addresses, text_contains; not_<field> for the opposite; order_by, descending, limit, offset.
        """
class ActionCollection:
    """
    A read-only sequence of entities, also indexed by id.
    """
    def __contains__(self, id: str) -> bool:
        """
        True if an entity has this id.
        """
    @typing.overload
    def __getitem__(self, index: typing.SupportsInt | typing.SupportsIndex) -> Action:
        """
        The entity at this index; negative indexes count from the end.
        """
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
        """
        The number of entities.
        """
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
    def where(self, **kwargs) -> ActionSelection:
        """
        The actions that match every keyword, as the query language's conditions: plan, organisation, section, lead, delivery, status and health (on as_of, default today), open and overdue (True/False, on as_of) or open_on and overdue_on (a date), due, due_before, due_after, due_in (period text), tag, addresses, ref, text_contains; not_<field> for the opposite; order_by (an ActionField or its name), descending, limit, offset.
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
    def query(self, query: str, today: datetime.date | str | None = None) -> QueryResult:
        """
        Runs a text query (docs/query.md); status is answered as of the query's 'as of', else today. Raises QueryError naming the column.
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
        """
        The actions, in the order added, also indexed by id.
        """
    @property
    def assessments(self) -> AssessmentCollection:
        """
        The assessments, in the order added, also indexed by id.
        """
    @property
    def documents(self) -> DocumentCollection:
        """
        The documents, in the order added, also indexed by id.
        """
    @property
    def officers(self) -> OfficerCollection:
        """
        The officers, in the order added, also indexed by id.
        """
    @property
    def organisations(self) -> OrganisationCollection:
        """
        The organisations, in the order added, also indexed by id.
        """
    @property
    def plans(self) -> PlanCollection:
        """
        The plans, in the order added, also indexed by id.
        """
    @property
    def progress(self) -> list[ProgressUpdate]:
        """
        Every progress update, in the order added.
        """
    @property
    def ratings(self) -> RatingCollection:
        """
        The ratings, in the order added, also indexed by id.
        """
    @property
    def recommendations(self) -> RecommendationCollection:
        """
        The recommendations, in the order added, also indexed by id.
        """
    @property
    def service_areas(self) -> ServiceAreaCollection:
        """
        The service areas, in the order added, also indexed by id.
        """
class DatabaseFailure(enum.Enum):
    """
    What went wrong with a database file (DatabaseError.failure).
    """
    cannot_open = ...
    closed = ...
    corrupt = ...
    full = ...
    locked = ...
    newer_version = ...
    not_a_store = ...
    not_sqlite = ...
    other = ...
    read_only = ...
    @classmethod
    def __new__(cls, value):
        ...
class Contents:
    """
    Entities to add to a store, or to replace in it, together: all or nothing. Each argument is a list of entities of that kind.
    """
    def __init__(self, *, documents: collections.abc.Sequence[Document] = [], organisations: collections.abc.Sequence[Organisation] = [], officers: collections.abc.Sequence[Officer] = [], service_areas: collections.abc.Sequence[ServiceArea] = [], scales: collections.abc.Sequence[Scale] = [], vocabularies: collections.abc.Sequence[StatusVocabulary] = [], assessments: collections.abc.Sequence[Assessment] = [], ratings: collections.abc.Sequence[Rating] = [], recommendations: collections.abc.Sequence[Recommendation] = [], plans: collections.abc.Sequence[Plan] = [], actions: collections.abc.Sequence[Action] = [], progress: collections.abc.Sequence[ProgressUpdate] = []) -> None:
        ...
    @property
    def actions(self) -> list[Action]:
        """
        The actions to add or replace.
        """
    @property
    def assessments(self) -> list[Assessment]:
        """
        The assessments to add or replace.
        """
    @property
    def documents(self) -> list[Document]:
        """
        The documents to add or replace.
        """
    @property
    def officers(self) -> list[Officer]:
        """
        The officers to add or replace.
        """
    @property
    def organisations(self) -> list[Organisation]:
        """
        The organisations to add or replace.
        """
    @property
    def plans(self) -> list[Plan]:
        """
        The plans to add or replace.
        """
    @property
    def progress(self) -> list[ProgressUpdate]:
        """
        The progress updates to add or replace.
        """
    @property
    def ratings(self) -> list[Rating]:
        """
        The ratings to add or replace.
        """
    @property
    def recommendations(self) -> list[Recommendation]:
        """
        The recommendations to add or replace.
        """
    @property
    def scales(self) -> list[Scale]:
        """
        The scales to add or replace.
        """
    @property
    def service_areas(self) -> list[ServiceArea]:
        """
        The service areas to add or replace.
        """
    @property
    def vocabularies(self) -> list[StatusVocabulary]:
        """
        The vocabularies to add or replace.
        """
class Database:
    """
    A store kept in a SQLite file (docs/sqlite.md), made by open(). Every write is one transaction, all or nothing. Use it as a context manager to close it.
    """
    def __enter__(self) -> typing.Any:
        ...
    def __exit__(self, exc_type: typing.Any, exc_value: typing.Any, traceback: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def add(self, contents: Contents) -> None:
        """
        Adds new entities (a Contents), all or nothing (raises ValidationError).
        """
    def append_progress(self, subject: str, as_of: datetime.date | str, *, recorded: datetime.date | str | None = None, status: str = '', lifecycle: Lifecycle | None = None, health: Health | None = None, percent: typing.SupportsFloat | typing.SupportsIndex | None = None, narrative: str = '', author: str = '', visibility: Visibility = ..., notes: collections.abc.Sequence[str] = []) -> None:
        """
        Appends a progress update on an action, section or plan (raises ValidationError).
        """
    def close(self) -> None:
        """
        Closes the connection; the store stays readable. Closing twice does nothing.
        """
    def export_json(self) -> str:
        """
        The store as a canonical JSON document (as Store.to_json).
        """
    def import_json(self, text: str, source: str = '') -> None:
        """
        Adds a JSON document given as text, all or nothing.
        """
    def refresh(self) -> bool:
        """
        Re-reads the file if another connection wrote to it; True if it did.
        """
    def revise_due(self, action: str, due: str, *, revised_on: datetime.date | str | None = None, reason: str = '', approved_by: str = '', approved_on: datetime.date | str | None = None) -> None:
        """
        Appends a revision of an action's due, given as date text ('June 2009'); the original due and earlier revisions stay (raises NotFound, ValidationError).
        """
    def update(self, contents: Contents) -> None:
        """
        Replaces stored entities by id (a Contents), all or nothing; an action keeps its due revisions (raises ValidationError).
        """
    @property
    def is_open(self) -> bool:
        """
        True until closed.
        """
    @property
    def path(self) -> pathlib.Path:
        """
        The database file.
        """
    @property
    def read_only(self) -> bool:
        """
        True if opened read-only.
        """
    @property
    def schema_version(self) -> int:
        """
        The schema version of the file.
        """
    @property
    def store(self) -> Store:
        """
        What the file holds, as last read or written: a live view that follows this database's writes and refreshes.
        """
class ActionQuery:
    """
    A question about the actions of a store, built filter by filter; the same engine as Store.query.
    """
    def __init__(self, store: Store) -> None:
        """
        Starts a question about the actions of store.
        """
    def addressing(self, recommendation: str) -> ActionQuery:
        """
        Actions that address this recommendation.
        """
    def count(self) -> int:
        """
        How many actions match.
        """
    @typing.overload
    def count_by(self, field: ActionField, day: datetime.date | str) -> dict[str, int]:
        """
        How many match, per value of field on day.
        """
    @typing.overload
    def count_by(self, fields: tuple[ActionField, ActionField], day: datetime.date | str) -> dict[tuple[str, str], int]:
        """
        How many match, per pair of values of two fields on day (a cross-tabulation, such as (section, health)): keyed by (first value, second value); an action counts under every pair its values make, and under '' for a field it has no value of.
        """
    def delivered_by(self, officer: str) -> ActionQuery:
        """
        Actions with this officer among the delivery officers.
        """
    def due_after(self, day: datetime.date | str) -> ActionQuery:
        """
        Actions whose due's last day is after day.
        """
    def due_before(self, day: datetime.date | str) -> ActionQuery:
        """
        Actions whose due's last day is before day.
        """
    def due_within(self, period: Period) -> ActionQuery:
        """
        Actions whose due's last day falls within period.
        """
    def ids(self) -> list[str]:
        """
        The ids of the matching actions, in order.
        """
    def in_organisation(self, organisation: str) -> ActionQuery:
        """
        Actions of the plans of this organisation.
        """
    def in_plan(self, plan: str) -> ActionQuery:
        """
        Actions of the plan with this id.
        """
    def in_section(self, section: str) -> ActionQuery:
        """
        Actions of this section or any section below it.
        """
    def led_by(self, officer: str) -> ActionQuery:
        """
        Actions led by an officer: id, abbreviation, post or holder's name.
        """
    def limit(self, count: typing.SupportsInt | typing.SupportsIndex, offset: typing.SupportsInt | typing.SupportsIndex = 0) -> ActionQuery:
        """
        At most count results, after skipping offset.
        """
    def open_on(self, day: datetime.date | str) -> ActionQuery:
        """
        Actions not completed, cancelled or superseded on day.
        """
    def order_by(self, field: ActionField, descending: bool = False, day: datetime.date | str | None = None) -> ActionQuery:
        """
        Orders the results; lifecycle and health are taken on day (default today).
        """
    def overdue_on(self, day: datetime.date | str) -> ActionQuery:
        """
        Actions overdue on day.
        """
    def public_only(self) -> ActionQuery:
        """
        Public actions only.
        """
    def run(self) -> list[Action]:
        """
        The matching actions (copies).
        """
    def tagged(self, source_tag: str) -> ActionQuery:
        """
        Actions with this source tag ('RoP', 'PR', 'CPA').
        """
    def text_contains(self, words: str) -> ActionQuery:
        """
        Actions whose ref, title or text contains words, ignoring case.
        """
    def with_health(self, health: Health | None, day: datetime.date | str) -> ActionQuery:
        """
        Actions with this health on day (None: no health reported).
        """
    def with_lifecycle(self, lifecycle: Lifecycle, day: datetime.date | str) -> ActionQuery:
        """
        Actions with this lifecycle on day.
        """
class Baseline(enum.Enum):
    """
    What slippage is measured against: the original due, or the latest approved revision.
    """
    latest_approved = ...
    original = ...
    @classmethod
    def __new__(cls, value):
        ...
class Slippage:
    """
    How an action's due stood on a day: its original, baseline and current last days, the revisions known and the days slipped. A revision is known on a day if it is undated or made on or before it.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def baseline(self) -> Baseline:
        """
        What baseline_end was measured from.
        """
    @property
    def baseline_end(self) -> datetime.date | None:
        """
        The last day of the baseline: the original due's, or the latest approved revision's known on the day.
        """
    @property
    def current_end(self) -> datetime.date | None:
        """
        The last day of the due in force on the day: the latest revision known then, else the original.
        """
    @property
    def days_slipped(self) -> int | None:
        """
        current_end - baseline_end in days (negative if brought forward), or None when either is unknown.
        """
    @property
    def original_end(self) -> datetime.date | None:
        """
        The last day of the original due, or None if it could not be read.
        """
    @property
    def revisions(self) -> int:
        """
        How many revisions were known.
        """
class HealthThresholds:
    """
    How far behind the expected percent complete an action may be: green at or above on_track x expected, red below off_track x expected, amber between. Valid when 0 < off_track <= on_track <= 1.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __init__(self, on_track: typing.SupportsFloat | typing.SupportsIndex = 0.9, off_track: typing.SupportsFloat | typing.SupportsIndex = 0.7) -> None:
        """
        Thresholds as fractions of the expected progress; raises ValidationError unless 0 < off_track <= on_track <= 1.
        """
    def __repr__(self) -> str:
        ...
    def validate(self) -> None:
        """
        Raises ValidationError unless 0 < off_track <= on_track <= 1.
        """
    @property
    def off_track(self) -> float:
        """
        Below this fraction of the expected progress: red.
        """
    @off_track.setter
    def off_track(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def on_track(self) -> float:
        """
        At or above this fraction of the expected progress: green.
        """
    @on_track.setter
    def on_track(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class CompletionPoint:
    """
    Where a set of actions stood at the end of one step of a completion series.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def completed(self) -> int:
        """
        Of those, the ones completed.
        """
    @property
    def end(self) -> datetime.date:
        """
        The step's last day, on which statuses were taken.
        """
    @property
    def label(self) -> str:
        """
        The step: 'Q2 2003/04', 'July 2003', '2003/04', 'H1 2003/04', 'week ending 6 July 2003'.
        """
    @property
    def percent(self) -> float:
        """
        100 x completed / total; 0.0 when total is 0.
        """
    @property
    def total(self) -> int:
        """
        Actions neither cancelled nor superseded on end.
        """
class TraceRow:
    """
    One row of the traceability matrix: a recommendation, where it came from, and one action or plan that addresses it (empty fields if nothing does).
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The row as a dict of plain values (enums by name), e.g. for pandas.DataFrame.
        """
    @property
    def addressed_by(self) -> str:
        """
        Id of the action or plan that addresses it; '' if nothing does.
        """
    @property
    def addressed_by_kind(self) -> EntityKind | None:
        """
        EntityKind.action or EntityKind.plan; None if nothing addresses it.
        """
    @property
    def assessors(self) -> list[str]:
        """
        Organisation ids of the source assessment's assessors.
        """
    @property
    def health(self) -> Health | None:
        """
        The action's health on the day, or None (always None for a plan row).
        """
    @property
    def lifecycle(self) -> Lifecycle | None:
        """
        The action's lifecycle on the day; None for a plan row or an empty one.
        """
    @property
    def plan(self) -> str:
        """
        The action's plan, or the plan itself; '' if none.
        """
    @property
    def recommendation(self) -> str:
        """
        The recommendation id.
        """
    @property
    def source(self) -> str:
        """
        Id of the assessment that made it; '' if none.
        """
    @property
    def source_tag(self) -> str:
        """
        The recommendation's own tag: 'PR', 'CPA'; '' if none.
        """
class CoverageSummary:
    """
    How many recommendations there are, how many are addressed and how many delivered, on a day.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The counts as a dict.
        """
    @property
    def addressed(self) -> int:
        """
        How many some action or whole plan addresses.
        """
    @property
    def delivered(self) -> int:
        """
        How many had every addressing action completed on the day.
        """
    @property
    def recommendations(self) -> int:
        """
        How many recommendations were counted.
        """
class ChangeKind(enum.Enum):
    """
    What happened to a section or action between two versions of a plan.
    """
    added = ...
    changed = ...
    removed = ...
    @classmethod
    def __new__(cls, value):
        ...
class FieldChange:
    """
    One field that differs between two versions, as text ('' for empty or unset).
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The change as a dict.
        """
    @property
    def after(self) -> str:
        """
        Its text in the after version.
        """
    @property
    def before(self) -> str:
        """
        Its text in the before version.
        """
    @property
    def field(self) -> str:
        """
        The field: 'due', 'leads', 'title' ….
        """
class PlanChange:
    """
    A section or action added, removed or changed.
    """
    def __repr__(self) -> str:
        ...
    def label(self) -> str:
        """
        How the record names it: 'Action 3.4', or by its title when it has no ref.
        """
    def to_dict(self) -> dict:
        """
        The change as a dict of plain values.
        """
    @property
    def after_id(self) -> str:
        """
        Its id in the after version; ''.
        """
    @property
    def before_id(self) -> str:
        """
        Its id in the before version; ''.
        """
    @property
    def entity(self) -> EntityKind:
        """
        EntityKind.section or EntityKind.action.
        """
    @property
    def fields(self) -> list[FieldChange]:
        """
        The fields that differ, when changed.
        """
    @property
    def kind(self) -> ChangeKind:
        """
        Added, removed or changed.
        """
    @property
    def ref(self) -> str:
        """
        The ref (the after version's; the before version's when removed).
        """
    @property
    def title(self) -> str:
        """
        The title likewise; for an action without one, its text.
        """
class PlanDiff:
    """
    What changed between two versions of a plan (see docs/query.md for how sections and actions are matched).
    """
    def __repr__(self) -> str:
        ...
    def as_version(self, number: str, review_date: datetime.date | str, approved_by: str) -> PlanVersion:
        """
        The PlanVersion row this review produces: issues = summary(), amended 'Y' or 'N'.
        """
    def empty(self) -> bool:
        """
        True if nothing differs.
        """
    def summary(self) -> str:
        """
        One line per change, as a record of review and amendment words it.
        """
    def to_dict(self) -> dict:
        """
        The diff as a dict of plain values (JSON-ready).
        """
    @property
    def after_plan(self) -> str:
        """
        The plan id in the after store.
        """
    @property
    def before_plan(self) -> str:
        """
        The plan id in the before store.
        """
    @property
    def changes(self) -> list[PlanChange]:
        """
        Sections then actions: added and changed in the after order, then removed.
        """
    @property
    def plan_fields(self) -> list[FieldChange]:
        """
        The plan's own fields that differ.
        """
class FrameworkSource:
    """
    Where a framework's rules come from, and which parts it covers.
    """
    def __repr__(self) -> str:
        ...
    @property
    def covers(self) -> list[str]:
        """
        The parts of the framework file it sources.
        """
    @property
    def publisher(self) -> str:
        """
        Who published it.
        """
    @property
    def text(self) -> str:
        """
        The citation as written.
        """
    @property
    def title(self) -> str:
        """
        The source's title.
        """
    @property
    def url(self) -> str:
        """
        Where it is, if known.
        """
class FrameworkComponent:
    """
    A rated input of a framework, on its scale.
    """
    def __repr__(self) -> str:
        ...
    @property
    def label(self) -> str:
        """
        How it is shown.
        """
    @property
    def name(self) -> str:
        """
        How ratings name it.
        """
    @property
    def optional(self) -> bool:
        """
        Whether it may be absent ('where present').
        """
    @property
    def scale(self) -> Scale:
        """
        The scale it is rated on.
        """
class ComponentGroup:
    """
    A named set of components that conditions count over.
    """
    def __repr__(self) -> str:
        ...
    @property
    def is_default(self) -> bool:
        """
        True if bestvalue set the membership, not the source.
        """
    @property
    def members(self) -> list[str]:
        """
        The components in it.
        """
    @property
    def name(self) -> str:
        """
        The group's name ('level1').
        """
    @property
    def note(self) -> str:
        """
        What the file says of it.
        """
class EvaluationStep:
    """
    A row, cell, sum or cap, and why it did or did not apply.
    """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The step as a dict.
        """
    @property
    def applies(self) -> bool:
        """
        Whether it matched or applied.
        """
    @property
    def because(self) -> str:
        """
        Why.
        """
    @property
    def rule(self) -> str:
        """
        Which rule: 'row 2', 'cap 1' ….
        """
    @property
    def text(self) -> str:
        """
        The rule's published wording.
        """
class Evaluation:
    """
    A framework's outcome on a set of ratings, with its explanation.
    """
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The evaluation as a dict (steps as dicts).
        """
    @property
    def determined(self) -> bool:
        """
        Whether the published rules decide the outcome.
        """
    @property
    def framework(self) -> str:
        """
        The framework's id.
        """
    @property
    def missing_rule(self) -> str:
        """
        When undetermined: the rule the source does not publish.
        """
    @property
    def outcome(self) -> str | None:
        """
        The outcome's level code, or None if undetermined.
        """
    @property
    def outcome_label(self) -> str:
        """
        The outcome's label.
        """
    @property
    def ratings(self) -> dict[str, str]:
        """
        The ratings evaluated, with derived components.
        """
    @property
    def steps(self) -> list[EvaluationStep]:
        """
        The steps that decided it, in order.
        """
class ComponentChange:
    """
    One component change of a lift.
    """
    def __repr__(self) -> str:
        ...
    @property
    def component(self) -> str:
        """
        The component changed.
        """
    @property
    def from_level(self) -> str:
        """
        Its level before.
        """
    @property
    def to_level(self) -> str:
        """
        Its level after.
        """
class Lift:
    """
    Changes that lift a framework's outcome, and what follows.
    """
    def __repr__(self) -> str:
        ...
    @property
    def changes(self) -> list[ComponentChange]:
        """
        The component changes.
        """
    @property
    def evaluation(self) -> Evaluation:
        """
        The evaluation after the changes.
        """
    @property
    def levels(self) -> int:
        """
        Total steps up the components' scales.
        """
class Framework:
    """
    An assessment framework read from a data file: components, rules, caps and sources. See docs/ratings.md.
    """
    def __repr__(self) -> str:
        ...
    def evaluate(self, ratings: dict) -> Evaluation:
        """
        The outcome on ``ratings`` (component → level code), explained.
        """
    def smallest_lifts(self, ratings: dict) -> list[Lift]:
        """
        The smallest sets of raises (fewest components, then fewest levels) that lift the outcome at least one level.
        """
    def what_if(self, ratings: dict, component: str, level: typing.Any) -> Evaluation:
        """
        The evaluation with ``component`` changed to ``level``.
        """
    @property
    def components(self) -> list[FrameworkComponent]:
        """
        Its rated inputs.
        """
    @property
    def defaults(self) -> list[str]:
        """
        The parts of the file that are defaults, not sourced.
        """
    @property
    def groups(self) -> list[ComponentGroup]:
        """
        Its component groups.
        """
    @property
    def id(self) -> str:
        """
        The framework's id.
        """
    @property
    def outcome(self) -> Scale:
        """
        The scale of its outcome.
        """
    @property
    def sources(self) -> list[FrameworkSource]:
        """
        The sources it cites.
        """
    @property
    def title(self) -> str:
        """
        Its title.
        """
class Direction(enum.Enum):
    """
    How a later rating stands against an earlier one.
    """
    declined = ...
    improved = ...
    unchanged = ...
    @classmethod
    def __new__(cls, value):
        ...
class AmbitionStatus(enum.Enum):
    """
    Where an ambition stands on a day: met, missed, not yet due.
    """
    met = ...
    missed = ...
    not_yet_due = ...
    @classmethod
    def __new__(cls, value):
        ...
class ScaleMapping:
    """
    How the levels of one scale read on another, given explicitly: levels maps a level code on from_scale to a code on to_scale.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __init__(self, from_scale: str, to_scale: str, levels: collections.abc.Mapping[str, str] = {}) -> None:
        """
        A mapping from the levels of from_scale to those of to_scale.
        """
    def __repr__(self) -> str:
        ...
    @property
    def from_scale(self) -> str:
        """
        Scale id of the levels mapped.
        """
    @from_scale.setter
    def from_scale(self, arg0: str) -> None:
        ...
    @property
    def levels(self) -> dict[str, str]:
        """
        Level code on from_scale -> level code on to_scale.
        """
    @levels.setter
    def levels(self, arg0: collections.abc.Mapping[str, str]) -> None:
        ...
    @property
    def to_scale(self) -> str:
        """
        Scale id they are read on.
        """
    @to_scale.setter
    def to_scale(self, arg0: str) -> None:
        ...
class Regime:
    """
    A scale as one assessment regime used it: the kinds of council it rated and the window of dates (inclusive).
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __init__(self, id: str, name: str, scale: str, kinds: collections.abc.Sequence[OrganisationKind], start: datetime.date | str, end: datetime.date | str, source: str = '') -> None:
        """
        A regime rating kinds of organisation on scale from start to end inclusive.
        """
    def __repr__(self) -> str:
        ...
    def covers(self, scale: str, kind: OrganisationKind, day: datetime.date | str) -> bool:
        """
        True if it rated organisations of kind on scale on day.
        """
    @property
    def end(self) -> datetime.date:
        """
        Last day of the window.
        """
    @end.setter
    def end(self, arg0: datetime.date | str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The regime's id: 'cpa-2002-2004-category'.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def kinds(self) -> list[OrganisationKind]:
        """
        The kinds of organisation it rated.
        """
    @kinds.setter
    def kinds(self, arg0: collections.abc.Sequence[OrganisationKind]) -> None:
        ...
    @property
    def name(self) -> str:
        """
        How it is shown.
        """
    @name.setter
    def name(self, arg0: str) -> None:
        ...
    @property
    def scale(self) -> str:
        """
        The scale id.
        """
    @scale.setter
    def scale(self, arg0: str) -> None:
        ...
    @property
    def source(self) -> str:
        """
        Where the window comes from, in words.
        """
    @source.setter
    def source(self, arg0: str) -> None:
        ...
    @property
    def start(self) -> datetime.date:
        """
        First day of the window.
        """
    @start.setter
    def start(self, arg0: datetime.date | str) -> None:
        ...
class HistoryStep:
    """
    One step of a history: a rating (a copy) and its direction from the step before (None for the first, undated ones and steps across regimes).
    """
    def __repr__(self) -> str:
        ...
    @property
    def direction(self) -> Direction | None:
        """
        Its direction from the step before, or None.
        """
    @property
    def rating(self) -> Rating:
        """
        The rating.
        """
class RatingChange:
    """
    How one subject's rating moved from one period to another (copies of both ratings).
    """
    def __repr__(self) -> str:
        ...
    @property
    def direction(self) -> Direction:
        """
        Improved, declined or unchanged.
        """
    @property
    def earlier(self) -> Rating:
        """
        Its rating in the earlier period.
        """
    @property
    def later(self) -> Rating:
        """
        Its rating in the later period.
        """
    @property
    def subject(self) -> str:
        """
        The organisation id.
        """
class UnknownSubjects(enum.Enum):
    """
    What reading a results table does with a council the store does not know: reject (an error), add it, or skip the row.
    """
    add = ...
    reject = ...
    skip = ...
    @classmethod
    def __new__(cls, value):
        ...
class RatingColumn:
    """
    How one column of a results table reads as ratings.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __init__(self, header: str, scale: str, service_area: str = '', component: str = '', levels: collections.abc.Mapping[str, str] = {}) -> None:
        """
        A column headed header whose cells are levels of scale, rating service_area or component; levels maps other cell text ('1 star') to level codes.
        """
    def __repr__(self) -> str:
        ...
    @property
    def component(self) -> str:
        """
        What is rated, when not a service area.
        """
    @component.setter
    def component(self, arg0: str) -> None:
        ...
    @property
    def header(self) -> str:
        """
        The column's header, as written.
        """
    @header.setter
    def header(self, arg0: str) -> None:
        ...
    @property
    def levels(self) -> dict[str, str]:
        """
        Cell text -> level code, for cells that are neither a code nor a label.
        """
    @levels.setter
    def levels(self, arg0: collections.abc.Mapping[str, str]) -> None:
        ...
    @property
    def scale(self) -> str:
        """
        The scale its levels are on.
        """
    @scale.setter
    def scale(self, arg0: str) -> None:
        ...
    @property
    def service_area(self) -> str:
        """
        The service area rated; may be ''.
        """
    @service_area.setter
    def service_area(self, arg0: str) -> None:
        ...
class RatingTableMapping:
    """
    How a results table maps onto ratings: the council and year columns, the rated columns, the markers and what to do with unknown councils (docs/ratings.md).
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __init__(self, columns: collections.abc.Sequence[RatingColumn], *, subject_column: str = 'council', year_column: str = 'year', date_column: str = '', kind_column: str = '', ignored_columns: collections.abc.Sequence[str] = [], subjects: collections.abc.Mapping[str, str] = {}, markers: collections.abc.Mapping[str, str] | None = None, unknown_subjects: UnknownSubjects = ..., kind: OrganisationKind = ..., id_part: str = 'results', document: str = '') -> None:
        """
        A mapping; markers defaults to '' (blank), 'n/a' and 'N/A' (not applicable) and 's/r' (subject to review).
        """
    def __repr__(self) -> str:
        ...
    @property
    def columns(self) -> list[RatingColumn]:
        """
        The rated columns.
        """
    @columns.setter
    def columns(self, arg0: collections.abc.Sequence[RatingColumn]) -> None:
        ...
    @property
    def date_column(self) -> str:
        """
        Header of a column giving each row's exact date; '' dates ratings on the last day of the row's year.
        """
    @date_column.setter
    def date_column(self, arg0: str) -> None:
        ...
    @property
    def document(self) -> str:
        """
        Id of a Document the table is cited as; may be ''.
        """
    @document.setter
    def document(self, arg0: str) -> None:
        ...
    @property
    def id_part(self) -> str:
        """
        The middle of each rating id: '<council>/<id_part>/<year>/<column>'.
        """
    @id_part.setter
    def id_part(self, arg0: str) -> None:
        ...
    @property
    def ignored_columns(self) -> list[str]:
        """
        Headers of columns to leave unread; any other unmapped column is an error.
        """
    @ignored_columns.setter
    def ignored_columns(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def kind(self) -> OrganisationKind:
        """
        The kind of councils added without a kind column.
        """
    @kind.setter
    def kind(self, arg0: OrganisationKind) -> None:
        ...
    @property
    def kind_column(self) -> str:
        """
        Header of a column giving the kind of council, for councils added.
        """
    @kind_column.setter
    def kind_column(self, arg0: str) -> None:
        ...
    @property
    def markers(self) -> dict[str, str]:
        """
        Cell text that holds no level -> its meaning.
        """
    @markers.setter
    def markers(self, arg0: collections.abc.Mapping[str, str]) -> None:
        ...
    @property
    def subject_column(self) -> str:
        """
        Header of the column naming the council.
        """
    @subject_column.setter
    def subject_column(self, arg0: str) -> None:
        ...
    @property
    def subjects(self) -> dict[str, str]:
        """
        Council as written -> organisation id.
        """
    @subjects.setter
    def subjects(self, arg0: collections.abc.Mapping[str, str]) -> None:
        ...
    @property
    def unknown_subjects(self) -> UnknownSubjects:
        """
        What to do with councils the store does not know.
        """
    @unknown_subjects.setter
    def unknown_subjects(self, arg0: UnknownSubjects) -> None:
        ...
    @property
    def year_column(self) -> str:
        """
        Header of the column giving the year.
        """
    @year_column.setter
    def year_column(self, arg0: str) -> None:
        ...
class MarkedCell:
    """
    A cell that held a marker instead of a level.
    """
    def __repr__(self) -> str:
        ...
    @property
    def column(self) -> str:
        """
        Its column's header.
        """
    @property
    def line(self) -> int:
        """
        Its line in the table, from 1.
        """
    @property
    def meaning(self) -> str:
        """
        What the mapping says it means.
        """
    @property
    def subject(self) -> str:
        """
        The organisation id.
        """
    @property
    def text(self) -> str:
        """
        The marker, as written.
        """
    @property
    def year(self) -> str:
        """
        The row's year, as written.
        """
class SkippedRow:
    """
    A row left out because its council is unknown.
    """
    def __repr__(self) -> str:
        ...
    @property
    def line(self) -> int:
        """
        Its line in the table, from 1.
        """
    @property
    def subject(self) -> str:
        """
        The council, as written.
        """
    @property
    def year(self) -> str:
        """
        The year, as written.
        """
class RatingTableImport:
    """
    What reading a results table did.
    """
    def __repr__(self) -> str:
        ...
    @property
    def marked(self) -> list[MarkedCell]:
        """
        Every cell that held a marker.
        """
    @property
    def organisations(self) -> list[str]:
        """
        Ids of the councils added.
        """
    @property
    def ratings(self) -> list[str]:
        """
        Ids of the ratings read, in table order.
        """
    @property
    def skipped(self) -> list[SkippedRow]:
        """
        Every row left out.
        """
class AmbitionCheck:
    """
    A plan target on a scale, checked against the ratings of the plan's organisation on a day.
    """
    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def due(self) -> datetime.date | None:
        """
        Last day of the target's due, or None if it has none readable.
        """
    @property
    def level(self) -> str:
        """
        The level aimed at.
        """
    @property
    def plan(self) -> str:
        """
        The plan id.
        """
    @property
    def rating(self) -> str:
        """
        Met: the rating that reached the level; otherwise the latest rating counted, or '' when there is none.
        """
    @property
    def scale(self) -> str:
        """
        The scale id.
        """
    @property
    def status(self) -> AmbitionStatus:
        """
        Met, missed or not yet due.
        """
    @property
    def target(self) -> str:
        """
        The target's text.
        """
def _map_frame_images_from(bytes: typing.SupportsInt | typing.SupportsIndex) -> int:
    """
    The smallest frame image, in bytes, laid out from now on to be mapped (1 MiB unless set); gives the size before. For tests of both paths.
    """
def action_table(store: Store, actions: collections.abc.Iterable | None = None, as_of: datetime.date | str | None = None) -> Table:
    """
    The actions (Action objects or ids; None: all of store's) as a Table, with lifecycle, health, overdue and percent as of as_of (default today).
    """
def actions_addressing(store: Store, recommendation: str) -> list[Action]:
    """
    The actions that address the recommendation with this id, in the order added (raises NotFound).
    """
def assessment_table(store: Store, assessments: collections.abc.Iterable | None = None) -> Table:
    """
    The assessments (objects or ids; None: all of store's) as a Table.
    """
def builtin_regimes() -> list[Regime]:
    """
    The regimes bestvalue knows, with their windows (docs/ratings.md).
    """
def changes_between(store: Store, scale: str, earlier: typing.Any, later: typing.Any, service_area: str = '', component: str = '', mapping: ScaleMapping | None = None, regimes: collections.abc.Sequence[Regime] | None = None) -> list[RatingChange]:
    """
    Every subject rated on scale (for one service area and component; '' for the whole body) within both periods (Periods or period text such as '2005'), with how its latest rating in each moved: direction declined for those that fell. Ordered by subject.
    """
def check_ambitions(store: Store, day: datetime.date | str) -> list[AmbitionCheck]:
    """
    Every plan target on a scale, checked against the plan organisation's ratings as known on day: met, missed or not yet due.
    """
def compare_subjects(store: Store, scale: str, year: typing.SupportsInt | typing.SupportsIndex, kind: OrganisationKind, component: str = '') -> list[Rating]:
    """
    The whole-body ratings on scale dated in year of subjects of kind, highest level first, then by subject id: copies.
    """
def completion_series(store: Store, actions: collections.abc.Iterable, span: typing.Any, step: Frequency = ...) -> list[CompletionPoint]:
    """
    One CompletionPoint per step (quarterly: financial quarters; six_monthly; annual: financial years; monthly; weekly) ending inside span, with statuses as known at its end. actions are Actions or ids; span is a Period or period text ('2003/04'). Raises ValidationError for an open span ('by 2005').
    """
def computed_health_on(store: Store, action: typing.Any, day: datetime.date | str, thresholds: HealthThresholds = ...) -> Health | None:
    """
    The health an action's dates and percent complete give on day: blue if completed, red if past its due, else by the percent against the expected (elapsed / duration); None if cancelled or superseded, or without a start, a readable due or a percent. action is an Action or an id.
    """
def coverage_by_source(store: Store, day: datetime.date | str) -> dict[str, CoverageSummary]:
    """
    Coverage on day per source assessment id ('' for none).
    """
def coverage_by_source_tag(store: Store, day: datetime.date | str) -> dict[str, CoverageSummary]:
    """
    Coverage on day per source tag ('' for none).
    """
def coverage_on(store: Store, day: datetime.date | str, *, source: str | None = None, source_tag: str | None = None, where: collections.abc.Callable[[Recommendation], bool] | None = None) -> CoverageSummary:
    """
    Coverage on day of the recommendations from source (an assessment id), with source_tag, and for which where(recommendation) is true; all of them by default.
    """
@typing.overload
def diff_plans(before_store: Store, before_plan: str, after_store: Store, after_plan: str) -> PlanDiff:
    """
    What changed from one version of a plan to another, each in its own store (raises NotFound).
    """
@typing.overload
def diff_plans(store: Store, before_plan: str, after_plan: str) -> PlanDiff:
    """
    What changed from one version of a plan to another, both in store (raises NotFound).
    """
def direction_between(store: Store, earlier: typing.Any, later: typing.Any, mapping: ScaleMapping | None = None, regimes: collections.abc.Sequence[Regime] | None = None) -> Direction:
    """
    Whether later (a Rating or id) is higher, lower or level with earlier on the scale. Raises Error for ratings on different scales or regimes unless a ScaleMapping is given.
    """
def evaluate(framework: Framework, ratings: dict) -> Evaluation:
    """
    The outcome of ``framework`` on ``ratings``, explained.
    """
def framework_search_path() -> list[pathlib.Path]:
    """
    The folders searched for frameworks by name, in order.
    """
def health_disagrees_on(store: Store, action: typing.Any, day: datetime.date | str, thresholds: HealthThresholds = ...) -> bool:
    """
    True if on day the action has both a reported and a computed health and they differ. action is an Action or an id.
    """
def health_start_of(store: Store, action: typing.Any) -> datetime.date | None:
    """
    The day an action's expected progress is measured from: its plan's adopted date, else its reference date, else its first progress update; None if none is known.
    """
def history_with_directions(store: Store, subject: str, scale: str, service_area: str = '', component: str = '', regimes: collections.abc.Sequence[Regime] | None = None) -> list[HistoryStep]:
    """
    A subject's ratings on a scale for one service area and component ('' for the whole body), oldest first, each with its direction from the step before.
    """
@typing.overload
def is_addressed(store: Store, recommendation: Recommendation) -> bool:
    """
    True if some action or whole plan addresses the recommendation (raises NotFound).
    """
@typing.overload
def is_addressed(store: Store, recommendation: str) -> bool:
    """
    As above, for the recommendation with this id.
    """
@typing.overload
def is_delivered_on(store: Store, recommendation: Recommendation, day: datetime.date | str) -> bool:
    """
    True if at least one action addresses the recommendation and every one that does was completed on day; a recommendation addressed only by a whole plan is never delivered by this measure (raises NotFound).
    """
@typing.overload
def is_delivered_on(store: Store, recommendation: str, day: datetime.date | str) -> bool:
    """
    As above, for the recommendation with this id.
    """
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
def load_framework(name_or_path: str) -> Framework:
    """
    A framework by path, or a shipped one by name ('use-of-resources-2005').
    """
def open(path: os.PathLike | str | bytes, *, read_only: bool = False, create: bool = True, busy_timeout: typing.SupportsFloat | typing.SupportsIndex = 5.0, max_size: typing.SupportsInt | typing.SupportsIndex = 0) -> Database:
    """
    Opens (or creates) the bestvalue store in a SQLite file. busy_timeout: seconds to wait for another writer; max_size: the largest the file may grow to, in bytes (0: no limit). Raises DatabaseError.
    """
def parse_date_text(text: str, reference: datetime.date | str | None = None) -> DateText:
    """
    Reads council date text ('Feb 09 Nov 08 Nov/Dec 08', 'Done - Refreshed annually'). Never raises for prose; raises ParseError for an impossible date. reference (a date) resolves two-digit years.
    """
def parse_framework(text: str, source: str = '') -> Framework:
    """
    A framework from JSON text.
    """
def parse_period(text: str, reference: datetime.date | str | None = None) -> Period:
    """
    Reads text that must be exactly one period ('Feb/Mar 09'); raises ParseError otherwise. reference (a date) resolves two-digit years.
    """
def plan_life(store: Store, plan: str) -> Period | None:
    """
    The span of a plan: from its adopted date (else the earlier of its first progress update and its horizon's start) to the later of its last update and its horizon's end; None if unknown. Raises NotFound for an unknown plan.
    """
def plan_table(store: Store, plans: collections.abc.Iterable | None = None) -> Table:
    """
    The plans (objects or ids; None: all of store's) as a Table.
    """
def plans_addressing(store: Store, recommendation: str) -> list[Plan]:
    """
    The plans that address the recommendation as a whole (raises NotFound).
    """
def rating_history(store: Store, subject: str, scale: str) -> list[Rating]:
    """
    A subject's ratings on a scale, oldest first (undated ones last): copies.
    """
def rating_history_ids(store: Store, subject: str, scale: str) -> list[str]:
    """
    The ids of rating_history(store, subject, scale), in its order: oldest first, undated ones last. Each id is the str the store keeps for it, as QueryResult.ids lists.
    """
def rating_table(store: Store, ratings: collections.abc.Iterable | None = None) -> Table:
    """
    The ratings (objects or ids; None: all of store's) as a Table.
    """
def read_rating_table(store: Store, text: str, mapping: RatingTableMapping, source: str = '') -> RatingTableImport:
    """
    Reads a results table (CSV text) into ratings in store: all of it or, on any error, nothing (ParseError, ValidationError with every problem's line and column).
    """
def read_rating_table_file(store: Store, path: os.PathLike | str | bytes, mapping: RatingTableMapping) -> RatingTableImport:
    """
    Reads a results table file into ratings in store, all or nothing.
    """
def recommendation_table(store: Store, recommendations: collections.abc.Iterable | None = None) -> Table:
    """
    The recommendations (objects or ids; None: all of store's) as a Table.
    """
def recommendations_addressed_by(store: Store, action_or_plan: str) -> list[Recommendation]:
    """
    The recommendations an action, or a plan (as a whole and through its actions), addresses, in the order added (raises NotFound).
    """
def regime_of(scale: str, kind: OrganisationKind, day: datetime.date | str, regimes: collections.abc.Sequence[Regime] | None = None) -> Regime | None:
    """
    The regime that rated organisations of kind on scale on day, or None; regimes defaults to builtin_regimes().
    """
def regime_of_rating(store: Store, rating: typing.Any, regimes: collections.abc.Sequence[Regime] | None = None) -> Regime | None:
    """
    The regime a rating (or rating id) was given under, or None if it is undated or no regime covers it.
    """
def run_query(store: typing.Any, query: str, today: datetime.date | str | None = None) -> QueryResult:
    """
    Runs a text query (docs/query.md) against store; raises QueryError.
    """
def season_of(day: datetime.date | str) -> Season:
    """
    The season a day falls in.
    """
def season_period(season: Season, year: typing.SupportsInt | typing.SupportsIndex, text: str = '') -> Period:
    """
    The season of year as a Period; a winter belongs to the year of its December.
    """
def shipped_frameworks() -> list[str]:
    """
    The names of the frameworks on the search path.
    """
def slippage_on(action: Action, day: datetime.date | str | None = None, baseline: Baseline = ...) -> Slippage:
    """
    The slippage of action as known on day (None: counting every revision), against baseline.
    """
def smallest_lifts(framework: Framework, ratings: dict) -> list[Lift]:
    """
    The smallest sets of raises that lift the outcome of ``framework`` one level.
    """
def traceability(store: Store, day: datetime.date | str) -> list[TraceRow]:
    """
    The traceability matrix on day: a TraceRow per recommendation and action or plan that addresses it, in the order added.
    """
def what_if(framework: Framework, ratings: dict, component: str, level: typing.Any) -> typing.Any:
    """
    The evaluation of ``framework`` with ``component`` changed to ``level``.
    """
__version__: str = '0.1.0'
