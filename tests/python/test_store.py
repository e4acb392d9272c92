import copy
import csv
import datetime
from pathlib import Path

import re

import pytest

import bestvalue as bv

ROOT = Path(__file__).resolve().parents[2]
ROCHFORD = ROOT / "examples" / "data" / "003-rochford-cpa-improvement-plan-2009.json"
BAD = ROOT / "tests" / "data" / "bad"


@pytest.fixture()
def store():
    return bv.load(ROCHFORD)


def test_collections_are_sequences_and_mappings_by_id(store):
    actions = store.actions
    assert len(actions) == 30
    assert actions[0].id == actions.ids()[0]
    assert actions[-1] == actions[len(actions) - 1]
    assert actions["rochford/cpa-plan-2009/3.4"].ref == "3.4"
    assert "rochford/cpa-plan-2009/3.4" in actions and "nothing" not in actions
    assert actions.get("nothing") is None
    assert [a.ref for a in actions][:3] == ["1.1", "1.2", "1.3"]
    assert repr(actions) == "<ActionCollection of 30 actions>"
    with pytest.raises(IndexError):
        actions[30]
    with pytest.raises(bv.NotFound) as caught:
        actions["rochford/cpa-plan-2009/9.9"]
    assert isinstance(caught.value, KeyError) and isinstance(caught.value, bv.Error)
    assert caught.value.id == "rochford/cpa-plan-2009/9.9"


def test_entities_read_with_the_cpp_names(store):
    action = store.actions["rochford/cpa-plan-2009/3.4"]
    assert action.plan == "rochford/cpa-plan-2009"
    assert action.leads == ["rochford/officer/spmo"]
    assert action.due.text == "April 2009"
    assert action.due_end == datetime.date(2009, 4, 30)
    assert repr(action) == "Action(id='rochford/cpa-plan-2009/3.4', ref='3.4')"
    officer = store.officers["rochford/officer/spmo"]
    assert officer.abbreviation == "SPMO" and officer.kind is bv.OfficerKind.post
    plan = store.plans["rochford/cpa-plan-2009"]
    assert store.section(plan.sections[0].id).ref == plan.sections[0].ref
    assert store.kind_of(plan.sections[0].id) is bv.EntityKind.section
    assert store.scale("cpa-category").find_level("good").label == "Good"
    assert store.vocabulary("progress-symbols").terms[0].term == "((("
    with pytest.raises(bv.NotFound):
        store.scale("no-such-scale")


def test_a_failed_load_leaves_the_store_as_it_was(store):
    before = store.to_json()
    with pytest.raises(bv.ValidationError):
        store.load(BAD / "unknown-reference.json")
    assert store.to_json() == before


def _bad_documents():
    with (BAD / "expected.tsv").open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", _bad_documents(), ids=lambda row: row["file"])
def test_bad_documents_raise_located_errors(row):
    store = bv.Store()
    with pytest.raises(bv.Error) as caught:
        store.load(BAD / row["file"])
    error = caught.value
    assert type(error).__name__ == row["error"]
    assert isinstance(error, ValueError)
    if row["error"] == "ParseError":
        assert row["message"] in error.reason
        assert error.line == int(row["line"])
        assert error.source.endswith(row["file"])
    else:
        located = [(loc.split("#", 1)[1], msg, line) for loc, msg, line, _ in error.problems]
        assert any(loc == row["location"] and row["message"] in msg and line == int(row["line"])
                   for loc, msg, line in located), located
    assert len(store.actions) == 0


def test_a_store_copies_independently(store):
    copied = copy.deepcopy(store)
    copied.load(ROOT / "examples" / "data" / "004-cannock-chase-direction-of-travel-2009.json")
    assert len(store.actions) == 30 and len(copied.actions) == 55


def test_read_json_and_to_json_round_trip():
    store = bv.Store()
    store.read_json('{"bestvalue": "1", "organisations": [{"id": "x", "name": "X"}]}')
    assert store.to_json() == (
        '{\n  "bestvalue": "1",\n  "organisations": [\n    {\n      "id": "x",\n'
        '      "name": "X",\n      "kind": "other"\n    }\n  ]\n}\n'
    )


def _described(doc) -> bool:
    """True if a docstring says something beyond pybind11's signature lines."""
    lines = [line.strip() for line in (doc or "").strip().splitlines() if line.strip()]
    signature = re.compile(r"^(\d+\. )?\w+\(.*\)( -> .*)?$")
    return any(not signature.match(line) and line != "Overloaded function." for line in lines)


def test_every_public_name_is_documented():
    undocumented = []
    for name in bv.__all__:
        value = getattr(bv, name)
        if name.startswith("_"):
            continue
        if isinstance(value, type):
            if not (value.__doc__ or "").strip():
                undocumented.append(name)
            for attribute, member in vars(value).items():
                if attribute.startswith("_"):
                    continue
                if isinstance(member, property):
                    if not (member.__doc__ or "").strip():
                        undocumented.append(f"{name}.{attribute}")
                elif isinstance(member, (staticmethod, classmethod)) or callable(member):
                    function = getattr(member, "__func__", member)
                    if not _described(function.__doc__):
                        undocumented.append(f"{name}.{attribute}")
        elif callable(value) and not _described(value.__doc__):
            undocumented.append(name)
    assert undocumented == []
