"""Layout detection and cleaning of documents a user writes (small crafted inputs), and the
seeds detected as their manifest says."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from karabakh_tui.corpus.clean import clean
from karabakh_tui.corpus.layouts import detect_layout
from karabakh_tui.corpus.sentences import split_sentences
from karabakh_tui.model import Source
from karabakh_tui.pipeline import process_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _read(text: str) -> tuple[str, list[tuple[int, str]], list[str], int]:
    """Detected layout, (line, sentence) pairs, section titles, paragraph count."""
    layout = detect_layout(text)
    cleaned = clean(text, layout)
    sentences = [(s.line, s.text) for s in split_sentences(cleaned, "doc")]
    return layout, sentences, [title for _, title in cleaned.sections], len(cleaned.paragraphs)


PLAIN = """\
In 1988 the Karabakh Soviet voted to join Armenia.

The war ended with a ceasefire in May 1994.

Talks resumed in 1997 under the Minsk Group.
"""


def test_short_paragraphs_between_blank_lines_stay_apart() -> None:
    # the old rule (few lines over 140 characters: "pdf", then "double-spaced" from the
    # many blank lines) read these three paragraphs as one
    layout, sentences, sections, paragraphs = _read(PLAIN)
    assert (layout, paragraphs, sections) == ("paragraphs", 3, [])
    assert sentences == [(1, "In 1988 the Karabakh Soviet voted to join Armenia."),
                         (3, "The war ended with a ceasefire in May 1994."),
                         (5, "Talks resumed in 1997 under the Minsk Group.")]


def test_one_paragraph_per_line_without_blank_lines() -> None:
    text = "Background\n" + PLAIN.replace("\n\n", "\n")
    layout, sentences, sections, paragraphs = _read(text)
    assert (layout, paragraphs, sections) == ("paragraphs", 4, ["Background"])
    assert [line for line, _ in sentences] == [2, 3, 4]


WRAPPED = """\
Background

In 1988 the Karabakh Soviet voted to join Armenia, and mass protests
followed in Yerevan within days.

The war ended.

A ceasefire held.

Peace did not come.

Nor did trust.

Talks went on for years. In 1994 the sides met in Bishkek and
signed a ceasefire that held until the war of 2020.
"""


def test_hard_wrapped_paragraphs_between_blank_lines() -> None:
    layout, sentences, sections, paragraphs = _read(WRAPPED)
    # many one-line paragraphs: the old rule took the many blank lines for double spacing
    assert (layout, sections, paragraphs) == ("pdf", ["Background"], 7)
    assert sentences == [
        (3, "In 1988 the Karabakh Soviet voted to join Armenia, and mass protests followed "
            "in Yerevan within days."),
        (6, "The war ended."), (8, "A ceasefire held."), (10, "Peace did not come."),
        (12, "Nor did trust."), (14, "Talks went on for years."),
        (14, "In 1994 the sides met in Bishkek and signed a ceasefire that held until the "
             "war of 2020.")]


def test_a_short_wrapped_line_before_a_lower_case_line_is_not_a_heading() -> None:
    text = ("The front moved east in the spring of that year.\n"
            "In 1992 Armenian forces took Shusha and\n"
            "then the corridor to Lachin.\n")
    layout, sentences, sections, _ = _read(text)
    assert (layout, sections) == ("pdf", [])
    assert sentences[1] == (2, "In 1992 Armenian forces took Shusha and then the corridor "
                               "to Lachin.")


DOUBLE_SPACED = """\
The Second Karabakh War has arguably ended the oldest conflict of the post-Soviet 

region. Nevertheless, the aftermath of the latest military confrontation has made 

very little room for peacebuilding between the two civil societies.  

In the end both sides claimed that the ceasefire of November 2020 was a turning 

point in the long history of the conflict.  
"""


def test_double_spaced_pdf_text_still_joins_its_lines() -> None:
    # the shape of seed 000: a blank line after every line, two spaces end a paragraph
    layout, sentences, _, paragraphs = _read(DOUBLE_SPACED)
    assert (layout, paragraphs) == ("pdf", 2)
    assert [line for line, _ in sentences] == [1, 3, 7]
    assert sentences[0][1].endswith("post-Soviet region.")


HEADINGS = """\
# The conflict

The Karabakh Soviet voted to join Armenia in February 1988.

# In 1990 the fighting grew

Soviet troops entered Baku in January 1990.
"""


def test_markdown_headings_are_sections_not_sentences() -> None:
    # with two markdown signs the old rule said "pdf": "# In 1990 the fighting grew"
    # became part of one long sentence, and an event title
    layout, sentences, sections, _ = _read(HEADINGS)
    assert (layout, sections) == ("markdown", ["The conflict", "In 1990 the fighting grew"])
    assert sentences == [(3, "The Karabakh Soviet voted to join Armenia in February 1988."),
                         (7, "Soviet troops entered Baku in January 1990.")]


WRAPPED_MARKDOWN = """\
# Background

In 1988 the Karabakh Soviet voted to join
Armenia, and protests followed in Yerevan.
A ceasefire came in May 1994 and it held
for many years after.

- Talks resumed in 1997 in Moscow.
- Talks failed again in 2001 at Key West.
"""


def test_wrapped_markdown_paragraphs_and_list_items() -> None:
    layout, sentences, sections, paragraphs = _read(WRAPPED_MARKDOWN)
    assert (layout, sections, paragraphs) == ("markdown", ["Background"], 4)
    assert sentences == [
        (3, "In 1988 the Karabakh Soviet voted to join Armenia, and protests followed in "
            "Yerevan."),
        (5, "A ceasefire came in May 1994 and it held for many years after."),
        (8, "Talks resumed in 1997 in Moscow."), (9, "Talks failed again in 2001 at Key West.")]


SETEXT = """\
The conflict
============

In 1988 the Karabakh Soviet voted to join Armenia.

After the war
=============

A ceasefire came in May 1994.
"""


def test_setext_headings_underlined_with_equals_signs() -> None:
    layout, sentences, sections, _ = _read(SETEXT)
    assert (layout, sections) == ("markdown", ["The conflict", "After the war"])
    assert sentences == [(4, "In 1988 the Karabakh Soviet voted to join Armenia."),
                         (9, "A ceasefire came in May 1994.")]


def _manifest_layouts() -> dict[str, str]:
    manifest = tomllib.loads((SEEDS / "sources.toml").read_text("utf-8"))
    return {entry["file"]: entry["layout"] for entry in manifest["source"]}


@pytest.mark.parametrize("file", sorted(_manifest_layouts()))
def test_each_seed_is_detected_as_its_manifest_says(file: str) -> None:
    assert detect_layout((SEEDS / file).read_text("utf-8")) == _manifest_layouts()[file]


def test_a_manifest_layout_wins_over_detection() -> None:
    source = Source(id="doc", file="doc.txt", title="doc", layout="paragraphs")
    forced = process_document(source, WRAPPED)
    detected = process_document(replace(source, layout="auto"), WRAPPED)
    assert (forced.layout, detected.layout) == ("paragraphs", "pdf")
    assert forced.sentences[0].text == ("In 1988 the Karabakh Soviet voted to join Armenia, "
                                        "and mass protests")
