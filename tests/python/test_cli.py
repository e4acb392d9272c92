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


def test_import_then_summary_and_export_through_a_sqlite_store(tmp_path, root):
    store = tmp_path / "council.db"
    documents = sorted(str(p) for p in (root / "examples" / "data").glob("*.json"))
    result = run("import", str(store), *documents, cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{store}: ")
    assert store.read_bytes().startswith(b"SQLite format 3\x00")

    from_store = run("summary", str(store), cwd=root)
    from_json = run("summary", *documents, cwd=root)
    assert from_store.returncode == 0, from_store.stderr
    # The same plans, counts and dates, whether read from the store or from the documents.
    assert from_store.stdout.splitlines()[:-1] == from_json.stdout.splitlines()[:-1]
    assert from_store.stdout.splitlines()[-1].endswith(f"from {store}")
    assert "Rochford District Council Strategic Improvement Plan" in from_store.stdout

    exported = tmp_path / "all.json"
    result = run("export", str(store), "-o", str(exported), cwd=root)
    assert result.returncode == 0, result.stderr
    import bestvalue as bv
    everything = bv.Store()
    for document in documents:
        everything.load(document)
    assert exported.read_text(encoding="utf-8") == everything.to_json()


def test_import_is_all_or_nothing_per_document(tmp_path, root):
    store = tmp_path / "council.db"
    good = root / "examples" / "data" / "003-rochford-cpa-improvement-plan-2009.json"
    bad = tmp_path / "bad.json"
    bad.write_text('{"bestvalue": "1", "actions": [{"id": "x/1", "plan": "nowhere"}]}',
                   encoding="utf-8")
    assert run("import", str(store), str(good), cwd=root).returncode == 0
    before = run("export", str(store), cwd=root).stdout
    result = run("import", str(store), str(bad), cwd=root)
    assert result.returncode == 1
    assert f"{bad}: not loaded" in result.stderr
    assert run("export", str(store), cwd=root).stdout == before
    missing = run("export", str(tmp_path / "none.db"), cwd=root)
    assert missing.returncode == 1 and "no such store" in missing.stderr
