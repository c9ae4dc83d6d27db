"""Mentions -> events: the same happening told by several sentences becomes one event.

Conservative by design. Mentions join one event when
- they fit a well-known happening (`data/happenings.toml`: a date window and cue words);
- a sentence's date is inherited from the passage (inferred) and its anchor sentence, in
  the same paragraph, already belongs to an event with that date; or
- their dates are compatible at the coarser precision (the same day, or a coarser date
  containing the finer one), they share a specific place or actor (not just "Armenia")
  and enough content words of their sentences (more for a coarse date).
A mention dated only relative to a happening ("after the Four-Day War") tells what came
after it, not the happening, so it is not gathered there. Anything else stays its own
event; events kept apart that share a time and some words are linked as `related`.
Every citation is kept; disagreements between documents (a different day for a one-day
happening, different numbers of dead or displaced, a different community's name for a
place) are recorded, never resolved by us.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from karabakh_tui.extract.periods import load_periods
from karabakh_tui.model import Citation, DateSpan, Event, Mention, Source

_PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "range": 4, "decade": 5,
                   "century": 6, "millennium": 7}
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = frozenset("""
that this with from were have been which their there they them into when while after before
during about would could should also than then more most some such only other over under
between since until upon against among within without these those being what where whose
armenia armenian armenians azerbaijan azerbaijani azeri azeris karabakh artsakh nagorno
january february march april june july august september october november december
""".split())
"""Words that say nothing about which happening a sentence tells: the date is compared
on its own, and every sentence of the corpus names the two countries."""
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


@lru_cache(maxsize=4096)
def _shift(key: int, days: int) -> int:
    d = date(key // 10000, key // 100 % 100, key % 100)
    return _key(d + timedelta(days=days))


_PLAIN = (("\u2010", "-"), ("\u2011", "-"), ("\u00ad", ""), ("\u00a0", " "))
"""Hyphens and spaces that look alike to a reader ("Four‑Day War" with U+2011); applied
with `str.replace`, many times faster than `str.translate` on non-ASCII text."""


def _plain(text: str) -> str:
    for old, new in _PLAIN:
        if old in text:
            text = text.replace(old, new)
    return text


def fits(h: Happening, m: Mention) -> bool:
    """Does the mention's date fit the happening, and does its sentence name it?

    A date relative to the happening ("after the Four-Day War") dates something else.
    """
    return _fitting((h,), m) is h


def _fitting(known: Sequence[Happening], m: Mention) -> Happening | None:
    """The first happening `m` fits (see `fits`); the sentence is made plain only once,
    when a date fits (this runs for every mention and happening)."""
    d = m.date
    if d.qualifier in ("before", "after"):
        return None
    text = ""
    for h in known:
        if d.precision in h.coarse:
            date_ok = d.lower <= h.lower and h.upper <= d.upper
        else:
            date_ok = (_shift(h.lower, -h.tolerance_days) <= d.lower
                       and d.upper <= _shift(h.upper, h.tolerance_days))
        if date_ok:
            text = text or _plain(m.sentence.text)
            if any(c.search(text) for c in h.cues):
                return h
    return None


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)
    happening: Happening | None = None
    sentences: set[tuple[str, int]] = field(default_factory=set)
    """(document, sentence index) of its mentions: a sentence's second happening at the
    same date (`Mention.clause`) is another event, never joined to its first."""

    def takes(self, m: Mention) -> bool:
        return m.clause is None or (m.sentence.document, m.sentence.index) not in self.sentences


@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w.rstrip("s") for w in _WORD.findall(_plain(text).lower())
                     if w not in _STOP)


_BROAD_KINDS = frozenset({"country", "state", "de-facto-state", "region", "empire"})


@lru_cache(maxsize=1)
def _broad_names() -> frozenset[str]:
    """Countries, states, regions: sharing one says nothing about sharing a happening."""
    from karabakh_tui.extract.gazetteer import load_gazetteer

    return frozenset(e.name for e in load_gazetteer().entries if e.category in _BROAD_KINDS)


def _specific(m: Mention) -> set[str]:
    return (set(m.places) | set(m.actors)) - _broad_names()


def _compatible(a: DateSpan | _Profile, b: DateSpan | _Profile) -> bool:
    """The same day, or the coarser date contains the finer one (years and finer only)."""
    coarse, fine = (a, b) if a.upper - a.lower >= b.upper - b.lower else (b, a)
    if _PRECISION_RANK.get(coarse.precision, 9) > _PRECISION_RANK["year"]:
        return False
    return coarse.lower <= fine.lower and fine.upper <= coarse.upper


def _overlap(a: Mention, b: Mention) -> tuple[int, float]:
    """Shared content words: how many, and as a share of the shorter sentence's."""
    wa, wb = _content_words(a.sentence.text), _content_words(b.sentence.text)
    shared = len(wa & wb)
    return shared, shared / max(1, min(len(wa), len(wb)))


def _generic_match(a: Mention, b: Mention) -> bool:
    """Same happening without a known name: compatible dates, a shared specific actor or
    place and shared words; a date coarser than a day asks for twice the words."""
    return _generic_match_known(a, b, _specific(a), _specific(b))


def _generic_match_known(a: Mention, b: Mention, specific_a: set[str],
                         specific_b: set[str]) -> bool:
    """`_generic_match` with the mentions' specific names already known."""
    if not _compatible(a.date, b.date) or not (specific_a & specific_b):
        return False
    day = a.date.precision == b.date.precision == "day"
    shared, share = _overlap(a, b)
    if day:
        return share >= _GENERIC_MIN_OVERLAP
    return shared >= 3 and share >= 2 * _GENERIC_MIN_OVERLAP


def cluster(mentions: Iterable[Mention],
            happenings: Sequence[Happening] | None = None) -> list[list[Mention]]:
    """Group mentions that tell the same happening (see the module docstring)."""
    return [c.mentions for c in clusters(mentions, happenings)]


def clusters(mentions: Iterable[Mention],
             happenings: Sequence[Happening] | None = None) -> list[_Cluster]:
    """The groups of `cluster`, each with the known happening it was gathered under."""
    gather = _Gatherer(load_happenings() if happenings is None else happenings)
    for m in sorted(mentions, key=lambda m: (m.sentence.document, m.sentence.index,
                                             m.date.start)):
        gather.add(m)
    return gather.found


def _keys(m: Mention, specific: set[str] | None = None) -> list[tuple[int, str]]:
    """(year, specific name) pairs a mention shares with any it may merge with (see
    `_generic_match`); none for a date coarser than a year, never merged generically."""
    d = m.date
    if _PRECISION_RANK.get(d.precision, 9) > _PRECISION_RANK["year"]:
        return []
    names = sorted(_specific(m) if specific is None else specific)
    return [(y, n) for y in range(d.lower // 10000, d.upper // 10000 + 1) for n in names]


@dataclass
class _Gatherer:
    """The state of one `clusters` pass. Mentions of clusters without a known happening
    are indexed by year and specific name (`_keys`), so a mention is compared only with
    those it could match."""

    known: Sequence[Happening]
    found: list[_Cluster] = field(default_factory=list)
    by_happening: dict[str, _Cluster] = field(default_factory=dict)
    anchors: dict[tuple[str, int, int, int], _Cluster] = field(default_factory=dict)
    by_key: dict[tuple[int, str], list[tuple[Mention, set[str], _Cluster]]] = field(
        default_factory=lambda: defaultdict(list))

    def add(self, m: Mention) -> None:
        # a mention's specific names and keys are computed once, not per comparison
        specific = _specific(m)
        keys = _keys(m, specific)
        target = self._place(m, specific, keys)
        target.mentions.append(m)
        target.sentences.add((m.sentence.document, m.sentence.index))
        if target.happening is None:
            for key in keys:
                self.by_key[key].append((m, specific, target))
        if not m.inferred:
            self.anchors[_anchor_key(m)] = target

    def _place(self, m: Mention, specific: set[str], keys: list[tuple[int, str]]) -> _Cluster:
        h = _fitting(self.known, m)
        if h is not None and (h.id not in self.by_happening
                              or self.by_happening[h.id].takes(m)):
            if h.id not in self.by_happening:
                self.by_happening[h.id] = _Cluster(happening=h)
                self.found.append(self.by_happening[h.id])
            return self.by_happening[h.id]
        if m.inferred and _anchor_key(m) in self.anchors:
            return self.anchors[_anchor_key(m)]
        for key in keys:
            for other, other_specific, c in self.by_key.get(key, ()):
                if c.takes(m) and _generic_match_known(m, other, specific, other_specific):
                    return c
        self.found.append(_Cluster())
        return self.found[-1]


def _anchor_key(m: Mention) -> tuple[str, int, int, int]:
    """Where an inferred date's anchor sits: same document, paragraph and date."""
    return (m.sentence.document, m.sentence.paragraph, m.date.lower, m.date.upper)


# ---- events --------------------------------------------------------------------------


def citation_of(mention: Mention, source: Source, footnotes: Mapping[int, str]) -> Citation:
    s = mention.sentence
    return Citation(
        document=s.document, source=source.short or source.id, quote=s.text, line=s.line,
        start=s.start, end=s.end, section=s.section, file=source.file,
        sentence_index=s.index,
        footnotes=tuple(footnotes[n] for n in dict.fromkeys(s.footnotes) if n in footnotes),
        date_text=mention.date.text,
        names=tuple(dict.fromkeys((v[0], v[1], v[2] if len(v) > 2 else "")
                                  for v in mention.place_variants)),
    )


def _dated_here(m: Mention) -> bool:
    """The date's words are in the sentence itself, not inherited from an earlier one."""
    return bool(m.date.text) and m.date.text in m.sentence.text


@lru_cache(maxsize=1)
def _period_names() -> frozenset[str]:
    return frozenset(p.name for p in load_periods())


def _tells_calendar(m: Mention) -> bool:
    """The sentence's own words give its date, and not as a named time ("during the war")."""
    return _dated_here(m) and m.date.label not in _period_names()


def _opens_with_date(m: Mention) -> bool:
    """ "In April 2016, the tensions …": a sentence led by its date tells what happened then."""
    return _dated_here(m) and len(m.sentence.text[:m.date.start].split()) <= 2


def _clearest(ms: Sequence[Mention]) -> Mention:
    """The citation whose title leads the event: its own date, the most precise, in a
    sentence it opens."""
    if len(ms) == 1:  # most events have one citation: no need to weigh it
        return ms[0]
    # "on July 12" with the narrative's year tells the happening itself; "During the July
    # clashes, X reported" tells something else that happened then
    return min(ms, key=lambda m: (m.inferred and not _tells_calendar(m), not _dated_here(m),
                                  not _tells_calendar(m), m.inferred,
                                  _PRECISION_RANK.get(m.date.precision, 9),
                                  not _opens_with_date(m), m.date.upper - m.date.lower,
                                  m.sentence.document, m.sentence.index))


_MONTH_NAME = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
                         r"july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
                         r"dec(?:ember)?)\b", re.I)


def _states_day(m: Mention, days: str) -> bool:
    """The sentence gives a day. One whose year comes from the narrative ("on November
    10") counts only when a known one-day happening vouches for the year (`days` is
    "vouched"); one told relative to another sentence ("the following day") never does."""
    if m.date.precision != "day":
        return False
    return not m.inferred or (days == "vouched" and bool(_MONTH_NAME.search(m.date.text)))


def _day_votes(ms: Sequence[Mention], days: str) -> dict[tuple[int, str, str], set[str]]:
    """Each day the citations give (see `_states_day`), with the documents giving it;
    none when `days` is "ignored": the days of a happening lasting several days are not
    alternatives to each other."""
    votes: dict[tuple[int, str, str], set[str]] = defaultdict(set)
    for m in ms:
        if days != "ignored" and _states_day(m, days):
            votes[(m.date.lower, m.date.label, m.date.edtf)].add(m.sentence.document)
    return votes


def _event_date(ms: Sequence[Mention], days: str = "stated") -> DateSpan:
    """The most precise date the citations support; for a one-day happening the day most
    documents give (the earliest on a tie)."""
    best = _clearest([m for m in ms if not m.inferred] or ms).date
    if days == "ignored":
        return _days_told(ms, best)
    votes = _day_votes(ms, days)
    if votes:
        lower, label, edtf = min(votes, key=lambda k: (-len(votes[k]), k[0]))
        return DateSpan(text=best.text, edtf=edtf, lower=lower, upper=lower,
                        precision="day", label=label)
    return best


def _days_told(ms: Sequence[Mention], best: DateSpan) -> DateSpan:
    """A happening lasting several days: from the first to the last day its citations
    give inside `best` ("on the evening of February 27" ... "order was re-imposed on
    February 29" -> 27-29 February 1988), else `best` itself."""
    told = sorted((m.date for m in ms if _states_day(m, "vouched")
                   and best.lower <= m.date.lower <= m.date.upper <= best.upper),
                  key=lambda d: d.lower)
    if best.precision == "day" or len({d.lower for d in told}) < 2:
        return best
    first, last = told[0], told[-1]
    return DateSpan(text=best.text, edtf=f"{first.edtf.rstrip('~?%')}/{last.edtf.rstrip('~?%')}",
                    lower=first.lower, upper=last.upper, precision="range",
                    label=f"{first.label} – {last.label}")


_COUNT = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\d)(?!%| percent)"
_QUANTITIES = tuple((kind, re.compile(rf"({_COUNT})(?=[^.;:]{{0,50}}?\b(?:{words})\b)", re.I))
                    for kind, words in (
    ("killed", r"killed|dead|deaths?|died|casualties|massacred|murdered|lost their lives"),
    ("displaced", r"displaced|refugees|fled|expelled|deported|homeless")))


def _is_count(text: str, start: int, end: int) -> bool:
    """Not a year, and not a day next to its month ("February 29", "28 February")."""
    number = text[start:end]
    if "," not in number and len(number) == 4 and number[:2] in ("18", "19", "20"):
        return False
    before = text[max(0, start - 12):start].split()
    after = text[end:end + 12].split()
    return not any(_MONTH_NAME.fullmatch(w.strip(",.")) for w in before[-1:] + after[:1])


def quantities(text: str) -> dict[str, tuple[str, ...]]:
    """Numbers of dead and displaced a sentence states ("29 Armenians and 6 Azeris had
    been killed" -> killed: 29, 6); years and days of the month are not counts."""
    plain = _plain(text)
    out: dict[str, tuple[str, ...]] = {}
    for kind, pattern in _QUANTITIES:
        found = [m.group(1) for m in pattern.finditer(plain)
                 if _is_count(plain, m.start(1), m.end(1))]
        if found:
            out[kind] = tuple(dict.fromkeys(found))
    return out


def _side_by_side(field_: str, by_doc: Mapping[str, set[str]], sources: Mapping[str, Source],
                  **extra: str) -> list[dict[str, str]]:
    """What each document says, when at least two documents say different things."""
    if len(by_doc) < 2 or len({v for vs in by_doc.values() for v in vs}) < 2:
        return []
    return [{"field": field_, **extra, "document": doc, "source": sources[doc].short or doc,
             "value": ", ".join(sorted(vs))} for doc, vs in sorted(by_doc.items())]


def disagreements(ms: Sequence[Mention], sources: Mapping[str, Source],
                  days: str = "stated") -> list[dict[str, str]]:
    """What documents say differently about one event: its day, numbers of dead or
    displaced, a place's name. Differences inside one document are not disagreements."""
    if len({m.sentence.document for m in ms}) < 2:
        return []
    said: dict[str, set[str]] = defaultdict(set)
    for (_lower, label, _edtf), docs in _day_votes(ms, days).items():
        for doc in docs:
            said[doc].add(label)
    out = _side_by_side("date", said, sources)
    counts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in ms:
        for kind, numbers in (quantities(m.sentence.text) or {}).items():
            counts[kind][m.sentence.document].update(numbers)
    for kind, by_doc in sorted(counts.items()):
        out += _side_by_side(kind, by_doc, sources)
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in ms:
        for variant in m.place_variants:
            place, surface = variant[0], variant[1]
            community = variant[2] if len(variant) > 2 else ""
            if community in ("armenian", "azerbaijani"):
                names[place][m.sentence.document].add(surface)
    for place, by_doc in sorted(names.items()):
        out += _side_by_side("name", by_doc, sources, place=place)
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


def _days_of(h: Happening | None) -> str:
    """How the days of a cluster count (see `_day_votes`)."""
    if h is None:
        return "stated"
    return "vouched" if h.point else "ignored"


def _build_event(ms: Sequence[Mention], sources: Mapping[str, Source],
                 footnotes: Mapping[str, Mapping[int, str]],
                 happening: Happening | None = None) -> Event:
    days = _days_of(happening)
    d = _event_date(ms, days)
    lead = _clearest(ms)
    lead_doc = lead.sentence.document
    # grouped by document, the clearest citation's document (and that citation) first;
    # a sentence giving two dates of the event is cited once, for its most precise date
    ordered = list(ms) if len(ms) == 1 else sorted(ms, key=lambda m: (
        m.sentence.document != lead_doc, m.sentence.document, m is not lead,
        m.sentence.index, _PRECISION_RANK.get(m.date.precision, 9)))
    once = {(m.sentence.document, m.sentence.index): m for m in reversed(ordered)}
    cites = tuple(citation_of(m, sources[m.sentence.document],
                              footnotes.get(m.sentence.document, {}))
                  for m in ordered if once[(m.sentence.document, m.sentence.index)] is m)
    diffs = disagreements(ms, sources, days)
    return Event(
        id="", date=d.edtf, start=_iso(d.lower, d.precision), end=_iso(d.upper, d.precision),
        lower=d.lower, upper=d.upper, precision=d.precision, label=d.label, title=lead.title,
        actors=_names(ms, "actors"), places=_names(ms, "places"),
        periods=_names(ms, "periods"), inferred=all(m.inferred for m in ms),
        context=all(m.context for m in ms), disputed=bool(diffs),
        disagreements=tuple(diffs), citations=cites,
    )


# ---- related events ------------------------------------------------------------------

_RELATED_MIN_WORDS = 2
_MAX_RELATED = 5


@dataclass(frozen=True)
class _Profile:
    lower: int
    upper: int
    precision: str
    words: frozenset[str]
    specific: frozenset[str]


def _profile(e: Event) -> _Profile:
    words = frozenset().union(*(_content_words(c.quote) for c in e.citations))
    specific = frozenset(set(e.actors) | set(e.places)) - _broad_names()
    return _Profile(e.lower, e.upper, e.precision, words, specific)


def _kinship(a: _Profile, b: _Profile) -> int:
    """How many words two events kept apart share, when they may be one happening told
    twice: compatible dates, a shared specific actor or place, a few shared words; else 0."""
    if not (a.specific & b.specific) or not _compatible(a, b):
        return 0
    shared = len(a.words & b.words)
    return shared if shared >= _RELATED_MIN_WORDS else 0


def relate(events: Sequence[Event]) -> list[Event]:
    """Link each event to up to five others it may be confused with (`Event.related`),
    the closest first."""
    from dataclasses import replace

    out = list(events)
    for i, related in _related(events, [e.id for e in events]).items():
        out[i] = replace(events[i], related=related)
    return out


def _related(events: Sequence[Event], ids: Sequence[str]) -> dict[int, tuple[str, ...]]:
    """`relate`'s links by event index, the events' ids being `ids`."""
    profiles = [_profile(e) for e in events]
    links: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, j in _candidate_pairs(profiles):
        k = _kinship(profiles[i], profiles[j])
        if k:
            links[i].append((k, j))
            links[j].append((k, i))
    return {i: tuple(ids[j] for _k, j in sorted(
        found, key=lambda kj: (-kj[0], ids[kj[1]]))[:_MAX_RELATED])
        for i, found in links.items()}


def _candidate_pairs(profiles: Sequence[_Profile]) -> set[tuple[int, int]]:
    """Pairs of events at most a year wide that share a specific name and overlap in
    time: per name, a sweep over its events sorted by date."""
    year = _PRECISION_RANK["year"]
    by_name: dict[str, list[int]] = defaultdict(list)
    for i in sorted((i for i, p in enumerate(profiles)
                     if _PRECISION_RANK.get(p.precision, 9) <= year),
                    key=lambda i: profiles[i].lower):
        for name in profiles[i].specific:
            by_name[name].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in by_name.values():
        for n, i in enumerate(ids):
            for j in ids[n + 1:]:
                if profiles[j].lower > profiles[i].upper:
                    break
                pairs.add((min(i, j), max(i, j)))
    return pairs


def merge(mentions: Iterable[Mention], sources: Mapping[str, Source],
          footnotes: Mapping[str, Mapping[int, str]],
          happenings: Sequence[Happening] | None = None) -> list[Event]:
    """Events ordered by date, ids E0001…, each with every citation that tells it and
    links to the events it was kept apart from but may be confused with."""
    events = [_build_event(c.mentions, sources, footnotes, c.happening)
              for c in clusters(mentions, happenings)]
    events.sort(key=lambda e: (e.lower, e.upper, e.citations[0].document,
                               e.citations[0].sentence_index, e.title))
    ids = [f"E{n:04d}" for n in range(1, len(events) + 1)]
    related = _related(events, ids)
    # one new Event per event, from its fields (`dataclasses.replace` is several times
    # slower, and ids then links were two replacements: 4 s of a 100x merge, cProfile)
    return [Event(**{**vars(e), "id": ids[i], "related": related.get(i, e.related)})
            for i, e in enumerate(events)]
