"""Mentions -> events: the same happening told by several sentences becomes one event.

Conservative by design. Mentions join one event when
- they fit a well-known happening (`data/happenings.toml`: a date window and cue words);
- a sentence's date is inherited from the passage (inferred) and its anchor sentence, in
  the same paragraph, already belongs to an event with that date; or
- they give the same day and share a specific place or actor and enough content words.
Anything else stays its own event. Every citation is kept; disagreements between
documents (a different day for a one-day happening, a different community's name for a
place) are recorded, never resolved by us.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from karabakh_tui.model import Citation, DateSpan, Event, Mention, Source

_PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "range": 4, "decade": 5,
                   "century": 6, "millennium": 7}
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = frozenset("""
that this with from were have been which their there they them into when while after before
during about would could should also than then more most some such only other over under
between since until upon against among within without these those being what where whose
armenia armenian armenians azerbaijan azerbaijani azeri azeris karabakh artsakh nagorno
""".split())
_GENERIC_MIN_OVERLAP = 0.34


@dataclass(frozen=True)
class Happening:
    """A well-known happening: where mentions of it are gathered."""

    id: str
    name: str
    lower: int
    upper: int
    point: bool
    tolerance_days: int
    coarse: tuple[str, ...]
    cues: tuple[re.Pattern[str], ...]


def _key(d: date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def _window(edtf: str) -> tuple[int, int]:
    first, _, last = edtf.partition("/")
    return int(first.replace("-", "")), int((last or first).replace("-", ""))


@lru_cache(maxsize=1)
def load_happenings() -> tuple[Happening, ...]:
    text = resources.files("karabakh_tui.data").joinpath("happenings.toml").read_text("utf-8")
    out = []
    for h in tomllib.loads(text)["happening"]:
        lower, upper = _window(h["window"])
        out.append(Happening(h["id"], h["name"], lower, upper, bool(h.get("point", False)),
                             int(h.get("tolerance_days", 0)), tuple(h.get("coarse", ())),
                             tuple(re.compile(c, re.I) for c in h["cues"])))
    return tuple(out)


def _shift(key: int, days: int) -> int:
    d = date(key // 10000, key // 100 % 100, key % 100)
    return _key(d + timedelta(days=days))


def fits(h: Happening, m: Mention) -> bool:
    """Does the mention's date fit the happening, and does its sentence name it?"""
    d = m.date
    if d.precision in h.coarse:
        date_ok = d.lower <= h.lower and h.upper <= d.upper
    else:
        date_ok = (_shift(h.lower, -h.tolerance_days) <= d.lower
                   and d.upper <= _shift(h.upper, h.tolerance_days))
    return date_ok and any(c.search(m.sentence.text) for c in h.cues)


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)
    happening: Happening | None = None


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _STOP}


def _generic_match(a: Mention, b: Mention) -> bool:
    if a.date.precision != "day" or (a.date.lower, a.date.upper) != (b.date.lower, b.date.upper):
        return False
    shared = (set(a.places) & set(b.places)) | (set(a.actors) & set(b.actors))
    wa, wb = _content_words(a.sentence.text), _content_words(b.sentence.text)
    overlap = len(wa & wb) / max(1, min(len(wa), len(wb)))
    return bool(shared) and overlap >= _GENERIC_MIN_OVERLAP


def cluster(mentions: Iterable[Mention],
            happenings: Sequence[Happening] | None = None) -> list[list[Mention]]:
    """Group mentions that tell the same happening (see the module docstring)."""
    known = load_happenings() if happenings is None else happenings
    clusters: list[_Cluster] = []
    by_happening: dict[str, _Cluster] = {}
    anchors: dict[tuple[str, int, int, int], _Cluster] = {}
    by_day: dict[tuple[int, int], dict[int, _Cluster]] = defaultdict(dict)
    position: dict[int, int] = {}  # id(cluster) -> its index in `clusters`
    ordered = sorted(mentions, key=lambda m: (m.sentence.document, m.sentence.index,
                                              m.date.start))
    for m in ordered:
        target = _place(m, known, by_happening, anchors, clusters, by_day)
        target.mentions.append(m)
        if len(clusters) > len(position):  # `_place` creates at most one cluster
            position[id(clusters[-1])] = len(clusters) - 1
        if target.happening is None and m.date.precision == "day":
            by_day[(m.date.lower, m.date.upper)][position[id(target)]] = target
        if not m.inferred:
            anchors[(m.sentence.document, m.sentence.paragraph, m.date.lower, m.date.upper)] \
                = target
    return [c.mentions for c in clusters]


def _place(m: Mention, known: Sequence[Happening], by_happening: dict[str, _Cluster],
           anchors: dict[tuple[str, int, int, int], _Cluster],
           clusters: list[_Cluster],
           by_day: dict[tuple[int, int], dict[int, _Cluster]]) -> _Cluster:
    h = next((h for h in known if fits(h, m)), None)
    if h is not None:
        if h.id not in by_happening:
            by_happening[h.id] = _Cluster(happening=h)
            clusters.append(by_happening[h.id])
        return by_happening[h.id]
    key = (m.sentence.document, m.sentence.paragraph, m.date.lower, m.date.upper)
    if m.inferred and key in anchors:
        return anchors[key]
    # only a day-dated mention with the same bounds can match (`_generic_match`), so look
    # only at clusters holding one, in creation order: linear, not quadratic, at 100x
    if m.date.precision == "day":
        for _index, c in sorted(by_day.get((m.date.lower, m.date.upper), {}).items()):
            if any(_generic_match(m, other) for other in c.mentions):
                return c
    clusters.append(_Cluster())
    return clusters[-1]


# ---- events --------------------------------------------------------------------------


def citation_of(mention: Mention, source: Source, footnotes: Mapping[int, str]) -> Citation:
    s = mention.sentence
    return Citation(
        document=s.document, source=source.short or source.id, quote=s.text, line=s.line,
        start=s.start, end=s.end, section=s.section, file=source.file,
        sentence_index=s.index,
        footnotes=tuple(footnotes[n] for n in dict.fromkeys(s.footnotes) if n in footnotes),
        date_text=mention.date.text,
    )


def _clearest(ms: Sequence[Mention]) -> Mention:
    return min(ms, key=lambda m: (m.inferred, _PRECISION_RANK.get(m.date.precision, 9),
                                  m.date.upper - m.date.lower, m.sentence.document,
                                  m.sentence.index))


def _event_date(ms: Sequence[Mention]) -> DateSpan:
    """The most precise date the citations support; for a one-day happening the day most
    cited (the earliest on a tie)."""
    best = _clearest([m for m in ms if not m.inferred] or ms).date
    days = Counter((m.date.lower, m.date.label, m.date.edtf) for m in ms
                   if m.date.precision == "day" and not m.inferred)
    if days:
        (lower, label, edtf), _ = min(days.items(), key=lambda kv: (-kv[1], kv[0][0]))
        return DateSpan(text=best.text, edtf=edtf, lower=lower, upper=lower,
                        precision="day", label=label)
    return best


def disagreements(ms: Sequence[Mention], sources: Mapping[str, Source]) -> list[dict[str, str]]:
    """What documents say differently about one event: its day, or a place's name."""
    out: list[dict[str, str]] = []
    days: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        if m.date.precision == "day" and not m.inferred:
            days[m.sentence.document].add(m.date.label)
    if len({d for ds in days.values() for d in ds}) > 1 and len(days) > 1:
        out += [{"field": "date", "document": doc, "source": sources[doc].short,
                 "value": ", ".join(sorted(ds))} for doc, ds in sorted(days.items())]
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in ms:
        for variant in m.place_variants:
            place, surface = variant[0], variant[1]
            community = variant[2] if len(variant) > 2 else ""
            if community in ("armenian", "azerbaijani"):
                names[place][m.sentence.document].add(surface)
    for place, by_doc in sorted(names.items()):
        if len({s for ss in by_doc.values() for s in ss}) > 1 and len(by_doc) > 1:
            out += [{"field": "name", "place": place, "document": doc,
                     "source": sources[doc].short, "value": ", ".join(sorted(ss))}
                    for doc, ss in sorted(by_doc.items())]
    return out


def _names(ms: Sequence[Mention], attr: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for m in ms for v in getattr(m, attr)))


def _iso(key: int, precision: str) -> str:
    year, month, day = key // 10000, key // 100 % 100, key % 100  # floor division: BCE too
    y = f"-{abs(year):04d}" if year < 0 else f"{year:04d}"
    if precision == "day":
        return f"{y}-{month:02d}-{day:02d}"
    if precision in ("month", "season"):
        return f"{y}-{month:02d}"
    return y


def _build_event(ms: Sequence[Mention], sources: Mapping[str, Source],
                 footnotes: Mapping[str, Mapping[int, str]]) -> Event:
    d = _event_date(ms)
    lead = _clearest(ms)
    ordered = sorted(ms, key=lambda m: (m is not lead, m.sentence.document, m.sentence.index))
    cites = tuple(dict.fromkeys(
        citation_of(m, sources[m.sentence.document], footnotes.get(m.sentence.document, {}))
        for m in ordered))
    diffs = disagreements(ms, sources)
    return Event(
        id="", date=d.edtf, start=_iso(d.lower, d.precision), end=_iso(d.upper, d.precision),
        lower=d.lower, upper=d.upper, precision=d.precision, label=d.label, title=lead.title,
        actors=_names(ms, "actors"), places=_names(ms, "places"),
        periods=_names(ms, "periods"), inferred=all(m.inferred for m in ms),
        context=all(m.context for m in ms), disputed=bool(diffs),
        disagreements=tuple(diffs), citations=cites,
    )


def merge(mentions: Iterable[Mention], sources: Mapping[str, Source],
          footnotes: Mapping[str, Mapping[int, str]]) -> list[Event]:
    """Events ordered by date, ids E0001…, each with every citation that tells it."""
    from dataclasses import replace

    events = [_build_event(ms, sources, footnotes) for ms in cluster(mentions)]
    events.sort(key=lambda e: (e.lower, e.upper, e.citations[0].document,
                               e.citations[0].sentence_index, e.title))
    return [replace(e, id=f"E{n:04d}") for n, e in enumerate(events, 1)]
