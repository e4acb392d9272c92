"""The ``bestvalue`` command line.

``bestvalue import STORE FILE…`` adds JSON documents to the SQLite store ``STORE`` (created if
it does not exist), each document all or nothing.

``bestvalue export STORE [-o FILE]`` writes the store as one canonical JSON document.

``bestvalue summary STORE`` (or ``bestvalue summary FILE…`` for JSON documents) prints, for each
plan, its actions and how many were completed, open and overdue as of the date of the paper it
comes from.

``bestvalue dates FILE…`` reads tab-separated files of council date text (columns ``document``,
``reference`` and ``text``; other columns are ignored) and prints how each text reads: one row
per period found, with its start, end and precision, and what was left unread.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from bestvalue._core import (
    Error,
    Lifecycle,
    ParseError,
    Store,
    ValidationError,
    parse_date_text,
)
from bestvalue._core import open as open_database

_SQLITE_HEADER = b"SQLite format 3\x00"

_COLUMNS = ("document", "text", "start", "end", "precision", "note")


def _date_rows(path: Path) -> Iterable[tuple[str, ...]]:
    with path.open(newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"document", "reference", "text"} - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for row in reader:
            reference = datetime.date.fromisoformat(row["reference"])
            document, text = row["document"], row["text"]
            try:
                reading = parse_date_text(text, reference)
            except ParseError as error:
                yield (document, text, "", "", "", f"error: {error.reason}")
                continue
            notes = []
            if reading.recurrence is not None:
                notes.append(f"recurs: {reading.recurrence.text}")
            if reading.done:
                notes.append("done")
            if reading.unread:
                notes.append("unread: " + " | ".join(reading.unread))
            note = "; ".join(notes)
            if not reading.periods:
                yield (document, text, "", "", "", note)
            for period in reading.periods:
                start = "" if period.start is None else period.start.isoformat()
                yield (document, text, start, period.end.isoformat(), period.precision.name, note)


def _print_table(header: Sequence[str], rows: Sequence[Sequence[str]], out,
                 cut: dict[int, int] | None = None) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for column, width in (cut or {}).items():
        widths[column] = min(widths[column], width)  # long text is cut in the table only

    def cell(value: str, width: int) -> str:
        return value if len(value) <= width else value[: width - 1] + "…"

    for row in [header, tuple("-" * w for w in widths), *rows]:
        line = "  ".join(cell(v, w).ljust(w) for v, w in zip(row, widths))
        print(line.rstrip(), file=out)


def _dates(args: argparse.Namespace) -> int:
    rows = [row for path in args.files for row in _date_rows(Path(path))]
    _print_table(_COLUMNS, rows, sys.stdout, cut={1: 48})
    texts = {(row[0], row[1]) for row in rows}
    print(f"\n{len(texts)} date texts, {sum(1 for r in rows if r[2] or r[3])} periods")
    return 0


_SUMMARY_COLUMNS = ("plan", "as of", "actions", "completed", "open", "overdue")
_CLOSED = {Lifecycle.completed, Lifecycle.cancelled, Lifecycle.superseded}


def _is_sqlite(path: str) -> bool:
    try:
        with open(path, "rb") as file:
            return file.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _report_failure(path: str, error: Error) -> None:
    if isinstance(error, ValidationError):
        print(f"{path}: not loaded, {len(error.problems)} problem(s):", file=sys.stderr)
        for location, message, line, column in error.problems:
            print(f"  {location} (line {line}, column {column}): {message}", file=sys.stderr)
    else:
        print(f"{path}: not loaded: {error}", file=sys.stderr)


def _import(args: argparse.Namespace) -> int:
    try:
        database = open_database(args.store)
    except Error as error:
        print(f"{args.store}: {error}", file=sys.stderr)
        return 1
    with database:
        for path in args.files:
            try:
                text = Path(path).read_text(encoding="utf-8")
                database.import_json(text, path)
            except OSError as error:
                print(f"{path}: cannot read: {error.strerror}", file=sys.stderr)
                return 1
            except Error as error:
                _report_failure(path, error)
                return 1
        store = database.store
        print(f"{args.store}: {len(store.plans)} plans, {len(store.actions)} actions, "
              f"{len(store.recommendations)} recommendations, {len(store.assessments)} "
              f"assessments, {len(store.ratings)} ratings")
    return 0


def _export(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"{args.store}: no such store", file=sys.stderr)
        return 1
    try:
        with open_database(args.store, read_only=True) as database:
            text = database.export_json()
    except Error as error:
        print(f"{args.store}: {error}", file=sys.stderr)
        return 1
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _summary(args: argparse.Namespace) -> int:
    if len(args.files) == 1 and _is_sqlite(args.files[0]):
        try:
            with open_database(args.files[0], read_only=True) as database:
                store = database.store
        except Error as error:
            print(f"{args.files[0]}: {error}", file=sys.stderr)
            return 1
        source = args.files[0]
    else:
        store = Store()
        for path in args.files:
            try:
                store.load(path)
            except Error as error:
                _report_failure(path, error)
                return 1
        source = f"{len(args.files)} documents"
    rows = []
    for plan in store.plans:
        day = store.reference_date_of(plan.id)
        actions = [action for action in store.actions if action.plan == plan.id]
        if day is None:
            rows.append((plan.title, "", str(len(actions)), "", "", ""))
            continue
        closed = sum(store.lifecycle_on(a.id, day) in _CLOSED for a in actions)
        overdue = sum(store.is_overdue_on(a.id, day) for a in actions)
        rows.append((plan.title, day.isoformat(), str(len(actions)),
                     str(closed), str(len(actions) - closed), str(overdue)))
    _print_table(_SUMMARY_COLUMNS, rows, sys.stdout, cut={0: 64})
    print(f"\n{len(store.plans)} plans, {len(store.actions)} actions, "
          f"{len(store.recommendations)} recommendations, {len(store.assessments)} assessments, "
          f"{len(store.ratings)} ratings from {source}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    parser = argparse.ArgumentParser(prog="bestvalue", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    imports = commands.add_parser(
        "import", help="add JSON documents to a SQLite store, each all or nothing")
    imports.add_argument("store", help="the SQLite store (created if it does not exist)")
    imports.add_argument("files", nargs="+", help="bestvalue JSON documents")
    imports.set_defaults(run=_import)
    export = commands.add_parser("export", help="write a SQLite store as one JSON document")
    export.add_argument("store", help="the SQLite store")
    export.add_argument("-o", "--output", help="the JSON file to write (default: stdout)")
    export.set_defaults(run=_export)
    summary = commands.add_parser(
        "summary", help="summarise each plan of a SQLite store (or of JSON documents) as of its "
                        "paper's date")
    summary.add_argument("files", nargs="+",
                         help="a SQLite store, or bestvalue JSON documents")
    summary.set_defaults(run=_summary)
    dates = commands.add_parser("dates", help="read council date text and print how it reads")
    dates.add_argument("files", nargs="+", help="tab-separated files: document, reference, text")
    dates.set_defaults(run=_dates)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error. Point stdout at devnull so the
        # interpreter's final flush does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
