import datetime

import pytest

import bestvalue as bv


def test_parse_error_is_a_bestvalue_error_and_a_value_error():
    with pytest.raises(bv.ParseError) as caught:
        bv.parse_date_text("due 31/02/2009")
    error = caught.value
    assert isinstance(error, bv.Error)
    assert isinstance(error, ValueError)
    assert error.reason == "impossible date: February 2009 has 28 days, not day 31"
    assert error.text == "due 31/02/2009"
    assert (error.line, error.column) == (1, 5)
    assert str(error).startswith("1:5: impossible date")


def test_validation_error_lists_its_problems():
    with pytest.raises(bv.ValidationError) as caught:
        bv.Period(datetime.date(2009, 3, 1), datetime.date(2009, 2, 1), bv.Precision.month, "x")
    assert isinstance(caught.value, bv.Error)
    assert isinstance(caught.value, ValueError)
    assert caught.value.problems == [
        ("period 'x'", "ends on 2009-02-01, before it starts on 2009-03-01", 0, 0)
    ]


def test_every_exception_is_exported_under_bestvalue():
    for name in ("Error", "ParseError", "ValidationError", "NotFound"):
        assert getattr(bv, name) is getattr(bv._core, name)
        assert name in bv.__all__
    assert issubclass(bv.Error, Exception)


def test_a_bad_iso_string_for_a_date_is_a_parse_error():
    with pytest.raises(bv.ParseError):
        bv.Period.day("2009-02-30")
    with pytest.raises(TypeError):
        bv.Period.day(20090218)
