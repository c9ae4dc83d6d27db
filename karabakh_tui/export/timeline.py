"""Knight Lab TimelineJS (version 3) JSON: load it with `new TL.Timeline(id, data)`.

Years are astronomical, as in our sort keys (1 BCE = 0, 200 BCE = -199): TimelineJS
builds its dates with JavaScript's `setFullYear`, which counts the same way, so events
sit in the right place on its axis. People never see those numbers: every slide has a
`display_date` with the event's label ("200 BCE", "2nd century BCE", "late 2020").
Start and end dates carry month and day only as far as the event's precision goes; an
end date is given when the event spans more than its start date says.

TimelineJS inserts headlines and texts as HTML, so all document text is put through
`safe_text` and HTML-escaped; the only markup is ours (blockquote, p, em, code).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from karabakh_tui.export import TITLE, key_parts, location, plural
from karabakh_tui.export.jsonout import dumps
from karabakh_tui.model import Citation, Event
from karabakh_tui.text import one_line, safe_text

_PARTS = {"day": 3, "month": 2, "season": 2, "year": 1, "decade": 1, "century": 1,
          "millennium": 1}
"""How many of (year, month, day) each precision states; others (ranges) state all three."""


def render(events: Sequence[Event], title: str = TITLE) -> str:
    """The events as a TimelineJS document, in the order given (TimelineJS sorts by date)."""
    n_sources = len({c.document for e in events for c in e.citations})
    intro = (f"{plural(len(events), 'event')} from {plural(n_sources, 'source')}, each with "
             f"the sentences it comes from.")
    return dumps({"title": {"text": {"headline": _h(title), "text": f"<p>{_h(intro)}</p>"}},
                  "events": [_slide(e) for e in events]})


def _h(text: str) -> str:
    return html.escape(one_line(safe_text(text)), quote=False)


def _slide(e: Event) -> dict[str, object]:
    slide: dict[str, object] = {"start_date": _date(e.lower, e.precision)}
    if _date(e.upper, e.precision) != slide["start_date"]:
        slide["end_date"] = _date(e.upper, e.precision)
    slide["display_date"] = _h(e.label)
    slide["text"] = {"headline": _h(e.title), "text": _text(e)}
    if e.periods:
        slide["group"] = _h(e.periods[0])
    slide["unique_id"] = e.id
    return slide


def _date(key: int, precision: str) -> dict[str, int]:
    year, month, day = key_parts(key)
    stated = _PARTS.get(precision, 3)
    date = {"year": year}
    if stated >= 2 and month:
        date["month"] = month
        if stated >= 3 and day:
            date["day"] = day
    return date


def _text(e: Event) -> str:
    flags = [f for f, on in (("date inferred from narrative", e.inferred),
                             ("context: a comparison, not the conflict itself", e.context),
                             ("disputed: the sources disagree", e.disputed)) if on]
    names = "; ".join(p for p in (", ".join(e.actors), ", ".join(e.places)) if p)
    parts = [f"<p><em>{_h(' · '.join(flags))}</em></p>"] if flags else []
    parts += [f"<p>{_h(names)}</p>"] if names else []
    return "".join(parts + [_citation(c) for c in e.citations])


def _citation(c: Citation) -> str:
    return (f"<blockquote>“{_h(c.quote)}”</blockquote>"
            f"<p>— {_h(c.source or c.document)}, <code>{_h(location(c))}</code></p>")
