"""The highlighted event: its date in words and EDTF, title, and every citation."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from karabakh_tui.model import Citation, Event
from karabakh_tui.text import safe_text


def render_event(event: Event | None, credit_of: Mapping[str, str] | None = None,
                 place_names: Mapping[str, str] | None = None) -> Text:
    """A Text (never markup) with the event and its citations.

    `credit_of`: document id -> "Author, Title, year", shown under each citation;
    `place_names`: canonical place -> the name to show (quotes keep the source's words).
    """
    if event is None:
        return Text("No event selected.", style="dim")
    out = Text()
    out.append(f"{event.label}", style="bold")
    out.append(f"  [{event.date}]", style="dim")
    flags = [f for f, on in (("inferred date", event.inferred), ("comparison", event.context),
                             ("disputed", event.disputed)) if on]
    if flags:
        out.append("  " + ", ".join(flags), style="italic")
    out.append("\n")
    out.append(safe_text(event.title) + "\n", style="bold")
    shown = place_names or {}
    places = [shown.get(p, p) for p in event.places]
    tail = [", ".join(event.actors), ", ".join(places), ", ".join(event.periods)]
    out.append(" · ".join(t for t in tail if t) + "\n", style="dim")
    for what, says in event.disagreement_rows():
        out.append(f"! sources disagree on the {what}:\n", style="italic")
        for source, value in says:
            out.append(f"    {safe_text(source)}: {safe_text(value)}\n", style="italic")
    if event.related:
        out.append("related, kept apart: " + ", ".join(event.related) + "\n", style="dim")
    n = 0
    for group in event.by_document():
        if event.n_sources > 1:
            out.append(f"\n── {safe_text(group[0].source)}\n", style="bold")
        for c in group:
            n += 1
            _append_citation(out, n, c, (credit_of or {}).get(c.document))
    return out


def _append_citation(out: Text, n: int, c: Citation, credit: str | None) -> None:
    out.append(f"\n{n}. ", style="bold")
    out.append(f"“{safe_text(c.quote)}”\n")
    out.append(f"   — {safe_text(c.source)}, {c.file or c.document}:{c.line}", style="dim")
    if c.section:
        out.append(f" · {safe_text(c.section)}", style="dim")
    out.append("\n")
    if credit:
        out.append(f"     {safe_text(credit)}\n", style="dim")
    for note in c.footnotes:
        out.append(f"   note: {safe_text(note)}\n", style="dim italic")
