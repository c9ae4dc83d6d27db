"""A corpus of crafted hostile documents (docs/) plus two generated at test time.

`docs/` holds the small ones, committed byte for byte: escape sequences and markup,
absurd dates, a binary file, Latin-1 bytes, UTF-16 with a BOM, an empty file and one
plain document. The two big ones are written by `write_big_documents`: a 10 MB single
line and a document with 100,000 footnote markers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"

UNREADABLE = {"binary.txt": "looks binary", "latin1.txt": "not valid UTF-8 at byte offset",
              "empty.txt": "empty file"}
"""Documents the build must skip, and the words its warning must hold."""

LONG_LINE_BYTES = 10_000_000
FOOTNOTE_MARKERS = 100_000


def write_big_documents(folder: Path) -> list[str]:
    """Write the 10 MB single line and the 100,000-marker document; return their names."""
    sentence = "In 1994 Armenia and Azerbaijan signed a ceasefire in Bishkek and kept it, "
    line = (sentence * (LONG_LINE_BYTES // len(sentence) + 1))[:LONG_LINE_BYTES]
    (folder / "long_line.txt").write_text(line, encoding="utf-8")
    lines = (" ".join(f"a<sup>{n}</sup>" for n in range(first, first + 100))
             for first in range(1, FOOTNOTE_MARKERS + 1, 100))
    (folder / "footnotes.txt").write_text(
        "# Footnotes everywhere\n\nIn 1994 Armenia and Azerbaijan agreed a ceasefire.<sup>1</sup>"
        "\n\n" + "\n".join(lines) + "\n\n---\n\n1 Author, Title, 2001.\n", encoding="utf-8")
    return ["long_line.txt", "footnotes.txt"]


def hostile_corpus(folder: Path, big: bool = False) -> Path:
    """Copy docs/ into `folder` with a manifest naming every file; add the big ones.

    The manifest's titles and authors hold escape sequences too (TOML "\\u001b")."""
    folder.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in DOCS.iterdir() if p.is_file())
    for name in names:
        shutil.copyfile(DOCS / name, folder / name)
    if big:
        names += write_big_documents(folder)
    entries = "".join(
        f'[[source]]\nid = "{Path(n).stem.replace("_", "-")}"\nfile = "{n}"\n'
        f'title = "Hostile \\u001b]0;pwned\\u0007{Path(n).stem}"\nwritten = "2021-05"\n'
        f'author = "A. \\u001b[31mRed\\u001b[0m \\u202eAuthor"\n\n' for n in names)
    (folder / "sources.toml").write_text(entries, encoding="utf-8")
    return folder
