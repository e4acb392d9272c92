"""Properties of the calendar that must hold for every date and every text, found by hypothesis."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

import bestvalue as bv

dates = st.dates(min_value=datetime.date(1901, 1, 1), max_value=datetime.date(2098, 12, 31))
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@given(dates)
def test_a_day_is_in_its_financial_year_and_quarter(day):
    year = bv.FinancialYear.containing(day)
    quarter = bv.FinancialQuarter.containing(day)
    assert year.first_day <= day <= year.last_day
    assert quarter.year == year and quarter.contains(day)
    assert bv.CalendarQuarter.containing(day).contains(day)
    assert bv.season_period(bv.season_of(day), day.year if day.month != 1 and day.month != 2
                            else day.year - 1).contains(day)


@given(dates, st.integers(min_value=-40, max_value=40))
def test_quarter_arithmetic_is_consistent(day, n):
    quarter = bv.FinancialQuarter.containing(day)
    assert (quarter + n) - n == quarter
    moved = quarter + n
    assert (moved > quarter) == (n > 0) and (moved == quarter) == (n == 0)


@given(st.integers(min_value=1901, max_value=2097))
def test_financial_year_labels_read_back(start_year):
    year = bv.FinancialYear(start_year)
    assert bv.FinancialYear.parse(year.label) == year
    assert year.period().length_in_days in (365, 366)


@given(st.integers(min_value=1901, max_value=2098), st.integers(min_value=1, max_value=12),
       st.booleans())
def test_month_and_year_read_as_that_month(year, month, abbreviate):
    name = MONTHS[month - 1][:3] if abbreviate else MONTHS[month - 1]
    period = bv.parse_period(f"{name} {year}")
    assert period.precision is bv.Precision.month
    assert period.start == datetime.date(year, month, 1)
    assert (period.end + datetime.timedelta(days=1)).day == 1


@given(st.integers(min_value=1950, max_value=2150), st.integers(min_value=0, max_value=99))
def test_two_digit_years_land_within_fifty_years_of_the_reference(reference_year, two_digits):
    period = bv.parse_period(f"Dec {two_digits:02d}", reference=datetime.date(reference_year, 6, 1))
    assert period.start.year % 100 == two_digits
    assert -50 <= period.start.year - reference_year < 50


COUNCIL_WORDS = ["by", "Done", "Refreshed", "annually", "in", "March", "Feb", "Nov/Dec", "the",
                 "end", "of", "Cabinet", "reported", "to", "Autumn", ",", "(", ")", "-", "–",
                 "/", "Q", "possible", "re-inspection", "Sept", "before", "each", "year"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(COUNCIL_WORDS), max_size=12))
def test_prose_without_digits_never_raises(words):
    text = " ".join(words)
    reading = bv.parse_date_text(text, reference="2009-02-18")
    assert reading.text == text
    assert reading.is_exact == (reading.reason == "")
    for period in reading.periods:
        assert period.text in text


@settings(max_examples=300)
@given(st.lists(st.one_of(st.sampled_from(COUNCIL_WORDS),
                          st.integers(min_value=0, max_value=3000).map(str),
                          st.sampled_from(["09/10", "2003/04", "22/1/09", "4th", "1st"])),
                max_size=10))
def test_any_council_text_reads_or_raises_only_parse_error(words):
    text = " ".join(words)
    try:
        reading = bv.parse_date_text(text, reference="2009-02-18")
    except bv.ParseError as error:
        assert error.reason.startswith("impossible")
        return
    for period in reading.periods:
        assert period.start is None or period.start <= period.end
