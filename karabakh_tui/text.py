"""Document text is data: make it safe to show in a terminal, a table cell or an export.

`safe_text` removes what a terminal or a renderer would act on instead of showing:

- escape sequences: CSI (``ESC [`` parameters, intermediates, final byte, also the
  8-bit ``U+009B`` form), string sequences (OSC ``ESC ]``, DCS ``ESC P``, SOS, PM, APC)
  up to BEL or ST when they end on the same line within 4096 characters, and any other
  ``ESC`` with its intermediates and final byte; an unterminated string sequence loses
  only its introducer, so a stray ``ESC ]`` cannot swallow the rest of a document;
- C0 controls except newline and tab, DEL, C1 controls (U+0080-U+009F);
- bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
  which can make a sentence read differently from what it says ("Trojan Source");
- invisible characters that hide inside words and defeat search: zero-width space
  (U+200B), word joiner and invisible operators (U+2060-U+2064), BOM (U+FEFF);
- lone surrogates (left by decoding with ``surrogateescape``; unencodable as UTF-8).

Whitespace controls become whitespace so words never glue together: tab, vertical tab
and form feed become a space, NEL (U+0085) a space, CR and CRLF a newline.

Kept on purpose: every letter (Armenian, Azerbaijani, Cyrillic ...), curly quotes, dashes,
non-breaking spaces, soft hyphens, left/right-to-left marks (U+200E/U+200F, which reorder
nothing by themselves), and the zero-width (non-)joiners U+200C/U+200D, which Persian and
Arabic spelling and emoji sequences need; none of these can drive a terminal.
"""

from __future__ import annotations

import re

_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: parameters, intermediates, final byte
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)"  # OSC/DCS/SOS/PM/APC
    r"|\x1b[ -/]*[0-~]?"  # any other escape (and string introducers left unterminated)
    r"|[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # C0 (not \t\n\v\f\r), DEL, C1 (not NEL)
    r"\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
_WHITESPACE = (("\r\n", "\n"), ("\r", "\n"), ("\t", " "), ("\v", " "), ("\f", " "), ("\x85", " "))
"""Applied in order with `str.replace`: 5x faster than `str.translate` on non-ASCII text."""


def safe_text(s: str) -> str:
    """`s` without escape sequences, control, bidi-override or invisible characters.

    Idempotent; letters, punctuation, newlines and ordinary spaces are kept as they are.
    """
    s = _SEQUENCES.sub("", s)
    for old, new in _WHITESPACE:
        if old in s:
            s = s.replace(old, new)
    return s


_LINE_BREAKS = re.compile(r"[\v\f\x85\u2028\u2029]")
"""Characters `str.splitlines` breaks on besides "\n" (the C0 separators are removed)."""


def document_text(s: str) -> str:
    """A whole document made inert as it is read: `safe_text`, but tabs kept for the
    cleaners, and every line break other than "\n" made a space so that line numbers
    are the ones `grep -n` and an editor show.
    """
    s = _SEQUENCES.sub("", s.replace("\r\n", "\n").replace("\r", "\n"))
    return _LINE_BREAKS.sub(" ", s)


def one_line(s: str) -> str:
    """`s` on one line: every run of whitespace (newlines, NBSP too) becomes one space."""
    return " ".join(s.split())
