"""The SQLite store's views, read with the sqlite3 command-line shell and no bestvalue: they
answer the query questions in plain SQL, the same as bestvalue does."""

import datetime
import json
import subprocess

import pytest

import bestvalue as bv

# The sqlite3 shell comes from scripts/setup; without it these tests fail rather than skip, so a
# machine that lacks it cannot pass them unnoticed.


@pytest.fixture(scope="module")
def council(tmp_path_factory, root):
    """A SQLite store of the five datasets, and the same in memory."""
    path = tmp_path_factory.mktemp("views") / "council.db"
    memory = bv.Store()
    with bv.open(path) as database:
        for document in sorted((root / "examples" / "data").glob("*.json")):
            database.import_json(document.read_text(encoding="utf-8"), str(document))
            memory.load(document)
    return path, memory


def sql(path, statement):
    """Rows of `statement` as the sqlite3 shell gives them, as dicts."""
    result = subprocess.run(["sqlite3", "-json", "-readonly", str(path), statement],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout) if result.stdout.strip() else []


def ids(rows, column):
    return [row[column] for row in rows]


def lifecycle_as_of(day):
    """Plain SQL for each action's lifecycle as a committee saw it on `day`."""
    return f"""
        SELECT a.id AS action, a.plan, a.due_end,
               COALESCE((SELECT h.lifecycle FROM progress_history h
                         WHERE h.subject = a.id AND h.lifecycle IS NOT NULL
                           AND h.as_of <= '{day}' AND h.recorded <= '{day}'
                         ORDER BY h.as_of DESC, h.recorded DESC, h.seq DESC LIMIT 1),
                        'not_started') AS lifecycle,
               (SELECT h.health FROM progress_history h
                WHERE h.subject = a.id AND h.gives_health
                  AND h.as_of <= '{day}' AND h.recorded <= '{day}'
                ORDER BY h.as_of DESC, h.recorded DESC, h.seq DESC LIMIT 1) AS health
        FROM actions a"""


def test_counts_by_status_and_health_as_of_a_past_date(council):
    path, store = council
    plan = "oxfordshire/raising-our-performance"
    by_status = sql(path, f"""SELECT lifecycle, count(*) AS n FROM ({lifecycle_as_of('2003-07-31')})
                              WHERE plan = '{plan}' GROUP BY lifecycle ORDER BY lifecycle""")
    assert {row["lifecycle"]: row["n"] for row in by_status} == \
        {"completed": 18, "in_progress": 26}  # q06
    by_health = sql(path, f"""SELECT health, count(*) AS n FROM ({lifecycle_as_of('2003-07-31')})
                              WHERE plan = '{plan}' GROUP BY health ORDER BY health""")
    assert {row["health"]: row["n"] for row in by_health} == \
        {"amber": 20, "blue": 18, "red": 6}  # q05
    assert store.query(f'count actions where plan = "{plan}" by health as of 2003-07-31').counts \
        == {row["health"]: row["n"] for row in by_health}


def test_overdue_as_of_a_past_date(council):
    path, store = council
    rows = sql(path, f"""SELECT action FROM ({lifecycle_as_of('2009-02-18')})
                         WHERE plan = 'rochford/cpa-plan-2009' AND due_end < '2009-02-18'
                           AND lifecycle NOT IN ('completed', 'cancelled', 'superseded')
                         ORDER BY action""")
    assert ids(rows, "action") == ["rochford/cpa-plan-2009/1.3", "rochford/cpa-plan-2009/4.1"]
    assert sorted(store.query('actions where plan = "rochford/cpa-plan-2009" and overdue '
                              'as of 2009-02-18').ids) == ids(rows, "action")  # q03


def test_current_status_and_overdue_views_agree_with_bestvalue(council):
    path, store = council
    today = datetime.date.today()
    rows = sql(path, "SELECT action, lifecycle, health FROM action_status ORDER BY action")
    assert len(rows) == len(store.actions)
    for row in rows:
        assert row["lifecycle"] == store.lifecycle_on(row["action"], today).name
        health = store.health_on(row["action"], today)
        assert row["health"] == (health.name if health is not None else None)
    overdue = ids(sql(path, "SELECT action FROM overdue_actions ORDER BY action"), "action")
    assert overdue == sorted(a.id for a in store.actions if store.is_overdue_on(a.id, today))
    assert overdue  # the seeds' open actions are long overdue by now


def test_leads_are_shown_by_the_names_councils_use(council):
    path, _ = council
    rows = sql(path, """SELECT action, leads FROM action_status
                        WHERE action = 'rochford/cpa-plan-2009/1.1'""")
    assert rows == [{"action": "rochford/cpa-plan-2009/1.1", "leads": "CEX, CPPU"}]


def test_recommendation_coverage(council):
    path, store = council
    not_addressed = sql(path, "SELECT recommendation FROM recommendation_coverage "
                              "WHERE NOT addressed")
    assert not_addressed == [] == store.query("recommendations where not addressed").ids  # q21
    delivered = ids(sql(path, "SELECT recommendation FROM recommendation_coverage "
                              "WHERE delivered ORDER BY recommendation"), "recommendation")
    assert delivered == sorted(store.query("recommendations where delivered").ids)
    rec = "cannock-chase/dot-plan-2008-09/rec-2"
    row = sql(path, "SELECT actions, plans, addressed FROM recommendation_coverage "
                    f"WHERE recommendation = '{rec}'")
    plans = sum(rec in plan.addresses for plan in store.plans)
    assert row == [{"actions": 6, "plans": plans, "addressed": 1}]  # q11


def test_ratings_by_subject_with_labels(council):
    path, store = council
    rows = sql(path, "SELECT rating, scale, level, level_label FROM subject_ratings "
                     "WHERE subject = 'oxfordshire' ORDER BY date")
    assert sorted(ids(rows, "rating")) == sorted(
        store.query('ratings where subject = "oxfordshire"').ids)  # q33
    overall = [row for row in rows if row["rating"] == "oxfordshire/cpa-2002/rating/overall"]
    assert overall == [{"rating": "oxfordshire/cpa-2002/rating/overall", "scale": "cpa-category",
                        "level": "fair", "level_label": "Fair"}]
    counts = sql(path, "SELECT level, count(*) AS n FROM subject_ratings "
                       "WHERE subject = 'oxfordshire' GROUP BY level ORDER BY level")
    assert {row["level"]: row["n"] for row in counts} == {"2": 4, "3": 4, "fair": 1}  # q35


def test_inspection_programme_by_financial_year(council):
    path, store = council
    rows = sql(path, """SELECT DISTINCT assessment FROM inspection_programme
                        WHERE financial_year = '2004/05' AND subject = 'city-council-2003'
                        ORDER BY assessment""")
    assert ids(rows, "assessment") == sorted([
        "city-council-2003/inspections-2004-05/almo-inspection",
        "city-council-2003/inspections-2004-05/ssi-adults"])  # q20
    assert ids(rows, "assessment") == sorted(store.query(
        'assessments where scheduled in 2004/05 and subject = "city-council-2003"').ids)
    every = sql(path, """SELECT DISTINCT assessment FROM inspection_programme
                         WHERE financial_year = '2004/05' ORDER BY assessment""")
    assert ids(every, "assessment") == sorted(
        store.query("assessments where scheduled in 2004/05").ids)
