"""Slippage and reported-versus-computed health asked as questions: the text language, the
Python keywords and ordering by days slipped. The seed papers hold no due revisions or
percentages, so the store is made here: three actions of one plan adopted on 1 January 2009."""

import json

import pytest

import bestvalue as bv


def _month(text, year, number):
    import calendar

    last = calendar.monthrange(year, number)[1]
    return {"text": text, "periods": [{"start": f"{year}-{number:02}-01",
                                       "end": f"{year}-{number:02}-{last:02}",
                                       "precision": "month", "text": text}]}


@pytest.fixture(scope="module")
def store():
    document = {
        "bestvalue": "1",
        "plans": [{"id": "council/plan", "title": "Improvement Plan", "adopted": "2009-01-01"}],
        "actions": [
            # Due July 2009; moved to September (approved by Cabinet), then December (not yet).
            {"id": "council/plan/1", "plan": "council/plan", "ref": "1",
             "due": _month("July 2009", 2009, 7), "due_revisions": [
                 {"revised_on": "2009-06-01", "due": _month("September 2009", 2009, 9),
                  "approved_by": "Cabinet"},
                 {"revised_on": "2009-10-01", "due": _month("December 2009", 2009, 12)}]},
            # Due April 2009; moved to May, approved.
            {"id": "council/plan/2", "plan": "council/plan", "ref": "2",
             "due": _month("April 2009", 2009, 4), "due_revisions": [
                 {"revised_on": "2009-03-01", "due": _month("May 2009", 2009, 5),
                  "approved_by": "Cabinet", "approved_on": "2009-03-05"}]},
            # Due 11 April 2009, never moved; reported green at 20 % on its due day.
            {"id": "council/plan/3", "plan": "council/plan", "ref": "3",
             "due": {"text": "11 April 2009", "periods": [
                 {"start": "2009-04-11", "end": "2009-04-11", "precision": "day",
                  "text": "11 April 2009"}]}},
            # Due June 2009, brought forward to May: slipped by -30 days.
            {"id": "council/plan/4", "plan": "council/plan", "ref": "4",
             "due": _month("June 2009", 2009, 6), "due_revisions": [
                 {"revised_on": "2009-02-01", "due": _month("May 2009", 2009, 5)}]},
        ],
        "progress": [{"subject": "council/plan/3", "as_of": "2009-04-11", "percent": 20,
                      "health": "green"}],
    }
    made = bv.Store()
    made.read_json(json.dumps(document))
    return made


def refs(ids):
    return [id.rsplit("/", 1)[1] for id in ids]


def test_revisions_and_days_slipped_through_the_language(store):
    assert refs(store.query("actions where revisions >= 2 as of 2010-01-01").ids) == ["1"]
    # The second revision was not known in July.
    assert store.query("actions where revisions >= 2 as of 2009-07-01").ids == []
    assert refs(store.query("actions where slipped > 0 order by slipped desc as of 2010-01-01").ids) == ["1", "2"]
    # July 31 -> December 31 from the original; September 30 -> December 31 from the approved.
    assert store.query("count actions by slipped as of 2010-01-01").counts == {
        "-30": 1, "0": 1, "153": 1, "31": 1}
    # Numbers order as numbers, the negative ones first.
    assert refs(store.query("actions order by slipped as of 2010-01-01").ids) == ["4", "3", "2", "1"]
    assert refs(store.query("actions where slipped_from_baseline > 0 as of 2010-01-01").ids) == ["1"]
    assert refs(store.query("actions where slipped_from_baseline = 92 as of 2010-01-01").ids) == ["1"]
    assert refs(store.query("actions where revisions != 0 order by revisions as of 2010-01-01").ids) == ["2", "4", "1"]


def test_reported_health_that_disagrees_with_dates_and_percent(store):
    assert refs(store.query("actions where health_mismatch as of 2009-04-11").ids) == ["3"]
    assert refs(store.query("actions where not health_mismatch as of 2009-04-11").ids) == ["1", "2", "4"]
    assert store.query("actions where health_mismatch as of 2009-04-10").ids == []


def test_the_same_through_keywords(store):
    assert refs(store.actions.where(revisions_at_least=2, as_of="2010-01-01").ids) == ["1"]
    assert refs(store.actions.where(slipped_over=0, order_by=bv.ActionField.slipped,
                                    descending=True, as_of="2010-01-01").ids) == ["1", "2"]
    assert refs(store.actions.where(slipped_from_baseline_over=0, as_of="2010-01-01").ids) == ["1"]
    assert refs(store.actions.where(health_mismatch_on="2009-04-11").ids) == ["3"]
    assert refs(store.actions.where(health_mismatch=False, as_of="2009-04-11").ids) == ["1", "2", "4"]


def test_numbers_are_checked(store):
    with pytest.raises(bv.QueryError, match='expected a whole number to compare "revisions"'):
        store.query("actions where revisions >= two")
    with pytest.raises(bv.QueryError, match='"health_mismatch" is a flag'):
        store.query("actions where health_mismatch = 1")
    with pytest.raises(TypeError, match="unexpected keyword 'health_mismatch_at_least'"):
        store.actions.where(health_mismatch_at_least=1)
