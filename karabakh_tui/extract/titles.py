"""A short, faithful title for a mention: one contiguous run of the sentence's words.

A title is never stitched: cutting a date phrase out of the middle of a sentence and
gluing the two sides makes a sentence the document does not say ("... behind ’s war").
So the title is the clause that tells the happening, trimmed only at its two ends
(leading connectives and a leading or trailing date phrase) and cut after 14 words
with an ellipsis. Only the first letter may change case.
"""

from __future__ import annotations

import re
from dataclasses import replace

from karabakh_tui.model import DateSpan

MAX_WORDS = 14
_MIN_WORDS = 4
_CLAUSE_BREAK = re.compile(r"\s*(?:;|:(?!\d)|—|–|\s-\s|,\s(?=(?:while|whereas|although|though|"
                           r"which|who|as|but|when|where|after|before|because|since|"
                           r"and\s+(?:in|on|by|during|from|then))\b)|,?\s(?=until\s(?!after|before)))\s*")
"""Also ", and in 2014 Moscow de-recognized ...": a second clause with its own time; and
"until" before what ended the state the clause before tells ("would continue to control
Artsakh until the early seventh century, when it was captured"), not "until after"."""
_LEADING_JUNK = re.compile(
    r"^(?:(?:after\s+all|and|but|so|then|however|meanwhile|moreover|furthermore|finally|thus|also|"
    r"yet|still|instead|indeed|that|which|while|whereas|although|though|when|where|"
    r"because|until|(?:after|before|since)(?!\s+(?:[a-z]+ing\b|the|a|an|his|her|its|their|this|that|these|"
    r"those)\b))\b[,\s]*)+", re.I)
"""Connectives before a clause; "After the first round of voting ..." is a time phrase,
not a connective, and keeps its "After"."""
_DATE_LEAD = re.compile(
    r"^[\s.…]*(?:(?:early|late|later|shortly|just|only|even|then)\s+)*"
    r"(?:(?:on|in|by|at|during|from|since|until|after|before|between|around|about|of|the|"
    r"morning|evening|night|afternoon|day|days|end|beginning|start|year|month)\s+)*$", re.I)
_DATE_TAIL = re.compile(r"^\s*[,;:.!?—–-]*\s*$")
_TAIL_PREP = re.compile(r"(?:\s+(?:on|in|by|at|during|from|since|until|of|the))+\s*$", re.I)
_EDGE = " ,;:.!?\"'“”‘’()[]—–-"
_SAME_TIME_LEAD = re.compile(r"[\"“]?at\s+the\s+same\s+time\s+(?:that|as|when)\s[^,;]{1,160},\s+",
                             re.I)
"""“At the same time that Armenians in Artsakh were mounting their attack on Shushi,”
before “Ter-Petrosyan was meeting with Mamedov in Tehran” (004 line 1547)."""
_RELATIVE_OPENING = re.compile(r"(?:who|whom|whose|which)\b", re.I)


def make_title(text: str, date: DateSpan, within: tuple[int, int] | None = None) -> str:
    """The clause telling the happening, trimmed at its ends, at most 14 words. With
    `within`, the part of a sentence that tells one of its several happenings, the title
    is made from that part alone."""
    if within is not None:
        inner = replace(date, start=date.start - within[0], end=date.end - within[0]) \
            if within[0] <= date.start and date.end <= within[1] else replace(date, start=0,
                                                                             end=0)
        return make_title(text[within[0]:within[1]], inner)
    start, end = _past_the_date(text, _clause_of(text, date.start if date.end > date.start
                                                 else -1), date)
    if (lead := _SAME_TIME_LEAD.match(text, start)) and not (
            date.end > date.start and date.start < lead.end()):
        start = lead.end()  # the time it is told at, not what the sentence tells
    start, end = _trim_date(text, start, end, date)
    start = _skip_junk(text, start, end, date)
    start = _subject_before_aside(text, start)
    words = text[start:end].strip(_EDGE).split()
    if len(words) < _MIN_WORDS:
        words = text.strip(_EDGE).split()
    title = " ".join(words[:MAX_WORDS]).rstrip(_EDGE) if words else ""
    if len(words) > MAX_WORDS:
        title += "…"
    return title[:1].upper() + title[1:]


_ASIDE_BEFORE = re.compile(r"—[^—]{1,80}—\s*$")
_SUBJECT_START = re.compile(r"(?:^|,\s+|\bthat\s+|—)")
_SUBJECT_WORDS = 6
_NO_VERB = frozenset("""and but or nor so yet then since in on at by for from of to with
during after before as while when where which who the a an many some most all few several
over against into through under about despite amid among across around toward towards
without within upon like than not only also
this that these those its their his her our""".split())


def _subject_before_aside(text: str, start: int) -> int:
    """Where the subject starts of a clause that opens with its verb right after a dashed
    aside: the title runs from "the Khazars—a partly Turkic confederation—first began
    settling in Albania" (004 line 375), from "That central bone of contention—the status
    of Artsakh—re-emerged", not from the bare verb; otherwise `start`."""
    aside = _ASIDE_BEFORE.search(text, 0, start)
    first = text[start:].split(maxsplit=1)
    if aside is None or not first or not first[0][:1].islower() or first[0] in _NO_VERB:
        return start
    head = text[:aside.start()]
    at = [m.end() for m in _SUBJECT_START.finditer(head)][-1]
    return at if 0 < len(head[at:].split()) <= _SUBJECT_WORDS else start


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return _merge_short(text, bounds)


def _merge_short(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A clause too short to say anything ("Azeri shelling, which ...") joins the next."""
    merged: list[tuple[int, int]] = []
    for start, end in bounds:
        if merged and _content_words(text, merged[-1]) < _MIN_WORDS:
            start = merged.pop()[0]
        merged.append((start, end))
    return merged


def _clause_of(text: str, date_at: int) -> tuple[int, int]:
    """The clause holding the date (or the first), unless it is too short to say anything."""
    clauses = _clauses(text)
    chosen = next((c for c in reversed(clauses) if c[0] <= date_at), clauses[0])
    at = clauses.index(chosen)
    if at > 0 and _RELATIVE_OPENING.match(text, chosen[0]):
        chosen = (clauses[at - 1][0], chosen[1])  # "pardoning Ramil Safarov, who was
        # convicted of ...": alone, the relative clause would tell the wrong happening
    if _content_words(text, chosen) < _MIN_WORDS:
        longer = [c for c in clauses if _content_words(text, c) >= _MIN_WORDS]
        chosen = longer[0] if longer else (0, len(text))
    return chosen


def _past_the_date(text: str, clause: tuple[int, int], date: DateSpan) -> tuple[int, int]:
    """A clause that is little more than its date ("On February 3, 1998, Ter-Petrosyan—",
    "In December of 2018, when ...") runs on through the next clauses until it says
    something besides the date (the title is still cut at 14 words)."""
    start, end = clause
    reached = False
    for later in (c for c in _clauses(text) if c[0] >= end):
        aside = reached and text[end:end + 1] == "—"  # "the Kavburo—the Soviet authority
        # in the Caucasus—awarded": the words after a dashed aside go on with its clause
        if _words_outside(text, (start, end), date) >= _MIN_WORDS and not aside:
            break
        end, reached = later[1], not reached
    return start, end


def _words_outside(text: str, span: tuple[int, int], date: DateSpan) -> int:
    """How many words the span has besides the date's own."""
    words = text[span[0]:span[1]]
    if date.end > date.start and span[0] <= date.start and date.end <= span[1]:
        words = text[span[0]:date.start] + text[date.end:span[1]]
    return len(words.split())


def _content_words(text: str, span: tuple[int, int]) -> int:
    return len(text[span[0]:span[1]].split())


def _trim_date(text: str, start: int, end: int, date: DateSpan) -> tuple[int, int]:
    """Drop the date phrase when it opens or closes the clause; never from its middle."""
    if not (date.end > date.start and start <= date.start and date.end <= end):
        return start, end
    if _DATE_LEAD.match(text[start:date.start]) and _content_words(
            text, (date.end, end)) >= _MIN_WORDS:
        return date.end, end
    if _DATE_TAIL.match(text[date.end:end]) and _content_words(
            text, (start, date.start)) >= _MIN_WORDS:
        head = _TAIL_PREP.sub("", text[start:date.start])
        return start, start + len(head)
    return start, end


def _skip_junk(text: str, start: int, end: int, date: DateSpan) -> int:
    """Past leading connectives, but not into the date's own words ("After three days,
    Shusha fell" keeps its "After")."""
    clause = text[start:end]
    stripped = clause.lstrip(_EDGE)
    offset = start + len(clause) - len(stripped)
    junk = _LEADING_JUNK.match(stripped)
    into_date = date.end > date.start and offset <= date.start < offset + (junk.end()
                                                                            if junk else 0)
    if junk and not into_date and _content_words(text, (offset + junk.end(), end)) >= _MIN_WORDS:
        return offset + junk.end()
    return offset
