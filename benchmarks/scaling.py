#!/usr/bin/env python3
"""How each question's cost grows with the collection, from compare.py's result files.

Reads the newest ``benchmarks/results/<date>-<scale>.md`` of each scale (small, medium,
national) and prints one Markdown table: for every question and engine, the median latency at
each scale and the growth from medium to national (the collection grows 10x). A scale without a
result file is left out, and said so. Standard library only.

    python benchmarks/scaling.py [--results DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

SCALES = ("small", "medium", "national")
RESULT_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-(small|medium|national)\.md$")


def newest_results(directory: Path) -> dict[str, Path]:
    """The newest result file of each scale, by the date in its name."""
    newest: dict[str, tuple[str, Path]] = {}
    for path in directory.iterdir():
        match = RESULT_NAME.match(path.name)
        if match is None:
            continue
        day, scale = match.groups()
        if scale not in newest or day > newest[scale][0]:
            newest[scale] = (day, path)
    return {scale: path for scale, (_, path) in newest.items()}


def table_rows(lines: list[str], first_header: str) -> tuple[list[str], list[list[str]]]:
    """The header and body cells of the Markdown table whose first header cell is given."""
    for index, line in enumerate(lines):
        cells = split_row(line)
        if cells and cells[0] == first_header:
            body = []
            for row in lines[index + 2:]:
                if not row.startswith("|"):
                    break
                body.append(split_row(row))
            return cells, body
    raise ValueError(f"no table headed '{first_header}'")


def split_row(line: str) -> list[str]:
    if not line.startswith("|"):
        return []
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_result(path: Path) -> tuple[dict[str, dict[str, str]], dict[str, tuple[str, str]]]:
    """Per question (its Q number), each engine's median ms; per engine, load s and memory."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header, body = table_rows(lines, "query")
    engines = [cell.removesuffix(" ms") for cell in header if cell.endswith(" ms")]
    first = header.index(f"{engines[0]} ms")
    medians = {}
    for cells in body:
        question = cells[0].split(" ", 1)[0]
        medians[question] = dict(zip(engines, cells[first:first + len(engines)]))
    _, load_body = table_rows(lines, "engine")
    loads = {cells[0]: (cells[1], cells[2]) for cells in load_body}
    return medians, loads


def growth(before: str | None, after: str | None) -> str:
    try:
        return f"{float(after) / float(before):.1f}x" if before and after else ""
    except (ValueError, ZeroDivisionError):
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", default=str(Path(__file__).parent / "results"))
    args = parser.parse_args(argv)
    files = newest_results(Path(args.results))
    scales = [scale for scale in SCALES if scale in files]
    if not scales:
        print(f"no result files in {args.results}", file=sys.stderr)
        return 1
    for scale in SCALES:
        if scale not in files:
            print(f"(no {scale} result in {args.results})", file=sys.stderr)
    results = {scale: read_result(files[scale]) for scale in scales}
    print("Sources: " + ", ".join(f"`{files[s].name}`" for s in scales) + "\n")
    print("| query | engine | " + " | ".join(f"{s} ms" for s in scales) + " | medium → national |")
    print("|---|---|" + "---|" * (len(scales) + 1))
    questions = list(results[scales[-1]][0])
    for question in questions:
        engines = list(results[scales[-1]][0][question])
        for engine in engines:
            cells = [results[s][0].get(question, {}).get(engine, "") for s in scales]
            medium = results.get("medium", ({}, {}))[0].get(question, {}).get(engine)
            national = results.get("national", ({}, {}))[0].get(question, {}).get(engine)
            print(f"| {question} | {engine} | " + " | ".join(cells) +
                  f" | {growth(medium, national)} |")
    print("\n| engine | " + " | ".join(f"{s} load s / MiB" for s in scales) + " |")
    print("|---|" + "---|" * len(scales))
    for engine in results[scales[-1]][1]:
        cells = [" / ".join(results[s][1].get(engine, ("", ""))) for s in scales]
        print(f"| {engine} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
