"""Property-based tests (hypothesis) of the temporal tagger and the cleaner's line map.

The Markdown export's property (any event text parses with CommonMark and keeps every
footnote) is in tests/unit/test_export_markdown.py
(test_any_text_still_parses_and_keeps_every_footnote).
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from karabakh_tui.corpus.clean import clean
from karabakh_tui.corpus.read import decode_document
from karabakh_tui.corpus.sentences import split_sentences
from karabakh_tui.extract.dates import DateContext, find_dates, split_key

edtf = pytest.importorskip("edtf")
valid_edtf = lru_cache(maxsize=None)(edtf.parse_edtf)  # ~25 ms a call; values repeat

# Words a date is made of, and some that only look like one.
DATE_WORDS = [
    "in", "on", "the", "of", "from", "to", "until", "between", "and", "by", "since", "after",
    "before", "around", "c.", "circa", "early", "mid", "mid-", "late", "last", "next", "year",
    "month", "week", "spring", "summer", "autumn", "fall", "winter", "century", "centuries",
    "millennium", "decade", "BCE", "BC", "B.C.", "AD", "A.D.", "CE", "s", "'s", "th", "st",
    "nd", "rd", "first", "second", "fourth", "twenty-first", "January", "February", "March",
    "Apr.", "May", "June", "Sept.", "September", "Octember", "November", "December", "Dec",
    "-", "–", "—", "/", ",", ".", "(", ")", "1988", "2020", "27", "0", "00", "1", "31", "45",
    "99999", "370s", "1990s", "1905", "200", "4th", "10th", "2nd", "363", "-5", "1e9",
    "12345678901234567890", "Velvet", "Revolution", "war", "Armenia", "Shusha", "ago",
    "three", "two", "later", "earlier", "that", "previous", "following", "morning", "night",
]
loose = st.lists(st.one_of(st.sampled_from(DATE_WORDS), st.text(max_size=6),
                           st.integers(-3000, 30000).map(str)), max_size=14).map(" ".join)
# the shapes the tagger reads, with absurd numbers in them: "on 45 Octember 99999"
shaped = st.tuples(
    st.sampled_from(["on", "in", "by", "early", "late", "mid-", "c.", "from", "between",
                     "the", "summer of", "after the"]),
    st.sampled_from(["", "0", "1", "27", "31", "32", "45", "1st", "the 4th"]),
    st.sampled_from(["", "January", "February", "Sept.", "Octember", "December", "spring"]),
    st.one_of(st.integers(-100, 100_000).map(str), st.sampled_from(
        ["1990s", "370s", "4th century", "second millennium", "1992-93", "1988–1994"])),
    st.sampled_from(["", " BCE", " B.C.", " AD", " and 1994", " to 27 May 2020", "s", ","]),
).map(lambda t: f"{t[0]} {t[1]} {t[2]} {t[3]}{t[4]} Armenia rose.")
date_text = st.one_of(loose, shaped)
contexts = st.builds(
    DateContext,
    written=st.one_of(st.none(), st.integers(1, 2100).map(lambda y: f"{y:04d}"),
                      st.tuples(st.integers(1, 2100), st.integers(1, 12))
                      .map(lambda t: f"{t[0]:04d}-{t[1]:02d}")),
    narrative=st.one_of(st.none(), st.tuples(st.integers(-500, 2100), st.integers(0, 12),
                                             st.integers(0, 28))),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(date_text, contexts)
def test_tagger_never_raises_and_yields_valid_ordered_edtf(text: str, ctx: DateContext) -> None:
    for span in find_dates(text, ctx):
        assert valid_edtf(span.edtf) is not None, (text, span)
        assert span.lower <= span.upper, (text, span)
        for key in (span.lower, span.upper):
            year, month, day = split_key(key)
            assert 1 <= month <= 12 and 1 <= day <= 31, (text, span)
        assert text[span.start:span.end] == span.text or span.inferred, (text, span)
        ctx = ctx.advance([span], text)


# ---- the cleaner's line map -----------------------------------------------------------

word = st.sampled_from(["Armenia", "Azerbaijan", "signed", "the", "ceasefire", "in", "May",
                        "1994", "Shusha", "fell", "and", "Stepanakert", "was", "shelled",
                        "“quoted”", "(aside)", "U.S.", "Dr.", "c.", "inter-", "national"])
sentence = st.lists(word, min_size=1, max_size=12).map(
    lambda ws: ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
noise = st.sampled_from(["\x1b[31m", "\u202e", "\x07", "<sup>3</sup>", "2", " ", "\t", "**"])
line = st.lists(st.one_of(sentence, noise), min_size=1, max_size=4).map(" ".join)
document = st.lists(st.one_of(line, st.just(""), st.just("---"), st.just("# A heading"),
                              st.just("12 Author, A Title, 2001.")),
                    min_size=1, max_size=30).map("\n".join)


def _holds_first_words(lines: list[str], number: int, text: str) -> bool:
    first = text.split()[0].strip("“”\"'‘’()[]*.,;:")
    here = lines[number - 1]
    if first in here:
        return True
    # a word hyphenated across the line end ("inter-" / "national") starts on this line
    tail = here.rstrip().rsplit(" ", 1)[-1].strip("“”\"'‘’()[]*.,;:")
    return tail.endswith("-") and first.startswith(tail[:-1])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document, st.sampled_from(["pdf", "paragraphs", "markdown"]))
def test_every_sentence_maps_to_a_line_holding_its_first_words(raw: str, layout: str) -> None:
    try:
        text = decode_document(raw.encode("utf-8"), "gen.txt")
    except ValueError:
        return  # empty after cleaning: nothing to map
    lines = text.split("\n")  # line numbers as grep -n counts them
    assert len(lines) == len(raw.split("\n"))
    cleaned = clean(text, layout)
    for s in split_sentences(cleaned, "gen"):
        assert 1 <= s.line <= len(lines), (s.line, len(lines))
        assert _holds_first_words(lines, s.line, s.text), (layout, s.line, s.text[:60],
                                                           lines[s.line - 1][:80])
