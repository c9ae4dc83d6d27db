"""Which of the known text layouts a document is in, told from the text alone.

- ``markdown``: ``#`` headings, or several of ``<sup>N</sup>`` footnote markers and
  ``---`` page breaks;
- ``paragraphs``: one paragraph per line (blank lines between or not);
- ``pdf``: hard-wrapped lines, as a PDF-to-text tool leaves them or as a writer wraps a
  plain-text file (paragraphs separated by blank lines, or every line double-spaced).

A manifest entry's ``layout`` wins; only ``auto`` (the default) comes here.
"""

from __future__ import annotations

import re

from karabakh_tui.corpus.clean import PROSE_WORDS, ends_sentence

LAYOUTS = ("pdf", "paragraphs", "markdown")
_HEADING_LINE = re.compile(r"^#{1,6}[ \t]+\S|^[ \t]*\S.*\n={3,}[ \t]*$", re.M)
"""An ATX heading ("# Title"), or a setext one (a line underlined with "===")."""
_MARKDOWN_SIGNS = re.compile(r"^#{1,6}\s|<sup>|^---\s*$", re.M)
_WRAPPED_SHARE = 0.25
"""Of the running-text lines of a one-paragraph-per-line text, at most this share stops
mid-sentence (the seeds: 2% and 6%); of a hard-wrapped text most do (86%, 87%)."""


def detect_layout(text: str) -> str:
    """The layout of `text` (one of `LAYOUTS`)."""
    if _HEADING_LINE.search(text) or len(_MARKDOWN_SIGNS.findall(text)) >= 3:
        return "markdown"
    return "pdf" if mid_sentence_share(text.splitlines()) > _WRAPPED_SHARE else "paragraphs"


def mid_sentence_share(lines: list[str]) -> float:
    """The share of running-text lines that end mid-sentence (0 when there are none):
    a line break inside a sentence means the text was wrapped."""
    prose = [line.strip() for line in lines if len(line.split()) >= PROSE_WORDS]
    if not prose:
        return 0.0
    return sum(not ends_sentence(line) for line in prose) / len(prose)
