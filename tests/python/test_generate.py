"""benchmarks/generate: the synthetic national collection loads, has its counts, and is
deterministic."""

import json
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

import bestvalue as bv

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "benchmarks" / "generate"


def generate(out: Path, seed: int = 1) -> dict:
    done = subprocess.run([sys.executable, str(GENERATE), "--scale", "small", "--seed", str(seed),
                           "--out", str(out)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    directory = tmp_path_factory.mktemp("generated")
    path = directory / "small.json"
    return path, generate(path)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_others(small, tmp_path):
    path, summary = small
    again = tmp_path / "again.json"
    assert generate(again) == summary
    assert again.read_bytes() == path.read_bytes()
    other = tmp_path / "other.json"
    generate(other, seed=2)
    assert other.read_bytes() != path.read_bytes()


def test_the_small_scale_loads_with_its_counts(small):
    path, summary = small
    store = bv.load(path)
    assert len(store.actions) == summary["actions"] == 1000
    assert len(store.recommendations) == summary["recommendations"] == 100
    assert len(store.assessments) == summary["assessments"] == 50
    assert len(store.ratings) == summary["ratings"] == 200
    assert len(store.plans) == summary["plans"] == 40
    assert len(store.organisations) == summary["organisations"] == 15
    assert len(store.progress) == summary["progress"]
    # Four quarterly updates per action on average.
    assert 3500 <= summary["progress"] <= 4500
    actions = list(store.actions)
    assert sum(len(a.due_revisions) for a in actions) == summary["due_revisions"]
    assert sum(len(a.milestones) for a in actions) == summary["milestones"]


def test_every_due_reads_and_the_questions_have_answers(small):
    path, _ = small
    store = bv.load(path)
    # Every due, original or revised, reads as dates: the slippage questions need them.
    assert not numpy.isnat(bv.action_table(store).columns()["due_end"]).any()
    assert all(bv.slippage_on(a).days_slipped is not None for a in store.actions if a.due_revisions)
    assert store.query("count actions where revisions >= 2 as of 2030-01-01").counts[""] > 0
    assert store.query("count actions where overdue as of 2006-03-31").counts[""] > 0
    assert store.query("recommendations where not addressed").ids
    assert store.query("count assessments where scheduled in 2005/06").counts[""] > 0
    health = store.query("count actions by health as of 2006-03-31").counts
    assert {"red", "amber", "green", "blue"} <= set(health)
    # Both kinds of update: vocabulary terms and lifecycle given directly.
    assert any(u.status for u in store.progress) and any(not u.status for u in store.progress)
