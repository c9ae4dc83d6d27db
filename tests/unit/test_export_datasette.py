"""The Datasette metadata shipped in karabakh_tui/data/ names real tables and columns."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

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


# ---- loaded by Datasette itself, on the real seeds -----------------------------------


async def datasette_get(seed_db: Path, path: str):  # type: ignore[no-untyped-def]
    """GET `path` from a Datasette serving the seed database with the shipped metadata."""
    pytest.importorskip("datasette", reason="pip install -e '.[test]' brings Datasette")
    from datasette.app import Datasette

    ds = Datasette([str(seed_db)], metadata=json.loads(METADATA.read_text(encoding="utf-8")))
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response


async def datasette_json(seed_db: Path, path: str) -> dict:
    return (await datasette_get(seed_db, path)).json()


async def test_datasette_sorts_events_by_the_integer_date_key(seed_db: Path) -> None:
    page = await datasette_json(seed_db, "/karabakh/events.json?_shape=objects&_size=50")
    lowers = [row["lower"] for row in page["rows"]]
    assert page["human_description_en"] == "sorted by lower" and lowers == sorted(lowers)
    assert lowers[0] < 0  # BCE first: the thesis opens with an 8th century BCE inscription
    assert set(page["facet_results"]) == {"precision", "context", "disputed"}
    html = (await datasette_get(seed_db, "/karabakh/events")).text
    assert "Dated happenings, each with every citation" in html  # the table's description


@pytest.mark.parametrize("table, column, name", [
    ("event_actors", "actor", "Azerbaijan"), ("event_places", "place", "Shusha"),
    ("event_periods", "period", "Second Karabakh War")])
async def test_datasette_facets_events_by_actor_place_and_period(
        seed_db: Path, seed_conn: sqlite3.Connection, table: str, column: str, name: str) -> None:
    page = await datasette_json(seed_db, f"/karabakh/{table}.json?_shape=objects")
    counts = {r["value"]: r["count"] for r in page["facet_results"][column]["results"]}
    expected = seed_conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?",
                                 (name,)).fetchone()[0]
    assert expected > 0 and counts[name] == expected


async def test_datasette_chronology_query_lists_names(seed_db: Path) -> None:
    page = await datasette_json(
        seed_db, "/karabakh/chronology.json?_shape=objects&actor=&period=&place=Shusha")
    rows = page["rows"]
    # thesis line 459: "In 1796, Persia, now ruled by Afghan lords, occupied Shushi"
    assert rows and all("Shusha" in r["places"] for r in rows)
    assert any(r["edtf"] == "1796" and "Persia" in r["actors"] for r in rows)
