"""Name folding shared by the build (aliases table) and the read path (lookups)."""

from __future__ import annotations

import re
import unicodedata

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc`"), "'")
_SPACES = re.compile(r"\s+")
_HYPHEN_GAP = re.compile(r"\s*-\s*")


def fold(name: str) -> str:
    """Case-, accent-, dash- and spacing-insensitive key: 'Şuşa' -> 'susa'."""
    text = unicodedata.normalize("NFKD", name.translate(_DASHES).translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ı", "i").replace("ə", "e").replace("Ə", "e")
    text = _HYPHEN_GAP.sub("-", _SPACES.sub(" ", text)).strip()
    return text.casefold()
