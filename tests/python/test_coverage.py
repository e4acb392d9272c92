"""Coverage, traceability and plan diffs through the Python door.

The domain rules are tested in C++ (tests/cpp/test_coverage.cpp, test_plan_diff.cpp); these
tests cover the binding surface: ids or entities in, copies out, enums, reprs, dicts, errors.
"""

import copy
import datetime
import json

import pytest

import bestvalue as bv

CANNOCK = "cannock-chase/dot-plan-2008-09"
HOUSING = "cannock-chase/strategic-housing-plan"
ROP = "oxfordshire/raising-our-performance"
SCRUTINY = datetime.date(2009, 3, 18)
ROP_REPORT = datetime.date(2003, 7, 31)


@pytest.fixture(scope="module")
def store(root):
    store = bv.Store()
    for name in ["001-oxfordshire-raising-our-performance-2003",
                 "004-cannock-chase-direction-of-travel-2009"]:
        store.load(str(root / "examples" / "data" / f"{name}.json"))
    return store


def test_both_ways_from_the_cannock_chase_report(store):
    # Paragraph 3.3: the plan captures three of the four recommendations; a separate plan
    # (Strategic Housing) takes the fourth.
    assert [r.number for r in bv.recommendations_addressed_by(store, CANNOCK)] == ["1", "2", "4"]
    assert [r.number for r in bv.recommendations_addressed_by(store, HOUSING)] == ["3"]
    assert [a.ref for a in bv.actions_addressing(store, f"{CANNOCK}/rec-4")] == ["3a", "3b", "3c"]
    assert bv.actions_addressing(store, f"{CANNOCK}/rec-3") == []
    assert [p.id for p in bv.plans_addressing(store, f"{CANNOCK}/rec-3")] == [HOUSING]
    rec_3 = store.recommendations[f"{CANNOCK}/rec-3"]
    assert bv.is_addressed(store, rec_3)
    assert bv.is_addressed(store, rec_3.id)  # an id will do
    assert not bv.is_delivered_on(store, rec_3, SCRUTINY)  # a whole plan: not held by action


def test_raising_our_performance_delivered_by_july_2003(store):
    # Seven of the 24 PR and CPA recommendations carry '(((' in Annex 1 (see the C++ test).
    delivered = [r.id for r in store.recommendations
                 if r.id.startswith("oxfordshire/") and bv.is_delivered_on(store, r, ROP_REPORT)]
    assert len(delivered) == 7
    overall = bv.coverage_on(store, ROP_REPORT)
    assert (overall.recommendations, overall.addressed, overall.delivered) == (28, 28, 7)
    assert bv.coverage_on(store, ROP_REPORT, source_tag="PR").to_dict() == {
        "recommendations": 15, "addressed": 15, "delivered": 4}
    assert bv.coverage_on(store, ROP_REPORT, source="oxfordshire/cpa-2002").delivered == 3
    assert bv.coverage_on(store, ROP_REPORT,
                          where=lambda r: r.id.startswith("cannock-chase/")).delivered == 0
    # Filters combine: PR recommendations of the CPA are none.
    assert bv.coverage_on(store, ROP_REPORT, source="oxfordshire/cpa-2002",
                          source_tag="PR").recommendations == 0
    by_source = bv.coverage_by_source(store, ROP_REPORT)
    assert {k: v.delivered for k, v in by_source.items()} == {
        "cannock-chase/audit-letter-2008": 0, "oxfordshire/cpa-2002": 3,
        "oxfordshire/peer-review-2001": 4}
    assert repr(by_source["oxfordshire/cpa-2002"]) == (
        "CoverageSummary(recommendations=9, addressed=9, delivered=3)")
    assert set(bv.coverage_by_source_tag(store, ROP_REPORT)) == {"", "CPA", "PR"}
    assert bv.coverage_by_source_tag(store, ROP_REPORT)["CPA"] == by_source["oxfordshire/cpa-2002"]


def test_traceability_rows(store):
    rows = bv.traceability(store, SCRUTINY)
    assert len(rows) == 24 + 16 + 6 + 1 + 3
    housing = [row for row in rows if row.addressed_by_kind == bv.EntityKind.plan]
    assert len(housing) == 1
    assert housing[0].to_dict() == {
        "recommendation": f"{CANNOCK}/rec-3", "source": "cannock-chase/audit-letter-2008",
        "assessors": ["audit-commission"], "source_tag": "", "addressed_by": HOUSING,
        "addressed_by_kind": "plan", "plan": HOUSING, "lifecycle": None, "health": None}
    first = rows[0]
    assert first.lifecycle == bv.Lifecycle.completed
    assert first.health == bv.Health.blue
    assert repr(first) == (
        "TraceRow(recommendation='oxfordshire/peer-review-2001/rec/2.1-2', "
        "addressed_by='oxfordshire/raising-our-performance/2.1/2', lifecycle='completed')")
    with pytest.raises(AttributeError):
        first.plan = "x"  # read-only


def test_unknown_ids_raise_not_found(store):
    with pytest.raises(bv.NotFound):
        bv.actions_addressing(store, "no/such/rec")
    with pytest.raises(bv.NotFound):
        bv.plans_addressing(store, "no/such/rec")
    with pytest.raises(LookupError):  # NotFound is a LookupError too
        bv.recommendations_addressed_by(store, f"{CANNOCK}/section-1")
    with pytest.raises(bv.NotFound):
        bv.is_delivered_on(store, "no/such/rec", SCRUTINY)
    with pytest.raises(TypeError):
        bv.is_addressed(store, 42)
    with pytest.raises(bv.NotFound):
        bv.diff_plans(store, CANNOCK, "no/such/plan")


def next_version(root, name, old, new):
    """A JSON document with a copy of plan `old` and its actions under the id `new`."""
    document = json.loads((root / "examples" / "data" / f"{name}.json").read_text())

    def renamed(value):
        return new + value[len(old):] if value.startswith(old) else value

    plan = copy.deepcopy(next(p for p in document["plans"] if p["id"] == old))
    plan["id"] = new
    for section in plan.get("sections", []):
        section["id"] = renamed(section["id"])
        if "parent" in section:
            section["parent"] = renamed(section["parent"])
    actions = []
    for action in document["actions"]:
        if action["plan"] == old:
            action = copy.deepcopy(action)
            action["id"] = renamed(action["id"])
            action["plan"] = new
            if "section" in action:
                action["section"] = renamed(action["section"])
            actions.append(action)
    return {"bestvalue": "1", "plans": [plan], "actions": actions}


def test_a_plan_diff_in_one_store(root, store):
    after = copy.copy(store)
    new = "cannock-chase/dot-plan-2009-10"
    document = next_version(root, "004-cannock-chase-direction-of-travel-2009", CANNOCK, new)
    actions = {a["ref"]: a for a in document["actions"]}
    actions["3a"]["due"] = {"text": "March 2009"}
    added = copy.deepcopy(actions["3c"])
    added.update(id=f"{new}/3d", ref="3d", text="Report on data quality to Cabinet")
    document["actions"].append(added)
    document["actions"].remove(actions["2.4"])
    next(s for s in document["plans"][0]["sections"] if s["ref"] == "2")["title"] = (
        "Community safety")
    after.read_json(json.dumps(document))

    diff = bv.diff_plans(after, CANNOCK, new)
    assert not diff.empty()
    assert [(c.kind, c.entity, c.ref) for c in diff.changes] == [
        (bv.ChangeKind.changed, bv.EntityKind.section, "2"),
        (bv.ChangeKind.changed, bv.EntityKind.action, "3a"),
        (bv.ChangeKind.added, bv.EntityKind.action, "3d"),
        (bv.ChangeKind.removed, bv.EntityKind.action, "2.4"),
    ]
    slipped = diff.changes[1]
    assert slipped.label() == "Action 3a"
    assert slipped.fields[0].to_dict() == {"field": "due", "before": "Jan 2009",
                                           "after": "March 2009"}
    assert repr(slipped.fields[0]) == (
        "FieldChange(field='due', before='Jan 2009', after='March 2009')")
    assert diff.summary().splitlines() == [
        'Section 2: title changed from "Continue to work with partners to step up the pace of '
        'improvement in driving…" to "Community safety"',
        'Action 3a: due changed from "Jan 2009" to "March 2009"',
        "Action 3d added",
        "Action 2.4 removed",
    ]
    version = diff.as_version("2.0", datetime.date(2009, 6, 17), "Cabinet")
    assert isinstance(version, bv.PlanVersion)
    assert (version.number, version.amended, version.approved_by) == ("2.0", "Y", "Cabinet")
    assert version.review_date == version.amendment_date == datetime.date(2009, 6, 17)
    assert version.issues == diff.summary()
    as_dict = diff.to_dict()
    assert json.loads(json.dumps(as_dict)) == as_dict  # plain values only
    assert as_dict["changes"][2] == {"kind": "added", "entity": "action", "ref": "3d",
                                     "title": "Report on data quality to Cabinet",
                                     "before_id": "", "after_id": f"{new}/3d", "fields": []}
    assert repr(diff) == (
        f"<PlanDiff '{CANNOCK}' -> '{new}': 4 changes, 0 plan fields>")


def test_a_plan_diff_across_two_stores_and_with_itself(root, store):
    document = json.loads(
        (root / "examples" / "data" / "001-oxfordshire-raising-our-performance-2003.json")
        .read_text())
    moved = next(a for a in document["actions"] if a["id"] == f"{ROP}/4.4/4")
    moved["section"] = f"{ROP}/section/5.2"
    other = bv.Store()
    other.read_json(json.dumps(document))

    diff = bv.diff_plans(store, ROP, other, ROP)
    assert [c.label() for c in diff.changes] == [
        'Action "Establish a contact centre, if at all possible jointly with…"']
    assert diff.changes[0].fields[0].to_dict() == {"field": "section", "before": "4.4",
                                                   "after": "5.2"}

    same = bv.diff_plans(store, ROP, ROP)
    assert same.empty()
    assert same.summary() == ""
    assert same.as_version("1.1", "2003-07-31", "Executive").amended == "N"
