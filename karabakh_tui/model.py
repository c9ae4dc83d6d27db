"""Values that cross a layer: frozen dataclasses with no behaviour beyond formatting.

Every stage of the pipeline (corpus -> extract -> merge -> store -> query -> views)
speaks in these types. Nothing here imports anything but the standard library.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Source:
    """One document of the corpus, as described by `sources.toml`."""

    id: str
    file: str
    title: str
    author: str = "unknown"
    venue: str = ""
    written: str | None = None
    """Year-month ("2021-05") the document was written; the anchor of "last year"."""
    perspective: str = ""
    layout: str = "auto"
    """One of `pdf`, `paragraphs`, `markdown`, or `auto` (detected from the text)."""
    short: str = ""
    """How a citation names the source, e.g. "Toghramadjian 2021"."""
    title_basis: str = ""
    written_basis: str = ""
    """The evidence in the document for the title and date, when not printed in it."""


@dataclass(frozen=True)
class Cleaned:
    """A document after layout-aware cleaning."""

    text: str
    """The reading text: what a person reads, markers and page furniture removed."""
    footnotes: dict[int, str] = field(default_factory=dict, hash=False, compare=False)
    line_map: tuple[tuple[int, int], ...] = ()
    """Sorted (reading-text offset, 1-based line in the original file) anchors."""
    sections: tuple[tuple[int, str], ...] = ()
    """Sorted (reading-text offset, heading) pairs; a heading covers text up to the next."""
    markers: tuple[tuple[int, int], ...] = ()
    """Sorted (reading-text offset, footnote number): where a marker stood in the text."""
    paragraphs: tuple[int, ...] = ()
    """Reading-text offsets where a paragraph starts (sentences never span two)."""

    # computed once: a document with 100,000 footnote markers has as many anchors
    @cached_property
    def _line_keys(self) -> list[int]:
        return [o for o, _ in self.line_map]

    @cached_property
    def _section_keys(self) -> list[int]:
        return [o for o, _ in self.sections]

    def line_at(self, offset: int) -> int:
        """The original file's line holding the reading-text character at `offset`."""
        i = bisect_right(self._line_keys, offset) - 1
        if i < 0:
            return self.line_map[0][1] if self.line_map else 1
        return self.line_map[i][1]

    def section_at(self, offset: int) -> str:
        """The heading in force at `offset` ("" before the first heading)."""
        i = bisect_right(self._section_keys, offset) - 1
        return self.sections[i][1] if i >= 0 else ""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document's reading text."""

    document: str
    """Source id."""
    index: int
    """0-based position of the sentence in its document."""
    start: int
    end: int
    """Offsets into the reading text; `text == reading_text[start:end]`."""
    text: str
    line: int
    """1-based line of the original file holding the sentence's first words."""
    section: str = ""
    footnotes: tuple[int, ...] = ()
    """Numbers of the footnote markers the sentence carries."""
    paragraph: int = -1
    """0-based paragraph of the reading text the sentence belongs to."""


@dataclass(frozen=True)
class DateSpan:
    """A temporal expression found in a sentence, normalised to EDTF."""

    text: str
    """The words it came from, as written."""
    edtf: str
    lower: int
    upper: int
    """Inclusive sort keys: astronomical year * 10000 + month * 100 + day."""
    precision: str
    """day|month|season|year|decade|century|millennium|range"""
    label: str
    """How people read it: "27 September 2020", "2nd century BCE", "c. 1905"."""
    qualifier: str = ""
    """early|mid|late|approximate|before|after, or ""."""
    start: int = 0
    end: int = 0
    """Character offsets of `text` inside the sentence."""
    inferred: bool = False
    """True when the year or the whole date comes from the narrative, not the words."""


@dataclass(frozen=True)
class Mention:
    """One dated happening told in one sentence (before merging)."""

    sentence: Sentence
    date: DateSpan
    title: str
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    place_variants: tuple[tuple[str, str, str], ...] = ()
    """(canonical place, the name the sentence used, the community that uses that name
    or "" for a neutral spelling)."""
    carried_places: tuple[str, ...] = ()
    """The places of `places` the sentence does not name: taken from the paragraph's
    preceding sentences ("Armenian troops recaptured the village the following day"), or
    the state whose leader alone acts ("Sargsyan tendered his resignation")."""
    inferred: bool = False
    context: bool = False
    numbers: tuple[str, ...] = ()
    """Quantities the sentence states (casualties, displaced people), for disagreement."""
    clause: tuple[int, int] | None = None
    """When the sentence tells several happenings at this date ("Sargsyan met with
    Pashinyan ... and Pashinyan was arrested shortly after the meeting"), the offsets in
    the sentence of the words that tell this one; None: the sentence tells one."""


@dataclass(frozen=True)
class Citation:
    """Where an event is told: one sentence of one document, with its footnotes."""

    document: str
    source: str
    quote: str
    line: int
    start: int
    end: int
    footnotes: tuple[str, ...] = ()
    """The texts of the document's footnotes the sentence carries (its sources)."""
    section: str = ""
    sentence_index: int = -1
    """Position of the sentence in its document (see `Sentence.index`)."""
    sentence_id: int = 0
    """Row id of the sentence in the database (0 before it is stored)."""
    file: str = ""
    date_text: str = ""
    names: tuple[tuple[str, str, str], ...] = ()
    """(canonical place, the name the sentence uses, the community using that name or
    ""), as in `Mention.place_variants`; stored in `citation_names`."""

    def to_json(self) -> dict[str, object]:
        return {
            "document": self.file or self.document,
            "source": self.source,
            "quote": self.quote,
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "footnotes": list(self.footnotes),
            "section": self.section,
            "date_text": self.date_text,
        }


@dataclass(frozen=True)
class Event:
    """A happening with every citation that tells it (DESIGN.md section 6)."""

    id: str
    date: str
    start: str
    end: str
    lower: int
    upper: int
    precision: str
    label: str
    title: str
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    inferred: bool = False
    context: bool = False
    disputed: bool = False
    disagreements: tuple[dict[str, str], ...] = field(default=(), hash=False, compare=False)
    citations: tuple[Citation, ...] = ()
    related: tuple[str, ...] = ()

    @property
    def n_sources(self) -> int:
        """Distinct documents citing the event."""
        return len({c.document for c in self.citations})

    def by_document(self) -> list[list[Citation]]:
        """The citations grouped by document, in citation order (the merger puts the
        clearest citation's document first)."""
        groups: dict[str, list[Citation]] = {}
        for c in self.citations:
            groups.setdefault(c.document, []).append(c)
        return list(groups.values())

    def disagreement_rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """What each source says, per point of disagreement: [("date", [(source, value),
        …]), ("name of Shusha", …)], in the order the merger recorded them."""
        rows: dict[str, list[tuple[str, str]]] = {}
        for d in self.disagreements:
            what = d.get("field", "?")
            if d.get("place"):
                what = f"{what} of {d['place']}"
            rows.setdefault(what, []).append(
                (d.get("source") or d.get("document", "?"), d.get("value", "?")))
        return list(rows.items())

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "label": self.label,
            "title": self.title,
            "actors": list(self.actors),
            "places": list(self.places),
            "periods": list(self.periods),
            "inferred": self.inferred,
            "context": self.context,
            "disputed": self.disputed,
            "disagreements": [dict(d) for d in self.disagreements],
            "related": list(self.related),
            "citations": [c.to_json() for c in self.citations],
        }


SORTS = ("date", "-date", "sources")


@dataclass(frozen=True)
class Filter:
    """What the user asked to see. Built by the CLI and the TUI alike, read by `query`."""

    periods: tuple[str, ...] = ()
    """Canonical period names; an event matches if it falls in any of them."""
    actors: tuple[str, ...] = ()
    """Canonical actor names; any of them, or all with `all_actors`."""
    all_actors: bool = False
    places: tuple[str, ...] = ()
    date_from: int | None = None
    date_to: int | None = None
    """Sort-key bounds (see `DateSpan.lower`); an event overlapping the range matches."""
    text: str = ""
    """Full-text query over the cited sentences, as the user typed it."""
    sources: tuple[str, ...] = ()
    """Source ids."""
    context: bool | None = None
    """None: both; True: only comparison events; False: only the conflict itself."""
    inferred: bool = True
    """Whether events whose date is taken from the narrative are shown."""
    min_sources: int = 1
    disputed: bool = False
    sort: str = "date"
    limit: int | None = None
    labels: tuple[tuple[str, str], ...] = ()
    """(option, value as typed) pairs, for export headers; not used for matching."""

    def describe(self) -> list[str]:
        """Human-readable lines stating the filter, for export headers."""
        if self.labels:
            return [f"{k}: {v}" for k, v in self.labels]
        return []
