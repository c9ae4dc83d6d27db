"""One CSV row per event, for spreadsheets.

Lists are joined with "; ", citations as "source — seeds/FILE:LINE — quote" joined with
" | ". Every text cell goes through `safe_text` and onto one line. A cell starting with
= + - or @ gets a leading apostrophe, which spreadsheets show as "text, not formula"
(OWASP's advice against CSV injection); this includes EDTF dates of BCE years such as
"-0199", which a spreadsheet would otherwise turn into a number or a formula.
Rows end in "\\n", which spreadsheets and Python's csv module read alike.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from karabakh_tui.export import location
from karabakh_tui.model import Event
from karabakh_tui.text import one_line, safe_text

COLUMNS = ("id", "date", "start", "end", "precision", "label", "title", "actors", "places",
           "periods", "inferred", "context", "disputed", "n_sources", "citations")


def render(events: Sequence[Event]) -> str:
    """The events, in the order given, as CSV with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([_cell(v) for v in _row(e)] for e in events)
    return out.getvalue()


def _row(e: Event) -> tuple[object, ...]:
    citations = " | ".join(f"{c.source} — {location(c)} — {c.quote}" for c in e.citations)
    return (e.id, e.date, e.start, e.end, e.precision, e.label, e.title, "; ".join(e.actors),
            "; ".join(e.places), "; ".join(e.periods), e.inferred, e.context, e.disputed,
            e.n_sources, citations)


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = one_line(safe_text(str(value)))
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text
