"""The five seed datasets: they load, match the schema, round-trip, and hold the seeds' facts."""

import datetime
import json
from pathlib import Path

import jsonschema
import pytest

import bestvalue as bv

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
DATASETS = sorted(DATA.glob("*.json"))
D = datetime.date


@pytest.fixture(scope="module")
def schema():
    return json.loads((ROOT / "docs" / "schema" / "bestvalue-1.schema.json").read_text())


@pytest.fixture(scope="module")
def national():
    store = bv.Store()
    for path in DATASETS:
        store.load(path)
    return store


def test_there_is_one_dataset_per_seed_document():
    assert [p.name[:3] for p in DATASETS] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.name[:3])
def test_dataset_matches_the_schema(path, schema):
    jsonschema.Draft202012Validator(schema).validate(json.loads(path.read_text("utf-8")))


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.name[:3])
def test_dataset_round_trips_byte_for_byte(path, tmp_path):
    store = bv.load(path)
    assert store.to_json() == path.read_text("utf-8")
    store.save(tmp_path / "saved.json")
    assert (tmp_path / "saved.json").read_bytes() == path.read_bytes()
    assert bv.load(tmp_path / "saved.json").to_json() == store.to_json()


def test_the_schema_refuses_what_the_loader_refuses(schema):
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid({"bestvalue": "2"})
    assert not validator.is_valid({"bestvalue": "1", "actions": [{"id": "a", "lead": "x"}]})


def test_oxfordshire_cpa_2002(national):
    ratings = {(r.component or r.service_area or r.scale): r for r in national.ratings
               if r.subject == "oxfordshire"}
    fair = [r for r in national.ratings if r.subject == "oxfordshire" and r.scale == "cpa-category"]
    assert [r.level for r in fair] == ["fair"]
    assert ratings["corporate assessment"].level == "2"
    assert ratings["overall service score"].level == "3"
    assert ratings["use of resources"].level == "3"
    assert ratings["education"].level == "3"
    assert ratings["social-care/children"].level == "2"
    assert ratings["social-care/adults"].level == "2"
    assert ratings["environment"].level == "3"
    assert ratings["libraries-leisure"].level == "2"
    targets = [t for p in national.plans if p.organisation == "oxfordshire" for t in p.targets]
    good = [t for t in targets if t.scale == "cpa-category" and t.level == "good"]
    excellent = [t for t in targets if t.scale == "cpa-category" and t.level == "excellent"]
    assert good and good[0].due.periods[-1].end == D(2005, 3, 31)
    assert excellent and excellent[0].due.periods[-1].end == D(2007, 3, 31)


def test_oxfordshire_priority_work_programme(national):
    plan = next(p for p in national.plans if p.kind is bv.PlanKind.work_programme)
    assert len(plan.sections) == 10
    actions = [a for a in national.actions if a.plan == plan.id]
    assert len(actions) == 32
    tracks = {a.track for a in national.assessments if a.subject == "oxfordshire" and a.track}
    assert tracks == {bv.ProgrammeTrack.improvement_work, bv.ProgrammeTrack.assessment_work}
    joint = [a for a in national.assessments if len(a.assessors) == 3]
    assert joint and joint[0].status is bv.AssessmentStatus.possible


def test_raising_our_performance_progress(national):
    plan = national.plans["oxfordshire/raising-our-performance"]
    assert plan.vocabulary == "progress-symbols"
    actions = [a for a in national.actions if a.plan == plan.id]
    assert len(actions) == 44
    day = D(2003, 7, 31)
    statuses = [national.status_on(a.id, day).status for a in actions]
    assert all(s in ("(((", "((", "(") for s in statuses)
    completed = sum(national.lifecycle_on(a.id, day) is bv.Lifecycle.completed for a in actions)
    assert completed == statuses.count("(((")
    tags = {tag for a in actions for tag in a.source_tags}
    assert tags == {"RoP", "PR", "CPA"}
    by_tag = {tag: sum(tag in a.source_tags for a in actions) for tag in tags}
    assert by_tag["PR"] == 15 and by_tag["CPA"] == 9
    # Every PR and CPA action addresses the recommendation it restates.
    for action in actions:
        if "RoP" not in action.source_tags:
            assert len(action.addresses) == 1


def test_city_council_programme(national):
    city = national.organisations["city-council-2003"]
    assert "not" in city.name
    assessments = [a for a in national.assessments if a.subject == "city-council-2003"]
    programmes = {a.programme for a in assessments}
    assert "Inspections 2003/04" in programmes and "Inspections 2004/05" in programmes
    delayed = [a for a in assessments if a.status is bv.AssessmentStatus.delayed]
    offered = [a for a in assessments if a.status is bv.AssessmentStatus.offered]
    assert delayed and offered
    autumn = [a for a in assessments if a.scheduled and a.scheduled.text == "(Autumn, 2004)"]
    assert autumn[0].scheduled.periods[0].start == D(2004, 9, 1)


def test_rochford_plan(national):
    plan = national.plans["rochford/cpa-plan-2009"]
    assert [v.number for v in plan.versions] == ["1", "1.2"]
    assert plan.versions[1].approved_by == "SDIMT"
    assert {e.abbreviation for e in plan.legend} >= {"CEX", "CPPU", "SPMO", "SDIMT", "HFAPM"}
    actions = {a.ref: a for a in national.actions if a.plan == plan.id}
    assert {"3.10", "3.11", "3.12", "3.13"} <= set(actions)
    assert any("3.1 0" in note for note in actions["3.10"].notes)
    first = actions["1.1"]
    assert [p.text for p in first.due.periods] == ["Feb 09"] or len(first.milestones) == 2
    assert actions["3.4"].ict.required is True
    assert actions["3.1"].ict.required is False
    assert actions["2.1"].due.unread and actions["2.1"].due.periods[0].start == D(2009, 4, 1)
    good = [r for r in national.ratings if r.subject == "rochford"]
    assert [(r.scale, r.level) for r in good] == [("cpa-category", "good")]
    overdue = {a.ref for a in actions.values() if national.is_overdue_on(a.id, D(2009, 2, 18))}
    assert overdue == {"1.3", "4.1"}


def test_cannock_chase_plan(national):
    plan = national.plans["cannock-chase/dot-plan-2008-09"]
    recommendations = [r for r in national.recommendations if r.id.startswith("cannock-chase/")]
    assert [r.number for r in recommendations] == ["1", "2", "3", "4"]
    actions = [a for a in national.actions if a.plan == plan.id]
    addressed = {r for a in actions for r in a.addresses}
    housing = national.plans["cannock-chase/strategic-housing-plan"]
    assert housing.status is bv.PlanStatus.referenced
    assert housing.addresses == ["cannock-chase/dot-plan-2008-09/rec-3"]
    assert addressed | set(housing.addresses) == {r.id for r in recommendations}
    done = [a for a in actions if a.due and a.due.done]
    day = D(2009, 3, 18)
    assert done and all(national.lifecycle_on(a.id, day) is bv.Lifecycle.completed for a in done)
    use_of_resources = [r for r in national.ratings if r.subject == "cannock-chase"]
    assert [(r.scale, r.level) for r in use_of_resources] == [("common-1-4", "3")]
    refreshed = [a for a in actions if a.due and a.due.recurrence]
    assert {a.due.text for a in refreshed} >= {"Refreshed annually in March",
                                                "Done - Refreshed annually"}
