"""The temporal tagger: English date expressions in a sentence -> EDTF spans (pure).

Recognises, longest match first: full dates in their usual English forms, day and month
ranges, month-year, seasons, early/mid/late qualifiers, B.C./A.D. years, decades,
centuries and millennia, year ranges, bare years in date context, dates whose year comes
from the narrative ("on September 27" in the 2020 chapter), dates relative to the
narrative ("three days later", "the following year") or to the document's writing date
("last year"), and named happenings used as time references ("after the Velvet
Revolution"). Years are astronomical (1 BCE = 0, 200 BCE = -199), kept as integers
because `datetime` cannot hold BCE; sort keys are ``year * 10000 + month * 100 + day``.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from karabakh_tui.model import DateSpan

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
             "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
             "nineteenth twentieth").split()
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_SEASONS = {"spring": (3, 5, 21), "summer": (6, 8, 22), "autumn": (9, 11, 23),
            "fall": (9, 11, 23), "winter": (12, 14, 24)}

# ---- regular-expression vocabulary ---------------------------------------------------

_M = (r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|"
      r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_D = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{n}>\d{{3,4}})(?![\d,.]\d)"
_PART_OF = (r"the\s+(?:beginning|start|middle|end)\s+of|"
            r"the\s+(?:first|opening|last|final|closing)\s+(?:few\s+)?(?:days|weeks?)\s+of")
_Q = r"(?:(?P<{n}>early|mid|late|" + _PART_OF + r")[\s\-‐‑]+(?:of\s+)?(?:the\s+)?)?"
_ORD = (r"(?P<{n}>(?:twenty-)?(?:" + "|".join(_ORDINALS) + r")|\d{{1,2}}(?:st|nd|rd|th))")
_ERA = r"(?-i:(?P<{n}>B\.\s?C(?:\.(?:E\.)?)?|BCE|BC|A\.\s?D\.?|AD|CE))(?![A-Za-z])"
_SEASON = r"(?P<{n}>spring|summer|autumn|fall|winter)"


def _f(template: str, **names: str) -> str:
    """Fill the named groups of `template` with the vocabulary above."""
    return template.format(**{k: v.format(n=k) for k, v in names.items()})


# ---- cues: what a sentence must show for a pattern to have a chance -------------------
# Each pattern below names its cues, and `find_dates` runs it only on a sentence showing
# all of them: a few substring tests instead of 29 regex scans, and most sentences carry
# no date at all. A cue must hold wherever its pattern matches: words are looked for in the
# folded text, the way the patterns' re.I reads letters; digits and the case-sensitive era
# in the raw text. tests/unit/test_dates_cues.py checks every pattern on every seed
# sentence and on crafted ones against its cues, and `_prefilter=False` runs all patterns.
# Cues are tested left to right, each at most once a sentence: the rarer first where the
# other one is not needed anyway ("3digits season": seasons are looked for only then).

_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The non-ASCII letters re.I matches to ASCII ones (İ, ı, long s, the Kelvin sign)."""
_UNFOLDED = re.compile("[\u0130\u0131\u017f\u212a]")


def _fold(text: str) -> str:
    """Lower case, with every letter re.I takes for an ASCII one turned into it
    (`translate` is slow, and these letters are rare)."""
    if text.isascii() or not _UNFOLDED.search(text):
        return text.lower()
    return text.translate(_FOLD).lower()


class _Cue(NamedTuple):
    """A search that must find something for a pattern to have a chance, in the folded
    text (words) or in the raw one (digits, the case-sensitive era)."""

    folded: bool
    search: Callable[[str], re.Match[str] | None]


def _words(*words: str) -> _Cue:
    """Any of `words` in the folded text. One branch per first letter: the regex engine
    then tries one branch at a position, not all (twice as fast for the months)."""
    return _Cue(True, re.compile(_any_word(words)).search)


def _any_word(words: Sequence[str]) -> str:
    """A regex matching any of `words`, literally."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


def _raw(pattern: str) -> _Cue:
    return _Cue(False, re.compile(pattern).search)


def _shows(cue: str, text: str, folded: str) -> bool:
    test = _CUES[cue]
    return test.search(folded if test.folded else text) is not None


_CUES: dict[str, _Cue] = {
    "digit": _raw(r"\d"),
    "3digits": _raw(r"\d\d\d"),
    "month": _words(*MONTHS, *(f"{abbr}." for abbr in _MONTH_ABBR)),
    "season": _words(*_SEASONS),
    "months": _words("months"),
    "part": _words("early", "mid", "late", "beginning", "start", "end", "first", "opening",
                   "last", "final", "closing"),
    "year|month": _words("year", "month"),
    "centuries": _words("centuries"),
    "century": _words("century"),
    "millenni": _words("millenni"),
    "0s": _words("0s", "0's", "0’s"),
    "era": _raw(r"BC|AD|CE|B\.|A\."),
    "about": _words("c.", "ca.", "circa", "around", "about", "approximately"),
    "unit": _words("day", "week", "month", "year", "morning", "evening", "night"),
    "direction": _words("later", "after", "earlier", "before", "following", "next",
                        "previous", "preceding", "same", "within"),
    "last|this": _words("last", "this", "past"),
    "unit|season": _words("year", "month", *_SEASONS),
    "rest": _words("rest"),
}


class _Pattern(NamedTuple):
    kind: str
    cues: tuple[str, ...]
    regex: re.Pattern[str]


def _table(*rows: tuple[str, str, str]) -> list[_Pattern]:
    """(kind, its cues separated by spaces, the regex) -> the patterns, compiled once."""
    unknown = {cue for _kind, cues, _rx in rows for cue in cues.split()} - _CUES.keys()
    if unknown:
        raise ValueError(f"patterns name unknown cues: {sorted(unknown)}")
    return [_Pattern(kind, tuple(cues.split()), re.compile(rx, re.I)) for kind, cues, rx in rows]


_PATTERNS = _table(
    ("day_range", "month 3digits",
     _f(r"\b{m}\s+{d1}\s*[-–‐‑]\s*{d2},?\s+{y}\b", m=_M, d1=_D, d2=_D, y=_Y)),
    ("day_range", "month 3digits",
     _f(r"\b{d1}\s*[-–‐‑]\s*{d2}\s+(?:of\s+)?{m},?\s+{y}\b", m=_M, d1=_D, d2=_D, y=_Y)),
    ("cross_range", "month 3digits",
     _f(r"\b{d1}\s+{m1}\s*[-–‐‑]\s*{d2}\s+{m2},?\s+{y}\b", m1=_M, d1=_D, m2=_M, d2=_D, y=_Y)),
    ("cross_range", "month 3digits",
     _f(r"\b{m1}\s+{d1}\s*[-–‐‑]\s*{m2}\s+{d2},?\s+{y}\b", m1=_M, d1=_D, m2=_M, d2=_D, y=_Y)),
    ("mdy", "month 3digits", _f(r"\b{m}\s+{d}(?!\d),?\s+\[?{y}\b\]?", m=_M, d=_D, y=_Y)),
    ("dmy", "month 3digits", _f(r"\b{d}\s+(?:of\s+)?{m},?\s+\[?{y}\b\]?", m=_M, d=_D, y=_Y)),
    ("md_range", "month digit",
     _f(r"\b(?:between\s+)?{m}\s+{d1}\s*(?:[-–‐‑]|and|to)\s*{d2}\b(?!,?\s+\d)",
        m=_M, d1=_D, d2=_D)),
    ("md_range", "month digit",
     _f(r"\b{d1}\s*[-–‐‑]\s*{d2}\s+(?:of\s+)?{m}\b(?!,?\s+\d)", m=_M, d1=_D, d2=_D)),
    ("md", "month digit", _f(r"\b{m}\s+{d}\b(?!\s*[-–:,]?\s*\d)", m=_M, d=_D)),
    ("dm", "month digit", _f(r"\b{d}\s+(?:of\s+)?{m}\b", m=_M, d=_D)),
    ("winters", "3digits season",
     r"\b(?P<s>winter)s?\s+of\s+(?P<y1>1\d{3}|20\d{2})\s*[-–‐‑/]\s*(?P<e1>\d{2}(?:\d{2})?)"
     r"(?:,?\s+(?:and|&)\s+(?P<y2>1\d{3}|20\d{2})\s*[-–‐‑/]\s*(?P<e2>\d{2}(?:\d{2})?))?\b"),
    ("season_pair", "3digits season",
     _f(r"\b{q1}{s1}\s+and\s+{q2}{s2}\s+of\s+{y}\b", q1=_Q, s1=_SEASON, q2=_Q, s2=_SEASON,
        y=_Y)),
    ("season_year", "3digits season", _f(r"\b{q}{s}(?:\s+of)?\s+{y}\b", q=_Q, s=_SEASON, y=_Y)),
    ("month_pair", "month 3digits",
     _f(r"\b{m1}(?:\s+(?:and|to|through)\s+|\s*[-–‐‑]\s*){m2},?\s+{y}\b", m1=_M, m2=_M,
        y=_Y)),
    ("month_year", "month 3digits", _f(r"\b{q}{m}(?:\s+of)?,?\s+\[?{y}\b\]?", q=_Q, m=_M, y=_Y)),
    ("year_part", "months 3digits",
     r"\b(?:the\s+)?(?P<q>early|first|last|final|closing|late)\s+months\s+of\s+"
     r"(?P<y>1\d{3}|20\d{2})\b"),
    ("year_end", "year|month part",
     r"\b(?:the\s+)?(?P<w>end|beginning|start|middle)\s+of\s+the\s+(?P<u>year|month)\b"),
    ("century_pair", "centuries",
     _f(r"\b{o1}\s+(?:and|to|through)\s+(?:the\s+)?{o2}\s+centuries(?:\s+{era})?",
        o1=_ORD, o2=_ORD, era=_ERA)),
    ("century", "century", _f(r"\b{q}{o}[\s\-‐‑]+century(?:\s+{era})?", q=_Q, o=_ORD, era=_ERA)),
    ("millennium", "millenni",
     _f(r"\b{q}{o}[\s\-‐‑]+millenni(?:um|a)(?:\s+{era})?", q=_Q, o=_ORD, era=_ERA)),
    ("decade", "0s 3digits",
     r"\b(?:(?P<q>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s\-‐‑]+)?"
     r"(?:the\s+)?(?<![-\w])(?P<y>\d{2,3}0)[’']?s\b"),
    ("era_year", "era digit",
     _f(r"(?P<c>\b(?:c\.|ca\.|circa|around|about)\s*)?\b(?P<y>\d{{1,4}})\s*{era}", era=_ERA)),
    ("ad_year", "era digit", r"(?-i:\b(?:A\.\s?D\.|AD))\s+(?P<y>\d{1,4})\b"),
    ("year_range", "3digits",
     r"\b(?P<y1>1\d{3}|20\d{2})\s*[-–‐‑]\s*(?P<y2>\d{2}(?:\d{2})?)\b(?![-–‐‑]\d)"),
    ("year_q", "3digits part", _f(r"\b(?P<q>early|mid|late)[\s\-‐‑]+{y}\b", y=_Y)),
    ("year_rest", "3digits rest", _f(r"\bthe\s+rest\s+of\s+{y}\b", y=_Y)),
    ("month_q", "month part",
     _f(r"\b(?P<q>early|mid|late|" + _PART_OF + r")[\s\-‐‑]+{m}\b", m=_M)),
    ("approx_year", "3digits about",
     r"\b(?P<c>c\.|ca\.|circa|around|about|approximately)\s*(?P<y>1\d{3}|20\d{2})\b"
     r"(?![\d,.]\d|\s*(?:%|percent))"),
    ("year", "3digits",
     r"(?<![\d,.$£€#/‐‑-])\b(?P<y>1\d{3}|20\d{2})\b(?![\d‐‑-]|[.,]\d|\s*%)"),
    ("short_year", "3digits",
     r"\b(?P<p>in|by|until|till|after|before|since)\s+(?P<y>[1-9]\d{2})\b"
     r"(?![\d,.]\d|\s*%|\s+(?:of\b|[a-z]+s\b))"),
    ("month", "month",
     _f(r"\b(?P<p>in|by|since|until|till|during|from|through|that|last|this|"
        r"next|early|late|mid|of|on|the|their|its)[\s\-‐‑]+{m}\b(?!\s+\d)", m=_M)),
    ("relative", "unit direction",
     r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
     r"eleven|twelve|several|a\s+few|\d{1,2})\s+(?P<u>day|week|month|year)s?\s+"
     r"(?P<dir>later|earlier|afterwards|(?:after|before)(?![ \t]+\w))"
     r"(?!\s+(?:the|his|her|its|their|(?-i:[A-Z])))"
     r"|(?:the\s+)?(?P<w>following|next|previous|preceding|same)\s+"
     r"(?P<u2>day|morning|evening|night|week|month|year)"
     r"|(?:within|(?:over|in|during)\s+the\s+(?:next|following))\s+"
     r"(?P<n3>a|one|two|three|four|five|six|seven|\d{1,2})\s+"
     r"(?P<u3>day|week|month)s?"
     r"|(?-i:[Tt]he)\s+(?:day|morning|evening|night)\s+(?P<w4>after|before)"
     r"|after\s+(?P<n5>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
     r"(?P<u5>day|week|month)s?(?=,))\b"),
    ("written_relative", "last|this unit|season",
     r"\b(?P<w>last|this|past)\s+(?P<u>year|month|fall|autumn|spring|"
     r"summer|winter)\b(?!\s+(?:of|'s))"),
)

_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:people|persons|soldiers|troops|men|women|children|km|kilometers|kilometres|"
    r"miles|meters|metres|square|tanks|casualties|deaths|dead|refugees|dollars|years|days|"
    r"families|villages|residents|households|hectares|votes|feet|cases|units|pages?)\b", re.I)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:resolution|resolutions|no\.|nos\.|article|articles|page|pages|p\.|pp\.|chapter|"
    r"protocol|number|flight|route|vol\.|volume|section|paragraph|over|nearly|almost|"
    r"than|some|of\s+about|killing|killed)\s*|(?-i:\b[A-Z]{2,}\s))$", re.I)
_WORK_BEFORE = re.compile(
    r"\b(?:book|memoir|memoirs|report|study|article|novel|film|documentary|essay|diary)\s+"
    r"[*_“\"]?[A-Z][^()]{0,60}\(\s*$")
"""A year in brackets after the title of a work ("his memoir Azerbaijan Diary (1998)") is
when it was published, a citation, not a happening."""
_CITATION_BEFORE = re.compile(r"(?:[”\"]\s*[*_]?[A-Z][^.]{0,60}[*_]?[.,]\s*|\(\s*)$")

# ---- the context a sentence is read in -----------------------------------------------


@dataclass(frozen=True)
class NamedTime:
    """A named happening that can stand for a time ("after the Velvet Revolution")."""

    name: str
    aliases: tuple[str, ...]
    edtf: str
    lower: int
    upper: int


_FLASHBACK = re.compile(
    r"\bas\s+early\s+as\b|\b(?:dated|dates|date|went|goes|go)\s+back\s+to\b|\bhad\s+(?:not\s+|already\s+|long\s+)?(?:been|[a-z]+(?:ed|en|wn|ght))\b",
    re.I)
"""A past perfect or "as early as": the sentence looks back ("this had been the goal
throughout the war: 'As early as the winter of 1991 ...'"), and the narrative's time
stays where it was, as in narrative-mode temporal taggers."""


@dataclass(frozen=True)
class DateContext:
    """What the reader knows when reaching a sentence: when the document was written,
    the narrative's current date (year, month, day; 0 where unknown), named times."""

    written: str | None = None
    narrative: tuple[int, int, int] | None = None
    periods: tuple[NamedTime, ...] = ()
    named_year: int | None = None
    """The last year a sentence wrote out, the one "that year" refers to."""
    guessed: bool = False
    """The narrative's year came from the writing date ("9 November" in an essay of May
    2021 is 2020), not from the text: the next date without a year is read against the
    writing date too ("9th May" is then 2021, not May of the guessed 2020)."""

    def advance(self, spans: Sequence[DateSpan], text: str = "",
                new_paragraph: bool = True) -> DateContext:
        written = [s for s in spans if not s.inferred and s.precision in _HAS_YEAR]
        moved = self._advance(spans, text, new_paragraph)
        if written:
            return replace(moved, named_year=split_key(written[-1].upper)[0])
        return moved

    def _advance(self, spans: Sequence[DateSpan], text: str,
                 new_paragraph: bool) -> DateContext:
        """The context after a sentence `text` with `spans`.

        The last dated span of the sentence at day, month or season precision becomes
        the anchor (one whose year was itself inferred keeps the anchor's year). A bare
        year moves the anchor only when it opens the sentence ("In 1994, ..."): a year
        later in a sentence is far more often a flashback or a modifier ("declaring in
        2019 that ...", "the 2008 Convention") than a move of the narrative. Inside a
        paragraph, an opening year that goes back in time from a month or day anchor is
        a flashback too ("On October 6 ... In 2019, Armenia broke with Russia ...
        On October 17 ..."): the narrative resumes after it, so the anchor stays.
        """
        if _looks_ahead(text):
            return self
        for span in anchor_order(spans, text):
            if span.qualifier in ("before", "after", "citation", "approximate") or \
                    in_aside(text, span.start, span.end):
                continue
            year, month, day = split_key(span.lower)
            if span.precision in ("day", "month", "season"):
                if self._fine_after(year) and _FLASHBACK.search(text):
                    continue
                if span.precision != "day":
                    day = 0
                guessed = span.inferred and (self.narrative is None or self.guessed)
                return replace(self, narrative=(year, month, day), guessed=guessed)
            if span.precision == "range" and year == split_key(span.upper)[0] and \
                    _MONTH_WORD.search(span.text):
                # "from July through the end of September" (004 line 1707): its year and
                # first month, as "July" alone would have set
                if self._fine_after(year) and _FLASHBACK.search(text):
                    continue
                guessed = span.inferred and (self.narrative is None or self.guessed)
                return replace(self, narrative=(year, month, 0), guessed=guessed)
            if span.precision == "year" and _NEXT_YEAR.fullmatch(span.text.strip()):
                # "a promising new format emerged the following year. On April 1, ..."
                return replace(self, narrative=(year, 0, 0), guessed=self.guessed)
            if span.precision == "year" and not span.inferred and _opens(text, span):
                if not new_paragraph and self._fine_after(year):
                    return self
                return replace(self, narrative=(year, 0, 0), guessed=False)
        return self

    def _fine_after(self, year: int) -> bool:
        """The anchor is a month or day of a later year than `year`."""
        return bool(self.narrative and self.narrative[1] and self.narrative[0] > year)

    @property
    def written_ymd(self) -> tuple[int, int] | None:
        if not self.written:
            return None
        year, _, month = self.written.partition("-")
        return int(year), int(month) if month else 0


_HAS_YEAR = frozenset({"day", "month", "season", "year"})
_THAT_YEAR = re.compile(r"\s+of\s+(?:that|the\s+same)\s+year\b", re.I)
_YEAR_WORD = re.compile(r"\b(1\d{3}|20\d{2})\b")


def _that_year(m: re.Match[str], text: str, ctx: DateContext) -> tuple[int, int] | None:
    """ "In 1905 ... in May of that year": the year last written out, in this sentence
    or before it, with the end of the words "of that year"."""
    after = _THAT_YEAR.match(text, m.end())
    if after is None:
        return None
    earlier = _YEAR_WORD.findall(text, 0, m.start())
    year = int(earlier[-1]) if earlier else ctx.named_year
    return (year, after.end()) if year else None


_LOOKS_AHEAD = re.compile(
    r"\bwould\s+(?:later\s+|eventually\s+|soon\s+)?(?:be\s+)?[a-z]+(?:ed|en)\b|"
                          r"\bwould\s+(?:later|eventually)\b", re.I)
"""The narrative's future in the past, in the passive or with "later" ("The committee
would be dissolved the following year, ... on December 1, 1989"): a look ahead, after
which the story resumes where it was, so its dates do not move the anchor. (Every
"would" is too many: "would continue", "would impose" also narrate in order.)"""


_NEXT_YEAR = re.compile(r"(?:the\s+)?(?:following|next|ensuing|subsequent)\s+year", re.I)
_IN_A_CLAUSE = re.compile(r"\b(?:that|who|which|whom|whose|whereby)\b(?:\s+[\w’'-]+){0,2}\s*$",
                         re.I)


def _looks_ahead(text: str) -> bool:
    """A main clause's "would be recognized": not one inside a relative clause ("proposed
    a ‘common state’ solution under which Artsakh would be recognized", 004 line 2287),
    which tells what the happening was, not a later time."""
    return any(not _IN_A_CLAUSE.search(text, 0, m.start()) for m in _LOOKS_AHEAD.finditer(text))


def anchor_order(spans: Sequence[DateSpan], text: str) -> list[DateSpan]:
    """Spans in the order they may anchor the narrative: the last first, where the
    narrative has got to, except that a later span going back in time is an aside
    ("On April 22, Sargsyan met ... the lesson of 1 March 2008") and comes after; so
    does a span set off between dashes or in parentheses when another is not ("dated
    back to March 1992, when the Conference ...—renamed the ... (OSCE) in December
    1994—inducted ...", 004 line 1897): the aside looks ahead or back, the narrative
    stays at the date of the main clause."""
    ordered = list(reversed(spans))
    latest = [max((t.lower for t in spans[:i]), default=span.lower)
              for i, span in enumerate(spans)]
    back = {id(span) for span, top in zip(spans, latest, strict=True)
            if span.precision in ("day", "month", "season") and span.lower < top
            and not span.inferred}
    aside = {id(span) for span in spans if in_aside(text, span.start, span.end)}
    if len(aside) == len(spans):
        aside = set()
    return ([sp for sp in ordered if id(sp) not in back and id(sp) not in aside]
            + [sp for sp in ordered if id(sp) in back and id(sp) not in aside]
            + [sp for sp in ordered if id(sp) in aside])


def in_aside(text: str, start: int, end: int) -> bool:
    """The words at `start:end` stand in an aside: between a pair of em dashes or inside
    brackets ("the Conference on Security and Co-operation in Europe—renamed the ... OSCE
    in December 1994—inducted the newly independent states", 004 line 1897). An aside
    tells about a noun of the sentence, not where its story has got to."""
    if text.count("(", 0, start) > text.count(")", 0, start) and ")" in text[end:]:
        return True
    return text.count("—", 0, start) % 2 == 1 and "—" in text[end:]


_ASIDE = re.compile(r"—[^—]*(?:—|$)|\([^()]*\)")


def outside_asides(text: str) -> str:
    """The sentence without its asides: what stands between em dashes, after a last em
    dash, or in brackets ("the attack killed one civilian and injured four more—the
    latter number later rising to 32", 004 line 3047: "later" tells about the count)."""
    return _ASIDE.sub(" ", text)


_OPENING = re.compile(r"^(?:[\W_]*\w+,?\s+){0,4}$")


def _opens(text: str, span: DateSpan) -> bool:
    """The span stands among the first words of its sentence ("In early 1994, ...")."""
    return bool(_OPENING.match(text[:span.start]))


# ---- keys, EDTF and labels -------------------------------------------------------------


def key(year: int, month: int = 1, day: int = 1) -> int:
    return year * 10000 + month * 100 + day


def split_key(value: int) -> tuple[int, int, int]:
    """(year, month, day) of a sort key; floor division keeps BCE years right."""
    year, rest = divmod(value, 10000)
    return year, rest // 100, rest % 100


def last_day(year: int, month: int) -> int:
    if 1 <= year <= 9999:
        return calendar.monthrange(year, month)[1]
    return (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def edtf_year(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def year_label(year: int) -> str:
    """Astronomical year -> how people write it: 1988, 370, 200 BCE."""
    return f"{1 - year} BCE" if year <= 0 else str(year)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _span(text: str, start: int, end: int, lo: tuple[int, int, int], hi: tuple[int, int, int],
          precision: str, edtf: str, label: str, qualifier: str = "",
          inferred: bool = False) -> DateSpan:
    return DateSpan(text=text, edtf=edtf, lower=key(*lo), upper=key(*hi), precision=precision,
                    label=label, qualifier=qualifier, start=start, end=end, inferred=inferred)


def day_span(y: int, m: int, d: int, text: str = "", start: int = 0, end: int = 0,
             inferred: bool = False) -> DateSpan:
    return _span(text, start, end, (y, m, d), (y, m, d), "day",
                 f"{edtf_year(y)}-{m:02d}-{d:02d}", f"{d} {MONTH_NAMES[m - 1]} {year_label(y)}",
                 inferred=inferred)


def month_span(y: int, m: int, text: str = "", start: int = 0, end: int = 0,
               inferred: bool = False) -> DateSpan:
    return _span(text, start, end, (y, m, 1), (y, m, last_day(y, m)), "month",
                 f"{edtf_year(y)}-{m:02d}", f"{MONTH_NAMES[m - 1]} {year_label(y)}",
                 inferred=inferred)


def year_span(y: int, text: str = "", start: int = 0, end: int = 0, inferred: bool = False,
              qualifier: str = "") -> DateSpan:
    edtf, label = edtf_year(y), year_label(y)
    if qualifier == "approximate":
        edtf, label = edtf + "~", f"c. {label}"
    return _span(text, start, end, (y, 1, 1), (y, 12, 31), "year", edtf, label, qualifier,
                 inferred)


def range_span(lo: DateSpan, hi: DateSpan, text: str, start: int, end: int) -> DateSpan:
    """From the start of `lo` to the end of `hi`."""
    same = lo.label == hi.label
    edtf = lo.edtf if same else f"{_bare(lo.edtf, 0)}/{_bare(hi.edtf, -1)}"
    return DateSpan(text=text, edtf=edtf,
                    lower=lo.lower, upper=hi.upper, precision=lo.precision if same else "range",
                    label=lo.label if same else f"{lo.label} – {hi.label}",
                    start=start, end=end, inferred=lo.inferred or hi.inferred)


def _bare(edtf: str, side: int) -> str:
    """One end (`side` 0 or -1) of an interval, without a qualifier: "0301/0400" (the 4th
    century) joined to "1994" gives "0301/1994", not "0301/0400/1994"."""
    return edtf.split("/")[side].rstrip("~?%")


def _between(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int, label: str,
             text: str, start: int, end: int, qualifier: str = "",
             inferred: bool = False) -> DateSpan:
    edtf = (f"{edtf_year(y1)}-{m1:02d}-{d1:02d}/{edtf_year(y2)}-{m2:02d}-{d2:02d}"
            if (m1, d1, m2, d2) != (1, 1, 12, 31) else f"{edtf_year(y1)}/{edtf_year(y2)}")
    if (y1, m1) == (y2, m2) and (d1, d2) == (1, last_day(y2, m2)):
        edtf = f"{edtf_year(y1)}-{m1:02d}"
    elif (d1, d2) == (1, last_day(y2, m2)) and (m1, m2) != (1, 12):
        edtf = f"{edtf_year(y1)}-{m1:02d}/{edtf_year(y2)}-{m2:02d}"
    return _span(text, start, end, (y1, m1, d1), (y2, m2, d2), "range", edtf, label,
                 qualifier, inferred)


# ---- the tagger ------------------------------------------------------------------------


def find_dates(text: str, ctx: DateContext | None = None, *,
               _prefilter: bool = True) -> list[DateSpan]:
    """Every date expression in `text`, left to right, longest match winning.

    `_prefilter=False` runs every pattern, cued or not: the reference the cues are
    tested against (the result must be the same)."""
    ctx = ctx or DateContext()
    taken: list[tuple[int, int]] = []
    spans: list[DateSpan] = []
    relative: dict[int, re.Match[str]] = {}
    read: dict[int, tuple[str, re.Match[str]]] = {}
    folded = _fold(text) if _prefilter else None
    for kind, pattern in _cued_patterns(text, folded) if folded is not None else _all_patterns():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            span = _READERS[kind](m, text, ctx)
            if span is None:
                continue
            taken.append((m.start(), max(m.end(), span.end)))
            spans.append(span)
            read[span.start] = kind, m
            if kind == "relative":
                relative[m.start()] = m
    spans = _years_from_earlier(spans, read, text, ctx)
    named = list(_named_times(text, ctx, taken, folded))
    spans = [s for s in spans if not any(n.start <= s.start and s.end <= n.end for n in named)]
    spans += named
    spans += _the_war(text, ctx, taken, folded)
    if not spans:  # "In April 2016, ... a serious clash later dubbed the 'Four-Day War.'"
        spans += _named_as(text, ctx, taken, folded)
    spans.sort(key=lambda s: s.start)
    return _join_ranges(text, _relative_to_earlier(spans, relative, text, ctx))


def _years_from_earlier(spans: list[DateSpan], read: dict[int, tuple[str, re.Match[str]]],
                        text: str, ctx: DateContext) -> list[DateSpan]:
    """A month or day without a year after one with it in the same sentence is read in
    that year ("in February 1905, in Nakhjivan in May, in Shusha in June"), not in the
    narrative's; so is one after a year that opens the sentence ("In 2003, with
    presidential elections set to be held in October", 004 line 2453)."""
    out: list[DateSpan] = []
    anchor: DateSpan | None = None
    for span in sorted(spans, key=lambda s: s.start):
        if span.inferred and anchor and span.precision in ("day", "month") and \
                span.start in read and split_key(span.lower)[0] != split_key(anchor.lower)[0]:
            kind, m = read[span.start]
            year, month, day = split_key(anchor.lower)
            if anchor.precision == "year":
                month = day = 0
            again = _READERS[kind](m, text, replace(ctx, narrative=(year, month, day),
                                                    guessed=False))
            span = again or span
        if not span.inferred and (span.precision in ("day", "month") or (
                span.precision == "year" and anchor is None and _opens(text, span))):
            anchor = span
        out.append(span)
    return out


def _cued_patterns(text: str, folded: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The patterns whose cues all show in `text` (`folded` by `_fold`), in table order;
    each cue is tested at most once, and only when a pattern asks for it."""
    shown: dict[str, bool] = {}
    for kind, cues, regex in _PATTERNS:
        for cue in cues:
            if cue not in shown:
                shown[cue] = _shows(cue, text, folded)
            if not shown[cue]:
                break
        else:
            yield kind, regex


def _all_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    return ((kind, regex) for kind, _cues, regex in _PATTERNS)


def _relative_to_earlier(spans: list[DateSpan], relative: dict[int, re.Match[str]],
                         text: str, ctx: DateContext) -> list[DateSpan]:
    """"the first vote held on May 1 ... a second vote a week later": a relative date
    counts from the last day or month named before it in the same sentence."""
    out: list[DateSpan] = []
    for span in spans:
        m = relative.get(span.start)
        base = next((s for s in reversed(out) if s.precision in _bases(m)), None)
        if m is not None and base is not None:
            year, month, day = split_key(base.lower)
            local = replace(ctx, narrative=(year, month, day if base.precision == "day" else 0))
            span = _read_relative(m, text, local) or span
        out.append(span)
    return [s for i, s in enumerate(out) if not (
        s.start in relative and i + 1 < len(out) and _said_again(s, out[i + 1], text))]


def _said_again(count: DateSpan, then: DateSpan, text: str) -> bool:
    """A count ("three years later") the sentence goes on to give as a date ("“On 11 April
    [2018]", 004 line 2691; "Just four months later, on July 12", line 2757): the date says
    when, and the count, from a passage it may not start from, is dropped; unless the
    date's year is only the narrative's and the count says another."""
    if then.inferred and split_key(then.lower)[0] != split_key(count.lower)[0]:
        return False
    return bool(_SAID_AGAIN.fullmatch(text, count.end, then.start))


_SAID_AGAIN = re.compile(
    r"[\s,“”\"‘’]*(?:(?:at|during|in)\s+(?:a|an|the)\s+[a-z]+\s+)?(?:on|in|by)?\s*", re.I)
"""What may stand between a count and the date it gives: "later, at a session on July
18" (004 line 1069)."""


def _bases(m: re.Match[str] | None) -> tuple[str, ...]:
    """What a relative date may count from: a day or month, and for a count of years
    also a season or a written year ("In the spring of 2017, Sargsyan faced the problem
    Kocharyan had ten years earlier")."""
    if m is not None and "year" in _fold(m.group(0)):
        return ("day", "month", "season", "year")
    return ("day", "month")


def _month(name: str) -> int:
    name = _fold(name).rstrip(".")
    return MONTHS.index(name) + 1 if name in MONTHS else _MONTH_ABBR[name]


def _era_year(number: str, era: str | None) -> int:
    year = int(number)
    if era and era.upper().replace(".", "").replace(" ", "").startswith("B"):
        return 1 - year
    return year


def _ordinal_value(word: str) -> int:
    word = _fold(word)
    if word[0].isdigit():
        return int(re.match(r"\d+", word).group(0))  # type: ignore[union-attr]
    base = 20 if word.startswith("twenty-") else 0
    return base + _ORDINALS.index(word.removeprefix("twenty-")) + 1


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= d <= last_day(y, m)


def _narrative_year(ctx: DateContext, month: int, text: str = "") -> int | None:
    """The year a month without one belongs to: the narrative's, but never a month
    after the document was written (a narrative anchored by a look ahead, "reporting in
    March 2021", goes on telling the past: "October 25" is then the year before) unless
    the sentence looks ahead to it ("With elections scheduled to be held on June 20")."""
    if ctx.narrative and not (ctx.guessed and ctx.written_ymd):
        written = ctx.written_ymd
        year = ctx.narrative[0] + _turns_the_year(ctx.narrative[1], month,
                                                  _reaches_writing(ctx.narrative[0], written))
        if written and (year, month if written[1] else 0) > written and \
                not (_LOOKS_TO_FUTURE.search(text) and (year, month) <= _months_on(written, 6)):
            return year - 1
        return year
    if ctx.written_ymd:
        year, wmonth = ctx.written_ymd
        return year if not wmonth or month <= wmonth else year - 1
    return None


_LOOKS_TO_FUTURE = re.compile(
    r"\b(?:scheduled|planned|expected|due|set|poised)\s+(?:to|for)\b|\bwill\b|\bupcoming\b",
    re.I)


def _months_on(ym: tuple[int, int], months: int) -> tuple[int, int]:
    year, month = divmod(ym[0] * 12 + ym[1] - 1 + months, 12)
    return year, month + 1


def _turns_the_year(anchor_month: int, month: int, reaches_writing: bool = False) -> int:
    """1 when a month without a year comes a few months after the anchor's across New
    Year ("In December, Pashinyan offered ... Then, in late January, Kocharyan
    announced"): a narrative moves forward, and going back most of a year without saying
    so is far less likely than turning into the next one. When that next year is the
    one the document was written in, up to its writing month, the story has reached the
    writer's present and half a year is still forward ("Now it was Armenian protestors
    who stormed the parliament [November 2020] ... In April, Pashinyan acceded to the
    opposition's demands", 004 line 192, written May 2021)."""
    if not anchor_month or month >= anchor_month:
        return 0
    reach = _YEAR_TURN_TO_WRITING if reaches_writing else _YEAR_TURN_MONTHS
    return 1 if month + 12 - anchor_month <= reach else 0


def _reaches_writing(year: int, written: tuple[int, int] | None) -> bool:
    return bool(written and written[1] and written[0] == year + 1)


_YEAR_TURN_MONTHS = 3
_YEAR_TURN_TO_WRITING = 6


def _q_label(q: str) -> str:
    return "mid-" if q == "mid" else f"{q} " if q else ""


def _qualify(q: str | None) -> str:
    if not q:
        return ""
    q = " ".join(_fold(q).split())
    if q.startswith(("the first ", "the opening ")):
        return "early"  # "the first week of October": its first days, as "early October"
    if q.startswith(("the last ", "the final ", "the closing ")):
        return "late"  # "During the last week of October" (004 line 1707)
    return {"the beginning of": "early", "the start of": "early", "the middle of": "mid",
            "the end of": "late"}.get(q, q)


def _third(lo: int, hi: int, q: str) -> tuple[int, int]:
    """The early, mid or late third of [lo, hi]."""
    if not q:
        return lo, hi
    size = (hi - lo + 1) / 3
    part = {"early": 0, "mid": 1, "late": 2}[q]
    return lo + round(size * part), lo + round(size * (part + 1)) - 1


def _read_full(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    y, mo, d = int(m["y"]), _month(m["m"]), int(m["d"])
    if not _valid_day(y, mo, d):
        return None
    return day_span(y, mo, d, m.group(0), m.start(), m.end())


def _read_day_range(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    y, mo, d1, d2 = int(m["y"]), _month(m["m"]), int(m["d1"]), int(m["d2"])
    if not (_valid_day(y, mo, d1) and _valid_day(y, mo, d2) and d1 < d2):
        return None
    name = MONTH_NAMES[mo - 1]
    return _between(y, mo, d1, y, mo, d2, f"{d1}–{d2} {name} {year_label(y)}",
                    m.group(0), m.start(), m.end())


def _read_cross_range(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    """ "1 April-6 May 2021", "September 27-October 3, 2020": the one year is the second
    day's; the first day is in the year before when its month comes later."""
    y2, m1, m2, d1, d2 = int(m["y"]), _month(m["m1"]), _month(m["m2"]), int(m["d1"]), int(m["d2"])
    y1 = y2 if m1 <= m2 else y2 - 1
    if (y1, m1) == (y2, m2) or not (_valid_day(y1, m1, d1) and _valid_day(y2, m2, d2)):
        return None
    label = f"{d1} {MONTH_NAMES[m1 - 1]}{' ' + year_label(y1) if y1 != y2 else ''} – " \
            f"{d2} {MONTH_NAMES[m2 - 1]} {year_label(y2)}"
    return _between(y1, m1, d1, y2, m2, d2, label, m.group(0), m.start(), m.end())


def _read_month_day(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    mo, d = _month(m["m"]), int(m["d"])
    if _fold(m["m"]) == "may" and not text[m.start("m")].isupper():
        return None  # the verb "may"
    year = _narrative_year(ctx, mo, text)
    if year is None or not _valid_day(year, mo, d):
        return None
    return day_span(year, mo, d, m.group(0), m.start(), m.end(), inferred=True)


def _read_month_year(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    y, mo, q = int(m["y"]), _month(m["m"]), _qualify(m["q"])
    if q:
        d1, d2 = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day(y, mo))}[q]
        name = MONTH_NAMES[mo - 1]
        return _between(y, mo, d1, y, mo, d2, f"{_q_label(q)}{name} {year_label(y)}", m.group(0),
                        m.start(), m.end(), qualifier=q)
    return month_span(y, mo, m.group(0), m.start(), m.end())


def _read_month_pair(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    """"October and November 2020", "May and June 1920": both months of that year."""
    y, m1, m2 = int(m["y"]), _month(m["m1"]), _month(m["m2"])
    if m1 >= m2:
        return None
    return range_span(month_span(y, m1), month_span(y, m2), m.group(0), m.start(), m.end())


def _read_md_range(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    """"the night of 19-20 January", "between February 25 and 26" in the narrative's year."""
    mo, d1, d2 = _month(m["m"]), int(m["d1"]), int(m["d2"])
    year = _narrative_year(ctx, mo, text)
    if year is None or not (_valid_day(year, mo, d1) and _valid_day(year, mo, d2) and d1 < d2):
        return None
    return _between(year, mo, d1, year, mo, d2, f"{d1}–{d2} {MONTH_NAMES[mo - 1]} {year}",
                    m.group(0), m.start(), m.end(), inferred=True)


def _read_year_part(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    """"the early months of 1990": January-April; "the final months of 1991": September-."""
    y, first = int(m["y"]), _fold(m["q"]) in ("early", "first")
    m1, m2 = (1, 4) if first else (9, 12)
    label = f"{'early' if first else 'late'} {y}"
    return _between(y, m1, 1, y, m2, last_day(y, m2), label, m.group(0), m.start(), m.end(),
                    qualifier="early" if first else "late")


def _read_year_end(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    """"by the end of the year": the last month of the narrative's year (or month)."""
    if not ctx.narrative:
        return None
    y, mo, _d = ctx.narrative
    part = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}[_fold(m["w"])]
    if _fold(m["u"]) == "year":
        month = {"late": 12, "early": 1, "mid": 6}[part]
        return month_span(y, month, m.group(0), m.start(), m.end(), inferred=True)
    if not mo:
        return None
    d1, d2 = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day(y, mo))}[part]
    return _between(y, mo, d1, y, mo, d2, f"{_q_label(part)}{MONTH_NAMES[mo - 1]} {y}",
                    m.group(0), m.start(), m.end(), qualifier=part, inferred=True)


def _read_month_q(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    mo, q = _month(m["m"]), _qualify(m["q"])
    year = _narrative_year(ctx, mo, text)
    if year is None:
        return None
    d1, d2 = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day(year, mo))}[q]
    return _between(year, mo, d1, year, mo, d2, f"{_q_label(q)}{MONTH_NAMES[mo - 1]} {year}",
                    m.group(0), m.start(), m.end(), qualifier=q, inferred=True)


_NOUN_AFTER = re.compile(r"\s+(?!(?:will|would|is|was|we|I|they|he|she|it)\b)[a-z]{3,}\b")


def _read_month(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    mo, prep = _month(m["m"]), _fold(m["p"])
    if m["m"][0].islower():
        return None  # the verb "may", "the march of defeated, exhausted refugees"
    if prep == "this" and ctx.narrative and _NOUN_AFTER.match(text, m.end()):
        prep = "the"  # "This October offensive" (004 line 1707): the one just told
    if prep in ("last", "this", "next"):
        if not ctx.written_ymd:
            return None
        wy, wm = ctx.written_ymd
        year = wy if prep == "this" or (wm and mo < wm) else wy - 1
        if prep == "next":
            year = wy if wm and mo > wm else wy + 1
        return month_span(year, mo, m.group(0), m.start(), m.end(), inferred=True)
    if prep in ("the", "their", "its") and _names_a_period(text, m.start("m"), ctx):
        return None  # "in the aftermath of the July clashes": the named time reads it
    that = _that_year(m, text, ctx)
    year = that[0] if that else _narrative_year(ctx, mo, text)
    if year is None:
        return None
    end = that[1] if that else m.end()
    start = m.start("m") if prep in ("in", "by", "since", "until", "till", "during", "from",
                                      "through", "of", "on", "that", "the", "their",
                                      "its") else m.start()
    return month_span(year, mo, text[start:end], start, end, inferred=True)


def _names_a_period(text: str, at: int, ctx: DateContext) -> bool:
    """A period's name starts at `at` after a time preposition ("following the July
    clashes"), so the named time, not the bare month, dates the sentence."""
    any_alias, _ = _alias_patterns(ctx.periods)
    return bool(any_alias and any_alias.match(text, at)
                and _TIME_PREPOSITION.search(text[max(0, at - 50):at]))


def _season(y: int, season: str, q: str, text: str, start: int, end: int) -> DateSpan:
    first, last, code = _SEASONS[_fold(season)]
    if q:
        first = last = {"early": first, "mid": first + 1, "late": last}[q]
    y2, m2 = (y + 1, last - 12) if last > 12 else (y, last)
    y1, m1 = (y + 1, first - 12) if first > 12 else (y, first)
    label = f"{q + ' ' if q else ''}{_fold(season)} {year_label(y)}"
    span = _between(y1, m1, 1, y2, m2, last_day(y2, m2), label, text, start, end, q)
    edtf = f"{edtf_year(y)}-{code}" if not q else span.edtf
    return replace(span, edtf=edtf, precision="season")


def _read_season_year(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    return _season(int(m["y"]), m["s"], _qualify(m["q"]), m.group(0), m.start(), m.end())


def _read_winters(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    """ "the winter of 1991-92": one winter, from December 1991; "the winters of
    1991-1992 and 1992-1993" (004 lines 1397, 2283): both, December 1991 to February
    1993. A pair of years that do not follow each other is not a winter."""
    winters = []
    for y, e in ((m["y1"], m["e1"]), (m["y2"], m["e2"])):
        if y is None:
            continue
        first, tail = int(y), int(e)
        last = tail if len(e) == 4 else (first // 100) * 100 + tail
        if last != first + 1:
            return None
        winters.append(_season(first, m["s"], "", "", 0, 0))
    if len(winters) == 1:
        return replace(winters[0], text=m.group(0), start=m.start(), end=m.end())
    both = range_span(winters[0], winters[1], m.group(0), m.start(), m.end())
    first, second = (split_key(w.lower)[0] for w in winters)
    return replace(both, label=f"winters {first}–{first + 1} and {second}–{second + 1}")


def _read_season_pair(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    y = int(m["y"])
    a = _season(y, m["s1"], _qualify(m["q1"]), "", 0, 0)
    b = _season(y, m["s2"], _qualify(m["q2"]), "", 0, 0)
    return range_span(a, b, m.group(0), m.start(), m.end())


def _read_year_range(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    y1, tail = int(m["y1"]), m["y2"]
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    if not y1 < y2 <= y1 + 200:
        return None
    return _between(y1, 1, 1, y2, 12, 31, f"{y1}–{y2}", m.group(0), m.start(), m.end())


def _read_year_q(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    y, q = int(m["y"]), _qualify(m["q"])
    m1, m2 = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[q]
    return _between(y, m1, 1, y, m2, last_day(y, m2), f"{_q_label(q)}{year_label(y)}", m.group(0),
                    m.start(), m.end(), qualifier=q)


def _read_year_rest(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    """ "throughout the rest of 1994" after a narrative in May 1994 (004 line 1909): from
    that month to the year's end; the whole year when the narrative is elsewhere."""
    y = int(m["y"])
    if not ctx.narrative or ctx.narrative[0] != y or not ctx.narrative[1]:
        return year_span(y, m.group(0), m.start(), m.end())
    mo = ctx.narrative[1]
    return _between(y, mo, 1, y, 12, 31, f"{MONTH_NAMES[mo - 1]} – December {year_label(y)}",
                    m.group(0), m.start(), m.end())


def _read_decade(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    first, q = int(m["y"]), _qualify(m["q"])
    if len(m["y"]) == 2:
        first += 1900  # "the '90s"
    lo, hi = _third(first, first + 9, q) if q else (first, first + 9)
    edtf = f"{edtf_year(first)[:-1]}X" if not q else f"{edtf_year(lo)}/{edtf_year(hi)}"
    label = f"{_q_label(q) or 'the '}{first}s"
    return _span(m.group(0), m.start(), m.end(), (lo, 1, 1), (hi, 12, 31), "decade", edtf,
                 label, q)


def _century_years(n: int, bce: bool) -> tuple[int, int]:
    if bce:
        return 1 - n * 100, 1 - ((n - 1) * 100 + 1)
    return (n - 1) * 100 + 1, n * 100


def _four_digits(lo: int, hi: int) -> bool:
    """Plain EDTF years have four digits ("the twenty-first millennium" would need the
    Y-prefixed long-year form, and is no date of this history anyway)."""
    return -9999 <= lo and hi <= 9999


def _read_century(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    n, q = _ordinal_value(m["o"]), _qualify(m["q"])
    bce = bool(m["era"]) and _era_year("1", m["era"]) <= 0
    lo, hi = _third(*_century_years(n, bce), q)
    if not _four_digits(lo, hi):
        return None
    era = " BCE" if bce else ""
    label = f"{q + ' ' if q else ''}{ordinal(n)} century{era}"
    return _span(m.group(0), m.start(), m.end(), (lo, 1, 1), (hi, 12, 31), "century",
                 f"{edtf_year(lo)}/{edtf_year(hi)}", label, q)


def _read_century_pair(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    a, b = _ordinal_value(m["o1"]), _ordinal_value(m["o2"])
    bce = bool(m["era"]) and _era_year("1", m["era"]) <= 0
    ya, yb = _century_years(a, bce), _century_years(b, bce)
    lo, hi = min(ya[0], yb[0]), max(ya[1], yb[1])
    if not _four_digits(lo, hi):
        return None
    era = " BCE" if bce else ""
    first, second = sorted((a, b), reverse=bce)
    label = f"{ordinal(first)}–{ordinal(second)} centuries{era}"
    return _span(m.group(0), m.start(), m.end(), (lo, 1, 1), (hi, 12, 31), "century",
                 f"{edtf_year(lo)}/{edtf_year(hi)}", label)


def _read_millennium(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    n, q = _ordinal_value(m["o"]), _qualify(m["q"])
    bce = bool(m["era"]) and _era_year("1", m["era"]) <= 0
    lo, hi = (1 - n * 1000, 1 - ((n - 1) * 1000 + 1)) if bce else ((n - 1) * 1000 + 1, n * 1000)
    lo, hi = _third(lo, hi, q)
    if not _four_digits(lo, hi):
        return None
    label = f"{q + ' ' if q else ''}{ordinal(n)} millennium{' BCE' if bce else ''}"
    return _span(m.group(0), m.start(), m.end(), (lo, 1, 1), (hi, 12, 31), "millennium",
                 f"{edtf_year(lo)}/{edtf_year(hi)}", label, q)


def _read_era_year(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    year = _era_year(m["y"], m.groupdict().get("era"))
    approx = "approximate" if m.groupdict().get("c") else ""
    return year_span(year, m.group(0).strip(), m.start(), m.end(), qualifier=approx)


def _is_quantity(text: str, start: int, end: int) -> bool:
    return bool(_NOT_YEAR_AFTER.match(text[end:end + 20])
                or _NOT_YEAR_BEFORE.search(text[max(0, start - 20):start]))


def _read_year(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    if _is_quantity(text, m.start(), m.end()):
        return None
    approx = "approximate" if m.groupdict().get("c") else ""
    start = m.start("y") if m.groupdict().get("p") else m.start()
    qualifier = approx
    prep = _fold(m.groupdict().get("p") or "")
    if not qualifier:
        before = text[max(0, m.start() - 8):m.start()].lower()
        qualifier = "before" if before.endswith("before ") else (
            "after" if before.endswith("after ") else "")
    if prep in ("before", "after"):
        qualifier = prep
    span = year_span(int(m["y"]), text[start:m.end()], start, m.end(), qualifier=approx)
    if _WORK_BEFORE.search(text, 0, m.start()):
        return replace(span, qualifier="citation")
    if qualifier in ("before", "after"):
        label = f"{qualifier} {span.label}"
        edtf = f"[..{span.edtf}]" if qualifier == "before" else f"[{span.edtf}..]"
        span = replace(span, qualifier=qualifier, label=label, edtf=edtf)
    return span


def _read_relative(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    if not ctx.narrative:
        return None
    y, mo, d = ctx.narrative
    if m["w4"]:  # "The day after the video emerged": the day after the narrative's day
        return _shift(ctx.narrative, "day", 1 if _fold(m["w4"]) == "after" else -1, m,
                      inferred=True)
    if m["w"]:
        word, unit = _fold(m["w"]), _fold(m["u2"])
        unit = "day" if unit in ("morning", "evening", "night") else unit
        step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}[word]
        return _shift(ctx.narrative, unit, step, m, inferred=True)
    if m["n5"]:  # "...After three days, Shusha fell": that many days on
        n = _count(m["n5"])
        return None if n is None else _shift(ctx.narrative, _fold(m["u5"]), n, m,
                                             inferred=True)
    if m["n3"]:
        n = _count(m["n3"])
        start = _shift(ctx.narrative, _fold(m["u3"]), 0, m, inferred=True)
        stop = _shift(ctx.narrative, _fold(m["u3"]), n, m, inferred=True)
        if start is None or stop is None:
            return None
        return range_span(start, stop, m.group(0), m.start(), m.end())
    sign = 1 if _fold(m["dir"]).startswith(("later", "after")) else -1
    vague = _VAGUE_COUNTS.get(" ".join(_fold(m["n"]).split()))
    if vague:  # "a few days earlier": the days that count may stand for
        near, far = (_shift(ctx.narrative, _fold(m["u"]), sign * n, m, inferred=True)
                     for n in vague)
        if near is None or far is None:
            return None
        lo, hi = (near, far) if sign > 0 else (far, near)
        return replace(range_span(lo, hi, m.group(0), m.start(), m.end()), inferred=True)
    n = _count(m["n"])
    if n is None:
        return None
    return _shift(ctx.narrative, _fold(m["u"]), sign * n, m, inferred=True)


_VAGUE_COUNTS = {"a few": (2, 5), "several": (3, 7)}


def _count(word: str) -> int | None:
    word = _fold(word)
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    return _NUMBER_WORDS.get(word)


def _shift(anchor: tuple[int, int, int], unit: str, n: int, m: re.Match[str],
           inferred: bool) -> DateSpan | None:
    from datetime import date, timedelta

    y, mo, d = anchor
    text, start, end = m.group(0), m.start(), m.end()
    if unit == "year":
        return year_span(y + n, text, start, end, inferred=inferred)
    if not mo:
        return None
    if unit == "month":
        total = y * 12 + (mo - 1) + n
        return month_span(total // 12, total % 12 + 1, text, start, end, inferred=inferred)
    if not d or not 1 <= y <= 9999:
        return None
    day = date(y, mo, d) + timedelta(days=n * (7 if unit == "week" else 1))
    return day_span(day.year, day.month, day.day, text, start, end, inferred=inferred)


def _read_written_relative(m: re.Match[str], text: str, ctx: DateContext) -> DateSpan | None:
    if not ctx.written_ymd:
        return None
    wy, wm = ctx.written_ymd
    word, unit = _fold(m["w"]), _fold(m["u"])
    if unit == "year":
        return year_span(wy if word == "this" else wy - 1, m.group(0), m.start(), m.end(),
                         inferred=True)
    if unit == "month":
        if not wm:
            return None
        total = wy * 12 + wm - 1 - (0 if word == "this" else 1)
        return month_span(total // 12, total % 12 + 1, m.group(0), m.start(), m.end(),
                          inferred=True)
    first = _SEASONS[unit][0]
    year = wy if word == "this" or (wm and first < wm) else wy - 1
    return replace(_season(year, unit, "", m.group(0), m.start(), m.end()), inferred=True)


_READERS = {
    "day_range": _read_day_range, "cross_range": _read_cross_range, "mdy": _read_full,
    "dmy": _read_full, "md": _read_month_day, "dm": _read_month_day,
    "season_pair": _read_season_pair, "winters": _read_winters,
    "season_year": _read_season_year, "month_year": _read_month_year,
    "month_pair": _read_month_pair, "md_range": _read_md_range, "year_part": _read_year_part,
    "year_end": _read_year_end,
    "century_pair": _read_century_pair, "century": _read_century,
    "millennium": _read_millennium, "decade": _read_decade, "era_year": _read_era_year,
    "ad_year": _read_era_year, "year_range": _read_year_range, "year_q": _read_year_q,
    "year_rest": _read_year_rest, "month_q": _read_month_q, "approx_year": _read_year,
    "year": _read_year,
    "short_year": _read_year, "month": _read_month, "relative": _read_relative,
    "written_relative": _read_written_relative,
}

# ---- named happenings and ranges -------------------------------------------------------

_TIME_PREPOSITION = re.compile(
    r"(?P<p>\b(?:during|after|before|since|following|until|throughout|amid|"
    r"in\s+the\s+(?:aftermath|wake|course)\s+of|at\s+the\s+(?:end|start|beginning)\s+of|"
    r"by\s+the\s+end\s+of|prior\s+to|in\s+the\s+lead-up\s+to|in\s+the\s+run-up\s+to))"
    r"\s+(?:the\s+|this\s+|that\s+)?$", re.I)


def _alias_hits(text: str, ctx: DateContext, taken: list[tuple[int, int]],
                folded: str | None) -> Iterator[tuple[re.Match[str], NamedTime]]:
    """Where the text names a period, outside what `taken` holds; with `folded` (see
    `_fold`), only once the cheap cue, an alias's words in the folded text, shows."""
    index = _period_index(ctx.periods)
    if index.any_alias is None:
        return
    if folded is not None and index.cue is not None and not index.cue.search(folded):
        return
    if not index.any_alias.search(text):
        return  # most sentences name no period: one search instead of one per alias
    for pattern, named in index.aliases:
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                yield m, named


def _named_times(text: str, ctx: DateContext, taken: list[tuple[int, int]],
                 folded: str | None = None) -> Iterator[DateSpan]:
    """Named happenings after a time preposition ("after the Velvet Revolution")."""
    for m, named in _alias_hits(text, ctx, taken, folded):
        lead = _TIME_PREPOSITION.search(text[max(0, m.start() - 40):m.start()])
        if not lead:
            continue
        taken.append((m.start(), m.end()))
        start = m.start() - len(lead.group(0))
        prep = " ".join(_fold(lead["p"]).split())
        span = _named_span(named, prep, text, start, m.end())
        if span.qualifier in ("after", "before"):
            span = _with_naming_year(span, named, text)
        yield span


_NAMED_AS = re.compile(r"\b(?:code-?named|dubbed)\s+(?:the\s+)?[‘'“\"]?$", re.I)


def _named_as(text: str, ctx: DateContext, taken: list[tuple[int, int]],
              folded: str | None = None) -> Iterator[DateSpan]:
    """A happening the sentence tells under its name ("Soviet and Azeri forces conducted
    a military operation, codenamed Operation Ring", 004 line 1291): the named time."""
    for m, named in _alias_hits(text, ctx, taken, folded):
        if _NAMED_AS.search(text, max(0, m.start() - 40), m.start()):
            taken.append((m.start(), m.end()))
            yield DateSpan(text=m.group(0), edtf=named.edtf, lower=named.lower,
                           upper=named.upper, precision="range", label=named.name,
                           start=m.start(), end=m.end())


_NAMING_YEAR = re.compile(r"\s+(?:in|of)\s+(?P<y>\d{4})\b")


def _with_naming_year(span: DateSpan, named: NamedTime, text: str) -> DateSpan:
    """"after the Velvet Revolution in 2018": the year says when the revolution was, not
    a second time of the sentence, so the named time's words take it in."""
    m = _NAMING_YEAR.match(text, span.end)
    if not m or not split_key(named.lower)[0] <= int(m["y"]) <= split_key(named.upper)[0]:
        return span
    return replace(span, text=text[span.start:m.end()], end=m.end())


_THE_WAR = re.compile(r"\b(?P<p>during|throughout)\s+the\s+(?:entire\s+|whole\s+)?"
                      r"(?:course\s+of\s+the\s+)?war\b"
                      r"(?!\s+(?:of|in|between|with|against|for|on)\b|[’']s)", re.I)


_WAR_GOES_ON = re.compile(r"\bas\s+the\s+(?:war|fighting)\s+(?:continued|went\s+on|progressed|"
                          r"dragged\s+on|wore\s+on)\b", re.I)


def _the_war(text: str, ctx: DateContext, taken: list[tuple[int, int]],
             folded: str | None = None) -> Iterator[DateSpan]:
    """"during the war", "throughout the entire war": the war the narrative is in (its
    date lies inside one named war), marked inferred since the words do not name it.
    With `folded`, a sentence without "war" or "fighting" is not searched."""
    if folded is not None and "war" not in folded and "fighting" not in folded:
        return
    war = _war_around(ctx)
    if war is None:
        return
    for m in _THE_WAR.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in taken):
            taken.append((m.start(), m.end()))
            yield replace(_named_span(war, "during", text, m.start(), m.end()), inferred=True)
    for m in _WAR_GOES_ON.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in taken) and ctx.narrative[1]:
            taken.append((m.start(), m.end()))
            yield _till_war_end(war, ctx.narrative, m)
    for m in _WAR_PART.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in taken):
            taken.append((m.start(), m.end()))
            yield _war_part(war, m)


_WAR_PART = re.compile(r"\bthe\s+(?P<o>first|opening|last|final|closing)\s+(?P<u>days?|weeks?|"
                       r"months?)\s+of\s+the\s+war\b(?!\s+(?:of|in|between|with|against)\b)",
                       re.I)
_PART_DAYS = {"day": 1, "days": 5, "week": 7, "weeks": 14, "month": 31, "months": 62}
"""How long a part of a war the words mean; "the last days" are a few of them."""


def _war_part(war: NamedTime, m: re.Match[str]) -> DateSpan:
    """ "for the first week of the war": its first seven days (the last, its last)."""
    from datetime import date, timedelta

    days = timedelta(days=_PART_DAYS[_fold(m["u"])] - 1)
    first = date(*split_key(war.lower))
    last = date(*split_key(war.upper))
    if _fold(m["o"]) in ("first", "opening"):
        lo, hi = first, min(first + days, last)
    else:
        lo, hi = max(last - days, first), last
    span = range_span(day_span(lo.year, lo.month, lo.day), day_span(hi.year, hi.month, hi.day),
                      m.group(0), m.start(), m.end())
    return replace(span, inferred=True)


def _till_war_end(war: NamedTime, now: tuple[int, int, int], m: re.Match[str]) -> DateSpan:
    """ "As the war continued": from the narrative's date to the end of the war."""
    year, month, day = now
    since = day_span(year, month, day) if day else month_span(year, month)
    end = day_span(*split_key(war.upper))
    return replace(range_span(since, end, m.group(0), m.start(), m.end()), inferred=True)


def _war_around(ctx: DateContext) -> NamedTime | None:
    """The narrowest named war holding the narrative's date (its year when no month);
    past every war, the one that ended within the two years before: a conclusion
    written after a war calls it "the war"."""
    if not ctx.narrative:
        return None
    year, month, day = ctx.narrative
    lo = key(year, month or 1, day or 1)
    hi = key(year, month or 12, day or (last_day(year, month) if month else 31))
    wars = _period_index(ctx.periods).wars
    around = [n for n in wars if n.lower <= lo and hi <= n.upper]
    if around:
        return min(around, key=lambda n: n.upper - n.lower)
    ended = [n for n in wars if key(year - 2, month or 12, day or 31) <= n.upper < lo]
    return max(ended, key=lambda n: n.upper, default=None)


@dataclass(frozen=True)
class _PeriodIndex:
    """What the tagger derives from a set of named times, once."""

    any_alias: re.Pattern[str] | None
    aliases: list[tuple[re.Pattern[str], NamedTime]]
    cue: re.Pattern[str] | None
    """The aliases folded, a cheap test before `any_alias`; None when one is not ASCII
    (`_fold` is only proven to keep what re.I matches to ASCII)."""
    wars: tuple[NamedTime, ...]


_LAST_INDEX: list[tuple[tuple[NamedTime, ...], _PeriodIndex]] = []


def _period_index(periods: tuple[NamedTime, ...]) -> _PeriodIndex:
    """The index of `periods`, looked up by identity first: a build passes one tuple for
    every sentence, and hashing its dataclasses cost more than the search it saves."""
    if _LAST_INDEX and _LAST_INDEX[0][0] is periods:
        return _LAST_INDEX[0][1]
    index = _index_periods(periods)
    _LAST_INDEX[:] = [(periods, index)]
    return index


_WAR = re.compile(r"(?<![-‑])\bwar\b", re.I)
"""A war's name; not "Post-war period", which is what follows one."""


@functools.lru_cache(maxsize=8)
def _index_periods(periods: tuple[NamedTime, ...]) -> _PeriodIndex:
    any_alias, aliases = _alias_patterns(periods)
    words = [_fold(alias) for named in periods for alias in named.aliases]
    # a letter re.I folds in ways lower() does not (the Kelvin sign...) would miss: no cue
    cue = re.compile(_any_word(words)) if words and not any(
        _UNFOLDED.search(w) for w in words) else None
    return _PeriodIndex(any_alias, aliases, cue,
                        tuple(n for n in periods if _WAR.search(n.name)))


@functools.lru_cache(maxsize=8)
def _alias_patterns(periods: tuple[NamedTime, ...]) -> tuple[
        re.Pattern[str] | None, list[tuple[re.Pattern[str], NamedTime]]]:
    """Compiled once per set of periods (the build reuses one): a pattern matching any
    alias, and each alias's own pattern, longest alias first."""
    aliases = sorted(((a, n) for n in periods for a in n.aliases), key=lambda p: -len(p[0]))
    if not aliases:
        return None, []
    compiled = [(re.compile(rf"\b{re.escape(a)}\b", re.I), n) for a, n in aliases]
    any_alias = re.compile("|".join(f"(?:{p.pattern})" for p, _n in compiled), re.I)
    return any_alias, compiled


def _named_span(named: NamedTime, prep: str, text: str, start: int, end: int) -> DateSpan:
    lo, hi, qualifier = named.lower, named.upper, ""
    if prep in ("after", "since", "following") or prep.startswith("in the aftermath") or \
            prep.startswith("in the wake"):
        lo, hi, qualifier = named.upper, named.upper, "after"
    elif prep in ("before", "until", "prior to") or "lead-up" in prep or "run-up" in prep:
        lo, hi, qualifier = named.lower, named.lower, "before"
    elif "end of" in prep:
        y, mo, _d = split_key(named.upper)
        lo, qualifier = key(y, mo, 1), "late"
    label = f"{prep} the {named.name}" if qualifier in ("after", "before") else named.name
    edtf = named.edtf
    if qualifier == "after":
        edtf = f"[{_edtf_of(hi)}..]"
    elif qualifier == "before":
        edtf = f"[..{_edtf_of(lo)}]"
    return DateSpan(text=text[start:end], edtf=edtf, lower=lo, upper=hi, precision="range",
                    label=label, qualifier=qualifier, start=start, end=end, inferred=False)


def _edtf_of(value: int) -> str:
    y, m, d = split_key(value)
    return f"{edtf_year(y)}-{m:02d}-{d:02d}"


_MONTH_WORD = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b", re.I)
"""A range written with month names ("from July through the end of September"), not a
named time ("the Four-Day War") the narrative only refers to."""
THIRDS = ("early", "mid", "late")
"""The qualifiers that take a third of a span ("late 1990": September to December)."""
_PARTS = ("", *THIRDS)
"""Qualifiers a range's ends may have: "from July through the end of September" (004
line 1707) runs from July to September's end; "around"/"before" ends do not join."""
_RANGE_JOIN = re.compile(r"^\s*(?:[-–—‐‑]|to|until|till|through|and)\s*(?:the\s+)?$", re.I)


def _join_ranges(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """"between 1918 and 1920", "from May 1992 to 1994", "1988–1994" -> one range."""
    out: list[DateSpan] = []
    for span in spans:
        if out and _RANGE_JOIN.match(text[out[-1].end:span.start]):
            prev = out[-1]
            dash = text[prev.end:span.start].strip() in "-–—‐‑"
            opener = re.search(r"\b(?:between|from|throughout)\s+(?:the\s+)?$",
                               text[max(0, prev.start - 14):prev.start], re.I)
            if (dash or opener) and prev.lower <= span.upper and \
                    prev.qualifier in _PARTS and span.qualifier in _PARTS:
                out[-1] = range_span(prev, span, text[prev.start:span.end], prev.start, span.end)
                continue
        out.append(span)
    return out


# ---- dates typed by users ------------------------------------------------------------

_ISO = re.compile(r"^(?P<y>-?\d{1,4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")


def parse_user_date(value: str) -> tuple[int, int]:
    """Sort-key bounds of a date as typed on the command line or in the TUI.

    Accepts ISO forms (1988, 1988-02, 1988-02-27, -0199 for 200 BCE) and what the tagger
    reads ("February 1988", "27 February 1988", "200 BCE", "the 1990s", "2nd century BCE").
    Raises ValueError with a one-line hint otherwise.
    """
    value = value.strip()
    iso = _ISO.match(value)
    if iso:
        y = int(iso["y"])
        mo = int(iso["m"]) if iso["m"] else 0
        if iso["m"] and not 1 <= mo <= 12:
            raise ValueError(f"month {mo} does not exist; use 01-12")
        if iso["d"]:
            d = int(iso["d"])
            if not 1 <= d <= last_day(y, mo):
                raise ValueError(f"day {d} does not exist in {y}-{mo:02d}")
            return key(y, mo, d), key(y, mo, d)
        if mo:
            return key(y, mo, 1), key(y, mo, last_day(y, mo))
        return key(y, 1, 1), key(y, 12, 31)
    spans = find_dates(value)
    if len(spans) == 1 and spans[0].end - spans[0].start >= len(value.rstrip(".")) - 1:
        return spans[0].lower, spans[0].upper
    raise ValueError("not a date I can read; use YYYY, YYYY-MM, YYYY-MM-DD, "
                     "'February 1988' or '200 BCE'")
