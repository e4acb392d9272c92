"""The ids answers list: each id's str is made once and kept with its store, so answers share
them; they go when the store goes and are made again when the store changes."""

import gc
import json
import subprocess
import sys
from pathlib import Path

import bestvalue as bv

ROOT = Path(__file__).resolve().parents[2]
ROCHFORD = "rochford/cpa-plan-2009"


def _rochford() -> str:
    return (ROOT / "examples" / "data" / "003-rochford-cpa-improvement-plan-2009.json").read_text(
        encoding="utf-8")


def _loaded() -> bv.Store:
    store = bv.Store()
    store.read_json(_rochford())
    return store


def test_every_door_to_ids_gives_the_same_strings():
    store = _loaded()
    expected = [action.id for action in store.actions]
    through_query = bv.ActionQuery(store).ids()
    through_language = store.query(f'actions where plan = "{ROCHFORD}"').ids
    through_keywords = store.actions.where(plan=ROCHFORD).ids
    every = store.actions.ids()
    assert through_query == through_language == through_keywords == every == expected
    for listed in (through_language, through_keywords, every, bv.ActionQuery(store).ids()):
        assert all(a is b for a, b in zip(through_query, listed))
    # A reordered answer lists the same strings in its own order.
    backwards = store.actions.where(plan=ROCHFORD, order_by="ref", descending=True).ids
    assert backwards != expected and sorted(backwards) == sorted(expected)
    kept = {id: id for id in through_query}
    assert all(kept[id] is id for id in backwards)
    # Each kind of entity keeps its own.
    recommendations = store.query("recommendations").ids
    assert recommendations == [r.id for r in store.recommendations]
    assert store.recommendations.ids() == recommendations
    # Kinds the index lays no ids out for are listed too.
    assert store.officers.ids() == [officer.id for officer in store.officers]
    assert all(a is b for a, b in zip(recommendations, store.recommendations.where().ids))


def test_the_strings_go_with_their_store():
    store = _loaded()
    first = bv.ActionQuery(store).ids()[0]
    references = sys.getrefcount(first)
    again = bv.ActionQuery(store).ids()[0]
    assert again is first
    del again
    del store
    gc.collect()
    # The store kept one reference; only this test's are left.
    assert sys.getrefcount(first) == references - 1
    assert first == f"{ROCHFORD}/1.1"


def test_ids_are_made_again_when_the_store_changes(tmp_path):
    with bv.open(tmp_path / "store.db") as db:
        db.import_json(_rochford())
        store = db.store
        before = store.query("actions").ids
        first = before[0]
        references = sys.getrefcount(first)
        # An update of nothing new still rebuilds the index: the strings kept before are let go
        # when ids are next listed, and new ones made.
        db.update(bv.Contents(officers=[db.store.officers[0]]))
        assert db.store is store
        after = store.query("actions").ids
        assert sys.getrefcount(first) == references - 1
        assert after == before
        assert not any(a is b for a, b in zip(before, after))
        # Added actions are listed with those already there.
        db.import_json(json.dumps({"bestvalue": "1", "actions": [
            {"id": f"{ROCHFORD}/9.{n}", "plan": ROCHFORD, "ref": f"9.{n}"} for n in range(3)]}))
        first = after[0]
        references = sys.getrefcount(first)
        grown = db.store.query("actions").ids
        assert sys.getrefcount(first) == references - 1
        assert grown == before + [f"{ROCHFORD}/9.{n}" for n in range(3)]
        assert grown == [action.id for action in db.store.actions]



def test_the_strings_are_let_go_when_the_interpreter_exits():
    # A hook registered before bestvalue's runs after it (atexit runs hooks last first): by
    # then the store's reference to the string is gone, while the store itself is still alive.
    script = """
import atexit, sys
kept = {}
atexit.register(lambda: print(sys.getrefcount(kept["first"]) - kept["before"]))
import bestvalue as bv
store = bv.Store()
store.read_json(open(sys.argv[1], encoding="utf-8").read())
kept["first"] = bv.ActionQuery(store).ids()[0]
kept["before"] = sys.getrefcount(kept["first"])
"""
    path = ROOT / "examples" / "data" / "003-rochford-cpa-improvement-plan-2009.json"
    ran = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                         text=True, check=True)
    assert ran.stdout.strip() == "-1"
