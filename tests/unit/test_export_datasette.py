"""The Datasette metadata shipped in karabakh_tui/data/ names real tables and columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import karabakh_tui
from karabakh_tui.store.schema import SCHEMA

METADATA = Path(karabakh_tui.__file__).parent / "data" / "datasette-metadata.json"
TABLES = {"documents", "sections", "sentences", "footnotes", "events", "citations", "actors",
          "places", "periods", "event_actors", "event_places", "event_periods"}


def tables() -> dict[str, dict]:
    return json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["karabakh"]["tables"]


def schema_columns() -> dict[str, str]:
    """Table name -> the text of its CREATE TABLE statement."""
    return dict(re.findall(r"CREATE TABLE (\w+) \((.*?)\);", SCHEMA, re.DOTALL))


def test_describes_the_tables_of_the_schema() -> None:
    described = tables()
    assert set(described) == TABLES
    assert TABLES <= set(schema_columns())
    assert all(t["description"] for t in described.values())


def test_columns_sorts_and_facets_exist() -> None:
    created = schema_columns()
    for name, table in tables().items():
        named = set(table.get("columns", {})) | set(table.get("facets", []))
        named |= {table[k] for k in ("sort", "label_column") if k in table}
        for column in named:
            assert re.search(rf'(^|[\s,(]|"){column}("|\s)', created[name]), (name, column)


def test_events_sort_by_lower_with_facets() -> None:
    events = tables()["events"]
    assert events["sort"] == "lower"
    assert events["facets"] == ["precision", "context", "disputed"]
    assert "astronomical_year*10000" in events["columns"]["lower"]
