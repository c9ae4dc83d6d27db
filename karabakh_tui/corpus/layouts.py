"""Which of the known text layouts a document is in, told from the text alone.

- ``markdown``: headings with ``#``, ``<sup>N</sup>`` footnote markers, ``---`` page breaks;
- ``paragraphs``: one paragraph per (long) line, blank lines between;
- ``pdf``: hard-wrapped lines of similar length, as a PDF-to-text tool leaves them.
"""

from __future__ import annotations

import re

LAYOUTS = ("pdf", "paragraphs", "markdown")
_MARKDOWN_SIGNS = re.compile(r"^#{1,6}\s|<sup>|^---\s*$", re.M)
_WRAP_WIDTH = 140
"""Lines of running text longer than this were not wrapped by a PDF extractor."""


def detect_layout(text: str) -> str:
    """The layout of `text` (one of `LAYOUTS`)."""
    if len(_MARKDOWN_SIGNS.findall(text)) >= 3:
        return "markdown"
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return "paragraphs"
    long_lines = sum(len(line) > _WRAP_WIDTH for line in lines)
    return "paragraphs" if long_lines * 3 >= len(lines) else "pdf"
