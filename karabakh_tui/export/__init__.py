"""Exports of a filtered chronology: Markdown, JSON, CSV and TimelineJS.

Every renderer is a pure function of its arguments (no clock, no database, no files) so
the CLI and the TUI produce byte-identical output; `write.write_atomic` is the only I/O.
This module holds the few helpers the renderers share and imports only the model.
"""

from __future__ import annotations

from karabakh_tui.model import Citation

TITLE = "Chronology of the Nagorno-Karabakh conflict"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def key_parts(key: int) -> tuple[int, int, int]:
    """A sort key (astronomical year * 10000 + month * 100 + day) as (year, month, day).

    Floor division keeps month and day right for BCE keys: -1989899 -> (-199, 1, 1).
    """
    return key // 10000, key // 100 % 100, key % 100


def year_label(year: int) -> str:
    """An astronomical year as people write it: 2020 -> "2020", 0 -> "1 BCE", -199 -> "200 BCE"."""
    return str(year) if year >= 1 else f"{1 - year} BCE"


def key_label(key: int) -> str:
    """A sort key as a date people read: "27 September 2020", "January 200 BCE", "1994"."""
    year, month, day = key_parts(key)
    if 1 <= month <= 12:
        month_year = f"{MONTHS[month - 1]} {year_label(year)}"
        return f"{day} {month_year}" if day else month_year
    return year_label(year)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def location(citation: Citation) -> str:
    """Where to read the cited sentence: "seeds/FILE:LINE".

    `Citation.file` is "seeds/FILE" when read from the database and the bare file name
    when it comes straight from the merger; a bare name is placed in `seeds/`.
    """
    file = citation.file or citation.document
    if "/" not in file:
        file = f"seeds/{file}"
    return f"{file}:{citation.line}"
