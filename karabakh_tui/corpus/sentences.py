"""Reading text -> sentences, with offsets, original line, section and footnote markers.

A rule-based splitter tuned to historical prose: it breaks after `.`, `!`, `?` (and closing
quotes) before a capital, a digit or an opening quote, except after abbreviations that do
not end sentences ("U.S.", "Dr.", "c. 370", "e.g.") and after initials ("T. V. Paul").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from karabakh_tui.model import Cleaned, Sentence

_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Þ])")
MAX_SENTENCE = 2_000
"""Characters. The seeds' longest sentence has about 600; a run without a full stop longer
than this (a list, a dump) is cut at a space, so no sentence costs the extractors minutes."""
_TOKEN = re.compile(r"([\w.]+)\.?$")
_NEVER_END = frozenset({
    "u.s", "u.k", "u.n", "u.s.s.r", "e.u", "mr", "mrs", "ms", "dr", "prof", "st", "gen",
    "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "c", "ca", "cf", "vs", "no",
    "nos", "vol", "pp", "p", "e.g", "i.e", "mt", "ft", "approx", "fig", "art", "ch",
})


def split_sentences(cleaned: Cleaned, document: str) -> Iterator[Sentence]:
    """Every sentence of the reading text, in order; headings are not sentences."""
    text = cleaned.text
    headings = {start for start, _ in cleaned.sections}
    marker_offsets = [offset for offset, _ in cleaned.markers]
    starts = list(cleaned.paragraphs) or [0]
    index = 0
    for i, para_start in enumerate(starts):
        if para_start in headings:
            continue
        para_end = starts[i + 1] - 2 if i + 1 < len(starts) else len(text)
        for start, end in _spans(text, para_start, para_end):
            lo = bisect_right(marker_offsets, start)
            hi = bisect_right(marker_offsets, end)
            notes = tuple(dict.fromkeys(n for _, n in cleaned.markers[lo:hi]))
            yield Sentence(document, index, start, end, text[start:end],
                           cleaned.line_at(start), cleaned.section_at(start), notes)
            index += 1


def _spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _abbreviation_before(text, cursor, m.start()) or _elides_a_quote(text, cursor, m):
            continue
        yield from _trimmed(text, cursor, m.end())
        cursor = m.end()
    yield from _trimmed(text, cursor, end)


def _elides_a_quote(text: str, start: int, boundary: re.Match[str]) -> bool:
    """An ellipsis inside a quotation still open marks words left out of it, not the end
    of the sentence quoting it: "“Armenia and Azerbaijan, who were at war with each
    other... CSCE foreign ministers resolved …”" (004 line 1907)."""
    if not boundary.group(0).startswith(("...", "…")):
        return False
    before = text[start:boundary.start()]
    return before.count("“") > before.count("”")


def _abbreviation_before(text: str, start: int, dot: int) -> bool:
    """The full stop at `dot` ends an abbreviation or an initial, not the sentence."""
    if text[dot] != ".":
        return False
    token = _TOKEN.search(text, max(start, dot - 12), dot)
    if token is None:
        return False
    word = token.group(1)
    if word.lower() in _NEVER_END:
        return True
    return len(word) == 1 and word.isupper()  # an initial: "Ronald G. Suny"


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


