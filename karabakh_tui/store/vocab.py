"""The filterable vocabulary: actors, places, periods and every name a user may type.

Everything in the gazetteer and the periods file is written, used by an event or not, so
that a name the user knows ("Erdogan", "Shushi", "the 44-day war") resolves to its
canonical form rather than being reported unknown. Titled people the extractor found in
the text but the gazetteer does not list are written with `listed = 0`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import sqlite_utils

from karabakh_tui.extract.gazetteer import Entry, load_gazetteer
from karabakh_tui.extract.periods import load_periods
from karabakh_tui.model import Event
from karabakh_tui.names import fold


def write_vocabulary(db: sqlite_utils.Database, events: Sequence[Event]) -> None:
    gazetteer = load_gazetteer()
    actors = [e for e in gazetteer.entries if e.kind == "actor"]
    places = [e for e in gazetteer.entries if e.kind == "place"]
    listed = {e.name for e in actors}
    unlisted = sorted({a for ev in events for a in ev.actors} - listed)
    db["actors"].insert_all(
        [{"name": e.name, "kind": e.category, "role": e.role, "listed": 1} for e in actors]
        + [{"name": n, "kind": "person", "role": "", "listed": 0} for n in unlisted])
    db["places"].insert_all(
        {"name": e.name, "neutral": e.name, "kind": e.category, "lat": e.lat, "lon": e.lon,
         "within": e.within or None} for e in places)
    periods = load_periods()
    db["periods"].insert_all(
        {"name": p.name, "edtf": p.edtf, "lower": p.lower, "upper": p.upper,
         "parent": p.parent or None, "description": p.description} for p in periods)
    rows = [*_alias_rows(actors), *_alias_rows(places),
            *({"kind": "actor", "alias": n, "folded": fold(n), "name": n, "community": ""}
              for n in unlisted),
            *({"kind": "period", "alias": a, "folded": fold(a), "name": p.name, "community": ""}
              for p in periods for a in (p.name, *p.aliases))]
    db["aliases"].insert_all(rows, ignore=True)


def _alias_rows(entries: Sequence[Entry]) -> Iterator[dict[str, str]]:
    for entry in entries:
        for alias, community in entry.names:
            yield {"kind": entry.kind, "alias": alias, "folded": fold(alias), "name": entry.name,
                   "community": community}
