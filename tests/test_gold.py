"""The hand-made gold set (tests/gold/*.jsonl) obeys its own specification.

Every record is checked against the seed it annotates: a quote that drifted from the
file, crosses a line break or a footnote marker, or sits outside its section would make
the evaluation (bench/evaluate.py) silently wrong.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
SEEDS = ROOT / "seeds"
GOLD_FILES = sorted(GOLD.glob("*.jsonl"))

EVENT_KEYS = {"type", "id", "doc", "region", "quote", "date_text", "start", "end",
              "summary", "actors", "places", "scope"}
TRAP_KEYS = {"type", "id", "doc", "region", "quote", "why"}
DATE = re.compile(r"^(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FOOTNOTE_LINE = re.compile(r"^<sup>\d+</sup>")


def _records(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{n}: blank line"
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - failure path
            pytest.fail(f"{path.name}:{n}: invalid JSON: {exc}")
    return rows


def _bounds(value: str) -> tuple[int, int]:
    """Sort keys (astronomical year * 10000 + month * 100 + day) of a gold date."""
    m = DATE.match(value)
    assert m, f"bad date {value!r}"
    sign, year, month, day = m.groups()
    y = int(year)
    assert y != 0 or not sign, "there is no year -0000 in historical numbering"
    if sign:
        y = -y + 1  # historical 200 BC = astronomical -199
    assert y != 0 or sign, "year 0000 does not exist in historical numbering"
    if month is None:
        return y * 10000 + 101, y * 10000 + 1231
    mo = int(month)
    assert 1 <= mo <= 12, value
    if day is None:
        return y * 10000 + mo * 100 + 1, y * 10000 + mo * 100 + 31
    d = int(day)
    assert 1 <= d <= 31, value
    return (y * 10000 + mo * 100 + d,) * 2


def test_gold_files_exist() -> None:
    assert GOLD_FILES, "no gold files in tests/gold"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file(path: Path) -> None:
    rows = _records(path)
    region = rows[0]
    assert region.get("type") == "region", "a gold file starts with its region record"
    assert set(region) == {"type", "doc", "region", "lines"}
    first, last = region["lines"]
    assert isinstance(first, int) and isinstance(last, int) and 1 <= first <= last
    seed = SEEDS / region["doc"]
    assert seed.is_file(), f"unknown seed {region['doc']}"
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert last <= len(lines)
    region_lines = lines[first - 1:last]
    assert region_lines[0].startswith("#"), "a region starts at its heading"

    ids: set[str] = set()
    for row in rows[1:]:
        where = f"{path.name} {row.get('id')}"
        kind = row.get("type")
        assert kind in ("event", "trap"), where
        keys = EVENT_KEYS if kind == "event" else TRAP_KEYS
        assert set(row) == keys, f"{where}: keys {sorted(set(row) ^ keys)}"
        assert row["id"] not in ids, f"{where}: duplicate id"
        ids.add(row["id"])
        assert row["doc"] == region["doc"] and row["region"] == region["region"], where

        quote = row["quote"]
        assert isinstance(quote, str), where
        assert "<sup>" not in quote and "</sup>" not in quote, f"{where}: footnote marker"
        assert "\n" not in quote and "\r" not in quote, f"{where}: line break"
        assert quote == quote.strip(), f"{where}: surrounding whitespace"
        assert 5 <= len(quote.split()) <= 25, f"{where}: {len(quote.split())} words"
        assert quote in text, f"{where}: quote not verbatim in {region['doc']}"
        hits = [first + i for i, ln in enumerate(region_lines) if quote in ln]
        assert hits, f"{where}: quote not inside lines {first}-{last}"

        if kind == "trap":
            assert isinstance(row["why"], str) and row["why"], where
            continue
        assert not any(FOOTNOTE_LINE.match(lines[h - 1]) for h in hits), (
            f"{where}: an event quoted from a footnote")
        for key in ("date_text", "summary"):
            assert isinstance(row[key], str) and row[key].strip(), f"{where}: {key}"
        lo, _ = _bounds(row["start"])
        _, hi = _bounds(row["end"])
        assert lo <= hi, f"{where}: start {row['start']} after end {row['end']}"
        for key in ("actors", "places"):
            assert isinstance(row[key], list), f"{where}: {key} is not a list"
            assert all(isinstance(v, str) and v.strip() for v in row[key]), f"{where}: {key}"
            assert len(set(row[key])) == len(row[key]), f"{where}: duplicate {key}"
        assert row["scope"] in ("core", "context"), where


def test_gold_regions_do_not_overlap() -> None:
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for path in GOLD_FILES:
        region = _records(path)[0]
        spans.setdefault(region["doc"], []).append((*region["lines"], path.name))
    for doc, items in spans.items():
        items.sort()
        for (_, a_last, a), (b_first, _, b) in zip(items, items[1:], strict=False):
            assert a_last < b_first, f"{doc}: {a} overlaps {b}"


def test_bounds_use_historical_bce() -> None:
    assert _bounds("-0200") == (-1989899, -1988769)
    assert _bounds("0451-03") == (4510301, 4510331)
    assert _bounds("2020-09-27") == (20200927, 20200927)
