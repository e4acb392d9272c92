"""Status on a day, completion by organisation, unaddressed recommendations and slippage order,
as the store answers them through its index, against plain definitions computed from the JSON
document itself, on generated data (benchmarks/generate --scale small)."""

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

import bestvalue as bv

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "benchmarks" / "generate"
DAYS = ["2002-01-01", "2003-06-30", "2004-11-15", "2005-06-30", "2006-03-31", "2007-12-31",
        "2030-01-01"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("generated") / "small.json"
    subprocess.run([sys.executable, str(GENERATE), "--scale", "small", "--seed", "3",
                    "--out", str(path)], check=True, capture_output=True, text=True)
    return bv.load(path), json.loads(path.read_text())


def plain_status(store, document, day: str):
    """Each action's (lifecycle, health, percent) on `day`, by walking its updates as
    docs/query.md defines status on a day: known ones (as_of and recorded on or before the
    day), latest by as_of, then recorded, then the order added."""
    plans = {plan["id"]: plan for plan in document["plans"]}
    terms = {}
    for action in document["actions"]:
        plan = store.plans[action["plan"]]
        if plan.vocabulary not in terms:
            terms[plan.vocabulary] = {t.term: t for t in store.vocabulary(plan.vocabulary).terms}
    updates = {}
    for order, update in enumerate(document["progress"]):
        recorded = update.get("recorded", update["as_of"])
        if update["as_of"] <= day and recorded <= day:
            updates.setdefault(update["subject"], []).append(
                ((update["as_of"], recorded, order), update))
    status = {}
    for action in document["actions"]:
        words = terms[store.plans[action["plan"]].vocabulary]
        known = [u for _, u in sorted(updates.get(action["id"], []), key=lambda e: e[0],
                                      reverse=True)]
        lifecycle, health, percent = "not_started", None, None
        for update in known:
            if "lifecycle" in update:
                lifecycle = update["lifecycle"]
                break
            if update.get("status") in words:
                lifecycle = words[update["status"]].lifecycle.name
                break
        for update in known:
            if "health" in update:
                health = update["health"]
                break
            if update.get("status"):
                term = words.get(update["status"])
                health = term.health.name if term is not None and term.health is not None else None
                break
        for update in known:
            if "percent" in update:
                percent = float(update["percent"])
                break
        status[action["id"]] = (lifecycle, health, percent)
    assert plans  # the document has plans: the definition saw something
    return status


@pytest.mark.parametrize("day", DAYS)
def test_status_on_a_day_is_the_plain_definition(generated, day):
    store, document = generated
    expected = plain_status(store, document, day)
    on = datetime.date.fromisoformat(day)
    got = {}
    for action in store.actions:
        health = store.health_on(action.id, on)
        got[action.id] = (store.lifecycle_on(action.id, on).name,
                          None if health is None else health.name,
                          None)
    assert {k: v[:2] for k, v in expected.items()} == {k: v[:2] for k, v in got.items()}
    # The action table reads status through the same handles, percent included.
    table = bv.action_table(store, as_of=on).columns()
    assert list(table["id"]) == [a["id"] for a in document["actions"]]
    percents = [None if p != p else p for p in table["percent"]]  # NaN: no percent
    assert percents == [expected[a["id"]][2] for a in document["actions"]]
    assert [x or None for x in table["lifecycle"]] == [expected[a["id"]][0]
                                                       for a in document["actions"]]
    if day not in ("2002-01-01", "2030-01-01"):
        # The day sees a mixture: the comparison was not of defaults only.
        assert len({v[0] for v in expected.values()}) >= 2


@pytest.mark.parametrize("day", DAYS)
def test_completion_by_organisation_is_the_plain_count(generated, day):
    store, document = generated
    expected_status = plain_status(store, document, day)
    organisation_of = {plan["id"]: plan["organisation"] for plan in document["plans"]}
    counts, completed = {}, {}
    for action in document["actions"]:
        key = organisation_of[action["plan"]]
        counts[key] = counts.get(key, 0) + 1
        completed[key] = completed.get(key, 0) + (expected_status[action["id"]][0] == "completed")
    answer = store.query(f"count actions by organisation as of {day}")
    assert answer.counts == counts
    assert {k: answer.completed.get(k, 0) for k in counts} == completed


def test_not_addressed_is_the_plain_anti_join(generated):
    store, document = generated
    addressed = {r for a in document["actions"] for r in a.get("addresses", [])}
    addressed |= {r for p in document["plans"] for r in p.get("addresses", [])}
    expected = [r["id"] for r in document["recommendations"] if r["id"] not in addressed]
    assert expected  # the generator leaves some unaddressed
    assert store.query("recommendations where not addressed").ids == expected
    assert sorted(store.query("recommendations where addressed").ids + expected) == \
        sorted(r["id"] for r in document["recommendations"])


@pytest.mark.parametrize("day", ["2004-03-31", "2006-03-31", "2030-01-01"])
@pytest.mark.parametrize("at_least", [1, 2])
def test_slippage_order_is_numeric_with_unknown_last(generated, day, at_least):
    store, document = generated
    on = datetime.date.fromisoformat(day)
    rows = []
    for action in store.actions:
        slip = bv.slippage_on(action, on)
        if slip.revisions >= at_least:
            rows.append((slip.days_slipped, action.id))
    known = [r for r in rows if r[0] is not None]
    expected = [i for _, i in sorted(known, key=lambda r: -r[0])]  # sorted is stable
    expected += [i for s, i in rows if s is None]
    got = store.query(f"actions where revisions >= {at_least} order by slipped desc as of {day}")
    assert got.ids == expected
    ascending = [i for _, i in sorted(known, key=lambda r: r[0])] + \
        [i for s, i in rows if s is None]
    assert store.query(
        f"actions where revisions >= {at_least} order by slipped as of {day}").ids == ascending
    if day == "2030-01-01" and at_least == 1:
        assert len({s for s, _ in known}) > 5  # many different slippages were ordered


@pytest.mark.parametrize("year", ["2003/04", "2005/06", "2007/08"])
def test_scheduled_in_a_year_by_assessor_is_the_plain_count(generated, year):
    store, document = generated
    first = datetime.date(int(year[:4]), 4, 1)
    last = datetime.date(int(year[:4]) + 1, 3, 31)

    def periods(scheduled):
        if "periods" in scheduled:
            return [(datetime.date.fromisoformat(p["start"]), datetime.date.fromisoformat(p["end"]))
                    for p in scheduled["periods"]]
        return [(p.start, p.end) for p in bv.parse_date_text(scheduled["text"]).periods]

    matching = [a for a in document["assessments"] if "scheduled" in a and any(
        start is not None and first <= start and end <= last for start, end in periods(a["scheduled"]))]
    counts = {}
    for assessment in matching:
        for assessor in assessment.get("assessors") or [""]:
            counts[assessor] = counts.get(assessor, 0) + 1
    assert counts
    if year == "2005/06":
        assert len(counts) >= 2  # several assessors were counted
    assert store.query(f"count assessments where scheduled in {year} by assessor").counts == counts
    assert store.query(f"assessments where scheduled in {year}").ids == [a["id"] for a in matching]


def test_an_answer_reads_its_ids_from_the_store_each_time(generated):
    store, document = generated
    answer = store.query("actions where revisions >= 1 order by slipped desc as of 2030-01-01")
    ids = answer.ids
    assert len(ids) == len(answer) > 10
    assert answer.ids == ids and answer.ids is not ids  # a new list for each read
    assert list(answer.table().columns()["id"]) == ids
    assert len(set(ids)) == len(ids)
    known = {a["id"] for a in document["actions"]}
    assert set(ids) <= known
    for question in ("recommendations where not addressed", "assessments where scheduled in 2005/06",
                     "ratings where scale = \"cpa-category\"", "plans"):
        answer = store.query(question)
        assert len(answer) == len(answer.ids) > 0
        assert repr(answer) == f"<QueryResult of {len(answer)} ids>"
        assert list(answer.table().columns()["id"]) == answer.ids
    assert store.query("count actions").ids == []



def test_ids_are_whole_python_strings(generated):
    # Ids are ASCII (the format's rule), so their Python strings are made from their bytes
    # without decoding UTF-8: each must still be a str like any other, equal, hashed and
    # looked up as one made in Python.
    store, document = generated
    ids = store.query("actions").ids
    expected = [a["id"] for a in document["actions"]]
    assert ids == expected
    assert all(type(i) is str and i.isascii() for i in ids)
    assert [hash(i) for i in ids[:100]] == [hash(str(e)) for e in expected[:100]]
    position = {i: n for n, i in enumerate(ids)}
    assert all(position["".join(e)] == n for n, e in enumerate(expected))
    assert ids[0] + "/x" == expected[0] + "/x" and ids[-1].split("/") == expected[-1].split("/")
