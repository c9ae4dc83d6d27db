"""Mentions -> events. Each mention is its own event until cross-source merging lands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from karabakh_tui.model import Citation, Event, Mention, Source


def citation_of(mention: Mention, source: Source, footnotes: Mapping[int, str]) -> Citation:
    s = mention.sentence
    return Citation(
        document=s.document, source=source.short or source.id, quote=s.text, line=s.line,
        start=s.start, end=s.end, section=s.section, file=source.file,
        sentence_index=s.index,
        footnotes=tuple(footnotes[n] for n in s.footnotes if n in footnotes),
        date_text=mention.date.text,
    )


def merge(
    mentions: Iterable[Mention],
    sources: Mapping[str, Source],
    footnotes: Mapping[str, Mapping[int, str]],
) -> list[Event]:
    """One event per mention, ordered by date then document position; ids E0001..."""
    ordered = sorted(mentions, key=lambda m: (m.date.lower, m.date.upper, m.sentence.document,
                                             m.sentence.index, m.date.start))
    return [_event(n, m, sources, footnotes) for n, m in enumerate(ordered, 1)]


def _event(n: int, m: Mention, sources: Mapping[str, Source],
           footnotes: Mapping[str, Mapping[int, str]]) -> Event:
    d = m.date
    start, _, end = d.edtf.partition("/")
    return Event(
        id=f"E{n:04d}", date=d.edtf, start=start, end=end or start, lower=d.lower,
        upper=d.upper, precision=d.precision, label=d.label, title=m.title, actors=m.actors,
        places=m.places, periods=m.periods, inferred=m.inferred or d.inferred,
        context=m.context,
        citations=(citation_of(m, sources[m.sentence.document],
                               footnotes.get(m.sentence.document, {})),),
    )
