"""The tagger's cues (the cheap per-pattern prefilter) never change what it finds.

`find_dates` runs a pattern only on a sentence that shows the pattern's cues; a cue that
misses a sentence its pattern matches would silently drop a date. These tests compare the
cued tagger with `find_dates(..., _prefilter=False)` (every pattern on every sentence) on
every seed sentence, in the contexts the build really reads them in, on crafted sentences
for each date form and on random ones; and they check each pattern against its own cues,
so a pattern added to the table with a wrong cue, or without an example here, fails.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from karabakh_tui.corpus.manifest import load_corpus
from karabakh_tui.extract import dates, mentions
from karabakh_tui.extract.dates import _PATTERNS, DateContext, NamedTime, _fold, find_dates
from karabakh_tui.extract.periods import load_periods
from karabakh_tui.paths import bundled_corpus
from karabakh_tui.pipeline import process_corpus

PERIODS = tuple(NamedTime(p.name, tuple(p.aliases), p.edtf, p.lower, p.upper)
                for p in load_periods())
IN_THE_WAR = DateContext(written="2021-05", narrative=(2020, 10, 6), periods=PERIODS)

# One or more sentences for every pattern of the table (test_every_pattern_has_an_example),
# most from the seeds, some in capitals or with the letters re.I reads as ASCII ones.
CRAFTED = [
    "Clashes in Stepanakert on February 27-29, 1988 left many dead.",  # day_range
    "FEBRUARY 27–29, 1988", "the rally of 27-29 February 1988", "on 19‑20 of January, 1990",
    "organized by Caucasus Institute on 1 April-6 May 2021",  # cross_range (000 line 664)
    "from September 27‑October 3, 2020", "1 APRIL – 6 MAY 2021",
    "On November 10th, 2020 the statement was signed.",  # mdy
    "SEPT. 27, 2020", "on Augu\u017ft 5, 1991", "On 27 September 2020 the war began.",
    "On 11 April [2018], President Sargsyan finally announced", "on 5 APR\u0130L 1992",
    "between February 25 and 26 the crowds grew", "on the night of 19-20 January",  # md_range
    "The invasion arrived on the morning of September 27, with Armenian",  # md
    "on 27 September the fighting resumed", "by October 6 Hadrut had fallen",  # dm, md
    "During the winters of 1991-1992 and 1992-1993, “Armenian citizens",  # winters
    "in the WINTER OF 1992–93", "the winters of 1991-1994",
    "throughout the late spring and early summer of 1988",  # season_pair
    "in the summer of 1992", "WINTER 1993 was hard", "in the \u017fpring of 1988",
    "the southern flank in October and November 2020, and", "crushed in May and June 1920",
    "In February 1988, the Armenian community of Sumgait", "in early May 1992",  # month_year
    "at the end of June 1993", "“In May [1988], Karabakh Committee member",
    "As the imminent collapse became apparent in the early months of 1990",  # year_part
    "during the final months of 1991", "by the end of the year", "by the middle of the month",
    "between the fourth and second centuries B.C.", "the third to fifth centuries",
    "the late eighth century", "the 4th century AD", "THE SECOND CENTURY B.C.",  # century
    "the third millennium B.C.", "in the first millennia",  # millennium
    "in the 370s", "in the late 1980s", "the 1990’s", "the mid-1990s",  # decade
    "c. 370 A.D.", "at or before 200 B.C.", "in 95 BC", "around 300 BCE", "in AD 387",  # era
    "normalization that took place in 2008\u20112009.", "in 1992-93", "from 1994 to 2020",
    "in late 2020", "EARLY 1994", "mid-1992",  # year_q
    "throughout the rest of 1994", "the Rest of 1994",  # year_rest
    "in early June", "at the end of April", "the beginning of March",  # month_q
    "around 1905", "c. 1750", "approximately 1800", "circa 1828",  # approx_year
    "in 1994", "in 363 the Persians invaded", "until 1450", "before 1813",  # year, short_year
    "in January", "since March", "last June", "that May the army", "through OCTOBER",
    "three days later", "the following year", "within two weeks", "a month earlier",
    "The day after the video emerged", "over the next two weeks", "the same day",  # relative
    "last year", "this spring", "the past month", "LAST YEAR",  # written_relative
    "after the Velvet Revolution", "AFTER THE VELVET REVOLUTION", "during World War I",
    "since the Second Karabakh War", "after the \u017fecond Karabakh War",  # named times
    "During the war, the drones", "as the war continued", "As the fighting went on",
    "52 ancient skeletons", "185 T-72 tanks", "4,000 people", "in the may of",  # no dates
]


@dataclass(frozen=True)
class Read:
    text: str
    ctx: DateContext


@pytest.fixture(scope="module")
def seed_reads(monkeypatch_module: pytest.MonkeyPatch) -> tuple[list[Read], list[str]]:
    """Every find_dates call of a build of the seeds (text and context), and the text of
    every sentence of the seeds, narrative or not."""
    reads: list[Read] = []

    def recording(text: str, ctx: DateContext | None = None, **kw: bool) -> list:
        reads.append(Read(text, ctx or DateContext()))
        return find_dates(text, ctx, **kw)

    monkeypatch_module.setattr(mentions, "find_dates", recording)
    results = process_corpus(load_corpus(bundled_corpus()), jobs=1)  # in this process
    return reads, [s.text for r in results for s in r.sentences]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def same_both_ways(text: str, ctx: DateContext | None = None) -> bool:
    return find_dates(text, ctx) == find_dates(text, ctx, _prefilter=False)


def test_the_build_reads_the_same_dates_on_every_seed_sentence(seed_reads) -> None:
    reads, sentences = seed_reads
    # each sentence is read once, but for the few a paragraph opening "At the same time"
    # reads ahead for its next date (mentions._goes_back): 8 on the seeds
    assert len(reads) > 2000 and len(reads) <= len(sentences) * 1.01
    assert sum(1 for r in reads if find_dates(r.text, r.ctx)) > 500  # dates were found
    differ = [r.text for r in reads if not same_both_ways(r.text, r.ctx)]
    assert differ == []
    assert [t for t in sentences if not same_both_ways(t, IN_THE_WAR)] == []


def cued(pattern: dates._Pattern, text: str) -> bool:
    return all(dates._shows(cue, text, _fold(text)) for cue in pattern.cues)


def test_each_pattern_matches_only_where_its_cues_show(seed_reads) -> None:
    texts = seed_reads[1] + CRAFTED
    missed = [(p.kind, t) for t in texts for p in _PATTERNS
              if p.regex.search(t) and not cued(p, t)]
    assert missed == []


def test_every_pattern_has_an_example() -> None:
    """A pattern added to the table needs a sentence in CRAFTED that it matches, so that
    the test above checks its cues."""
    bare = [p.regex.pattern[:60] for p in _PATTERNS
            if not any(p.regex.search(t) for t in CRAFTED)]
    assert bare == []


@pytest.mark.parametrize("text", CRAFTED)
@pytest.mark.parametrize("ctx", [None, IN_THE_WAR,
                                 DateContext(written="1995", narrative=(1992, 0, 0),
                                             periods=PERIODS)])
def test_crafted_sentences_read_the_same(text: str, ctx: DateContext | None) -> None:
    assert same_both_ways(text, ctx)


def test_the_cues_skip_most_patterns_on_a_sentence_without_a_date() -> None:
    text = "The Minsk Group co-chairs met the two foreign ministers"
    assert len(list(dates._cued_patterns(text, _fold(text)))) < len(_PATTERNS) // 4
    # a bare year cues only the patterns that need nothing but digits
    kinds = {kind for kind, _rx in dates._cued_patterns("in 1994", "in 1994")}
    assert kinds == {"year_range", "year", "short_year"}


def test_folding_keeps_every_letter_re_i_reads_as_ascii() -> None:
    """Word cues are looked up in `_fold(text)`: every character that a case-insensitive
    pattern takes for an ASCII character must fold to that character, or a cue would miss
    what the pattern matches (İ, ı, the long s and the Kelvin sign are the four)."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    wrong = {(a, ch) for a in string.printable
             for ch in re.findall(re.escape(a), everything, re.I) if _fold(ch) != a.lower()}
    assert wrong == set()


DATE_WORDS = [
    "in", "on", "the", "of", "from", "to", "between", "and", "by", "since", "after", "before",
    "around", "c.", "circa", "early", "mid-", "late", "last", "this", "next", "following",
    "year", "month", "months", "week", "day", "later", "earlier", "within", "spring",
    "winter", "century", "centuries", "millennium", "BCE", "B.C.", "AD", "A.D.", "CE", "s",
    "'s", "th", "first", "fourth", "January", "Sept.", "May", "may", "DECEMBER", "Augu\u017ft",
    "\u017fince", "APR\u0130L", "fır\u017ft",
    "-", "–", ",", "(", "[", "]", "1988", "2020", "27", "5", "370s", "1990s", "363", "93",
    "Velvet", "Revolution", "war", "the war", "fighting", "continued", "World", "II",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(DATE_WORDS) | st.text(max_size=4), max_size=12).map(" ".join),
       st.sampled_from([None, IN_THE_WAR, DateContext(narrative=(1988, 2, 27))]))
def test_any_text_reads_the_same(text: str, ctx: DateContext | None) -> None:
    assert same_both_ways(text, ctx)


def vocabulary(template: str) -> list[str]:
    """The words of a one-group alternation of the tagger's vocabulary ("(?P<{n}>January|
    ...|Sept?\\.)"), with an optional letter both ways."""
    words = []
    for branch in template.split(">", 1)[1].rsplit(")", 1)[0].split("|"):
        branch = branch.replace("\\.", ".")
        optional = re.search(r"(.)\?", branch)
        if optional:
            words += [branch.replace(optional.group(0), optional.group(1)),
                      branch.replace(optional.group(0), "")]
        else:
            words.append(branch)
    return words


@pytest.mark.parametrize(("template", "cue"), [(dates._M, "month"), (dates._SEASON, "season")])
def test_the_cue_of_a_vocabulary_finds_each_of_its_words(template: str, cue: str) -> None:
    """A word added to the months or seasons of the patterns needs its cue too."""
    words = vocabulary(template)
    assert len(words) >= 5
    assert [w for w in words if not re.fullmatch(template.format(n="w"), w, re.I)] == []
    assert [w for w in words if not dates._shows(cue, w, _fold(w))] == []
    assert [w for w in words if not dates._shows(cue, w.upper(), _fold(w.upper()))] == []


def test_periods_with_letters_outside_ascii_keep_their_cheap_cue() -> None:
    # without the cue every sentence of a build runs the search of all aliases (measured
    # with an alias "Operation ‘Ring’", when such an alias turned the cue off: seed
    # extraction 0.80 s -> 0.96 s)
    assert dates._period_index(PERIODS).cue is not None
    war = NamedTime("First Karabakh War", ("Birinci Qarabağ müharibəsi",),
                    "1988-02-20/1994-05-12", 19880220, 19940512)
    ctx = DateContext(written="2021-05", narrative=(1993, 5, 0), periods=(war,))
    assert dates._period_index(ctx.periods).cue is not None
    for text in ["Many fled during the Birinci Qarabağ müharibəsi.",
                 "MANY FLED DURING THE BIRINCI QARABAĞ MÜHARIBƏSI."]:
        found = find_dates(text, ctx)
        assert [d.label for d in found] == ["First Karabakh War"]
        assert found == find_dates(text, ctx, _prefilter=False)
