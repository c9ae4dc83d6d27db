"""A short, faithful title for a mention, made only of the sentence's own words."""

from __future__ import annotations

import re

from karabakh_tui.model import DateSpan

MAX_WORDS = 14
_LEAD_IN = re.compile(
    r"(?:\b(?:early|late|later|shortly|just|only|even|then|and|but)\s+)*"
    r"(?:\b(?:on|in|by|at|during|from|since|until|after|before|between|around|about|of|"
    r"the|morning|evening|night|afternoon|day|days|end|beginning|start|spring|summer|fall|"
    r"autumn|winter|year|years|month|months)\s+)*$", re.I)
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:]|—|–|\s-\s|,\s(?=(?:while|whereas|although|though|"
                           r"which|who|as|but|when|where|after|before|because|since)\b))\s*")
_LEADING_JUNK = re.compile(
    r"^(?:(?:and|but|so|then|however|meanwhile|moreover|furthermore|finally|thus|also|"
    r"yet|still|instead|indeed|that|which)\b[,\s]*)+", re.I)
_TRAILING = re.compile(r"[\s,;:.!?—–-]+$")


def make_title(text: str, date: DateSpan) -> str:
    """The clause telling the happening, without its date phrase, at most 14 words."""
    before = text[: date.start] if date.end > date.start else text
    after = text[date.end:] if date.end > date.start else ""
    before = _LEAD_IN.sub("", before)
    after = after.lstrip(" ,")
    stitched = (before.rstrip(" ,") + " " + after).strip() if before.strip() else after
    clause = _main_clause(stitched or text, len(before.strip()))
    clause = _LEADING_JUNK.sub("", clause).strip(" ,\"'“”‘’()")
    words = clause.split()
    if not words:
        words = text.split()
    title = " ".join(words[:MAX_WORDS])
    title = _TRAILING.sub("", title)
    if len(words) > MAX_WORDS:
        title += "…"
    return title[:1].upper() + title[1:]


def _main_clause(text: str, date_at: int) -> str:
    """The clause around where the date stood, unless it is too short to say anything."""
    clauses, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        clauses.append((pos, text[pos:m.start()]))
        pos = m.end()
    clauses.append((pos, text[pos:]))
    chosen = next((c for start, c in reversed(clauses) if start <= date_at), clauses[0][1])
    if len(chosen.split()) < 4:
        longer = [c for _, c in clauses if len(c.split()) >= 4]
        chosen = longer[0] if longer else text
    return chosen
