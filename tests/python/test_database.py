import datetime
import sqlite3

import pytest

import bestvalue as bv

DATASETS = [
    "000-oxfordshire-cpa-improvement-strategy-2003.json",
    "001-oxfordshire-raising-our-performance-2003.json",
    "002-city-council-best-value-programme-2003.json",
    "003-rochford-cpa-improvement-plan-2009.json",
    "004-cannock-chase-direction-of-travel-2009.json",
]
ROCHFORD = "003-rochford-cpa-improvement-plan-2009.json"
ACTION = "rochford/cpa-plan-2009/1.1"


def dataset(root, name):
    return (root / "examples" / "data" / name).read_text(encoding="utf-8")


def test_five_datasets_go_into_one_database_and_come_back(root, tmp_path):
    path = tmp_path / "council.db"
    expected = bv.Store()
    with bv.open(path) as db:
        for name in DATASETS:
            db.import_json(dataset(root, name), name)
            expected.read_json(dataset(root, name), name)
        assert db.export_json() == expected.to_json()
        assert db.schema_version == 2
        assert db.path == path
    assert not db.is_open
    with bv.open(path, read_only=True) as db:
        assert db.read_only
        assert db.export_json() == expected.to_json()
        assert len(db.store.actions) == len(expected.actions)


def test_one_dataset_exports_byte_for_byte(root, tmp_path):
    path = tmp_path / "one.db"
    text = dataset(root, ROCHFORD)
    with bv.open(str(path)) as db:
        db.import_json(text)
    with bv.open(path) as db:
        assert db.export_json() == text


def test_writes_round_trip(root, tmp_path):
    path = tmp_path / "writes.db"
    with bv.open(path) as db:
        db.import_json(dataset(root, ROCHFORD))
        db.append_progress(
            ACTION,
            "2009-03-18",
            status="Amber",
            percent=40.0,
            narrative="On track for June",
            notes=["from the covering report"],
        )
        db.revise_due(ACTION, "June 2009", revised_on="2009-03-01", reason="waiting for the LSP")
        action = db.store.actions[ACTION]
        assert [r.reason for r in action.due_revisions] == ["waiting for the LSP"]
        # Re-adding an entity the store holds unchanged is accepted, and adds nothing.
        other = bv.Store()
        other.read_json(dataset(root, ROCHFORD))
        db.add(bv.Contents(officers=[other.officers[0]]))
        db.update(bv.Contents(officers=[other.officers[0]]))
        expected = db.export_json()
    with bv.open(path) as db:
        assert db.export_json() == expected
        (update,) = db.store.progress_of(ACTION)
        assert update.as_of == datetime.date(2009, 3, 18)
        assert update.status == "Amber"
        assert update.percent == 40.0
        assert db.store.actions[ACTION].due_revisions[0].due.text == "June 2009"


def test_a_failed_write_changes_nothing(root, tmp_path):
    path = tmp_path / "failed.db"
    with bv.open(path) as db:
        db.import_json(dataset(root, ROCHFORD))
        before = db.export_json()
        with pytest.raises(bv.ValidationError):
            db.append_progress("rochford/nothing", "2009-03-18", status="Amber")
        with pytest.raises(bv.NotFound):
            db.revise_due("rochford/nothing", "June 2009")
        with pytest.raises(bv.ParseError):
            db.import_json("{ not json")
        assert db.export_json() == before
    with bv.open(path) as db:
        assert db.export_json() == before


def test_errors_are_database_errors_with_a_failure(root, tmp_path):
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database, only some text that is long enough\n" * 4)
    with pytest.raises(bv.DatabaseError) as caught:
        bv.open(text_file)
    assert isinstance(caught.value, bv.Error)
    assert isinstance(caught.value, OSError)
    assert caught.value.failure == bv.DatabaseFailure.not_sqlite
    assert caught.value.path == str(text_file)

    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(bv.DatabaseError) as caught:
        bv.open(foreign)
    assert caught.value.failure == bv.DatabaseFailure.not_a_store

    with pytest.raises(bv.DatabaseError) as caught:
        bv.open(tmp_path / "missing.db", create=False)
    assert caught.value.failure == bv.DatabaseFailure.cannot_open

    path = tmp_path / "store.db"
    with bv.open(path) as db:
        db.import_json(dataset(root, ROCHFORD))
    with bv.open(path, read_only=True) as db:
        with pytest.raises(bv.DatabaseError) as caught:
            db.append_progress(ACTION, "2009-03-18", status="Amber")
        assert caught.value.failure == bv.DatabaseFailure.read_only


def test_a_locked_database_is_reported(root, tmp_path):
    path = tmp_path / "locked.db"
    with bv.open(path, busy_timeout=0.05) as db:
        db.import_json(dataset(root, ROCHFORD))
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(bv.DatabaseError) as caught:
            db.append_progress(ACTION, "2009-03-18", status="Amber")
        assert caught.value.failure == bv.DatabaseFailure.locked
        other.execute("ROLLBACK")
        other.close()
        db.append_progress(ACTION, "2009-03-18", status="Amber")


def test_refresh_sees_another_connection(root, tmp_path):
    path = tmp_path / "shared.db"
    with bv.open(path) as writer, bv.open(path) as reader:
        assert not reader.refresh()
        writer.import_json(dataset(root, ROCHFORD))
        assert len(reader.store.actions) == 0
        assert reader.refresh()
        assert len(reader.store.actions) == 30


def test_a_closed_database_refuses_use(tmp_path):
    db = bv.open(tmp_path / "closed.db")
    db.close()
    db.close()
    assert "closed" in repr(db)
    with pytest.raises(bv.DatabaseError) as caught:
        db.refresh()
    assert caught.value.failure == bv.DatabaseFailure.closed
