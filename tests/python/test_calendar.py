import copy
import datetime
import pickle

import pytest

import bestvalue as bv
from conftest import read_seed_dates

D = datetime.date


def test_parse_period_reads_the_foundation_example():
    period = bv.parse_period("Feb/Mar 09", reference="2009-02-18")
    assert (period.start, period.end) == (D(2009, 2, 1), D(2009, 3, 31))
    assert period.precision is bv.Precision.month_range
    assert period.text == "Feb/Mar 09"
    assert str(period) == "1 February 2009 – 31 March 2009 (month_range, 'Feb/Mar 09')"
    assert repr(period) == (
        "Period(datetime.date(2009, 2, 1), datetime.date(2009, 3, 31), "
        "Precision.month_range, 'Feb/Mar 09')"
    )


def test_reference_may_be_a_date_or_an_iso_string():
    assert bv.parse_period("Dec 08", reference=D(2009, 2, 18)) == bv.parse_period(
        "Dec 08", reference="2009-02-18"
    )


def test_an_open_period_has_no_start():
    period = bv.parse_period("by 2005")
    assert period.start is None
    assert period.end == D(2005, 12, 31)
    assert period.has_open_start
    assert period.length_in_days is None
    assert period.contains(D(1990, 1, 1))
    assert repr(period) == "Period.by(datetime.date(2005, 12, 31), text='by 2005')"
    assert bv.Period(None, D(2005, 12, 31), bv.Precision.open_by, "by 2005") == period


def test_period_operations():
    march = bv.Period.month(2009, 3)
    assert march.contains(D(2009, 3, 31)) and not march.contains(D(2009, 4, 1))
    assert march.contains(bv.Period.day(D(2009, 3, 5)))
    assert march.overlaps(bv.Period.year(2009))
    assert not march.overlaps(bv.Period.month(2009, 4))
    assert march.length_in_days == 31
    assert march.with_text("March 2009").text == "March 2009"
    assert bv.is_met(march, D(2009, 3, 31))
    assert not bv.is_overdue_on(march, D(2009, 3, 31))
    assert bv.is_overdue_on(march, D(2009, 4, 1))
    assert bv.is_overdue_on(march, D(2009, 4, 10), completed_on=D(2009, 4, 11))
    assert not bv.is_overdue_on(march, D(2009, 4, 10), completed_on=D(2009, 4, 10))


def test_periods_are_values_hashable_sortable_and_picklable():
    periods = [bv.Period.month(2009, 3), bv.Period.by(D(2009, 1, 1)), bv.Period.year(2008)]
    assert [p.precision for p in sorted(periods)] == [
        bv.Precision.open_by,
        bv.Precision.year,
        bv.Precision.month,
    ]
    assert len({bv.Period.month(2009, 3), bv.Period.month(2009, 3)}) == 1
    assert bv.Period.month(2009, 3) != "March 2009"
    assert (bv.Period.month(2009, 3) == 3) is False
    for period in periods + [bv.parse_period("Feb/Mar 09", reference="2009-01-01")]:
        assert pickle.loads(pickle.dumps(period)) == period
        assert copy.deepcopy(period) == period


def test_financial_years_and_quarters():
    fy = bv.FinancialYear(2003)
    assert (fy.first_day, fy.last_day, fy.label) == (D(2003, 4, 1), D(2004, 3, 31), "2003/04")
    assert bv.FinancialYear.containing(D(2004, 3, 31)) == fy
    assert bv.FinancialYear.containing(D(2004, 4, 1)) == fy + 1
    assert bv.FinancialYear.parse("09/10", reference="2009-02-18") == bv.FinancialYear(2009)
    assert fy + 3 - fy == 3 and 1 + fy == fy + 1 and fy - 1 == bv.FinancialYear(2002)
    assert repr(fy) == "FinancialYear(2003)" and str(fy) == "2003/04"
    q3 = fy.quarter(3)
    assert (q3.first_day, q3.last_day, str(q3)) == (D(2003, 10, 1), D(2003, 12, 31), "Q3 2003/04")
    assert q3 + 2 == bv.FinancialYear(2004).quarter(1) and q3 - 3 == bv.FinancialYear(2002).quarter(4)
    assert repr(q3) == "FinancialQuarter(FinancialYear(2003), 3)"
    assert bv.CalendarQuarter(2009, 1).period().end == D(2009, 3, 31)
    assert repr(bv.CalendarQuarter(2009, 1)) == "CalendarQuarter(2009, 1)"
    for value in (fy, q3, bv.CalendarQuarter(2009, 1)):
        assert pickle.loads(pickle.dumps(value)) == value
        assert hash(pickle.loads(pickle.dumps(value))) == hash(value)
    with pytest.raises(bv.ValidationError):
        fy.quarter(5)
    with pytest.raises(bv.ParseError):
        bv.FinancialYear.parse("2003/05")


def test_seasons():
    assert bv.season_of(D(2009, 12, 1)) is bv.Season.winter
    winter = bv.season_period(bv.Season.winter, 2004)
    assert (winter.start, winter.end) == (D(2004, 12, 1), D(2005, 2, 28))


def test_date_text_fields():
    reading = bv.parse_date_text("Done - Refreshed annually")
    assert reading.done and reading.recurrence.frequency is bv.Frequency.annual
    assert reading.unread == ["Refreshed"] and not reading.is_exact
    assert reading.text == "Done - Refreshed annually"
    assert "Refreshed" in repr(reading)
    assert reading == bv.parse_date_text("Done - Refreshed annually")
    assert len({reading, bv.parse_date_text("Done - Refreshed annually")}) == 1
    march = bv.Recurrence(bv.Frequency.annual, 3, "annually in March")
    assert march.next_occurrence("2009-04-01").start == D(2010, 3, 1)
    assert repr(march) == "Recurrence(Frequency.annual, 3, 'annually in March')"


def _format_periods(reading) -> str:
    return "; ".join(
        f"{'' if p.start is None else p.start.isoformat()}..{p.end.isoformat()} {p.precision.name}"
        for p in reading.periods
    )


def _format_recurrence(reading) -> str:
    if reading.recurrence is None:
        return ""
    text = reading.recurrence.frequency.name
    if reading.recurrence.month is not None:
        text += " " + D(2000, reading.recurrence.month, 1).strftime("%B").lower()
    return text


@pytest.mark.parametrize(
    "row", read_seed_dates(), ids=lambda row: f"{row['document'][:3]}:{row['text'][:40]}"
)
def test_every_seed_date_expression_reads_the_same_from_python(row):
    reading = bv.parse_date_text(row["text"], reference=row["reference"])
    assert reading.text == row["text"]
    assert _format_periods(reading) == row["periods"]
    assert _format_recurrence(reading) == row["recurrence"]
    assert reading.done == (row["done"] == "yes")
    assert reading.is_exact == (row["exact"] == "yes")
