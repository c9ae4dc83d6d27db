"""Bytes on disk -> text, or one clear line saying why a document cannot be read."""

from __future__ import annotations

import codecs
from pathlib import Path


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
    """The text of `data`, normalised to "\\n" line ends; raises DocumentError."""
    if not data.strip():
        raise DocumentError(f"{name}: empty file, nothing to read; skipped")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        raise DocumentError(f"{name}: looks binary (NUL bytes); only UTF-8 text is read")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{name}: not valid {encoding.upper()} at byte offset {exc.start}; "
            "re-save it as UTF-8"
        ) from None
    # a byte-order mark left inside the text (written twice) is not reading text
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
