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


DOT = "cannock-chase/dot-plan-2008-09"
LETTER = "cannock-chase/audit-letter-2008"
CITY = "city-council-2003"
PROGRAMME_2004 = "Inspections 2004/05"
AUDIT_PROGRAMME = "Audit and Inspection Programme"

# Every question asked with keyword filters: the collection, its where() keywords, and for a
# count the field it is grouped by ("" for a plain count).
WHERE = {
    "q01": ("actions", dict(organisation="cannock-chase", overdue_on=MARCH_2009), None),
    "q02": ("actions", dict(plan=ROCHFORD, lead="SPMO", order_by=bv.ActionField.due), None),
    "q03": ("actions", dict(plan=ROCHFORD, overdue_on="2009-02-18"), None),
    "q04": ("actions", dict(plan=ROP, tag="CPA", health="red", as_of=JULY_2003), None),
    "q05": ("actions", dict(plan=ROP, as_of=JULY_2003), "health"),
    "q06": ("actions", dict(plan=ROP, as_of=JULY_2003), "status"),
    "q07": ("actions", dict(plan=ROP, as_of="2003-07-30"), "status"),
    "q08": ("actions", dict(plan=ROCHFORD, due_in="2009/10"), ""),
    "q09": ("actions", dict(plan=ROCHFORD, due_before="2009-04-01", not_status="completed",
                            order_by="due", as_of="2009-02-18"), None),
    "q10": ("actions", dict(lead="Nick Hackney"), None),
    "q11": ("actions", dict(addresses="cannock-chase/dot-plan-2008-09/rec-2"), None),
    "q12": ("actions", dict(text_contains="data quality"), None),
    "q13": ("actions", dict(plan=ROP, tag="PR", open_on=JULY_2003), ""),
    "q14": ("actions", dict(organisation="cannock-chase", status="completed", as_of=MARCH_2009), ""),
    "q15": ("actions", dict(organisation="cannock-chase", as_of=MARCH_2009), "health"),
    "q16": ("actions", dict(plan=DOT), bv.ActionField.due_quarter),
    "q17": ("actions", dict(plan=ROCHFORD, lead="CPPU"), None),
    "q18": ("actions", dict(lead="Director for Resources"), ""),
    "q19": ("actions", dict(overdue_on=JULY_2003), None),
    "q20": ("assessments", dict(scheduled_in="2004/05", subject=CITY), None),
    "q21": ("recommendations", dict(addressed=False), None),
    "q22": ("recommendations", dict(tag="PR"), ""),
    "q23": ("recommendations", dict(tag="CPA"), ""),
    "q24": ("assessments", dict(programme=PROGRAMME_2004), None),
    "q25": ("assessments", dict(programme=PROGRAMME_2004, responsible="Jill Baker"), None),
    "q26": ("assessments", dict(programme=PROGRAMME_2004, not_status=bv.AssessmentStatus.confirmed),
            None),
    "q27": ("assessments", dict(responsible="Anne Williams"), ""),
    "q28": ("assessments", dict(subject=CITY, assessor="ssi"), None),
    "q29": ("assessments", dict(programme=AUDIT_PROGRAMME), "track"),
    "q30": ("assessments", dict(programme=AUDIT_PROGRAMME), bv.AssessmentField.assessor),
    "q31": ("assessments", dict(subject="oxfordshire", track="improvement_work",
                                scheduled_in="2004/05"), None),
    "q32": ("assessments", dict(assessor="probation-inspectorate"), None),
    "q33": ("ratings", dict(subject="oxfordshire", order_by=bv.RatingField.date), None),
    "q34": ("ratings", dict(subject="oxfordshire", scale="cpa-score", level="2"), None),
    "q35": ("ratings", dict(subject="oxfordshire"), "level"),
    "q36": ("ratings", dict(scale="cpa-category", order_by="date"), None),
    "q37": ("ratings", dict(subject="cannock-chase"), None),
    "q38": ("ratings", dict(component="use of resources"), None),
    "q39": ("plans", dict(organisation="rochford"), None),
    "q40": ("recommendations", dict(source=LETTER, not_plan=DOT), None),
    "q41": ("recommendations", dict(plan=DOT), None),
    "q42": ("plans", dict(addresses="cannock-chase/dot-plan-2008-09/rec-3"), None),
    "q43": ("recommendations", dict(source=LETTER, number="3"), None),
    "q44": ("recommendations", dict(addressed_by=f"{DOT}/2.4"), None),
    "q45": ("recommendations", dict(source=LETTER, delivered_on=MARCH_2009), None),
    "q46": ("recommendations", dict(plan=ROP, delivered=True, as_of=JULY_2003), None),
    "q47": ("recommendations", dict(plan=ROP, delivered_on=JULY_2003), bv.RecommendationField.tag),
    "q48": ("recommendations", dict(plan=ROP, tag="CPA", delivered=False, as_of=JULY_2003), None),
    "q49": ("recommendations", dict(text_contains="performance management"), None),
    "q50": ("recommendations", dict(assessor="audit-commission"), "subject"),
    "q51": ("actions", dict(plan=ROCHFORD), "due_quarter"),
    "q52": ("actions", dict(plan=ROCHFORD), "section"),
    "q53": ("actions", dict(plan=ROCHFORD, lead="OSO"), None),
    "q54": ("actions", dict(plan=ROCHFORD, delivery="PIO"), None),
    "q55": ("actions", dict(section=f"{ROP}/section/3", as_of=JULY_2003), "health"),
    "q56": ("actions", dict(plan=ROP, health="red", as_of=JULY_2003), None),
    # 'due <= 2009-03-31' as a keyword: due_before the next day says the same.
    "q57": ("actions", dict(plan=DOT, due_before="2009-04-01", open=True, order_by="due",
                            as_of=MARCH_2009), None),
    "q58": ("actions", dict(plan=DOT, delivery="PTT"), None),
    "q59": ("actions", dict(plan=DOT, delivery="Katie Beeston"), None),
    "q60": ("actions", dict(lead="Director for Learning & Culture"), None),
}


def test_every_question_has_keyword_filters():
    assert {row["id"] for row in _questions()} == set(WHERE)
    assert len(WHERE) >= 30


@pytest.mark.parametrize("row", _questions(), ids=lambda row: row["id"])
def test_question_through_keyword_filters(store, row):
    collection, keywords, count_by = WHERE[row["id"]]
    found = getattr(store, collection).where(**keywords)
    if count_by is None:
        answer = ", ".join(found.ids)
    elif count_by == "":
        answer = f"count: {len(found)}"
    else:
        answer = _counts(found.count_by(count_by))
    assert answer == row["answer"], row["question"]


def _detail_value(entity, field: str) -> str:
    return {
        "responsible": lambda e: "|".join(e.responsible_officers),
        "status": lambda e: e.status.name,
        "level": lambda e: e.level,
        "versions": lambda e: "|".join(v.number for v in e.versions),
    }[field](entity)


@pytest.mark.parametrize("row", [r for r in _questions() if r["detail"]], ids=lambda row: row["id"])
def test_question_details(store, row):
    """Where a question asks more than which (who is responsible, at what level), the detail
    column holds the answer for each id, checked on the entities the query returns."""
    field, _, pairs = row["detail"].partition(": ")
    expected = dict(pair.split("=", 1) for pair in pairs.split("; "))
    result = store.query(row["query"], today="2026-01-01")
    collection = getattr(store, result.collection.name)
    assert {id: _detail_value(collection[id], field) for id in result.ids} == expected


def test_answers_convert_to_frames(store):
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = store.query('actions where organisation = "cannock-chase" and overdue as of 2009-03-18').to_pandas()
    assert list(frame["ref"]) == ["2.4", "3a", "3c"]
    assert isinstance(frame, pandas.DataFrame) and set(frame["overdue"]) == {True}
    counts = store.query(f'count actions where plan = "{ROP}" by status as of 2003-07-31').to_pandas()
    assert list(counts["key"]) == ["completed", "in_progress"]
    assert list(counts["count"]) == [18, 26]
    assert list(counts["percent_complete"]) == [100.0, 0.0]
    ratings = store.ratings.where(subject="oxfordshire", scale="cpa-category").to_arrow()
    assert ratings.column("level").to_pylist() == ["fair"]


@pytest.mark.parametrize("row", _questions(), ids=lambda row: row["id"])
def test_question_through_the_text_language(store, row):
    assert _answer(store.query(row["query"], today="2026-01-01")) == row["answer"], row["question"]


def test_the_typed_builder_is_there_in_python_too(store):
    query = bv.ActionQuery(store).in_plan(ROCHFORD).led_by("SPMO").order_by(bv.ActionField.due)
    assert query.ids()[0] == f"{ROCHFORD}/3.4"
    assert query.count() == 8
    counts = bv.ActionQuery(store).in_plan(ROP).count_by(bv.ActionField.health, JULY_2003)
    assert counts == {"amber": 20, "blue": 18, "red": 6}
    assert [a.ref for a in bv.ActionQuery(store).in_plan(ROCHFORD).limit(2).run()] == ["1.1", "1.2"]


def test_counting_by_two_fields_crosses_their_values(store):
    section, health = bv.ActionField.section, bv.ActionField.health
    query = bv.ActionQuery(store).in_plan(ROP)
    crossed = query.count_by((section, health), JULY_2003)
    assert all(isinstance(key, tuple) and len(key) == 2 for key in crossed)
    assert list(crossed) == sorted(crossed)  # by section, then health
    # Each section's row adds up to its count, and each health's column to the plan's.
    by_section, by_health = {}, {}
    for (one, other), count in crossed.items():
        by_section[one] = by_section.get(one, 0) + count
        by_health[other] = by_health.get(other, 0) + count
    assert by_section == query.count_by(section, JULY_2003)
    assert by_health == {"amber": 20, "blue": 18, "red": 6}
    # A list names the fields as well as a tuple; one field alone is still a plain count.
    assert query.count_by([section, health], JULY_2003) == crossed
    with pytest.raises(TypeError):
        query.count_by((section, health, health), JULY_2003)


def test_a_selection_counts_by_two_fields_as_the_typed_query(store):
    chosen = store.actions.where(plan=ROP, as_of=JULY_2003, order_by="due", descending=True)
    typed = bv.ActionQuery(store).in_plan(ROP)
    section, health = bv.ActionField.section, bv.ActionField.health
    assert chosen.count_by(("section", "health")) == typed.count_by((section, health), JULY_2003)
    assert chosen.count_by([section, "health"]) == typed.count_by((section, health), JULY_2003)
    assert chosen.count_by("health") == typed.count_by(health, JULY_2003)
    leads = store.assessments.where(programme="Inspections 2004/05").count_by(("assessor", "status"))
    assert sum(leads.values()) >= len(store.assessments.where(programme="Inspections 2004/05"))
    with pytest.raises(TypeError, match="one field, or two"):
        chosen.count_by(("section", "health", "lead"))
    with pytest.raises(ValueError, match="cannot count by 'colour'"):
        chosen.count_by(("section", "colour"))


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


def test_a_series_of_counts_converts_to_a_frame(store):
    pytest.importorskip("pandas")
    answer = store.query(f'count recommendations where plan = "{ROP}" and delivered by tag '
                         "per half in 2003/04")
    assert [point.label for point in answer.series] == ["H1 2003/04", "H2 2003/04"]
    frame = answer.to_pandas()
    assert list(frame.columns) == ["step", "end", "key", "count"]
    assert frame[frame.step == "H1 2003/04"].set_index("key")["count"].to_dict() == {"CPA": 3, "PR": 4}


def test_limit_offset_and_keyword_errors(store):
    ordered = store.query(f'actions where plan = "{ROCHFORD}" order by ref').ids
    assert store.query(f'actions where plan = "{ROCHFORD}" order by ref limit 2 offset 3').ids == ordered[3:5]
    assert store.actions.where(plan=ROCHFORD, order_by="ref", limit=2, offset=3).ids == ordered[3:5]
    assert store.actions.where(plan=ROCHFORD, order_by="ref")[3:5].ids == ordered[3:5]
    with pytest.raises(TypeError, match="'addressed' is a flag: give True or False"):
        store.recommendations.where(addressed="yes")
    with pytest.raises(TypeError, match='unexpected keyword \'lead_officer\'; did you mean "lead"'):
        store.actions.where(lead_officer="SPMO")
    with pytest.raises(ValueError, match="cannot order by 'colour'"):
        store.ratings.where(order_by="colour")
    with pytest.raises(bv.QueryError, match="expected a number after 'offset'"):
        store.query("actions limit 2 offset many")
