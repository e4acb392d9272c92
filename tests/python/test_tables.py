"""Tables of actions, recommendations, assessments, ratings and plans: the numpy columns built in
C++, and their pandas and Arrow forms, checked field by field against the entities."""

import datetime
import math
import sys
from pathlib import Path

import numpy as np
import pytest

import bestvalue as bv

ROOT = Path(__file__).resolve().parents[2]
DATASETS = sorted((ROOT / "examples" / "data").glob("*.json"))
DAY = datetime.date(2009, 3, 18)

ACTION_COLUMNS = ["id", "plan", "organisation", "section", "ref", "title", "text", "leads", "due",
                  "due_end", "lifecycle", "health", "overdue", "percent", "source_tags",
                  "addresses", "visibility"]
RECOMMENDATION_COLUMNS = ["id", "number", "text", "source", "source_tag", "priority",
                          "visibility"]
ASSESSMENT_COLUMNS = ["id", "title", "kind", "assessors", "subject", "service_areas",
                      "programme", "track", "scheduled", "scheduled_start", "scheduled_end",
                      "actual", "status", "responsible", "visibility"]
RATING_COLUMNS = ["id", "scale", "level", "subject", "service_area", "component", "date",
                  "assessment", "text", "visibility"]
PLAN_COLUMNS = ["id", "title", "organisation", "kind", "status", "adopted", "versions",
                "visibility"]


def text(value):
    """What a text column holds for a model value: None for empty or absent."""
    if value is None or value == "":
        return None
    return value.name if hasattr(value, "name") and not isinstance(value, str) else value


def first_day(date_text):
    if date_text is None or not date_text.periods:
        return None
    return min(p.start for p in date_text.periods) if all(p.start for p in date_text.periods) \
        else None


def last_day(date_text):
    if date_text is None or not date_text.periods:
        return None
    return max(p.end for p in date_text.periods)


def action_row(store, action, day):
    update = [u for u in store.progress_of(action.id)
              if u.as_of <= day and (u.recorded or u.as_of) <= day and u.percent is not None]
    health = store.health_on(action.id, day)
    return {
        "id": action.id, "plan": action.plan,
        "organisation": text(store.plans[action.plan].organisation),
        "section": text(action.section), "ref": text(action.ref), "title": text(action.title),
        "text": text(action.text), "leads": list(action.leads),
        "due": action.due.text if action.due is not None else None,
        "due_end": action.due_end, "lifecycle": store.lifecycle_on(action.id, day).name,
        "health": health.name if health is not None else None,
        "overdue": store.is_overdue_on(action.id, day),
        "percent": update[-1].percent if update else None,
        "source_tags": list(action.source_tags), "addresses": list(action.addresses),
        "visibility": action.visibility.name,
    }


def recommendation_row(store, r):
    return {"id": r.id, "number": text(r.number), "text": text(r.text), "source": text(r.source),
            "source_tag": text(r.source_tag), "priority": text(r.priority),
            "visibility": r.visibility.name}


def assessment_row(store, a):
    return {"id": a.id, "title": text(a.title), "kind": a.kind.name,
            "assessors": list(a.assessors), "subject": text(a.subject),
            "service_areas": list(a.service_areas), "programme": text(a.programme),
            "track": text(a.track),
            "scheduled": a.scheduled.text if a.scheduled is not None else None,
            "scheduled_start": first_day(a.scheduled), "scheduled_end": last_day(a.scheduled),
            "actual": a.actual.text if a.actual is not None else None, "status": text(a.status),
            "responsible": list(a.responsible_officers), "visibility": a.visibility.name}


def rating_row(store, r):
    return {"id": r.id, "scale": r.scale, "level": r.level, "subject": text(r.subject),
            "service_area": text(r.service_area), "component": text(r.component),
            "date": r.date, "assessment": text(r.assessment), "text": text(r.text),
            "visibility": r.visibility.name}


def plan_row(store, p):
    return {"id": p.id, "title": text(p.title), "organisation": text(p.organisation),
            "kind": p.kind.name, "status": text(p.status), "adopted": p.adopted,
            "versions": len(p.versions), "visibility": p.visibility.name}


TABLES = {
    "actions": (lambda s: bv.action_table(s, list(s.actions), DAY),
                lambda s: [action_row(s, a, DAY) for a in s.actions], ACTION_COLUMNS),
    "recommendations": (bv.recommendation_table,
                        lambda s: [recommendation_row(s, r) for r in s.recommendations],
                        RECOMMENDATION_COLUMNS),
    "assessments": (bv.assessment_table, lambda s: [assessment_row(s, a) for a in s.assessments],
                    ASSESSMENT_COLUMNS),
    "ratings": (bv.rating_table, lambda s: [rating_row(s, r) for r in s.ratings], RATING_COLUMNS),
    "plans": (bv.plan_table, lambda s: [plan_row(s, p) for p in s.plans], PLAN_COLUMNS),
}


def python_value(value):
    """A numpy or pandas cell as the plain Python value the entity has."""
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else value.astype("datetime64[D]").item()
    pd = sys.modules.get("pandas")
    if pd is not None and (value is pd.NaT or value is pd.NA):
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.date()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


@pytest.fixture(scope="module", params=DATASETS, ids=lambda p: p.name[:3])
def store(request):
    loaded = bv.Store()
    loaded.load(request.param)
    return loaded


@pytest.mark.parametrize("kind", TABLES)
def test_columns_match_the_entities_field_by_field(store, kind):
    make, expected_rows, names = TABLES[kind]
    table = make(store)
    expected = expected_rows(store)
    assert table.column_names == names
    assert len(table) == len(expected)
    columns = table.columns()
    assert list(columns) == names
    for row, wanted in enumerate(expected):
        got = {name: python_value(columns[name][row]) for name in names}
        assert got == wanted


@pytest.mark.parametrize("kind", TABLES)
def test_pandas_frames_match_the_entities(store, kind):
    pytest.importorskip("pandas")
    make, expected_rows, names = TABLES[kind]
    frame = bv.to_pandas(make(store))
    assert list(frame.columns) == names
    for row, wanted in zip(frame.itertuples(index=False), expected_rows(store)):
        got = {name: python_value(value) for name, value in zip(names, row)}
        assert got == wanted


@pytest.mark.parametrize("kind", TABLES)
def test_arrow_tables_match_the_entities(store, kind):
    pytest.importorskip("pyarrow")
    make, expected_rows, names = TABLES[kind]
    arrow = bv.to_arrow(make(store))
    assert arrow.column_names == names
    assert arrow.to_pylist() == expected_rows(store)


@pytest.fixture(scope="module")
def five():
    loaded = bv.Store()
    for path in DATASETS:
        loaded.load(path)
    return loaded


def test_numpy_dtypes_and_missing_values(five):
    columns = bv.action_table(five, as_of=DAY).columns()
    assert columns["due_end"].dtype == np.dtype("datetime64[D]")
    assert columns["overdue"].dtype == np.dtype(bool)
    assert columns["percent"].dtype == np.dtype("float64")
    assert columns["id"].dtype == np.dtype(object)
    assert all(isinstance(v, list) for v in columns["leads"])
    undated = list(columns["id"]).index("oxfordshire/raising-our-performance/1/1")
    assert np.isnat(columns["due_end"][undated])
    assert columns["due"][undated] is None
    assert bv.plan_table(five).columns()["versions"].dtype == np.dtype("int64")
    table = bv.action_table(five, as_of=DAY)
    seconds = table.column("due_end", date_unit="s")
    assert seconds.dtype == np.dtype("datetime64[s]")
    assert (seconds == columns["due_end"].astype("datetime64[s]"))[~np.isnat(seconds)].all()
    assert (np.isnat(seconds) == np.isnat(columns["due_end"])).all()
    # Other columns ignore the unit.
    assert np.array_equal(table.column("overdue", date_unit="s"), columns["overdue"])
    with pytest.raises(ValueError, match="date_unit"):
        table.column("due_end", date_unit="ms")
    assert bv.action_table(five, as_of=DAY).column_types["leads"] is bv.ColumnType.text_list


def test_status_columns_are_as_of_the_day(five):
    plan = [a for a in five.actions if a.plan == "oxfordshire/raising-our-performance"]
    reported = bv.action_table(five, plan, as_of="2003-07-31").columns()["lifecycle"]
    assert (reported == "completed").sum() == 18
    assert (reported == "in_progress").sum() == 26
    before = bv.action_table(five, [a.id for a in plan], as_of="2003-07-30").columns()
    assert (before["lifecycle"] == "not_started").all()
    assert all(h is None for h in before["health"])


def test_actions_default_to_all_and_ids_must_exist(five):
    assert len(bv.action_table(five, as_of=DAY)) == len(five.actions)
    with pytest.raises(bv.NotFound):
        bv.action_table(five, ["no/such/action"], as_of=DAY)
    with pytest.raises(TypeError):
        bv.plan_table(five, "rochford/cpa-plan-2009")  # one id, not a list of them


def test_pandas_dtypes(five):
    pd = pytest.importorskip("pandas")
    frame = bv.to_pandas(bv.action_table(five, as_of=DAY))
    assert isinstance(frame["lifecycle"].dtype, pd.CategoricalDtype)
    assert list(frame["lifecycle"].cat.categories) == [m.name for m in bv.Lifecycle]
    assert list(frame["health"].cat.categories) == [m.name for m in bv.Health]
    assert pd.api.types.is_datetime64_any_dtype(frame["due_end"])
    assert frame["overdue"].dtype == bool
    assert frame["percent"].dtype == "float64"
    assert frame["id"].dtype == pd.Series(["text"]).dtype  # pandas' own dtype for text
    row = frame.set_index("id").loc["oxfordshire/raising-our-performance/1/1"]
    assert row["due_end"] is pd.NaT
    assert pd.isna(row["due"])
    assert frame["overdue"].sum() == len(five.actions.where(overdue_on=DAY))
    plans = bv.to_pandas(bv.plan_table(five))
    assert plans["versions"].dtype == "int64"


def test_arrow_schema(five):
    pa = pytest.importorskip("pyarrow")
    arrow = bv.to_arrow(bv.action_table(five, as_of=DAY))
    assert arrow.schema.field("id").type == pa.string()
    assert arrow.schema.field("due_end").type == pa.date32()
    assert arrow.schema.field("overdue").type == pa.bool_()
    assert arrow.schema.field("percent").type == pa.float64()
    assert arrow.schema.field("leads").type == pa.list_(pa.string())
    assert arrow.schema.field("lifecycle").type == pa.string()
    assert arrow.column("percent").null_count == arrow.num_rows  # NaN is null in Arrow
    assert bv.to_arrow(bv.plan_table(five)).schema.field("versions").type == pa.int64()


@pytest.mark.parametrize("kind", TABLES)
def test_empty_selections_give_empty_frames_with_every_column(five, kind):
    make = {"actions": lambda s: bv.action_table(s, [], DAY),
            "recommendations": lambda s: bv.recommendation_table(s, []),
            "assessments": lambda s: bv.assessment_table(s, []),
            "ratings": lambda s: bv.rating_table(s, []),
            "plans": lambda s: bv.plan_table(s, [])}[kind]
    full = TABLES[kind][0](five)
    empty = make(five)
    assert len(empty) == 0
    assert empty.column_names == TABLES[kind][2]
    assert empty.column_types == full.column_types
    for name, values in empty.columns().items():
        assert values.shape == (0,)
        assert values.dtype == full.columns()[name].dtype
    pytest.importorskip("pandas")
    frame, full_frame = bv.to_pandas(empty), bv.to_pandas(full)
    assert frame.empty and list(frame.columns) == TABLES[kind][2]
    assert dict(frame.dtypes) == dict(full_frame.dtypes)
    pa = pytest.importorskip("pyarrow")
    assert bv.to_arrow(empty).schema == bv.to_arrow(full).schema


def test_without_pandas_or_pyarrow_the_error_says_what_to_install(five, monkeypatch):
    table = bv.plan_table(five)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        bv.to_pandas(table)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match="pip install pyarrow"):
        bv.to_arrow(table)
    # The numpy columns need neither.
    assert table.columns()["id"].tolist() == [p.id for p in five.plans]
