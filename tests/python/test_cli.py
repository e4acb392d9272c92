import subprocess
import sys


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "bestvalue", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def test_dates_prints_how_every_seed_date_reads(root):
    result = run("dates", "tests/data/seed_dates.tsv", cwd=root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["document", "text", "start", "end", "precision", "note"]
    feb_mar = [line for line in lines if "Feb/Mar 09" in line]
    assert feb_mar and feb_mar[0].split()[-3:] == ["2009-02-01", "2009-03-31", "month_range"]
    assert any("Nov/Dec 08" in line and "2008-11-01  2008-12-31  month_range" in line
               for line in lines)
    assert "unread: To be reported to Cabinet" in result.stdout
    assert lines[-1].endswith("periods")


def test_dates_refuses_a_file_without_the_needed_columns(tmp_path, root):
    bad = tmp_path / "bad.tsv"
    bad.write_text("text\nJuly 2009\n", encoding="utf-8")
    result = run("dates", str(bad), cwd=root)
    assert result.returncode != 0
    assert "missing column(s) document, reference" in result.stderr
