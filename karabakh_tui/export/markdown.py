"""The chronology as Markdown with a footnoted citation per event (DESIGN.md section 8).

Shape, chosen to read well on GitHub (CommonMark + GFM footnotes) and in Pandoc:

    # Chronology of the Nagorno-Karabakh conflict
    header: export date, number of events and sources, the filters (or "No filters")
    ## 4th century                      a group per year; see `_group_of` for spans
    ## 2020
    - **2020** — an event dated only to the year, a season or a span within it
    ### September 2020                  months only for events dated to a month or day
    - **27 September 2020** — Title — *Azerbaijan, Armenia; Line of contact*[^E0042]
    [^E0042]: “quote” — source (author, *title*, year), seeds/FILE:LINE
        (further citations of the event as further paragraphs, indented 4 spaces)

Events always read in date order (latest first when the filter sorts by `-date`): a
chronology sorted by number of sources cannot be grouped by year, and `--sort sources`
has already chosen which events a `--limit` keeps. Document text, names and labels go
through `safe_text`, are put on one line and have every character Markdown or Pandoc
might act on backslash-escaped, so no document can add markup, HTML or footnotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from karabakh_tui.export import MONTHS, TITLE, key_label, location, plural, year_label
from karabakh_tui.model import Citation, Event, Filter
from karabakh_tui.text import one_line, safe_text


@dataclass(frozen=True)
class SourceInfo:
    """What a footnote says about a document beyond its short citation label."""

    author: str = "unknown"
    title: str = ""
    written: str = ""
    """YYYY or YYYY-MM; the footnote shows the year."""


_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~^$@&])")
"""CommonMark, GFM (tables, strikethrough, math) and Pandoc (sub/superscript, math,
citations, inline notes) syntax characters; `&` so entity references stay literal."""
_LINE_START = re.compile(r"^(?:[-+=:]|\d+[.)])")
"""List items, setext underlines and definition lists, should escaped text open a line."""
_AUTOLINK = re.compile(r"(?=://)|(?<=www)(?=\.)", re.IGNORECASE)
"""Where GitHub's extended autolinks start: "http://" and "www.". Such a link runs to the
next space, taking in our escapes and the footnote reference after it, so it is disarmed
by escaping the ":" or "." (URLs in documents are then plain text, not links)."""


def escape(s: str) -> str:
    """Document text as inert Markdown on one line, rendering as `plain(s)` exactly."""
    s = _SPECIAL.sub(r"\\\1", plain(s))
    s = _AUTOLINK.sub(r"\\", s)
    m = _LINE_START.match(s)
    return f"{s[:m.end() - 1]}\\{s[m.end() - 1:]}" if m else s


def plain(s: str) -> str:
    """The text `escape(s)` renders as: safe, on one line, in Unicode NFC.

    NFC because Pandoc normalises its input: U+1FEF GREEK VARIA would otherwise become
    an unescaped backtick there and open a code span.
    """
    return unicodedata.normalize("NFC", one_line(safe_text(s)))


def render(events: Sequence[Event], flt: Filter, exported_on: date,
           sources: Mapping[str, SourceInfo] | None = None) -> str:
    """The chronology of `events` (already filtered by `flt`) as a Markdown document."""
    latest_first = flt.sort == "-date"
    ordered = sorted(events, key=lambda e: (e.lower, e.upper, e.id), reverse=latest_first)
    labelled = list(zip(ordered, _footnote_labels(ordered), strict=True))
    lines = _header(ordered, flt, exported_on)
    if not labelled:
        lines += ["No events match these filters.", ""]
    groups = _grouped(labelled, latest_first)
    for heading, members in groups:
        lines += [f"## {heading}", ""] + _group_lines(members)
    for e, label in (pair for _, members in groups for pair in _listed(members)):
        if e.citations:
            lines += _footnote(e, label, sources or {}) + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


# ---- header --------------------------------------------------------------------------


def _header(events: Sequence[Event], flt: Filter, exported_on: date) -> list[str]:
    n_sources = len({c.document for e in events for c in e.citations})
    lines = [f"# {TITLE}", "",
             f"{plural(len(events), 'event')} from {plural(n_sources, 'source')}, exported on "
             f"{exported_on.isoformat()}. Each footnote quotes the sentences an event comes "
             f"from, with the file and line to read them in.", ""]
    described = flt.describe() or describe_filter(flt)
    if not described:
        return lines + ["No filters: every event in the database.", ""]
    return lines + ["Filters:", ""] + [f"- {escape(d)}" for d in described] + [""]


_SORT_WORDS = {"date": "date", "-date": "date, latest first", "sources": "number of sources"}


def describe_filter(flt: Filter) -> list[str]:
    """Lines stating a filter built without `labels` (the TUI's), field by field."""
    actor = "all of the actors" if flt.all_actors else "actor"
    named = (("period", flt.periods), (actor, flt.actors), ("place", flt.places),
             ("source", flt.sources))
    out = [f"{name}: {', '.join(values)}" for name, values in named if values]
    if flt.date_from is not None:
        out.append(f"from: {key_label(flt.date_from)}")
    if flt.date_to is not None:
        out.append(f"to: {key_label(flt.date_to)}")
    if flt.text:
        out.append(f"text: {flt.text}")
    if flt.context is not None:
        out.append("only context events" if flt.context else "no context events")
    if not flt.inferred:
        out.append("no events with inferred dates")
    if flt.min_sources > 1:
        out.append(f"at least {flt.min_sources} sources")
    if flt.disputed:
        out.append("only disputed events")
    if flt.limit is not None:
        order = _SORT_WORDS.get(flt.sort, flt.sort)
        out.append(f"the first {plural(flt.limit, 'event')} by {order}")
    return out


# ---- body ----------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class _Group:
    """A `##` section: a year, or a span of years for events dated no finer than that."""

    start: int
    neg_end: int
    """Minus the last astronomical year: a century sorts before the years inside it."""
    heading: str = field(compare=False)


def _group_of(e: Event) -> _Group:
    """Year of the event; else its century/millennium/decade if it fits in one; else its span."""
    y1, y2 = e.lower // 10000, e.upper // 10000
    if y1 == y2:
        return _Group(y1, -y1, year_label(y1))
    if e.precision in ("century", "millennium"):
        size, word = (100, "century") if e.precision == "century" else (1000, "millennium")
        n, first, last = _aligned(y1, size)
        if y2 <= last:
            return _Group(first, -last, f"{_ordinal(n)} {word}" + (" BCE" if last <= 0 else ""))
    if e.precision == "decade" and y1 >= 1 and y2 <= y1 - y1 % 10 + 9:
        return _Group(y1 - y1 % 10, -(y1 - y1 % 10 + 9), f"{y1 - y1 % 10}s")
    era = " CE" if y1 <= 0 < y2 else ""
    return _Group(y1, -y2, f"{year_label(y1)}–{year_label(y2)}{era}")


def _aligned(year: int, size: int) -> tuple[int, int, int]:
    """The century (size 100) or millennium holding an astronomical year: n, first, last."""
    if year >= 1:
        n = (year - 1) // size + 1
        return n, (n - 1) * size + 1, n * size
    n = (-year) // size + 1
    return n, 1 - n * size, -(n - 1) * size


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _month_of(e: Event) -> int:
    """1-12 for an event dated to a month or a day, else 0 (listed under the year itself)."""
    month = e.lower // 100 % 100
    return month if e.precision in ("day", "month") and 1 <= month <= 12 else 0


_Labelled = tuple[Event, str]
"""An event with its footnote label."""


def _grouped(events: Sequence[_Labelled], latest_first: bool) -> list[tuple[str, list[_Labelled]]]:
    """(`##` heading, its events in order), the groups in date order."""
    groups: dict[_Group, list[_Labelled]] = {}
    for pair in events:
        groups.setdefault(_group_of(pair[0]), []).append(pair)
    return [(g.heading, groups[g]) for g in sorted(groups, reverse=latest_first)]


def _listed(events: Sequence[_Labelled]) -> list[_Labelled]:
    """A group's events as listed: those without a month first, right under the `##`
    heading so no month heading seems to claim them, then month by month."""
    return sorted(events, key=lambda pair: _month_of(pair[0]) != 0)


def _group_lines(events: Sequence[_Labelled]) -> list[str]:
    lines: list[str] = []
    month = 0
    for e, label in _listed(events):
        if _month_of(e) != month:
            month = _month_of(e)
            heading = f"### {MONTHS[month - 1]} {year_label(e.lower // 10000)}"
            lines += ([""] if lines else []) + [heading, ""]
        lines.append(_bullet(e, label))
    return lines + [""]


def _bullet(e: Event, label: str) -> str:
    when = f"**{escape(e.label)}**" + (" (date inferred from narrative)" if e.inferred else "")
    parts = [when, escape(e.title) or "(untitled)"]
    names = "; ".join(p for p in (", ".join(map(escape, e.actors)),
                                  ", ".join(map(escape, e.places))) if p)
    if names:
        parts.append(f"*{names}*")
    if e.context:
        parts.append("context (a comparison, not the conflict itself)")
    if e.disputed or e.disagreements:
        parts.append(_disputed(e.disagreements))
    ref = f"[^{label}]" if e.citations else " (no citation)"
    return "- " + " — ".join(parts) + ref


def _disputed(disagreements: Iterable[Mapping[str, str]]) -> str:
    """ "disputed: date (A 2021: 28 September 2020; B 2021: 27 September 2020)"."""
    said: dict[str, list[str]] = {}
    for d in disagreements:
        what = d.get("field", "?")
        if d.get("place"):
            what = f"{what} of {d['place']}"
        who = d.get("source") or d.get("document") or "?"
        said.setdefault(escape(what), []).append(f"{escape(who)}: {escape(d.get('value', '?'))}")
    if not said:
        return "disputed"
    return "disputed: " + ", ".join(f"{what} ({'; '.join(v)})" for what, v in said.items())


# ---- footnotes -----------------------------------------------------------------------


def _footnote_labels(events: Sequence[Event]) -> list[str]:
    """The event id as a label every renderer accepts, made unique ignoring case (GitHub)."""
    labels: list[str] = []
    seen: set[str] = set()
    for e in events:
        base = re.sub(r"[^A-Za-z0-9_-]", "-", e.id) or "event"
        label, n = base, 1
        while label.casefold() in seen:
            n += 1
            label = f"{base}-{n}"
        seen.add(label.casefold())
        labels.append(label)
    return labels


def _footnote(e: Event, label: str, sources: Mapping[str, SourceInfo]) -> list[str]:
    """One paragraph per citation; the second and later indented 4 spaces to stay inside."""
    paragraphs = [_citation(c, sources) for c in e.citations]
    lines = [f"[^{label}]: {paragraphs[0]}"]
    for p in paragraphs[1:]:
        lines += ["", f"    {p}"]
    return lines


def _citation(c: Citation, sources: Mapping[str, SourceInfo]) -> str:
    text = f"“{escape(c.quote)}” — {_source(c, sources.get(c.document))}, {escape(location(c))}"
    if c.footnotes:
        word = "its footnote" if len(c.footnotes) == 1 else "its footnotes"
        text += f" — {word}: " + " · ".join(escape(n) for n in c.footnotes)
    return text


def _source(c: Citation, info: SourceInfo | None) -> str:
    """ "Broers 2021 (Laurence Broers, *Seeing Beyond Victory*, 2021)"; unknown parts left out."""
    name = escape(c.source or c.document) or "unnamed source"
    if info is None:
        return name
    author, title = escape(info.author), escape(info.title)
    year = re.search(r"-?\d{3,4}", info.written or "")
    bits = [author if author.casefold() != "unknown" else "",
            f"*{title}*" if title else "",
            year.group() if year else escape(info.written or "")]
    bits = [b for b in bits if b]
    return f"{name} ({', '.join(bits)})" if bits else name
