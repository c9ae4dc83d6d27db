"""Score the event extractor against the hand-made gold set in tests/gold/.

    /work/venv/bin/python bench/evaluate.py [--corpus seeds] [--gold tests/gold]

The gold set (tests/gold/*.jsonl, see /work/shared/ANNOTATION.md) lists every dated event
of a few sections of a seed document, plus "traps": passages with dates or numbers that
are not events. The extractor (`karabakh_tui.pipeline.corpus_mentions`) is run on the
corpus and each gold event is matched one-to-one to a system mention when

  * the mention's sentence starts on a line of the gold event's section,
  * the gold quote (whitespace and typography normalised) is contained in the sentence,
  * the gold interval and the mention's date interval overlap;

among several candidates the one whose dates agree best wins (greedy). A baseline --
`dateparser.search.search_dates` run sentence by sentence on the same sentences, one
predicted event per sentence with at least one date -- is scored in the same way. Both
are printed side by side as a Markdown table and written to bench/out/evaluate.md,
together with the lists of missed events and false positives.

Everything above `main()` that does not start with `load_` or `run_` is a pure function
on plain values (tested in tests/unit/test_evaluate.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "seeds"
DEFAULT_GOLD = ROOT / "tests" / "gold"
DEFAULT_OUT = ROOT / "bench" / "out" / "evaluate.md"

TARGETS: dict[str, tuple[str, float]] = {
    # metric key: (comparison, threshold)
    "recall": (">=", 0.90),
    "precision": (">=", 0.85),
    "date_accuracy": (">=", 0.92),
    "actor_recall": (">=", 0.85),
    "place_recall": (">=", 0.85),
    "footnote_events": ("==", 0),
}


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Region:
    doc: str
    name: str
    first: int
    last: int
    file: str = ""
    """The gold file it comes from (for reports)."""

    def holds(self, doc: str, line: int) -> bool:
        return doc == self.doc and self.first <= line <= self.last


@dataclass(frozen=True)
class GoldEvent:
    id: str
    doc: str
    region: str
    quote: str
    start: str
    end: str
    date_text: str = ""
    summary: str = ""
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    scope: str = "core"

    @property
    def lower(self) -> int:
        return date_bounds(self.start)[0]

    @property
    def upper(self) -> int:
        return date_bounds(self.end)[1]

    @property
    def explicit(self) -> bool:
        """The sentence itself carries date words (date_text does not start with "[")."""
        return not self.date_text.lstrip().startswith("[")


@dataclass(frozen=True)
class Trap:
    id: str
    doc: str
    region: str
    quote: str
    why: str = ""


@dataclass(frozen=True)
class Pred:
    """A predicted event: one system mention (or one baseline sentence)."""

    doc: str
    """File name of the document (as in the gold records)."""
    line: int
    """1-based line of the original file where the sentence starts."""
    text: str
    lower: int
    upper: int
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    context: bool = False
    date_label: str = ""


@dataclass
class Metrics:
    """Everything `score` measures; ratios are None when undefined (0/0)."""

    n_gold: int = 0
    n_gold_explicit: int = 0
    found: int = 0
    found_explicit: int = 0
    in_region: int = 0
    false_pos: int = 0
    date_strict: int = 0
    actors: tuple[int, int, int] = (0, 0, 0)
    """(true positives, gold total, system total) over matched events."""
    places: tuple[int, int, int] = (0, 0, 0)
    scope_agree: int = 0
    trap_hits: int = 0
    footnote_events: int = 0
    by_region: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """region -> (gold events, found, false positives)."""
    matches: dict[int, int] = field(default_factory=dict)
    """gold index -> prediction index."""
    missed: list[GoldEvent] = field(default_factory=list)
    fps: list[Pred] = field(default_factory=list)
    wrong_dates: list[tuple[GoldEvent, Pred]] = field(default_factory=list)
    trap_preds: list[tuple[Trap, Pred]] = field(default_factory=list)
    footnote_preds: list[Pred] = field(default_factory=list)
    name_diffs: list[tuple[GoldEvent, Pred]] = field(default_factory=list)
    """Matched events whose actors or places differ from the gold ones."""

    @staticmethod
    def ratio(num: int, den: int) -> float | None:
        return num / den if den else None

    @property
    def recall(self) -> float | None:
        return self.ratio(self.found, self.n_gold)

    @property
    def recall_explicit(self) -> float | None:
        return self.ratio(self.found_explicit, self.n_gold_explicit)

    @property
    def precision(self) -> float | None:
        """Share of predictions in the regions whose sentence tells some gold event."""
        return self.ratio(self.in_region - self.false_pos, self.in_region)

    @property
    def precision_strict(self) -> float | None:
        """Share of predictions in the regions matched one-to-one with dates overlapping."""
        return self.ratio(self.found, self.in_region)

    @property
    def date_accuracy(self) -> float | None:
        return self.ratio(self.date_strict, self.found)

    @property
    def actor_recall(self) -> float | None:
        return self.ratio(self.actors[0], self.actors[1])

    @property
    def actor_precision(self) -> float | None:
        return self.ratio(self.actors[0], self.actors[2])

    @property
    def place_recall(self) -> float | None:
        return self.ratio(self.places[0], self.places[1])

    @property
    def place_precision(self) -> float | None:
        return self.ratio(self.places[0], self.places[2])

    @property
    def scope_accuracy(self) -> float | None:
        return self.ratio(self.scope_agree, self.found)


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"^(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bounds(value: str) -> tuple[int, int, str]:
    """Inclusive sort keys and precision of a gold date ("YYYY", "YYYY-MM", "YYYY-MM-DD").

    Gold dates use historical BCE numbering ("-0200" is 200 BC); sort keys use
    astronomical years (200 BC = -199), as `DateSpan.lower/upper` do.
    """
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(f"not a gold date: {value!r}")
    sign, year, month, day = m.groups()
    y = int(year)
    if sign:
        if y == 0:
            raise ValueError(f"no year 0 in historical numbering: {value!r}")
        y = 1 - y
    elif y == 0:
        raise ValueError(f"no year 0 in historical numbering: {value!r}")
    base = y * 10000
    if month is None:
        return base + 101, base + 1231, "year"
    mo = int(month)
    if day is None:
        return base + mo * 100 + 1, base + mo * 100 + 31, "month"
    key = base + mo * 100 + int(day)
    return key, key, "day"


def truncate(key: int, precision: str) -> int:
    """A sort key cut to a precision (floor division keeps BCE keys right)."""
    if precision == "year":
        return key // 10000
    if precision == "month":
        return key // 100
    return key


def day_number(key: int) -> int:
    """A monotone day count for a sort key (31-day months are good enough here)."""
    year, rest = divmod(key, 10000)
    month, day = divmod(rest, 100)
    return year * 372 + max(month - 1, 0) * 31 + max(day, 1)


def overlaps(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> bool:
    return a_lo <= b_hi and b_lo <= a_hi


def strict_date(gold: GoldEvent, pred: Pred) -> bool:
    """The prediction's bounds equal the gold start/end at the gold's precision."""
    s_lo, _, s_prec = date_bounds(gold.start)
    _, e_hi, e_prec = date_bounds(gold.end)
    return (truncate(pred.lower, s_prec) == truncate(s_lo, s_prec)
            and truncate(pred.upper, e_prec) == truncate(e_hi, e_prec))


def date_agreement(gold: GoldEvent, pred: Pred) -> float:
    """Higher is better: strict equality first, then interval overlap (Jaccard)."""
    g_lo, g_hi = day_number(gold.lower), day_number(gold.upper)
    p_lo, p_hi = day_number(pred.lower), day_number(pred.upper)
    inter = min(g_hi, p_hi) - max(g_lo, p_lo) + 1
    union = max(g_hi, p_hi) - min(g_lo, p_lo) + 1
    jaccard = max(inter, 0) / union if union > 0 else 0.0
    return (2.0 if strict_date(gold, pred) else 0.0) + jaccard


# --------------------------------------------------------------------------- text

_SUP = re.compile(r"<sup>(.*?)</sup>", re.S)
_ESCAPE = re.compile(r"\\(.)")
_SPACE = re.compile(r"\s+")
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": "",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
    "*": "",
})


def normalise(text: str) -> str:
    """Text as compared: markers and markdown emphasis gone, quotes and hyphens plain,
    whitespace collapsed. Footnote markers (<sup>12</sup>) vanish; other superscripts
    (4<sup>th</sup>) keep their letters."""
    text = _SUP.sub(lambda m: "" if m.group(1).strip().isdigit() else m.group(1), text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACE.sub(" ", text.translate(_TRANSLATE)).strip()


def names(values: Iterable[str]) -> set[str]:
    return {normalise(v).casefold() for v in values if v and v.strip()}


def overlap_counts(gold: Iterable[str], system: Iterable[str]) -> tuple[int, int, int]:
    g, s = names(gold), names(system)
    return len(g & s), len(g), len(s)


# --------------------------------------------------------------------------- matching


def region_index(regions: Iterable[Region]) -> dict[tuple[str, str], Region]:
    return {(r.doc, r.name): r for r in regions}


def region_of(pred: Pred, regions: Iterable[Region]) -> Region | None:
    for r in regions:
        if r.holds(pred.doc, pred.line):
            return r
    return None


def candidates(events: Sequence[GoldEvent], preds: Sequence[Pred],
               regions: Iterable[Region]) -> list[tuple[float, int, int]]:
    """(date agreement, gold index, prediction index) for every admissible pair."""
    index = region_index(regions)
    norms = [normalise(p.text) for p in preds]
    out = []
    for gi, gold in enumerate(events):
        region = index.get((gold.doc, gold.region))
        quote = normalise(gold.quote)
        for pi, pred in enumerate(preds):
            if region is None or not region.holds(pred.doc, pred.line):
                continue
            if quote not in norms[pi]:
                continue
            if not overlaps(gold.lower, gold.upper, pred.lower, pred.upper):
                continue
            out.append((date_agreement(gold, pred), gi, pi))
    return out


def match(events: Sequence[GoldEvent], preds: Sequence[Pred],
          regions: Iterable[Region]) -> dict[int, int]:
    """One-to-one matching, greedy by best date agreement (ties: document order)."""
    pairs = sorted(candidates(events, preds, regions), key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = pi
    return out


def footnote_lines(text: str) -> dict[int, str]:
    """Line number -> text of the lines that belong to footnotes, not to the body.

    A footnote line starts with its marker (`<sup>12</sup> Ibid., 65.`); bare URL lines
    that follow a page break (`---`) before the body resumes belong to footnotes too.
    """
    out: dict[int, str] = {}
    in_notes = False
    for n, line in enumerate(text.split("\n"), 1):
        s = line.strip()
        if s == "---":
            in_notes = True
            continue
        if not s:
            continue
        if re.match(r"^<sup>\d+</sup>", s):
            out[n] = s
            continue
        if in_notes and (s.startswith("<http") or s.startswith("[http")):
            out[n] = s
            continue
        in_notes = False
    return out


def footnote_texts(lines: dict[int, str]) -> list[str]:
    return [normalise(_SUP.sub("", t, count=1)) for t in lines.values()]


def from_footnote(pred: Pred, lines: dict[int, str], texts: Sequence[str]) -> bool:
    """The prediction's sentence was taken from a footnote."""
    if pred.line in lines:
        return True
    sent = normalise(pred.text)
    for fn in texts:
        if len(fn) >= 25 and fn in sent:
            return True
        if len(sent) >= 25 and sent in fn:
            return True
    return False


def add3(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def score(events: Sequence[GoldEvent], traps: Sequence[Trap], regions: Sequence[Region],
          preds: Sequence[Pred], footnotes: dict[str, dict[int, str]] | None = None
          ) -> Metrics:
    """All metrics of one system's predictions against the gold set."""
    footnotes = footnotes or {}
    m = Metrics(n_gold=len(events), n_gold_explicit=sum(e.explicit for e in events))
    m.matches = match(events, preds, regions)

    by_region = {r.name: [0, 0, 0] for r in regions}
    for gi, gold in enumerate(events):
        slot = by_region.setdefault(gold.region, [0, 0, 0])
        slot[0] += 1
        if gi not in m.matches:
            m.missed.append(gold)
            continue
        pred = preds[m.matches[gi]]
        slot[1] += 1
        m.found += 1
        m.found_explicit += gold.explicit
        if strict_date(gold, pred):
            m.date_strict += 1
        else:
            m.wrong_dates.append((gold, pred))
        m.actors = add3(m.actors, overlap_counts(gold.actors, pred.actors))
        m.places = add3(m.places, overlap_counts(gold.places, pred.places))
        if (names(gold.actors), names(gold.places)) != (names(pred.actors), names(pred.places)):
            m.name_diffs.append((gold, pred))
        m.scope_agree += (gold.scope == "context") == bool(pred.context)

    fn_texts = {doc: footnote_texts(lines) for doc, lines in footnotes.items()}
    gold_quotes = [(g, normalise(g.quote)) for g in events]
    trap_quotes = [(t, normalise(t.quote)) for t in traps]
    for pred in preds:
        norm = normalise(pred.text)
        if pred.doc in footnotes and from_footnote(pred, footnotes[pred.doc], fn_texts[pred.doc]):
            m.footnote_events += 1
            m.footnote_preds.append(pred)
        region = region_of(pred, regions)
        if region is None:
            continue
        m.in_region += 1
        tells_gold = any(q in norm for g, q in gold_quotes
                         if g.doc == pred.doc and g.region == region.name)
        if not tells_gold:
            m.false_pos += 1
            m.fps.append(pred)
            by_region.setdefault(region.name, [0, 0, 0])[2] += 1
            for trap, q in trap_quotes:
                if trap.doc == pred.doc and trap.region == region.name and (
                        q in norm or (len(norm) >= 20 and norm in q)):
                    m.trap_hits += 1
                    m.trap_preds.append((trap, pred))
                    break
    m.by_region = {k: (v[0], v[1], v[2]) for k, v in by_region.items()}
    return m


# --------------------------------------------------------------------------- sentences


@dataclass(frozen=True)
class Sent:
    doc: str
    line: int
    text: str


_ABBREV = {"u.s", "dr", "mr", "mrs", "ms", "st", "gen", "col", "lt", "no", "vol", "pp",
           "p", "ed", "eds", "e.g", "i.e", "etc", "al", "cf", "jr", "sr", "prof", "vs",
           "ibid", "b.c", "a.d", "c", "ca", "op", "cit", "u.n", "u.k", "u.s.s.r"}
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a paragraph (a plain, simple splitter)."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start() + 1]
        word = re.search(r"(\S+)\.$", head)
        if word:
            w = word.group(1).lstrip("\"'“‘(").lower()
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"([a-z]\.)+[a-z]", w):
                continue
        end = m.end()
        spans.append((start, len(text[:end].rstrip())))
        start = end
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def reading_sentences(doc: str, text: str, first: int, last: int) -> list[Sent]:
    """Sentences of the body text of lines first..last, footnotes and page breaks removed.

    A paragraph cut by a page break (`---` + footnotes) continues after the notes.
    """
    notes = footnote_lines(text)
    lines = text.split("\n")
    paragraphs: list[list[tuple[int, str]]] = []
    page_break = False
    for n in range(first, last + 1):
        raw = lines[n - 1]
        s = raw.strip()
        if s == "---":
            page_break = True
            continue
        if not s or n in notes or s.startswith("#"):
            continue
        clean = normalise(raw)
        if not clean:
            continue
        if page_break and paragraphs:
            paragraphs[-1].append((n, clean))
        else:
            paragraphs.append([(n, clean)])
        page_break = False
    out = []
    for para in paragraphs:
        joined, anchors = "", []
        for n, piece in para:
            if joined:
                joined += " "
            anchors.append((len(joined), n))
            joined += piece
        for a, b in split_sentences(joined):
            line = max(n for off, n in anchors if off <= a)
            sentence = joined[a:b].strip()
            if sentence:
                out.append(Sent(doc, line, sentence))
    return out


def first_date_key(found: Sequence[tuple[str, datetime]] | None) -> tuple[int, str] | None:
    if not found:
        return None
    text, when = found[0]
    return when.year * 10000 + when.month * 100 + when.day, text


def baseline_preds(sentences: Iterable[Sent],
                   search: Callable[[str], Sequence[tuple[str, datetime]] | None]) -> list[Pred]:
    """One prediction per sentence in which `search` finds a date (the first one, day
    precision)."""
    out = []
    for s in sentences:
        try:
            found = search(s.text)
        except Exception:  # noqa: BLE001 - dateparser raises on odd input; that is a miss
            found = None
        key = first_date_key(found)
        if key is None:
            continue
        out.append(Pred(s.doc, s.line, s.text, key[0], key[0], date_label=key[1]))
    return out


# --------------------------------------------------------------------------- report


def _fmt(value: float | None, num: int | None = None, den: int | None = None) -> str:
    if value is None:
        return "n/a"
    text = f"{value:.3f}"
    if num is not None and den is not None:
        text += f" ({num}/{den})"
    return text


def _verdict(key: str, value: float | int | None) -> str:
    if key not in TARGETS or value is None:
        return ""
    op, threshold = TARGETS[key]
    ok = value >= threshold if op == ">=" else value == threshold
    return " ✓" if ok else " ✗"


def target_text(key: str) -> str:
    if key not in TARGETS:
        return ""
    op, threshold = TARGETS[key]
    return f"≥ {threshold:.2f}" if op == ">=" else f"= {threshold:g}"


def metric_rows(m: Metrics | None, with_names: bool = True) -> dict[str, str]:
    """Cell text per metric key for one system (None: not run)."""
    if m is None:
        return {}
    a, p = m.actors, m.places
    rows = {
        "n_gold": str(m.n_gold),
        "in_region": str(m.in_region),
        "recall": _fmt(m.recall, m.found, m.n_gold) + _verdict("recall", m.recall),
        "recall_explicit": _fmt(m.recall_explicit, m.found_explicit, m.n_gold_explicit),
        "precision": _fmt(m.precision, m.in_region - m.false_pos, m.in_region)
        + _verdict("precision", m.precision),
        "precision_strict": _fmt(m.precision_strict, m.found, m.in_region),
        "date_accuracy": _fmt(m.date_accuracy, m.date_strict, m.found)
        + _verdict("date_accuracy", m.date_accuracy),
        "actor_recall": "n/a", "actor_precision": "n/a",
        "place_recall": "n/a", "place_precision": "n/a", "scope_accuracy": "n/a",
        "trap_hits": str(m.trap_hits),
        "footnote_events": f"{m.footnote_events}{_verdict('footnote_events', m.footnote_events)}",
    }
    if with_names:
        rows.update({
            "actor_recall": _fmt(m.actor_recall, a[0], a[1])
            + _verdict("actor_recall", m.actor_recall),
            "actor_precision": _fmt(m.actor_precision, a[0], a[2]),
            "place_recall": _fmt(m.place_recall, p[0], p[1])
            + _verdict("place_recall", m.place_recall),
            "place_precision": _fmt(m.place_precision, p[0], p[2]),
            "scope_accuracy": _fmt(m.scope_accuracy, m.scope_agree, m.found),
        })
    return rows


LABELS = [
    ("n_gold", "Gold events"),
    ("in_region", "Predictions in the annotated sections"),
    ("recall", "Recall"),
    ("recall_explicit", "Recall, events dated in their own sentence"),
    ("precision", "Precision (sentence tells a gold event)"),
    ("precision_strict", "Precision, one-to-one with overlapping dates"),
    ("date_accuracy", "Strict date accuracy of found events"),
    ("actor_recall", "Actor recall"),
    ("actor_precision", "Actor precision"),
    ("place_recall", "Place recall"),
    ("place_precision", "Place precision"),
    ("scope_accuracy", "Core/context agreement"),
    ("trap_hits", "Predictions on trap passages"),
    ("footnote_events", "Events from footnotes"),
]


def render_table(system: Metrics | None, baseline: Metrics | None,
                 system_note: str = "", baseline_note: str = "") -> str:
    sys_rows, base_rows = metric_rows(system), metric_rows(baseline, with_names=False)
    head = "| Metric | Target | System | Baseline (dateparser) |\n|---|---|---|---|\n"
    body = "".join(
        f"| {label} | {target_text(key)} | {sys_rows.get(key, system_note or 'not run')} "
        f"| {base_rows.get(key, baseline_note or 'not run')} |\n"
        for key, label in LABELS)
    return head + body


def render_regions(regions: Sequence[Region], system: Metrics | None,
                   baseline: Metrics | None) -> str:
    head = ("| Section | Lines | Gold | System found | System FPs | Baseline found "
            "| Baseline FPs |\n|---|---|---|---|---|---|---|\n")
    rows = []
    for r in regions:
        s = system.by_region.get(r.name) if system else None
        b = baseline.by_region.get(r.name) if baseline else None
        gold = (s or b or (0, 0, 0))[0]
        rows.append(
            f"| {r.name} {Path(r.file).stem} | {r.first}-{r.last} | {gold} "
            f"| {s[1] if s else '-'} | {s[2] if s else '-'} "
            f"| {b[1] if b else '-'} | {b[2] if b else '-'} |\n")
    return head + "".join(rows)


def _short(text: str, n: int = 140) -> str:
    text = normalise(text).replace("|", "\\|")
    return text if len(text) <= n else text[: n - 1] + "…"


def _name_diff(gold: GoldEvent, pred: Pred) -> str:
    parts = []
    for label, g, p in (("actors", gold.actors, pred.actors), ("places", gold.places, pred.places)):
        missed, extra = sorted(names(g) - names(p)), sorted(names(p) - names(g))
        if missed or extra:
            parts.append(f"{label} missed {missed} extra {extra}")
    return f"- {gold.id} {'; '.join(parts)} — “{_short(gold.quote, 100)}”\n"


def render_details(title: str, m: Metrics) -> str:
    out = [f"\n## {title}: details\n"]
    out.append(f"\n### Missed gold events ({len(m.missed)})\n\n")
    out += [f"- {g.id} [{g.start}..{g.end}] {g.summary} — “{_short(g.quote)}”\n"
            for g in m.missed]
    out.append(f"\n### Found with a wrong date ({len(m.wrong_dates)})\n\n")
    out += [f"- {g.id} gold {g.start}..{g.end}, got {p.lower}..{p.upper} "
            f"{p.date_label} — {g.summary}\n" for g, p in m.wrong_dates]
    out.append(f"\n### False positives in the sections ({len(m.fps)})\n\n")
    out += [f"- line {p.line} [{p.lower}..{p.upper}] {p.date_label} — {_short(p.text)}\n"
            for p in m.fps]
    out.append(f"\n### Trap hits ({len(m.trap_preds)})\n\n")
    out += [f"- {t.id} ({t.why}) line {p.line} — {_short(p.text)}\n" for t, p in m.trap_preds]
    out.append(f"\n### Actors and places that differ ({len(m.name_diffs)})\n\n")
    out += [_name_diff(g, p) for g, p in m.name_diffs]
    out.append(f"\n### Events from footnotes ({len(m.footnote_preds)})\n\n")
    out += [f"- {p.doc} line {p.line} — {_short(p.text)}\n" for p in m.footnote_preds]
    return "".join(out)


# --------------------------------------------------------------------------- loading


def load_gold(gold_dir: Path) -> tuple[list[Region], list[GoldEvent], list[Trap]]:
    regions, events, traps = [], [], []
    files = sorted(gold_dir.glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no gold files (*.jsonl) in {gold_dir}")
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            kind = row.get("type")
            if kind == "region":
                first, last = row["lines"]
                regions.append(Region(row["doc"], row["region"], first, last, path.name))
            elif kind == "event":
                events.append(GoldEvent(
                    row["id"], row["doc"], row["region"], row["quote"], row["start"],
                    row["end"], row.get("date_text", ""), row.get("summary", ""),
                    tuple(row.get("actors", ())), tuple(row.get("places", ())),
                    row.get("scope", "core")))
            elif kind == "trap":
                traps.append(Trap(row["id"], row["doc"], row["region"], row["quote"],
                                  row.get("why", "")))
            else:
                raise ValueError(f"{path.name}:{n}: unknown record type {kind!r}")
    regions.sort(key=lambda r: (r.doc, r.first))
    return regions, events, traps


def load_manifest(corpus: Path) -> dict[str, dict]:
    """Source id -> its [[source]] table from sources.toml (empty when absent)."""
    manifest = corpus / "sources.toml"
    if not manifest.is_file():
        return {}
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    return {s["id"]: s for s in data.get("source", []) if "id" in s}


def written_base(source: dict | None) -> datetime:
    """The document's writing date (the anchor of "last year"), for the baseline."""
    written = str((source or {}).get("written") or "")
    m = re.match(r"^(\d{4})(?:-(\d{2}))?", written)
    if not m:
        return datetime(2021, 5, 1)
    return datetime(int(m.group(1)), int(m.group(2) or 6), 1)


class ExtractorUnavailable(RuntimeError):
    pass


def _import_repo() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def run_system(corpus: Path, manifest: dict[str, dict]) -> list[Pred]:
    """The extractor's mentions as predictions (raises ExtractorUnavailable)."""
    _import_repo()
    try:
        from karabakh_tui.pipeline import corpus_mentions
    except Exception as exc:  # noqa: BLE001 - any import failure means "not available"
        raise ExtractorUnavailable(
            f"cannot import karabakh_tui.pipeline.corpus_mentions: "
            f"{type(exc).__name__}: {exc}") from exc
    files = {sid: s.get("file", sid) for sid, s in manifest.items()}
    preds = []
    for mention in corpus_mentions(corpus):
        sent = mention.sentence
        preds.append(Pred(
            doc=files.get(sent.document, sent.document), line=int(sent.line),
            text=sent.text, lower=int(mention.date.lower), upper=int(mention.date.upper),
            actors=tuple(mention.actors), places=tuple(mention.places),
            context=bool(mention.context),
            date_label=getattr(mention.date, "label", "") or getattr(mention.date, "text", "")))
    return preds


def run_system_sentences(corpus: Path, manifest: dict[str, dict],
                         regions: Sequence[Region]) -> list[Sent] | None:
    """The extractor's own sentences of the annotated sections, when the pipeline
    exposes them (beyond the `corpus_mentions` contract; None otherwise)."""
    _import_repo()
    try:
        from karabakh_tui.corpus.manifest import load_corpus
        from karabakh_tui.pipeline import process_corpus

        results = process_corpus(load_corpus(corpus))
        files = {sid: s.get("file", sid) for sid, s in manifest.items()}
        out = []
        for result in results:
            for s in result.sentences:
                doc = files.get(s.document, s.document)
                if any(r.holds(doc, s.line) for r in regions):
                    out.append(Sent(doc, int(s.line), s.text))
        return out or None
    except Exception:  # noqa: BLE001 - fall back to the evaluator's own splitter
        return None


def run_baseline(sentences: Sequence[Sent], bases: dict[str, datetime]) -> list[Pred]:
    try:
        from dateparser.search import search_dates
    except ImportError as exc:
        raise SystemExit(
            "the baseline needs dateparser (pip install -e '.[bench]'): " + str(exc)) from exc
    preds: list[Pred] = []
    for doc in sorted({s.doc for s in sentences}):
        settings = {"RELATIVE_BASE": bases.get(doc, datetime(2021, 5, 1)),
                    "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        preds += baseline_preds(
            [s for s in sentences if s.doc == doc],
            lambda text, st=settings: search_dates(text, languages=["en"], settings=st))
    return preds


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help="corpus folder with sources.toml (default: seeds)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report")
    ap.add_argument("--baseline-only", action="store_true",
                    help="score only the dateparser baseline (no extractor needed)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the baseline")
    ap.add_argument("--strict", action="store_true",
                    help="exit with status 1 when the system misses a target")
    args = ap.parse_args(argv)
    corpus = args.corpus if args.corpus.is_absolute() else Path.cwd() / args.corpus
    if not corpus.is_dir() and (ROOT / args.corpus).is_dir():
        corpus = ROOT / args.corpus
    if not corpus.is_dir():
        print(f"evaluate: no corpus folder {args.corpus}", file=sys.stderr)
        return 2

    regions, events, traps = load_gold(args.gold)
    manifest = load_manifest(corpus)
    by_file = {s.get("file"): s for s in manifest.values()}
    texts: dict[str, str] = {}
    for doc in sorted({r.doc for r in regions}):
        path = corpus / doc
        if not path.is_file():
            print(f"evaluate: gold document {doc} is not in {corpus}", file=sys.stderr)
            return 2
        texts[doc] = path.read_text(encoding="utf-8")
    footnotes = {doc: footnote_lines(text) for doc, text in texts.items()}

    system: Metrics | None = None
    system_note = ""
    sentences: list[Sent] | None = None
    sentence_source = "the evaluator's own splitter (bench/evaluate.py)"
    if not args.baseline_only:
        t0 = time.perf_counter()
        try:
            preds = run_system(corpus, manifest)
        except ExtractorUnavailable as exc:
            print(f"evaluate: the extractor is not available: {exc}\n"
                  f"evaluate: fix the import, or run with --baseline-only to score only "
                  f"the dateparser baseline.", file=sys.stderr)
            return 2
        system = score(events, traps, regions, preds, footnotes)
        system_note = f"{len(preds)} mentions in {time.perf_counter() - t0:.1f}s"
        sentences = run_system_sentences(corpus, manifest, regions)
        if sentences:
            sentence_source = "the extractor's sentences (karabakh_tui.pipeline)"
    else:
        system_note = "not run (--baseline-only)"

    baseline: Metrics | None = None
    if not args.no_baseline:
        if not sentences:
            sentences = [s for r in regions
                         for s in reading_sentences(r.doc, texts[r.doc], r.first, r.last)]
        bases = {doc: written_base(by_file.get(doc)) for doc in texts}
        baseline = score(events, traps, regions, run_baseline(sentences, bases), footnotes)

    table = render_table(system, baseline, "" if system else system_note, "")
    sections = render_regions(regions, system, baseline)
    notes = (f"Gold: {len(events)} events and {len(traps)} traps in {len(regions)} sections "
             f"({args.gold.name}/). System: {system_note}. Baseline: "
             + (f"dateparser on {len(sentences or [])} sentences from {sentence_source}.\n"
                if baseline else "not run.\n"))
    print(table)
    print(sections)
    print(notes)
    report = ["# Extractor evaluation against the gold set\n\n", notes, "\n", table, "\n",
              sections]
    if system:
        report.append(render_details("System", system))
    if baseline:
        report.append(render_details("Baseline (dateparser)", baseline))
    out = args.out if args.out.is_absolute() else ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(report), encoding="utf-8")
    print(f"report written to {out}")

    if args.strict and system:
        values = {"recall": system.recall, "precision": system.precision,
                  "date_accuracy": system.date_accuracy, "actor_recall": system.actor_recall,
                  "place_recall": system.place_recall,
                  "footnote_events": system.footnote_events}
        if any(v is not None and _verdict(k, v) != " ✓" for k, v in values.items()):
            return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `evaluate.py | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
