"""Slippage, computed health and completion over time, through the Python door.

The seed papers record no due revisions and no percentages complete, so most of these tests
build a small store by hand from JSON text; the completion series is checked on the real
Raising our Performance plan.
"""

import datetime
import json
import math
from pathlib import Path

import pytest

import bestvalue as bv

ROOT = Path(__file__).resolve().parents[2]
ROP = ROOT / "examples" / "data" / "001-oxfordshire-raising-our-performance-2003.json"
ROP_PLAN = "oxfordshire/raising-our-performance"
ACTION = "council/plan/1.1"


def month(text, year, number):
    """A due of one month, as the JSON format writes date text."""
    last = (datetime.date(year + number // 12, number % 12 + 1, 1) - datetime.timedelta(days=1))
    return {"text": text, "periods": [{"start": f"{year}-{number:02}-01", "end": last.isoformat(),
                                       "precision": "month", "text": text}]}


def day_due(iso):
    return {"text": iso, "periods": [{"start": iso, "end": iso, "precision": "day", "text": iso}]}


def hand_made(revisions=(), progress=(), adopted="2009-01-01", due=None):
    """A store of one plan adopted on `adopted` and one action due by 11 April 2009."""
    plan = {"id": "council/plan", "title": "Improvement Plan", "vocabulary": "rag"}
    if adopted:
        plan["adopted"] = adopted
    document = {
        "bestvalue": "1",
        "plans": [plan],
        "actions": [{"id": ACTION, "plan": "council/plan", "ref": "1.1",
                     "due": due or day_due("2009-04-11"), "due_revisions": list(revisions)}],
        "progress": [dict(subject=ACTION, **update) for update in progress],
    }
    store = bv.Store()
    store.read_json(json.dumps(document))
    return store


def twice_revised():
    return hand_made(due=month("July 2009", 2009, 7), revisions=[
        {"revised_on": "2009-06-01", "due": month("September 2009", 2009, 9),
         "reason": "consultation extended", "approved_by": "Cabinet"},
        {"revised_on": "2009-10-01", "due": month("December 2009", 2009, 12),
         "reason": "staff vacancy"},
    ])


def test_slippage_against_both_baselines_and_as_of_a_day():
    action = twice_revised().actions[ACTION]
    every = bv.slippage_on(action)
    assert every.baseline is bv.Baseline.original
    assert every.original_end == datetime.date(2009, 7, 31)
    assert every.current_end == datetime.date(2009, 12, 31) == action.due_end
    assert every.revisions == 2
    assert every.days_slipped == 153
    approved = bv.slippage_on(action, baseline=bv.Baseline.latest_approved)
    assert approved.baseline_end == datetime.date(2009, 9, 30)
    assert approved.days_slipped == 92
    summer = bv.slippage_on(action, "2009-07-15")
    assert (summer.revisions, summer.current_end, summer.days_slipped) == (
        1, datetime.date(2009, 9, 30), 61)
    spring = bv.slippage_on(action, datetime.date(2009, 5, 1), bv.Baseline.latest_approved)
    assert (spring.revisions, spring.days_slipped) == (0, 0)
    assert repr(spring).startswith("<Slippage latest_approved: original_end=datetime.date(2009")
    assert bv.slippage_on(action, "2009-05-01", bv.Baseline.latest_approved) == spring
    with pytest.raises(AttributeError):
        spring.revisions = 3


def test_an_unreadable_due_leaves_slippage_unknown():
    store = hand_made(due={"text": "ongoing", "unread": ["ongoing"]})
    slip = bv.slippage_on(store.actions[ACTION])
    assert slip.original_end is None and slip.current_end is None and slip.days_slipped is None
    assert [name for name in bv.Baseline.__members__] == ["original", "latest_approved"]


def test_computed_health_at_its_boundaries():
    def on_due_day(percent):
        store = hand_made(progress=[{"as_of": "2009-04-11", "percent": percent}])
        return bv.computed_health_on(store, ACTION, "2009-04-11")

    assert on_due_day(90) is bv.Health.green
    assert on_due_day(89.9) is bv.Health.amber
    assert on_due_day(70) is bv.Health.amber
    assert on_due_day(69.9) is bv.Health.red


def test_computed_health_before_the_start_after_the_due_complete_and_unmeasured():
    store = hand_made(progress=[
        {"as_of": "2008-12-01", "percent": 0},
        {"as_of": "2009-02-20", "percent": 40},
        {"as_of": "2009-05-01", "lifecycle": "completed"},
    ])
    action = store.actions[ACTION]
    assert bv.health_start_of(store, action) == datetime.date(2009, 1, 1)
    assert bv.computed_health_on(store, action, "2008-12-01") is bv.Health.green
    assert bv.computed_health_on(store, action, "2009-02-20") is bv.Health.amber
    assert bv.computed_health_on(store, action, "2009-02-20",
                                 bv.HealthThresholds(0.8, 0.5)) is bv.Health.green
    assert bv.computed_health_on(store, action, "2009-04-12") is bv.Health.red
    assert bv.computed_health_on(store, action, "2009-05-01") is bv.Health.blue
    assert bv.computed_health_on(hand_made(), ACTION, "2009-02-20") is None
    with pytest.raises(bv.NotFound):
        bv.computed_health_on(store, "council/plan/9.9", "2009-02-20")


def test_bad_thresholds_are_refused():
    assert bv.HealthThresholds() == bv.HealthThresholds(on_track=0.9, off_track=0.7)
    assert repr(bv.HealthThresholds()) == "HealthThresholds(on_track=0.9, off_track=0.7)"
    for on_track, off_track in [(0.7, 0.9), (1.1, 0.7), (0.9, 0.0), (math.nan, 0.7)]:
        with pytest.raises(bv.ValidationError) as caught:
            bv.HealthThresholds(on_track, off_track)
        assert isinstance(caught.value, ValueError)
    thresholds = bv.HealthThresholds()
    thresholds.off_track = 0.95  # set after construction: refused when used
    with pytest.raises(bv.ValidationError):
        thresholds.validate()
    store = hand_made(progress=[{"as_of": "2009-02-20", "percent": 40}])
    with pytest.raises(ValueError):
        bv.computed_health_on(store, ACTION, "2009-02-20", thresholds)


def test_reported_and_computed_health_disagree():
    optimistic = hand_made(progress=[{"as_of": "2009-04-11", "percent": 20, "health": "green"}])
    assert bv.health_disagrees_on(optimistic, ACTION, "2009-04-11")
    assert not bv.health_disagrees_on(optimistic, ACTION, "2009-04-11",
                                      bv.HealthThresholds(0.2, 0.1))
    honest = hand_made(progress=[{"as_of": "2009-04-11", "percent": 20, "health": "red"}])
    assert not bv.health_disagrees_on(honest, honest.actions[ACTION], "2009-04-11")


def test_completion_series_over_raising_our_performance():
    store = bv.load(ROP)
    ids = [a.id for a in store.actions.where(plan=ROP_PLAN)]
    assert len(ids) == 44
    points = bv.completion_series(store, ids, "2003/04")
    assert [p.label for p in points] == ["Q1 2003/04", "Q2 2003/04", "Q3 2003/04", "Q4 2003/04"]
    assert [(p.completed, p.total) for p in points] == [(0, 44), (18, 44), (18, 44), (18, 44)]
    assert points[1].end == datetime.date(2003, 9, 30)
    assert points[1].percent == pytest.approx(100 * 18 / 44)
    assert repr(points[1]) == "<CompletionPoint 'Q2 2003/04' 2003-09-30: 18/44>"
    # Actions as objects, the span as a Period, month by month.
    months = bv.completion_series(store, list(store.actions), bv.parse_period("July-September,2003"),
                                  step=bv.Frequency.monthly)
    assert [(p.label, p.completed) for p in months] == [
        ("July 2003", 18), ("August 2003", 18), ("September 2003", 18)]
    # A generator of fresh copies works as well as a list.
    copies = bv.completion_series(store, (store.actions[i] for i in ids), "2003/04")
    assert copies == points
    assert bv.completion_series(store, [], "2003/04")[0].percent == 0.0
    with pytest.raises(bv.ValidationError):
        bv.completion_series(store, ids, "by 2005")
    with pytest.raises(bv.NotFound):
        bv.completion_series(store, ["oxfordshire/nothing"], "2003/04")


def test_plan_life():
    store = bv.load(ROP)
    life = bv.plan_life(store, ROP_PLAN)
    assert (life.start, life.end) == (datetime.date(2003, 7, 31), datetime.date(2003, 7, 31))
    assert bv.completion_series(store, store.actions.ids(), life) == []
    assert bv.plan_life(hand_made(adopted=None), "council/plan") is None
    with pytest.raises(bv.NotFound):
        bv.plan_life(store, "oxfordshire/no-such-plan")


def test_every_new_name_is_documented():
    for name in ["Baseline", "Slippage", "HealthThresholds", "CompletionPoint", "slippage_on",
                 "computed_health_on", "health_disagrees_on", "health_start_of",
                 "completion_series", "plan_life"]:
        assert name in bv.__all__
        assert getattr(bv, name).__doc__
