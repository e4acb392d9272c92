"""benchmarks/scaling.py: the growth table is read from compare.py's newest result files."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALING = ROOT / "benchmarks" / "scaling.py"


def result_file(q1_bestvalue: str, q1_duckdb: str, load: str) -> str:
    return "\n".join([
        "# bestvalue side by side",
        "",
        "| query | rows | bestvalue ms | duckdb ms | bv/duckdb | targets missed |",
        "|---|---|---|---|---|---|",
        f"| Q1 overdue actions | 3 | {q1_bestvalue} | {q1_duckdb} | 0.1 | |",
        "| Q2 led by one officer | 2 | 0.010 | 1.0 | 0.01 | |",
        "",
        "| engine | load s | peak memory MiB | runs per query |",
        "|---|---|---|---|",
        f"| bestvalue | {load} | 80 | 7 |",
        "| duckdb | 0.5 | 40 | 7 |",
        "",
    ])


def run(directory: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCALING), "--results", str(directory)],
                          capture_output=True, text=True)


def test_newest_file_of_each_scale_and_growth(tmp_path):
    (tmp_path / "2026-01-01-medium.md").write_text(result_file("9.9", "9.9", "9.9"))
    (tmp_path / "2026-02-01-medium.md").write_text(result_file("0.5", "4.0", "3.0"))
    (tmp_path / "2026-02-02-national.md").write_text(result_file("2.0", "40.0", "30.0"))
    (tmp_path / "notes.md").write_text("not a result")
    done = run(tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "`2026-02-01-medium.md`, `2026-02-02-national.md`" in lines[0]
    assert "| Q1 | bestvalue | 0.5 | 2.0 | 4.0x |" in lines
    assert "| Q1 | duckdb | 4.0 | 40.0 | 10.0x |" in lines
    assert "| bestvalue | 3.0 / 80 | 30.0 / 80 |" in lines
    assert "no small result" in done.stderr


def test_no_result_files_is_an_error(tmp_path):
    done = run(tmp_path)
    assert done.returncode == 1
    assert "no result files" in done.stderr
