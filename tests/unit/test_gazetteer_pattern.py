"""The gazetteer's name pattern, grouped by first letter for speed, finds what the plain
alternation of every name (longest first) finds: the same names at the same places."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_tui.corpus.manifest import load_corpus
from karabakh_tui.extract.gazetteer import _by_first_letter, _surface_regex, load_gazetteer
from karabakh_tui.paths import bundled_corpus
from karabakh_tui.pipeline import process_corpus


def both(branches: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def wrap(alternation: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")
    return wrap("|".join(branches)), wrap(_by_first_letter(branches))


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_gazetteer_names_match_the_same_on_every_seed_sentence() -> None:
    gazetteer = load_gazetteer()
    surfaces = sorted(gazetteer._by_surface, key=len, reverse=True)
    plain, grouped = both([_surface_regex(s) for s in surfaces])
    assert gazetteer._pattern.pattern == grouped.pattern  # what find() really uses
    assert grouped.pattern != plain.pattern  # the names do start with letters: grouped
    texts = [s.text for r in process_corpus(load_corpus(bundled_corpus()), jobs=1)
             for s in r.sentences]
    assert sum(1 for t in texts if plain.search(t)) > 1000
    assert [t for t in texts if spans(plain, t) != spans(grouped, t)] == []


def test_a_branch_not_starting_with_a_letter_keeps_the_plain_alternation() -> None:
    branches = ["Baku", r"\(Baku\)"]
    assert _by_first_letter(branches) == "|".join(branches)


words = st.sampled_from(["A", "Ab", "B", "ab", "b"])
names = st.lists(st.lists(words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8)
texts = st.lists(words | st.sampled_from([" ", "-", ".", "Aa"]), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(names, texts)
def test_grouping_never_changes_a_match(surfaces: list[str], text: str) -> None:
    ordered = sorted(dict.fromkeys(surfaces), key=len, reverse=True)
    plain, grouped = both([_surface_regex(s) for s in ordered])
    assert spans(plain, text) == spans(grouped, text)
