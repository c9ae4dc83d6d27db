"""Bytes on disk -> text, or one clear line saying why a document cannot be read."""

from __future__ import annotations

import codecs
from pathlib import Path

from karabakh_tui.text import document_text

MAX_LINE = 200_000
"""Characters in one line. The seeds' longest is under 2,000 (a paragraph per line); a
longer line is not prose (a dump, minified data) and would take minutes to extract."""


class DocumentError(ValueError):
    """A document that cannot be read; the message names the file and the problem."""


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def read_document(path: Path) -> str:
    """Decode a document: UTF-8 (or UTF-16 with a BOM). Refuse binary and empty files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot read ({exc.strerror})") from None
    return decode_document(data, path.name)


def decode_document(data: bytes, name: str) -> str:
    """The text of `data`, normalised to "\\n" line ends and made inert (no escape or
    control characters, see `text.document_text`); raises DocumentError."""
    if not data.strip():
        raise DocumentError(f"{name}: empty file, nothing to read; skipped")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        raise DocumentError(f"{name}: looks binary (NUL bytes); only UTF-8 text (or UTF-16 "
                            "with a byte-order mark) is read")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{name}: not valid {encoding.upper()} at byte offset {exc.start}; "
            "re-save it as UTF-8"
        ) from None
    text = document_text(text)  # also drops a byte-order mark written twice
    if not text.strip():
        raise DocumentError(f"{name}: only control characters, nothing to read; skipped")
    _check_lines(text, name)
    return text


def _check_lines(text: str, name: str) -> None:
    if len(text) <= MAX_LINE:
        return
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            raise DocumentError(f"{name}: line {number} is {len(line):,} characters long (at "
                                f"most {MAX_LINE:,}); not prose? re-wrap it into paragraphs")
