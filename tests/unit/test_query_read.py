"""The read side's fast paths give what the plain SQL gives, on the real seeds."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace

import pytest

from karabakh_tui import query
from karabakh_tui.model import Filter

FILTERS = {
    "all": Filter(),
    "period": Filter(periods=("Second Karabakh War",)),
    "actors": Filter(actors=("Azerbaijan", "Armenia")),
    "place and inside": Filter(places=("Nagorno-Karabakh",)),
    "words": Filter(text="ceasefire"),
    "conflict 1988-1994": Filter(context=False, date_from=19880101, date_to=19941231),
    "nothing": Filter(periods=("Second Karabakh War",), date_to=19000101),
}


@pytest.mark.parametrize("sort", ["date", "-date", "sources"])
@pytest.mark.parametrize("flt", FILTERS.values(), ids=FILTERS.keys())
def test_event_ids_are_the_ordered_select_row_by_row(seed_conn: sqlite3.Connection,
                                                    flt: Filter, sort: str) -> None:
    """event_ids joins the ids in SQL; the order must be the ORDER BY's, row for row."""
    flt = replace(flt, sort=sort)
    where, params = query.events_where(seed_conn, flt)
    order = {"date": "e.lower, e.upper, e.id", "-date": "e.lower DESC, e.upper DESC, e.id DESC",
             "sources": "e.n_sources DESC, e.lower, e.id"}[sort]
    rows = [r[0] for r in seed_conn.execute(
        f"SELECT e.id FROM events e WHERE {where} ORDER BY {order}", params)]
    assert query.event_ids(seed_conn, flt) == rows


def test_the_empty_view_has_no_ids(seed_conn: sqlite3.Connection) -> None:
    assert query.event_ids(seed_conn, FILTERS["nothing"]) == []


def test_a_page_by_id_is_the_page_of_the_filter(seed_conn: sqlite3.Connection) -> None:
    """The TUI hydrates its first page from the ids: the same events as the query's page."""
    flt = Filter(actors=("Azerbaijan",))
    ids = query.event_ids(seed_conn, flt)
    assert len(ids) > 50
    assert query.events_by_id(seed_conn, ids[:50]) == query.find_events(seed_conn, flt, 0, 50)


def test_citations_carry_their_footnotes(seed_conn: sqlite3.Connection) -> None:
    """Sumgait, thesis (004) line 973: "...had become refugees.<sup>281</sup>", and note 281
    (line 989) reads "*Ibid.*, 40; Malkasian, 52"; notes 280 ("*Ibid.*") and 281 stand for
    note 279 (line 985), "de Waal, *Black Garden*, 34-35.", which is shown with it."""
    [event] = [e for e in query.find_events(seed_conn, Filter(text="Sumgait re-imposed"))]
    cited = [c for c in event.citations if c.line == 973 and "re-imposed" in c.quote]
    assert cited and cited[0].footnotes == (
        "Ibid., 40; Malkasian, 52 [= de Waal, Black Garden, 34-35.]",)


def test_footnotes_are_every_note_of_the_sentence_in_number_order(
        seed_conn: sqlite3.Connection) -> None:
    events = query.find_events(seed_conn, Filter())
    with_notes = 0
    for citation in (c for e in events for c in e.citations):
        notes = tuple(r[0] for r in seed_conn.execute(
            "SELECT f.text FROM sentence_footnotes sf JOIN footnotes f ON f.document_id = "
            "sf.document_id AND f.number = sf.number WHERE sf.sentence_id = ? ORDER BY sf.number",
            (citation.sentence_id,)))
        assert citation.footnotes == notes
        with_notes += bool(notes)
    assert with_notes > 10


@pytest.mark.parametrize("flt", FILTERS.values(), ids=FILTERS.keys())
def test_density_is_a_count_per_year(seed_conn: sqlite3.Connection, flt: Filter) -> None:
    where, params = query.events_where(seed_conn, flt)
    lowers = [r[0] for r in seed_conn.execute(f"SELECT e.lower FROM events e WHERE {where}",
                                              params)]
    by_year = Counter(lower // 10000 for lower in lowers)  # floor: 200 BCE is year -199
    assert query.density_by_year(seed_conn, flt) == sorted(by_year.items())
    assert sum(n for _, n in query.density_by_year(seed_conn, flt)) == query.count_events(
        seed_conn, flt)


def test_source_labels_are_the_sources_in_order(seed_conn: sqlite3.Connection) -> None:
    """The TUI's Source list: each document's citation label, as `karabakh sources` lists
    them. Toghramadjian's essay is cited as "Toghramadjian 2021" (seeds/sources.toml)."""
    labels = query.source_labels(seed_conn)
    assert labels == [(r["id"], r["short"] or r["id"]) for r in query.sources(seed_conn)]
    assert len(labels) == 5 and "Toghramadjian 2021" in dict(labels).values()
