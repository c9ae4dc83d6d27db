"""The filterable vocabulary: actors, places, periods and every alias of their names."""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from karabakh_tui.model import Event
from karabakh_tui.names import fold


def write_vocabulary(db: sqlite_utils.Database, events: Sequence[Event]) -> None:
    """Names used by events; enriched from the gazetteer once it lands."""
    actors = sorted({a for e in events for a in e.actors})
    places = sorted({p for e in events for p in e.places})
    periods = sorted({p for e in events for p in e.periods})
    db["actors"].insert_all({"name": a, "kind": "", "role": "", "listed": 1} for a in actors)
    db["places"].insert_all({"name": p, "neutral": p, "kind": ""} for p in places)
    db["periods"].insert_all({"name": p, "edtf": "", "lower": 0, "upper": 0} for p in periods)
    db["aliases"].insert_all(
        ({"kind": kind, "alias": n, "folded": fold(n), "name": n, "community": ""}
         for kind, names in (("actor", actors), ("place", places), ("period", periods))
         for n in names), ignore=True)
