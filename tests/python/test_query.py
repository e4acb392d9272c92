"""The question table of tests/data/questions.tsv through the Python doors: Store.query (the
text language) and ActionCollection.where (keyword filters) — the same answers as in C++."""

import csv
import datetime
from pathlib import Path

import pytest

import bestvalue as bv

ROOT = Path(__file__).resolve().parents[2]
MARCH_2009 = "2009-03-18"
JULY_2003 = "2003-07-31"
ROP = "oxfordshire/raising-our-performance"
ROCHFORD = "rochford/cpa-plan-2009"


@pytest.fixture(scope="module")
def store():
    loaded = bv.Store()
    for path in sorted((ROOT / "examples" / "data").glob("*.json")):
        loaded.load(path)
    return loaded


def _questions():
    with (ROOT / "tests" / "data" / "questions.tsv").open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


def _counts(counts: dict) -> str:
    if list(counts) == [""]:
        return f"count: {counts['']}"
    return "count: " + ", ".join(f"{key or '(none)'}={value}" for key, value in sorted(counts.items()))


def _answer(result: bv.QueryResult) -> str:
    return _counts(result.counts) if result.is_count else ", ".join(result.ids)


# The action questions asked with keyword filters.
WHERE = {
    "q01": dict(organisation="cannock-chase", overdue_on=MARCH_2009),
    "q02": dict(plan=ROCHFORD, lead="SPMO", order_by=bv.ActionField.due),
    "q03": dict(plan=ROCHFORD, overdue_on="2009-02-18"),
    "q04": dict(plan=ROP, tag="CPA", health="red", as_of=JULY_2003),
    "q10": dict(lead="Nick Hackney"),
    "q11": dict(addresses="cannock-chase/dot-plan-2008-09/rec-2"),
    "q12": dict(text_contains="data quality"),
    "q13": dict(plan=ROP, tag="PR", open_on=JULY_2003),
    "q14": dict(organisation="cannock-chase", status="completed", as_of=MARCH_2009),
    "q17": dict(plan=ROCHFORD, lead="CPPU"),
    "q18": dict(lead="Director for Resources"),
    "q19": dict(overdue_on=JULY_2003),
}


@pytest.mark.parametrize("row", _questions(), ids=lambda row: row["id"])
def test_question_through_the_text_language(store, row):
    assert _answer(store.query(row["query"], today="2026-01-01")) == row["answer"], row["question"]


@pytest.mark.parametrize("row", [r for r in _questions() if r["id"] in WHERE],
                         ids=lambda row: row["id"])
def test_question_through_keyword_filters(store, row):
    found = store.actions.where(**WHERE[row["id"]])
    answer = ", ".join(a.id for a in found)
    if row["answer"].startswith("count: "):
        answer = f"count: {len(found)}"
    assert answer == row["answer"], row["question"]


def test_the_typed_builder_is_there_in_python_too(store):
    query = bv.ActionQuery(store).in_plan(ROCHFORD).led_by("SPMO").order_by(bv.ActionField.due)
    assert query.ids()[0] == f"{ROCHFORD}/3.4"
    assert query.count() == 8
    counts = bv.ActionQuery(store).in_plan(ROP).count_by(bv.ActionField.health, JULY_2003)
    assert counts == {"amber": 20, "blue": 18, "red": 6}
    assert [a.ref for a in bv.ActionQuery(store).in_plan(ROCHFORD).limit(2).run()] == ["1.1", "1.2"]


def test_query_errors_are_value_errors_with_a_column(store):
    with pytest.raises(bv.QueryError) as caught:
        store.query('actions where lead_officer = "SPMO"')
    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, bv.Error)
    assert error.column == 15
    assert error.reason == 'unknown field "lead_officer" for actions; did you mean "lead"?'


def test_where_refuses_unknown_keywords(store):
    with pytest.raises(TypeError, match="unexpected keyword 'led_by'"):
        store.actions.where(led_by="SPMO")


def test_the_as_of_date_is_reported(store):
    result = store.query("count actions by health as of 2009-03-18")
    assert result.as_of == datetime.date(2009, 3, 18)
    assert store.query("count actions", today="2009-01-01").as_of == datetime.date(2009, 1, 1)


def test_where_refuses_bad_values(store):
    with pytest.raises(bv.QueryError, match='unknown status "complete"; did you mean "completed"'):
        store.actions.where(status="complete")
    with pytest.raises(ValueError, match='unknown health "purple"'):
        store.actions.where(health="purple")
    with pytest.raises(ValueError, match="descending needs order_by"):
        store.actions.where(descending=True)
    assert [a.ref for a in store.actions.where(plan=ROCHFORD, descending=True,
                                                order_by=bv.ActionField.ref, limit=2)] == ["4.3", "4.2"]
